/**
 * A bar chart as Excel writes one: a drawing part anchoring it beside the table, and a chart part
 * whose series refers to the sheet's cells (with their values cached, so a reader that does not
 * recompute still draws it). Bars run best first from the top: the category axis is reversed and
 * the value axis crosses it at its end, where the bottom of the chart is.
 */
import { columnLetters } from '../../engine/read/address';
import { ChartDraft } from '../../engine/output/ranking-sheet';
import { relationshipsPartOf } from './package-parts';
import { PackageEdit, relativeTarget } from './package-edit';
import { RELATIONSHIPS_NS, relationshipsXml, XML_HEAD } from './namespaces';
import { escapeXml } from './xml-splice';

const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SPREADSHEET_DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const BAR = '305496';

export interface ChartPlacement {
  sheetName: string;
  /** 0-based sheet row of the table's header (the data starts on the next row). */
  headerRow: number;
  /** 0-based column right of which the chart stands. */
  besideColumn: number;
  values: (string | number | null)[][];
}

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
const encoder = new TextEncoder();

function chartXml(chart: ChartDraft, at: ChartPlacement): string {
  const first = at.headerRow + 2;
  const last = at.headerRow + 1 + chart.rows;
  const ref = (col: number) => `${quoted(at.sheetName)}!$${columnLetters(col)}$${first}:$${columnLetters(col)}$${last}`;
  const rows = at.values.slice(0, chart.rows);
  const names = rows.map((r, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(r[chart.categories] ?? ''))}</c:v></c:pt>`).join('');
  const numbers = rows
    .map((r, i) => (typeof r[chart.values] === 'number' && Number.isFinite(r[chart.values]) ? `<c:pt idx="${i}"><c:v>${r[chart.values]}</c:v></c:pt>` : ''))
    .join('');
  const text = (t: string) => `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${escapeXml(t)}</a:t></a:r></a:p></c:rich></c:tx>`;
  const format = escapeXml(chart.format);
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart><c:title>${text(chart.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    '<c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(chart.title)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${BAR}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:dLbls><c:numFmt formatCode="${format}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${escapeXml(ref(chart.categories))}</c:f><c:strCache><c:ptCount val="${rows.length}"/>${names}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(ref(chart.values))}</c:f><c:numCache><c:formatCode>${format}</c:formatCode><c:ptCount val="${rows.length}"/>${numbers}</c:numCache></c:numRef></c:val>` +
    '</c:ser><c:gapWidth val="60"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>' +
    '<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="${chart.format.includes('%') ? '0%' : '0'}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '</c:chartSpace>'
  );
}

function drawingXml(chart: ChartDraft, at: ChartPlacement): string {
  const fromCol = at.besideColumn + 2;
  const fromRow = at.headerRow;
  // Tall enough for every bar to have its name: two rows per bar, fifteen rows at least.
  const toRow = fromRow + Math.max(15, chart.rows * 2 + 4);
  const anchor = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}">` +
    `<xdr:twoCellAnchor editAs="oneCell">${anchor('from', fromCol, fromRow)}${anchor('to', fromCol + 9, toRow)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(`Biểu đồ ${chart.title}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="rId1"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}

/** Adds the chart's parts; returns the drawing part the sheet must own. */
export function addChartParts(edit: PackageEdit, chart: ChartDraft, at: ChartPlacement): string {
  const chartPart = edit.freeName('xl/charts', 'chart', '.xml');
  edit.addPart(chartPart, encoder.encode(chartXml(chart, at)), CHART_CONTENT_TYPE);
  const drawingPart = edit.freeName('xl/drawings', 'drawing', '.xml');
  edit.addPart(drawingPart, encoder.encode(drawingXml(chart, at)), DRAWING_CONTENT_TYPE);
  edit.addPart(
    relationshipsPartOf(drawingPart),
    encoder.encode(relationshipsXml(`<Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/chart" Target="${escapeXml(relativeTarget(drawingPart, chartPart))}"/>`)),
  );
  return drawingPart;
}
