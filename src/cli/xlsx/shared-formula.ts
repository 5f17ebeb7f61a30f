/**
 * Shared formulas: Excel saves a filled-down formula once, in its first cell, and lets the other
 * cells of the fill refer to it. Each of those cells holds that formula moved by its own offset:
 * every relative reference shifts, absolute ($) parts stay.
 */

import { MAX_COLS as MAX_COL, MAX_ROWS as MAX_ROW } from './cell-address';

function letterValue(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function lettersOf(n: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

const isLetter = (c: string | undefined) => c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isNamePart = (c: string | undefined) => c !== undefined && (isLetter(c) || isDigit(c) || c === '_' || c === '.' || c === '\\' || c.charCodeAt(0) > 127);

/** The formula as it reads in a cell dRow rows below and dCol columns right of the cell it was written for. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      // A string, or a quoted sheet name: copied as it is ("" and '' escape the quote).
      let j = i + 1;
      for (; j < n; j++) if (formula[j] === c) {
        if (formula[j + 1] === c) j++;
        else break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '[') {
      // A structured reference or an external book index: never shifted.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if ((c === '$' || isLetter(c)) && !isNamePart(formula[i - 1])) {
      const ref = cellReferenceAt(formula, i);
      if (ref) {
        out += shiftReference(ref, dRow, dCol);
        i = ref.end;
        continue;
      }
      // A name or function: copied whole, so its letters and digits are not read as a reference.
      let j = i + 1;
      while (j < n && isNamePart(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

interface CellReference {
  colAbsolute: boolean;
  col: number;
  rowAbsolute: boolean;
  row: number;
  end: number;
}

function cellReferenceAt(text: string, start: number): CellReference | undefined {
  let i = start;
  const colAbsolute = text[i] === '$';
  if (colAbsolute) i++;
  const lettersStart = i;
  while (isLetter(text[i])) i++;
  const letters = text.slice(lettersStart, i);
  if (!letters.length || letters.length > 3) return undefined;
  const rowAbsolute = text[i] === '$';
  if (rowAbsolute) i++;
  const digitsStart = i;
  while (isDigit(text[i])) i++;
  if (i === digitsStart) return undefined;
  // LOG10( is a function; A1B or A1_x a name; PL1! a sheet.
  if (text[i] === '(' || text[i] === '!' || isNamePart(text[i])) return undefined;
  const col = letterValue(letters);
  const row = Number(text.slice(digitsStart, i));
  if (col > MAX_COL || row < 1 || row > MAX_ROW) return undefined;
  return { colAbsolute, col, rowAbsolute, row, end: i };
}

function shiftReference(ref: CellReference, dRow: number, dCol: number): string {
  const col = ref.colAbsolute ? ref.col : ref.col + dCol;
  const row = ref.rowAbsolute ? ref.row : ref.row + dRow;
  // A reference moved off the sheet is what Excel shows as #REF!.
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return '#REF!';
  return `${ref.colAbsolute ? '$' : ''}${lettersOf(col)}${ref.rowAbsolute ? '$' : ''}${row}`;
}
