/**
 * The workbook as exceljs models it, for the commands that still write through exceljs (rank,
 * summary), and its snapshot, which the conformance tests hold the package reader to.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { parseRangeAddress } from '../engine/address';
import { fileKind, unusableMessage } from './file-kind';
import { WorkbookReadError } from './workbook-error';
import { CellRange, CellSnapshot, CellValue, dayText, SheetSnapshot } from '../engine/snapshot';

type ExcelValue = ExcelJS.CellValue;

/** The value of a cell; a formula's cached result comes from `result` (exceljs leaves a 0 out of `value`). */
function plainValue(value: ExcelValue, formulaResult?: ExcelValue): { value: CellValue; formula?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value: dayText(value) };
  if (typeof value === 'object') {
    if ('richText' in value) return { value: value.richText.map((r) => r.text).join('') };
    if ('formula' in value || 'sharedFormula' in value) {
      const f = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const result = (f.result ?? formulaResult) as ExcelValue;
      const inner = result === undefined ? { value: null } : plainValue(result);
      return { value: inner.value, formula: f.formula ?? f.sharedFormula };
    }
    if ('error' in value) return { value: String(value.error) };
    if ('text' in value) return { value: String((value as { text: unknown }).text) };
  }
  return { value: String(value) };
}

type MergeRecord = { top: number; left: number; bottom: number; right: number };

/**
 * The merged areas. Read from exceljs's own record of them: `ws.model` would also copy every
 * cell of the sheet, which takes longer than the whole check of a large appendix.
 */
function mergedAreas(ws: ExcelJS.Worksheet): CellRange[] {
  const own = (ws as unknown as { _merges?: Record<string, MergeRecord> })._merges;
  if (own && typeof own === 'object') return Object.values(own).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  return ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(parseRangeAddress);
}

export function worksheetToSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: (CellSnapshot | undefined)[][] = [];
  const hiddenRows: number[] = [];
  const merges = mergedAreas(ws);
  const hasMerges = merges.length > 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const out: (CellSnapshot | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Inside a merged area only the first cell holds the value (exceljs repeats it in the others).
      if (hasMerges && cell.isMerged && cell.master !== cell) return;
      const raw = cell.value;
      // Plain numbers and strings, nearly every cell, skip the general conversion.
      const { value, formula } = typeof raw === 'number' || typeof raw === 'string' ? { value: raw, formula: undefined } : plainValue(raw, cell.result as ExcelValue);
      if (value === null && !formula) return;
      const style = cell.style;
      // Every cell gets the same fields in the same order: the engine reads them faster so.
      out[colNumber - 1] = { value, numberFormat: style?.numFmt && style.numFmt !== 'General' ? style.numFmt : undefined, bold: style?.font?.bold ? true : undefined, formula };
    });
    cells[r] = out;
  });
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  const isProtected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  return { name: ws.name, cells, merges, hiddenRows, protected: isProtected };
}

/** Opens an .xlsx file, with a clear message when it cannot be used. Never modifies the file. */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(path) || !fs.statSync(path).isFile()) {
    throw new WorkbookReadError(`Không tìm thấy tệp ${path}.`, `File not found: ${path}.`);
  }
  const kind = fileKind(path);
  if (kind !== 'xlsx') {
    const { vi, en } = unusableMessage(kind, path);
    throw new WorkbookReadError(vi, en);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    throw new WorkbookReadError(
      `Không đọc được ${path}: tệp không phải là sổ tính Excel .xlsx hợp lệ (có thể là .xls cũ, bị hỏng hoặc có mật khẩu).`,
      `Cannot read ${path}: not a valid Excel .xlsx workbook (an old .xls, damaged, or password-protected?).`,
    );
  }
  if (!wb.worksheets.length) {
    const { vi, en } = unusableMessage('no-sheets', path);
    throw new WorkbookReadError(vi, en);
  }
  return wb;
}

/** The worksheets to work on: all, or the one named. */
export function selectSheets(wb: ExcelJS.Workbook, path: string, sheetName?: string): ExcelJS.Worksheet[] {
  const sheets = wb.worksheets.filter((ws) => !sheetName || ws.name === sheetName);
  if (sheetName && !sheets.length) {
    const names = wb.worksheets.map((ws) => ws.name).join(', ');
    throw new WorkbookReadError(`Không có trang tính "${sheetName}" trong ${path}. Các trang: ${names}.`, `No sheet "${sheetName}" in ${path}. Sheets: ${names}.`);
  }
  return sheets;
}
