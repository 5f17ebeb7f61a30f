/**
 * Finding header blocks on a sheet and reading each column's header path
 * (e.g. ["HS đã giải quyết", "Số lượng"]), wherever the table starts.
 */
import { LAYOUTS } from '../layouts';
import { parseCount } from '../read/numbers';
import { cellAt, CellRange, cellText, columnCount, rowLength, SheetSnapshot } from '../read/snapshot';
import { foldText, phraseScore, tokens } from '../read/text';

export interface HeaderBlock {
  /** Absolute row indexes of the header rows, top first. */
  rows: number[];
  /** For each column with a header: the header texts from top to bottom, as written. */
  paths: Map<number, string[]>;
}

const MAX_HEADER_ROWS = 4;

/** Every phrase any layout uses in a header, tokenised once. */
const VOCABULARY: (readonly string[])[] = (() => {
  const phrases = new Set<string>();
  for (const layout of LAYOUTS) {
    for (const column of layout.columns) {
      column.header.forEach((p) => phrases.add(p));
      column.group?.forEach((p) => phrases.add(p));
    }
  }
  return [...phrases].map((p) => tokens(p));
})();

/** Header text without parenthesised remarks: "Chỉ tiêu thống kê (Sử dụng …)" → "chi tieu thong ke". */
export function headerTokenVariants(text: string): (readonly string[])[] {
  const full = tokens(foldText(text));
  const bare = tokens(foldText(text.replace(/\([^)]*\)/g, ' ')));
  return bare.length && bare.join(' ') !== full.join(' ') ? [full, bare] : [full];
}

/** How well a header text matches a list of folded phrases (0–1). */
export function matchScore(text: string, phrases: string[]): number {
  let best = 0;
  for (const variant of headerTokenVariants(text)) {
    for (const phrase of phrases) best = Math.max(best, phraseScore(variant, tokens(phrase)));
  }
  return best;
}

const VOCABULARY_WORDS = new Set(VOCABULARY.flat());

function vocabularyScore(text: string): number {
  let best = 0;
  for (const variant of headerTokenVariants(text)) {
    // Most cells (names, numbers) share no word with any header: skip them cheaply.
    if (!variant.some((t) => VOCABULARY_WORDS.has(t))) continue;
    const words = new Set(variant);
    for (const phrase of VOCABULARY) if (phrase.every((t) => words.has(t))) best = Math.max(best, phraseScore(variant, phrase));
  }
  return best;
}


interface RowProfile {
  headerCells: number;
  numericCells: number;
  nonEmpty: number;
}

function profileRow(sheet: SheetSnapshot, row: number, width: number): RowProfile {
  const texts: string[] = [];
  let numericCells = 0;
  let nonEmpty = 0;
  // A row with two numbers or more is data, never a header: most rows are told at a glance.
  const cells = sheet.cells[row] ?? [];
  for (let c = 0; c < width && c < cells.length; c++) {
    if (typeof cells[c]?.value === 'number' && ++numericCells > 1) return { headerCells: 0, numericCells, nonEmpty: numericCells };
  }
  numericCells = 0;
  for (let c = 0; c < width && c < cells.length; c++) {
    const cell = cells[c];
    if (typeof cell?.value === 'number') {
      nonEmpty++;
      numericCells++;
      continue;
    }
    const text = cellText(sheet, row, c);
    if (!text) continue;
    nonEmpty++;
    const isNumber = typeof cell?.value === 'number' || (/^[\d.,\s%-]+$/.test(text) && parseCount(cell).status === 'number');
    if (isNumber) numericCells++;
    else texts.push(text);
  }
  if (numericCells > 1) return { headerCells: 0, numericCells, nonEmpty };
  const headerCells = texts.filter((t) => vocabularyScore(t) >= 0.5).length;
  return { headerCells, numericCells, nonEmpty };
}

