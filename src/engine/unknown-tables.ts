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
import { parseCount, parseRate } from './numbers';
import { learnRates, RateCase } from './learned-rates';
import type { RateRow } from './table-model';
import { ColumnMatch, RATE_WORDS, Recognition } from './recognize';
import { cellAt, CellRange, CellSnapshot, cellText, columnCount, rowLength, SheetSnapshot } from './snapshot';

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
  // "%" alone names a column's unit of measure.
  if (typeof cell.value === 'string' && !/\d/.test(cell.value) && cell.value.includes('%')) return 'text';
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

/** The columns after the names holding counts in nearly every one of `rows`, under a header that says no rate. */
function countColumns(rows: { row: number; sorts: CellSort[] }[], paths: Map<number, string[]>, label: number, right: number): number[] {
  const counts: number[] = [];
  for (let c = label + 1; c <= right; c++) {
    const path = paths.get(c);
    if (!path || matchScore(path.join(' '), RATE_WORDS) > 0) continue;
    const sorts = rows.map((b) => b.sorts[c]);
    const whole = sorts.filter((s) => s === 'count').length;
    if (sorts.includes('text') || sorts.includes('number') || sorts.includes('other') || whole < Math.max(2, 0.8 * rows.length)) continue;
    counts.push(c);
  }
  return counts;
}

/** A row that may hold rates across the columns: its name says so, or most of its figures are not whole numbers. */
function isRateRow(sheet: SheetSnapshot, body: { row: number; sorts: CellSort[] }, label: number, right: number): boolean {
  if (matchScore(cellText(sheet, body.row, label), RATE_WORDS) > 0) return true;
  const figures = body.sorts.slice(label + 1, right + 1);
  const numbers = figures.filter((s) => s === 'number').length;
  return numbers > 0 && numbers * 2 >= figures.filter((s) => s === 'count' || s === 'number').length;
}

/**
 * Columns after the names that may hold rates: a header, a number in nearly every row, never words,
 * and a sign of a rate — a percent, a decimal, or a header that says so.
 */
function rateCandidates(sheet: SheetSnapshot, body: { row: number; sorts: CellSort[] }[], paths: Map<number, string[]>, label: number, width: number, counts: number[]): number[] {
  const out: number[] = [];
  for (let c = label + 1; c < width; c++) {
    const path = paths.get(c);
    if (!path || counts.includes(c)) continue;
    const sorts = body.map((b) => b.sorts[c]);
    const filled = sorts.filter((s) => s === 'count' || s === 'number').length;
    if (sorts.includes('text') || sorts.includes('other') || filled < Math.max(MIN_BODY_ROWS, 0.8 * body.length)) continue;
    if (sorts.includes('number') || matchScore(path.join(' '), RATE_WORDS) > 0) out.push(c);
  }
  return out;
}

/**
 * The rate columns whose definition as one count over another the rows' numbers prove
 * (learned-rates.ts), with that definition. A column of fractions (every value at most 1, no
 * percent written) holds hundredths.
 */
function learnedRates(sheet: SheetSnapshot, rows: number[], counts: number[], candidates: number[]): { col: number; numerator: number; denominator: number }[] {
  if (!candidates.length) return [];
  const learned = learnFrom(
    rows.map((row) => counts.map((col) => countAt(sheet, row, col))),
    candidates.map((col) => rows.map((row) => cellAt(sheet, row, col))),
  );
  return learned.map((l) => ({ col: candidates[l.rate], numerator: counts[l.numerator], denominator: counts[l.denominator] }));
}

/** The same, turned: rows of rates over rows of counts, each column a case. */
function learnedRateRows(sheet: SheetSnapshot, countRows: number[], candidates: number[], columns: number[], label: number): RateRow[] {
  if (!candidates.length) return [];
  const learned = learnFrom(
    columns.map((col) => countRows.map((row) => countAt(sheet, row, col))),
    candidates.map((row) => columns.map((col) => cellAt(sheet, row, col))),
  );
  return learned.map((l) => ({ row: candidates[l.rate], label: cellText(sheet, candidates[l.rate], label), numerator: countRows[l.numerator], denominator: countRows[l.denominator] }));
}

