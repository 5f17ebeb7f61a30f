/**
 * A plain, host-independent picture of one worksheet: what the engine reads.
 * Both hosts (Office.js and the file reader) produce it; the engine never sees either.
 */
import { cleanText } from './text';

export type CellValue = string | number | boolean | null;

export interface CellSnapshot {
  /** The stored value: a number, a string, a boolean, or null for an empty cell. */
  value: CellValue;
  /** The text Excel displays, when the host knows it. */
  text?: string;
  /** The cell's number format, e.g. "0.00%" or "#,##0". */
  numberFormat?: string;
  bold?: boolean;
  /** The formula, without its value, when the cell holds one. */
  formula?: string;
}

/** A rectangle of cells, 0-based and inclusive, relative to A1. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** cells[row][col], 0-based from A1; missing entries are empty cells. */
  cells: (CellSnapshot | undefined)[][];
  merges?: CellRange[];
  hiddenRows?: number[];
  /** True when the sheet is protected against editing. */
  protected?: boolean;
  /** Set when the sheet is hidden from the tabs ("veryHidden": only a macro or the VBA editor shows it again). */
  visibility?: 'hidden' | 'veryHidden';
}

/** A date as the engine is given it, by every host: its day as dd/mm/yyyy (UTC). */
export function dayText(date: Date): string {
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
}

/**
 * A number format that shows a date: day, month-name or year codes outside quoted text and
 * brackets (a time of day or an elapsed time is not a date). Every host reads dates by this rule.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  let outside = '';
  let quoted = false;
  let bracket = false;
  for (const ch of format) {
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '[') bracket = true;
    else if (ch === ']') bracket = false;
    else if (!bracket) outside += ch;
  }
  return /[dy]/i.test(outside) || /m{3,}/i.test(outside);
}

/** Excel's day number (1900 system with its leap-year count, or the 1904 system) as the day it shows. */
export function serialDay(serial: number, date1904 = false): string {
  return dayText(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000)));
}

export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellSnapshot | undefined {
  return sheet.cells[row]?.[col];
}

/** The cell's text as a person reads it, cleaned of leftover HTML; '' for an empty cell or no column. */
export function cellText(sheet: SheetSnapshot, row: number, col: number | undefined): string {
  if (col === undefined) return '';
  const cell = sheet.cells[row]?.[col];
  return cell && cell.value !== null ? cleanText(cell.text ?? String(cell.value)) : '';
}

export function rowCount(sheet: SheetSnapshot): number {
  return sheet.cells.length;
}

/** The columns up to a row's last cell. */
export function rowLength(sheet: SheetSnapshot, row: number): number {
  return sheet.cells[row]?.length ?? 0;
}

export function columnCount(sheet: SheetSnapshot): number {
  let max = 0;
  for (const row of sheet.cells) if (row && row.length > max) max = row.length;
  return max;
}

/** Builds a snapshot from a grid of plain values; convenient for hosts and tests alike. */
export function snapshotFromGrid(name: string, grid: CellValue[][]): SheetSnapshot {
  return {
    name,
    cells: grid.map((row) => row.map((value) => (value === null || value === '' ? undefined : { value }))),
  };
}