/** Most of a header row's cells are header words; a data row may have one or two by chance. */
function isHeaderStart(p: RowProfile): boolean {
  return p.headerCells >= 2 && p.numericCells <= 1 && p.headerCells * 2 >= p.nonEmpty;
}

function isHeaderContinuation(p: RowProfile): boolean {
  return p.headerCells >= 1 && p.numericCells === 0 && p.headerCells * 2 >= p.nonEmpty;
}

/** Finds every header block on the sheet, top to bottom. */
export function findHeaderBlocks(sheet: SheetSnapshot): HeaderBlock[] {
  const width = columnCount(sheet);
  const blocks: HeaderBlock[] = [];
  const height = sheet.cells.length;
  for (let r = 0; r < height; r++) {
    const profile = profileRow(sheet, r, width);
    if (!isHeaderStart(profile)) continue;
    const rows = [r];
    while (rows.length < MAX_HEADER_ROWS && r + rows.length < height) {
      const next = profileRow(sheet, r + rows.length, width);
      if (!isHeaderContinuation(next)) break;
      rows.push(r + rows.length);
    }
    blocks.push({ rows, paths: headerPaths(sheet, rows, width) });
    r = rows[rows.length - 1];
  }
  return blocks;
}

function mergesTouching(sheet: SheetSnapshot, rows: number[]): CellRange[] {
  const top = rows[0];
  const bottom = rows[rows.length - 1];
  return (sheet.merges ?? []).filter((m) => m.top <= bottom && m.bottom >= top);
}

/**
 * The header texts of each column, top to bottom. A merged group header applies to every column
 * it spans; without merge information, a blank cell right of a group header that has
 * sub-headers below inherits the group (how a merge looks once converted).
 */
export function headerPaths(sheet: SheetSnapshot, rows: number[], width: number): Map<number, string[]> {
  const grid = rows.map((r) => Array.from({ length: width }, (_, c) => cellText(sheet, r, c)));
  for (const m of mergesTouching(sheet, rows)) {
    const text = cellText(sheet, m.top, m.left);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] < m.top || rows[i] > m.bottom) continue;
      for (let c = m.left; c <= Math.min(m.right, width - 1); c++) if (!grid[i][c]) grid[i][c] = text;
    }
  }
  for (let i = 0; i < rows.length - 1; i++) {
    for (let c = 1; c < width; c++) {
      const spansSubHeaders = grid[i + 1][c] !== '' && grid[i + 1][c - 1] !== '';
      if (!grid[i][c] && grid[i][c - 1] && spansSubHeaders && !mergeStartsAt(sheet, rows[i], c)) {
        grid[i][c] = grid[i][c - 1];
      }
    }
  }
  const paths = new Map<number, string[]>();
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      const t = grid[i][c];
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    if (path.length) paths.set(c, path);
  }
  return paths;
}

function mergeStartsAt(sheet: SheetSnapshot, row: number, col: number): boolean {
  return (sheet.merges ?? []).some((m) => m.top <= row && m.bottom >= row && m.left === col);
}

/** True when a body row repeats the header (a page break in the source document). */
export function isRepeatedHeader(sheet: SheetSnapshot, row: number, block: HeaderBlock): boolean {
  const headerTexts = new Set<string>();
  // Each row up to its own last cell: a stray far cell elsewhere must not make every row that wide.
  for (const r of block.rows) {
    for (let c = 0; c < rowLength(sheet, r); c++) {
      const t = foldText(cellText(sheet, r, c));
      if (t) headerTexts.add(t);
    }
  }
  let nonEmpty = 0;
  let matching = 0;
  for (let c = 0; c < rowLength(sheet, row); c++) {
    const t = foldText(cellText(sheet, row, c));
    if (!t) continue;
    nonEmpty++;
    if (headerTexts.has(t)) matching++;
  }
  return nonEmpty > 0 && matching / nonEmpty >= 0.6 && matching >= Math.min(2, nonEmpty);
}
