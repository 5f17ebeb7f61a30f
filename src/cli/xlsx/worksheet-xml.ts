/**
 * The XML of a new, plain worksheet: rows of text and numbers (text written inline, so the
 * shared strings of the workbook stay as they are), column widths, a bold first row kept in view.
 */
import { cellAddress } from '../../engine/read/address';
import { MAIN_NS, RELATIONSHIPS_NS, XML_HEAD } from './namespaces';
import { inlineText } from './xml-splice';

export interface PlainSheet {
  rows: (string | number | null)[][];
  widths: number[];
  /** Style index of the header row (the first). */
  headerStyle: number;
}

export function worksheetXml(sheet: PlainSheet): Uint8Array {
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const rows = sheet.rows
    .map((cells, r) => {
      const s = r === 0 && sheet.headerStyle ? ` s="${sheet.headerStyle}"` : '';
      const xml = cells
        .map((v, c) => {
          if (v === null || v === '') return '';
          const ref = cellAddress(r, c);
          if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
          return `<c r="${ref}"${s} t="inlineStr">${inlineText(v)}</c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return new TextEncoder().encode(
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : '') +
      `<sheetData>${rows}</sheetData>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '</worksheet>',
  );
}
