/**
 * The Office.js host: the only place that calls Excel. Reads the active sheet's used range in
 * one round trip (values, displayed text, number formats, bold) and selects cells.
 */
import { CellSnapshot, SheetSnapshot } from '../engine/snapshot';

export interface SheetSource {
  readActiveSheet(): Promise<SheetSnapshot>;
  selectCell(sheet: string, address: string): Promise<void>;
}

type BoldGrid = { format?: { font?: { bold?: boolean } } }[][];

/** Builds a snapshot from what one load of the used range returned; offsets keep A1 addressing. */
export function snapshotFromRange(
  name: string,
  origin: { row: number; col: number },
  values: unknown[][],
  text: string[][],
  formats: string[][],
  bold: BoldGrid | undefined,
): SheetSnapshot {
  const cells: (CellSnapshot | undefined)[][] = [];
  for (let r = 0; r < origin.row; r++) cells.push([]);
  values.forEach((row, i) => {
    const out: (CellSnapshot | undefined)[] = [];
    row.forEach((v, j) => {
      if (v === '' || v === null || v === undefined) return;
      const value = typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      out[origin.col + j] = {
        value,
        text: text[i]?.[j],
        numberFormat: formats[i]?.[j],
        bold: Boolean(bold?.[i]?.[j]?.format?.font?.bold),
      };
    });
    cells.push(out);
  });
  return { name, cells };
}

export const officeHost: SheetSource = {
  async readActiveSheet() {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(['values', 'text', 'numberFormat', 'rowIndex', 'columnIndex', 'isNullObject']);
      const bold = used.getCellProperties({ format: { font: { bold: true } } });
      await context.sync();
      if (used.isNullObject) return { name: sheet.name, cells: [] };
      return snapshotFromRange(
        sheet.name,
        { row: used.rowIndex, col: used.columnIndex },
        used.values,
        used.text,
        used.numberFormat as string[][],
        bold.value as BoldGrid,
      );
    });
  },

  async selectCell(sheetName, address) {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheetName).getRange(address).select();
      await context.sync();
    });
  },
};
