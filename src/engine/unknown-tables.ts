/**
 * Finding tables whose headers no layout knows: a row of header text above rows of counts, outside
 * every recognised table. Their columns are told by their figures, not their wording: the counts are
 * the columns holding whole numbers in nearly every row, the names the first column of text.
 * Such a table is checked only for what its own numbers show, with a low confidence said plainly.
 */
import { columnLetters } from './address';
import { HeaderBlock, headerPaths, matchScore } from './header';
import { unknownLayout } from './layouts';
import { parseMarker } from './markers';
import { parseCount } from './numbers';
import { ColumnMatch, RATE_WORDS, Recognition } from './recognize';
import { cellAt, CellRange, cellText, columnCount, rowLength, SheetSnapshot } from './snapshot';

export const UNKNOWN_CONFIDENCE = 0.4;
const MAX_HEADER_ROWS = 3;
const MIN_BODY_ROWS = 3;
const MAX_BLANK_RUN = 3;

/** What a cell holds: a count, another number, words, or something else ("1.1.", "#REF!"). */
export type CellSort = 'empty' | 'count' | 'number' | 'text' | 'other';

export function sortOf(sheet: SheetSnapshot, row: number, col: number): CellSort {
  const cell = cellAt(sheet, row, col);
  if (!cell || cell.value === null || cellText(sheet, row, col) === '') return 'empty';
  // Words make a cell text, even after a number ("1. UBND xã …", "23 nhiệm vụ").
  if (typeof cell.value === 'boolean' || (typeof cell.value === 'string' && /\p{L}/u.test(cell.value))) return 'text';
  // A percentage is never a count, even 100 % or 0 %.
  if (cell.numberFormat?.includes('%') || cellText(sheet, row, col).includes('%')) return 'number';
  const p = parseCount(cell);
  if (p.status === 'dash') return 'count';
  if (p.status !== 'number' || p.issue === 'not-a-number' || p.issue === 'excel-error') return typeof cell.value === 'number' ? 'number' : 'other';
  return p.issue === undefined && Number.isInteger(p.value) && p.value >= 0 ? 'count' : 'number';
}

/** The sorts of a row's cells up to its last one (past it, every cell is empty). */
function rowSorts(sheet: SheetSnapshot, row: number, width: number): CellSort[] {
  return Array.from({ length: Math.min(width, rowLength(sheet, row)) }, (_, c) => sortOf(sheet, row, c));
}

const numbersIn = (sorts: CellSort[]) => sorts.filter((s) => s === 'count' || s === 'number').length;
const textsIn = (sorts: CellSort[]) => sorts.filter((s) => s === 'text').length;

function inside(ranges: CellRange[], row: number): boolean {
  return ranges.some((r) => row >= r.top && row <= r.bottom);
}

/** A header and a body of counts below it, outside the recognised tables (`taken`). */
export function findUnknownTables(sheet: SheetSnapshot, taken: CellRange[]): { block: HeaderBlock; rec: Recognition }[] {
  const width = columnCount(sheet);
  const height = sheet.cells.length;
  const found: { block: HeaderBlock; rec: Recognition }[] = [];
  for (let r = 0; r < height; r++) {
    // Rows of a recognised table are passed over whole.
    const within = taken.find((t) => r >= t.top && r <= t.bottom);
    if (within) {
      r = within.bottom;
      continue;
    }
    const top = rowSorts(sheet, r, width);
    if (textsIn(top) < 2 || numbersIn(top) > 1) continue;
    // Header rows: text without figures; then the body: rows with two figures or more.
    const headerRows = [r];
    let next = r + 1;
    while (headerRows.length < MAX_HEADER_ROWS && next < height && !inside(taken, next)) {
      const sorts = rowSorts(sheet, next, width);
      if (numbersIn(sorts) > 0 || textsIn(sorts) === 0) break;
      headerRows.push(next++);
    }
    const body: { row: number; sorts: CellSort[] }[] = [];
    let blanks = 0;
    for (let b = next; b < height && !inside(taken, b); b++) {
      const sorts = rowSorts(sheet, b, width);
      if (numbersIn(sorts) >= 2) {
        body.push({ row: b, sorts });
        blanks = 0;
      } else if (sorts.every((s) => s === 'empty')) {
        if (++blanks >= MAX_BLANK_RUN) break;
      } else if (numbersIn(sorts) === 0 && body.length && textsIn(sorts) > 2) break;
    }
    if (body.length < MIN_BODY_ROWS) continue;
    const paths = headerPaths(sheet, headerRows, width);
    // Names: the first column with words in most rows; numbering ("1.1.", "II") stands before it.
    const numbering = (c: number) => body.filter((b) => parseMarker(cellText(sheet, b.row, c)).rest === '' && cellText(sheet, b.row, c) !== '').length * 2 >= body.length;
    let label: number | undefined;
    for (let c = 0; c < width && label === undefined; c++) if (body.filter((b) => b.sorts[c] === 'text').length * 2 >= body.length && !numbering(c)) label = c;
    if (label === undefined) continue;
    // Counts, after the names: a header, whole numbers (or dashes, blanks) in nearly every row,
    // never text; not a rate.
    const counts: number[] = [];
    for (let c = label + 1; c < width; c++) {
      const path = paths.get(c);
      if (!path || matchScore(path.join(' '), RATE_WORDS) > 0) continue;
      const sorts = body.map((b) => b.sorts[c]);
      const whole = sorts.filter((s) => s === 'count').length;
      if (sorts.includes('text') || sorts.includes('number') || sorts.includes('other') || whole < Math.max(MIN_BODY_ROWS, 0.8 * body.length)) continue;
      counts.push(c);
    }
    if (counts.length < 2) continue;
    let stt: number | undefined;
    for (let c = label - 1; c >= 0 && stt === undefined; c--) if (numbering(c)) stt = c;
    const columns = new Map<string, ColumnMatch>();
    const titled = counts.map((c) => ({ key: `col:${columnLetters(c)}`, title: paths.get(c)!.join(' / '), col: c }));
    if (stt !== undefined) columns.set('stt', { key: 'stt', col: stt, score: 0, headerText: paths.get(stt)?.join(' / ') ?? '' });
    columns.set('name', { key: 'name', col: label, score: 0, headerText: paths.get(label)?.join(' / ') ?? '' });
    for (const t of titled) columns.set(t.key, { key: t.key, col: t.col, score: 0, headerText: t.title });
    found.push({ block: { rows: headerRows, paths }, rec: { layout: unknownLayout(titled, stt !== undefined), confidence: UNKNOWN_CONFIDENCE, columns } });
    r = body[body.length - 1].row;
  }
  return found;
}
