/** The sort of figure a cell holds, told from its value and format alone: how tables are found in the grid. */
import { commaGroupsThousands, parseCount } from './numbers';
import { cellAt, cellText, SheetSnapshot } from './snapshot';

/** What a cell holds: a count, another number, words, or something else ("1.1.", "#REF!"). */
export type CellSort = 'empty' | 'count' | 'number' | 'text' | 'other';

export function sortOf(sheet: SheetSnapshot, row: number, col: number): CellSort {
  const cell = cellAt(sheet, row, col);
  if (!cell || cell.value === null || cellText(sheet, row, col) === '') return 'empty';
  // Words make a cell text, even after a number ("1. UBND xã …", "23 nhiệm vụ").
  if (typeof cell.value === 'boolean' || (typeof cell.value === 'string' && /\p{L}/u.test(cell.value))) return 'text';
  // "%" alone names a column's unit of measure.
  if (typeof cell.value === 'string' && !/\d/.test(cell.value) && cell.value.includes('%')) return 'text';
  // A percentage is never a count, even 100 % or 0 %.
  if (cell.numberFormat?.includes('%') || cellText(sheet, row, col).includes('%')) return 'number';
  // A number written with decimals ("100,00", "0,0") is not a count, whatever its value.
  if (typeof cell.value === 'string' && /^\s*\d+[.,]\d{1,2}\s*$/.test(cell.value)) return 'number';
  // Thousands grouped by commas ("64,524") are a count's form; whether its column writes counts so is the column's to say (readCells).
  if (typeof cell.value === 'string' && commaGroupsThousands(cell.value)) return 'count';
  const p = parseCount(cell);
  if (p.status === 'dash') return 'count';
  if (p.status !== 'number' || p.issue === 'not-a-number' || p.issue === 'excel-error') return typeof cell.value === 'number' ? 'number' : 'other';
  return p.issue === undefined && Number.isInteger(p.value) && p.value >= 0 ? 'count' : 'number';
}

/** A whole number written in a cell, or undefined (blank, dash, anything else). */
export function wholeAt(sheet: SheetSnapshot, row: number, col: number): number | undefined {
  const p = parseCount(cellAt(sheet, row, col));
  return p.status === 'number' && p.issue === undefined ? p.value : undefined;
}
