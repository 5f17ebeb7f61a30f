/**
 * The exceljs host for the sheets PhuLuc adds (rankings, summaries): an Excel table with a style,
 * number formats, a colour scale on the measure, the header frozen and repeated on every printed
 * page, landscape and fit to width.
 */
import { columnLetters } from '../engine/address';
import ExcelJS from 'exceljs';
import { SheetDraft } from '../engine/ranking-sheet';

const GOOD = 'FF63BE7B';
const MIDDLE = 'FFFFEB84';
const BAD = 'FFF8696B';

/** 1-based column number → letters, as exceljs numbers columns. */
const columnLetter = (n: number): string => columnLetters(n - 1);

/** Writes a sheet draft as a new worksheet. */
export function renderSheetDraft(wb: ExcelJS.Workbook, draft: SheetDraft): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(draft.name);
  const width = draft.header.length;
  const lastCol = columnLetter(width);
  ws.getCell('A1').value = draft.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells(`A1:${lastCol}1`);
  let r = 2;
  for (const line of draft.info) {
    ws.getCell(`A${r}`).value = line;
    ws.getCell(`A${r}`).font = { italic: true, size: 10 };
    ws.mergeCells(`A${r}:${lastCol}${r}`);
    ws.getRow(r).height = 27;
    ws.getCell(`A${r}`).alignment = { wrapText: true, vertical: 'top' };
    r++;
  }
  if (draft.warning) {
    ws.getCell(`A${r}`).value = draft.warning;
    ws.getCell(`A${r}`).font = { bold: true, color: { argb: 'FFC00000' } };
    ws.mergeCells(`A${r}:${lastCol}${r}`);
    r++;
  }
  const headerRow = r + 1;
  const tableName = `PhuLucXepHang${wb.worksheets.length}`;
  ws.addTable({
    name: tableName,
    ref: `A${headerRow}`,
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: draft.header.map((name) => ({ name, filterButton: true })),
    rows: draft.rows.length ? draft.rows : [draft.header.map(() => null)],
  });
  draft.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  // The table style shows in Excel; explicit formatting keeps the header clear everywhere else too.
  const thin = { style: 'thin' as const, color: { argb: 'FFB4C6E7' } };
  for (let c = 1; c <= width; c++) {
    const cell = ws.getCell(headerRow, c);
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF305496' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    for (let row = headerRow; row <= headerRow + Math.max(draft.rows.length, 1); row++) ws.getCell(row, c).border = { top: thin, bottom: thin, left: thin, right: thin };
  }
  const rankColumn = draft.header.indexOf('Hạng') + 1;
  if (rankColumn > 0) for (let row = headerRow + 1; row <= headerRow + draft.rows.length; row++) ws.getCell(row, rankColumn).alignment = { horizontal: 'center' };
  const lastRow = headerRow + Math.max(draft.rows.length, 1);
  draft.formats.forEach((fmt, c) => {
    if (!fmt) return;
    for (let row = headerRow + 1; row <= lastRow; row++) ws.getCell(row, c + 1).numFmt = fmt;
  });
  const measure = draft.measureColumn === undefined ? undefined : columnLetter(draft.measureColumn + 1);
  if (measure) ws.addConditionalFormatting({
    ref: `${measure}${headerRow + 1}:${measure}${lastRow}`,
    rules: [
      {
        type: 'colorScale',
        priority: 1,
        cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
        color: draft.better === 'higher' ? [{ argb: BAD }, { argb: MIDDLE }, { argb: GOOD }] : [{ argb: GOOD }, { argb: MIDDLE }, { argb: BAD }],
      },
    ],
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0, activeCell: `A${headerRow + 1}` }];
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
  return ws;
}

