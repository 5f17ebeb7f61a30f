/**
 * Finding tables whose headers no layout knows: a row of header text above rows of counts, outside
 * every recognised table. Their columns are told by their figures, not their wording: the counts are
 * the columns holding whole numbers in nearly every row, the names the first column of text.
 * Such a table is checked only for what its own numbers show, with a low confidence said plainly.
 */
import { columnLetters } from '../read/address';
import { HeaderBlock, headerPaths, matchScore } from './header';
import { unknownLayout } from '../layouts';
import { parseMarker } from '../read/markers';
import { CellSort, sortOf, wholeAt } from '../read/cell-sort';
import { isRankColumn } from './rank-columns';
import { learnedRateColumns, learnedRateRows, looksLikeRates, recordPairs } from './rate-lines';
import type { RateRow } from './table-model';
import { ColumnMatch, RATE_WORDS, Recognition } from './recognize';
import { cellAt, CellRange, cellText, columnCount, rowLength, SheetSnapshot } from '../read/snapshot';

export const UNKNOWN_CONFIDENCE = 0.4;
const MAX_HEADER_ROWS = 3;
const MIN_BODY_ROWS = 3;
const MAX_BLANK_RUN = 3;

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
  // Rows of rates under a unit's counts (a unit on two rows) name nothing: they are not asked.
  const everyCol = Array.from({ length: right - left + 1 }, (_, i) => left + i);
  const named = body.filter((b, i) => i === 0 || !looksLikeRates(sheet, b.row, undefined, everyCol) || looksLikeRates(sheet, body[i - 1].row, undefined, everyCol));
  const numbering = (c: number) => named.filter((b) => parseMarker(cellText(sheet, b.row, c)).rest === '' && cellText(sheet, b.row, c) !== '').length * 2 >= named.length;
  let label: number | undefined;
  for (let c = left; c <= right && label === undefined; c++) if (named.filter((b) => b.sorts[c] === 'text').length * 2 >= named.length && !numbering(c)) label = c;
  if (label === undefined) return undefined;
  // Counts, after the names: a header, whole numbers (or dashes, blanks) in nearly every row,
  // never text; not a rate. Rates stand in columns beside the counts, or — units across the
  // columns — in rows of their own: whichever reading leaves more columns of counts.
  const byColumns = countColumns(body, paths, label, right);
  const figureCols = Array.from({ length: right - label }, (_, i) => label! + 1 + i);
  // Rows of rates across the columns, under units laid across them: each a rate of two rows of counts.
  const rateLike = body.filter((b) => looksLikeRates(sheet, b.row, label, figureCols));
  const plainRows = body.filter((b) => !rateLike.includes(b));
  const acrossCounts = rateLike.length && plainRows.length >= 2 ? countColumns(plainRows, paths, label, right) : [];
  const acrossRates = acrossCounts.length > byColumns.length ? learnedRateRows(sheet, plainRows.map((b) => b.row), rateLike.map((b) => b.row), acrossCounts, label) : [];
  // Or units written on two rows (counts, then rates right under them): the counts are read from the
  // counts rows, the rates rows when the table is modelled (tables.ts).
  const records = acrossRates.length ? [] : recordPairs(sheet, body.map((b) => ({ row: b.row, label: cellText(sheet, b.row, label!) })), label, figureCols);
  const recordCounts = records.length ? countColumns(body.filter((b) => !records.some((p) => p.rates === b.row)), paths, label, right) : [];
  const reading = acrossRates.length ? 'across' : recordCounts.length > byColumns.length ? 'records' : acrossCounts.length > byColumns.length ? 'across' : 'columns';
  const read = reading === 'across' ? acrossCounts : reading === 'records' ? recordCounts : byColumns;
  // A column of ranks (1, 2, 2, 4…) is whole numbers too: never summed, checked by the order it follows (ranks.ts).
  const ranks = reading === 'across' ? [] : read.filter((c) => isRankColumn(body.map((b) => wholeAt(sheet, b.row, c)), paths.get(c)!.join(' ')));
  const counts = read.filter((c) => !ranks.includes(c));
  if (counts.length < 2) return undefined;
  const rateRows = reading === 'across' ? acrossRates : [];
  const rates = reading === 'columns' ? learnedRateColumns(sheet, body.map((b) => b.row), counts, rateCandidates(sheet, body, paths, label, right + 1, counts)) : [];
  // A row of rates no two rows of counts explain is left out of the table: reported as not checked.
  const leaveOut = reading === 'across' ? rateLike.map((b) => b.row).filter((row) => !rateRows.some((r) => r.row === row)) : [];
  let stt: number | undefined;
  for (let c = label - 1; c >= left && stt === undefined; c--) if (numbering(c)) stt = c;
  const columns = new Map<string, ColumnMatch>();
  const titled = counts.map((c) => ({ key: `col:${columnLetters(c)}`, title: paths.get(c)!.join(' / '), col: c }));
  if (stt !== undefined) columns.set('stt', { key: 'stt', col: stt, score: 0, headerText: paths.get(stt)?.join(' / ') ?? '' });
  columns.set('name', { key: 'name', col: label, score: 0, headerText: paths.get(label)?.join(' / ') ?? '' });
  for (const t of titled) columns.set(t.key, { key: t.key, col: t.col, score: 0, headerText: t.title });
  const rated = rates.map((rate) => ({ key: `col:${columnLetters(rate.col)}`, title: paths.get(rate.col)!.join(' / '), numerator: `col:${columnLetters(rate.numerator)}`, denominator: `col:${columnLetters(rate.denominator)}` }));
  rates.forEach((rate, i) => columns.set(rated[i].key, { key: rated[i].key, col: rate.col, score: 0, headerText: rated[i].title }));
  const ranked = ranks.map((c) => ({ key: `col:${columnLetters(c)}`, title: paths.get(c)!.join(' / '), col: c }));
  for (const r of ranked) columns.set(r.key, { key: r.key, col: r.col, score: 0, headerText: r.title });
  // The header is this table's own columns: the one beside it is not read as extra columns of this one.
  const own = new Map([...paths].filter(([c]) => c >= left && c <= right));
  return { rateRows, leaveOut, block: { rows: headerRows, paths: own }, rec: { layout: unknownLayout(titled, rated, ranked, stt !== undefined), confidence: UNKNOWN_CONFIDENCE, columns }, lastRow: body[body.length - 1].row };
}
