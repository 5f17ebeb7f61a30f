/**
 * A sheet PhuLuc adds (a ranking, a summary) written into the package as a new worksheet part:
 * title and notes merged across the table, an Excel table with a style and filter buttons, a
 * filled header, number formats, a colour scale on the measure, a bar chart beside it, the header
 * frozen and printed on every page, landscape and fit to width; made without rebuilding the workbook, so nothing else
 * in it is lost.
 */
import { cellAddress, columnLetters } from '../../engine/read/address';
import { SheetDraft } from '../../engine/output/ranking-sheet';
import { MAIN_NS, RELATIONSHIPS_NS, XML_HEAD } from './namespaces';
import { PackageEdit } from './package-edit';
import { StylesPatch } from './styles-patch';
import { escapeXml, inlineText } from './xml-splice';
import { addChartParts } from './chart-part';

const GOOD = 'FF63BE7B';
const MIDDLE = 'FFFFEB84';
const BAD = 'FFF8696B';
const HEADER_FILL = 'FF305496';
const LINE = 'FFB4C6E7';
const TABLE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

type Value = string | number | null;

function cell(row: number, col: number, value: Value, style: number): string {
  const r = cellAddress(row, col);
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return `<c r="${r}"${s}/>`;
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${r}"${s}><v>${value}</v></c>` : `<c r="${r}"${s}/>`;
  return `<c r="${r}"${s} t="inlineStr">${inlineText(value)}</c>`;
}

/** Sheet names in a reference: quoted, quotes doubled. */
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Adds the draft as a new sheet at the end of the workbook; returns its name. */
export function addDraftSheet(edit: PackageEdit, styles: StylesPatch, draft: SheetDraft): string {
  const width = draft.header.length;
  const last = width - 1;
  const rows: string[] = [];
  const merges: string[] = [];
  const span = (row: number) => merges.push(`${cellAddress(row, 0)}:${cellAddress(row, last)}`);
  let r = 0;
  rows.push(`<row r="1">${cell(0, 0, draft.title, styles.style({ bold: true, size: 14 }))}</row>`);
  span(r++);
  for (const line of draft.info) {
    rows.push(`<row r="${r + 1}" ht="27" customHeight="1">${cell(r, 0, line, styles.style({ italic: true, size: 10, wrap: true, vertical: 'top' }))}</row>`);
    span(r++);
  }
  if (draft.warning) {
    rows.push(`<row r="${r + 1}">${cell(r, 0, draft.warning, styles.style({ bold: true, color: 'FFC00000' }))}</row>`);
    span(r++);
  }
  const headerRow = r + 1;
  const header = styles.style({ bold: true, color: 'FFFFFFFF', fill: HEADER_FILL, border: LINE, horizontal: 'center', vertical: 'center', wrap: true });
  rows.push(`<row r="${headerRow + 1}">${draft.header.map((h, c) => cell(headerRow, c, h, header)).join('')}</row>`);
  const rankColumn = draft.header.indexOf('Hạng');
  const bodyStyle = (c: number) => styles.style({ border: LINE, numberFormat: draft.formats[c], horizontal: c === rankColumn ? 'center' : undefined });
  const body = draft.rows.length ? draft.rows : [draft.header.map(() => null)];
  body.forEach((values, i) => {
    const row = headerRow + 1 + i;
    rows.push(`<row r="${row + 1}">${values.map((v, c) => cell(row, c, v, bodyStyle(c))).join('')}</row>`);
  });
  const lastRow = headerRow + body.length;
  const ref = `${cellAddress(headerRow, 0)}:${cellAddress(lastRow, last)}`;

  const table = edit.newTable('PhuLucXepHang');
  const tablePart = edit.freeName('xl/tables', 'table', '.xml');
  const columns = draft.header.map((h, c) => `<tableColumn id="${c + 1}" name="${escapeXml(h)}"/>`).join('');
  edit.addPart(
    tablePart,
    new TextEncoder().encode(
      `${XML_HEAD}<table xmlns="${MAIN_NS}" id="${table.id}" name="${table.name}" displayName="${table.name}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${width}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    ),
    TABLE_CONTENT_TYPE,
  );

  const measure = draft.measureColumn === undefined ? undefined : columnLetters(draft.measureColumn);
  const colours = draft.better === 'higher' ? [BAD, MIDDLE, GOOD] : [GOOD, MIDDLE, BAD];
  const scale = measure
    ? `<conditionalFormatting sqref="${measure}${headerRow + 2}:${measure}${lastRow + 1}"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>${colours.map((c) => `<color rgb="${c}"/>`).join('')}</colorScale></cfRule></conditionalFormatting>`
    : '';
  const cols = draft.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('');
  const drawing = draft.chart && draft.rows.length ? addChartParts(edit, draft.chart, { sheetName: draft.name, headerRow, besideColumn: last, values: draft.rows }) : undefined;
  const xml =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${cellAddress(lastRow, last)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow + 1}" topLeftCell="A${headerRow + 2}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 2}" sqref="A${headerRow + 2}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` +
    scale +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    (drawing ? '<drawing r:id="rId2"/>' : '') +
    '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' +
    '</worksheet>';
  const { index } = edit.addSheet(draft.name, new TextEncoder().encode(xml), [{ type: 'table', part: tablePart }, ...(drawing ? [{ type: 'drawing', part: drawing }] : [])]);
  edit.addDefinedName('_xlnm.Print_Titles', index, `${quoted(draft.name)}!$${headerRow + 1}:$${headerRow + 1}`);
  return draft.name;
}