/** A count as learning reads it: blank and dash are 0, anything else not a whole number is unreadable. */
function countAt(sheet: SheetSnapshot, row: number, col: number): number {
  const p = parseCount(cellAt(sheet, row, col));
  return p.status === 'number' && p.issue === undefined ? p.value : p.status === 'dash' || p.status === 'blank' ? 0 : NaN;
}

/**
 * Learns rate definitions from cases (rows, or columns of a turned table): `counts[case]` the
 * counts, `rateCells[line][case]` the written rates. A line of fractions (every value at most 1,
 * no percent written) holds hundredths.
 */
function learnFrom(counts: number[][], rateCells: (CellSnapshot | undefined)[][]): ReturnType<typeof learnRates> {
  const readings = rateCells.map((line) => line.map((cell) => parseRate(cell)));
  const fractions = readings.map((line) => line.every((p) => p.status !== 'number' || (!p.explicitPercent && Math.abs(p.value) <= 1)));
  const cases: RateCase[] = counts.map((caseCounts, i) => ({
    counts: caseCounts,
    rates: readings.map((line, k) => (line[i].status !== 'number' || line[i].issue ? NaN : line[i].value * (fractions[k] ? 100 : 1))),
    decimals: readings.map((line, k) => Math.max(0, (line[i].decimals ?? 2) - (fractions[k] ? 2 : 0))),
  }));
  return learnRates(cases, counts[0]?.length ?? 0, rateCells.length);
}

/**
 * A row that numbers the columns under a header: three or more cells reading 1, 2, 3… (or "(1)",
 * "(2)"…, "[1]"), each one more than the cell before, and nothing else.
 */
export function numbersColumns(sheet: SheetSnapshot, row: number, width: number): boolean {
  let last: number | undefined;
  let count = 0;
  for (let c = 0; c < Math.min(width, rowLength(sheet, row)); c++) {
    const text = cellText(sheet, row, c);
    if (text === '') continue;
    const inner = /^[([]?\s*(\d{1,3})\s*[)\]]?$/.exec(text);
    if (!inner) return false;
    const n = Number(inner[1]);
    if (last !== undefined && n !== last + 1) return false;
    last = n;
    count++;
  }
  return count >= 3;
}

/** A header and a body of counts below it, outside the recognised tables (`taken`). */
export interface UnknownTable {
  block: HeaderBlock;
  rec: Recognition;
  /** The last row of figures of its body. */
  lastRow: number;
  /** Rows of rates of two rows of counts, column by column (units across the columns). */
  rateRows: RateRow[];
  /** Rows of the body that are not read: rates no two rows of counts explain. */
  leaveOut: number[];
}

export function findUnknownTables(sheet: SheetSnapshot, taken: CellRange[]): UnknownTable[] {
  const width = columnCount(sheet);
  const height = sheet.cells.length;
  const found: UnknownTable[] = [];
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
      // A row numbering the columns ("(1) (2) (3)", "1 2 3") or naming their units belongs to the header.
      if (!numbersColumns(sheet, next, width) && (numbersIn(sorts) > 0 || textsIn(sorts) === 0)) break;
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
    // Tables side by side, with an empty column between them, are read one by one.
    const tables = columnRuns(sheet, [...headerRows, ...body.map((b) => b.row)], width)
      .map(([left, right]) => readTable(sheet, headerRows, paths, body.filter((b) => numbersIn(b.sorts.slice(left, right + 1)) >= 2), left, right))
      .filter((t) => t !== undefined);
    if (!tables.length) continue;
    found.push(...tables);
    r = Math.max(...tables.map((t) => t.lastRow));
  }
  return found;
}

