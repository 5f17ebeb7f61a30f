import { CellRange } from './snapshot';

/** A cell as one number (row × sheet width + column), for flat tables of cells. */
export type CellKey = number;
/** Excel's widest sheet: 16,384 columns. */
export const SHEET_WIDTH = 16384;
export const keyOf = (row: number, col: number): CellKey => row * SHEET_WIDTH + col;
export const rowOfKey = (key: CellKey): number => Math.floor(key / SHEET_WIDTH);
export const colOfKey = (key: CellKey): number => key % SHEET_WIDTH;

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeAddress(range: CellRange): string {
  return `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`;
}

/** Parses "C40" into 0-based row and column. */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses "B3:D7" (or "C40", or with a sheet: "'PL VII'!B3:D7") into a 0-based rectangle. */
export function parseRangeAddress(address: string): CellRange {
  const ref = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [a, b] = ref.split(':');
  const start = parseAddress(a);
  const end = parseAddress(b ?? a);
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

/** The key of a cell given by its address ("C12"). */
export function keyOfAddress(address: string): CellKey {
  const { row, col } = parseAddress(address);
  return keyOf(row, col);
}