/** Runs of columns holding something in any of the rows, between empty columns. */
function columnRuns(sheet: SheetSnapshot, rows: number[], width: number): [number, number][] {
  const used = new Uint8Array(width);
  for (const row of rows) for (let c = 0; c < Math.min(width, rowLength(sheet, row)); c++) if (cellText(sheet, row, c) !== '') used[c] = 1;
  const runs: [number, number][] = [];
  for (let c = 0; c < width; c++) {
    if (!used[c]) continue;
    const left = c;
    while (c + 1 < width && used[c + 1]) c++;
    runs.push([left, c]);
  }
  return runs;
}

/** The table in columns `left`–`right` of a header and its body: names, counts, learned rates. */
function readTable(sheet: SheetSnapshot, headerRows: number[], paths: Map<number, string[]>, body: { row: number; sorts: CellSort[] }[], left: number, right: number): UnknownTable | undefined {
  if (body.length < MIN_BODY_ROWS) return undefined;
  // Names: the first column with words in most rows; numbering ("1.1.", "II") stands before it.
  const numbering = (c: number) => body.filter((b) => parseMarker(cellText(sheet, b.row, c)).rest === '' && cellText(sheet, b.row, c) !== '').length * 2 >= body.length;
  let label: number | undefined;
  for (let c = left; c <= right && label === undefined; c++) if (body.filter((b) => b.sorts[c] === 'text').length * 2 >= body.length && !numbering(c)) label = c;
  if (label === undefined) return undefined;
  // Counts, after the names: a header, whole numbers (or dashes, blanks) in nearly every row,
  // never text; not a rate. Rates stand in columns beside the counts, or — units across the
  // columns — in rows of their own: whichever reading leaves more columns of counts.
  const byColumns = countColumns(body, paths, label, right);
  const rateRowCandidates = body.filter((b) => isRateRow(sheet, b, label!, right));
  const countRows = body.filter((b) => !rateRowCandidates.includes(b));
  const byRows = rateRowCandidates.length && countRows.length >= 2 ? countColumns(countRows, paths, label, right) : [];
  const acrossRows = byRows.length > byColumns.length;
  const counts = acrossRows ? byRows : byColumns;
  if (counts.length < 2) return undefined;
  const rates = acrossRows ? [] : learnedRates(sheet, body.map((b) => b.row), counts, rateCandidates(sheet, body, paths, label, right + 1, counts));
  const rateRows = acrossRows ? learnedRateRows(sheet, countRows.map((b) => b.row), rateRowCandidates.map((b) => b.row), counts, label) : [];
  // A row of rates no two rows of counts explain is left out of the table: reported as not checked.
  const leaveOut = acrossRows ? rateRowCandidates.map((b) => b.row).filter((row) => !rateRows.some((r) => r.row === row)) : [];
  let stt: number | undefined;
  for (let c = label - 1; c >= left && stt === undefined; c--) if (numbering(c)) stt = c;
  const columns = new Map<string, ColumnMatch>();
  const titled = counts.map((c) => ({ key: `col:${columnLetters(c)}`, title: paths.get(c)!.join(' / '), col: c }));
  if (stt !== undefined) columns.set('stt', { key: 'stt', col: stt, score: 0, headerText: paths.get(stt)?.join(' / ') ?? '' });
  columns.set('name', { key: 'name', col: label, score: 0, headerText: paths.get(label)?.join(' / ') ?? '' });
  for (const t of titled) columns.set(t.key, { key: t.key, col: t.col, score: 0, headerText: t.title });
  const rated = rates.map((rate) => ({ key: `col:${columnLetters(rate.col)}`, title: paths.get(rate.col)!.join(' / '), numerator: `col:${columnLetters(rate.numerator)}`, denominator: `col:${columnLetters(rate.denominator)}` }));
  rates.forEach((rate, i) => columns.set(rated[i].key, { key: rated[i].key, col: rate.col, score: 0, headerText: rated[i].title }));
  // The header is this table's own columns: the one beside it is not read as extra columns of this one.
  const own = new Map([...paths].filter(([c]) => c >= left && c <= right));
  return { rateRows, leaveOut, block: { rows: headerRows, paths: own }, rec: { layout: unknownLayout(titled, rated, stt !== undefined), confidence: UNKNOWN_CONFIDENCE, columns }, lastRow: body[body.length - 1].row };
}
