/**
 * Reading lines of rates — rate columns beside the counts, rows of rates under units laid across
 * the columns, the rates row of a unit written on two rows — and learning from the numbers which
 * two counts each divides (learned-rates.ts). A line of fractions (every value at most 1, no
 * percent written) holds hundredths.
 */
import { learnRates, RateCase } from '../evidence/learned-rates';
import { parseCount, parseRate } from '../read/numbers';
import { cellAt, CellSnapshot, cellText, SheetSnapshot } from '../read/snapshot';
import type { RateRow, TableRow } from './table-model';
import { CellSort, sortOf } from '../read/cell-sort';
import { matchScore } from './header';
import { RATE_WORDS } from './recognize';

/** Rate columns whose definition as one count column over another the rows prove, with it. */
export function learnedRateColumns(sheet: SheetSnapshot, rows: number[], counts: number[], candidates: number[]): { col: number; numerator: number; denominator: number }[] {
  if (!candidates.length) return [];
  const learned = learnFrom(
    rows.map((row) => counts.map((col) => countAt(sheet, row, col))),
    candidates.map((col) => rows.map((row) => cellAt(sheet, row, col))),
  );
  return learned.map((l) => ({ col: candidates[l.rate], numerator: counts[l.numerator], denominator: counts[l.denominator] }));
}

/** Units across the columns: rows of rates over rows of counts, each column a case. */
export function learnedRateRows(sheet: SheetSnapshot, countRows: number[], candidates: number[], columns: number[], label: number): RateRow[] {
  if (!candidates.length) return [];
  const learned = learnFrom(
    columns.map((col) => countRows.map((row) => countAt(sheet, row, col))),
    candidates.map((row) => columns.map((col) => cellAt(sheet, row, col))),
  );
  const out = new Map<number, RateRow>();
  for (const l of learned) {
    const row = candidates[l.rate];
    out.set(row, { row, label: cellText(sheet, row, label), rates: columns.map((col) => ({ col, numerator: { row: countRows[l.numerator], col }, denominator: { row: countRows[l.denominator], col } })) });
  }
  return [...out.values()];
}

/**
 * A unit written on two rows, its counts and then its rates: `pairs` of (counts row, rates row),
 * each a case; in each column of the rates rows, the rate is learned as one count of the counts
 * row over another. Returns the rates rows with the rates learned (none: no rate of theirs is checked).
 */
export function learnedRecordRows(sheet: SheetSnapshot, pairs: { counts: number; rates: number; label: string }[], countCols: number[], rateCols: number[]): RateRow[] {
  const learned = learnFrom(
    pairs.map((p) => countCols.map((col) => countAt(sheet, p.counts, col))),
    rateCols.map((col) => pairs.map((p) => cellAt(sheet, p.rates, col))),
  );
  if (!learned.length) return [];
  return pairs.map((p) => ({
    row: p.rates,
    label: p.label,
    rates: learned.map((l) => ({ col: rateCols[l.rate], numerator: { row: p.counts, col: countCols[l.numerator] }, denominator: { row: p.counts, col: countCols[l.denominator] } })),
  }));
}

/**
 * A row that may hold rates: its name says so, or most of its figures (in `cols`) are not whole
 * numbers (`any`: one of them is not).
 */
export function looksLikeRates(sheet: SheetSnapshot, row: number, label: number | undefined, cols: number[], any = false): boolean {
  if (label !== undefined && saysRate(cellText(sheet, row, label))) return true;
  const sorts: CellSort[] = cols.map((c) => sortOf(sheet, row, c));
  const numbers = sorts.filter((s) => s === 'number').length;
  return numbers > 0 && (any || numbers * 2 >= sorts.filter((s) => s === 'count' || s === 'number').length);
}

/** Whether a name may say it is a rate: a cheap look before folding it (a large table asks on every row). */
const mayNameRate = (name: string) => /%|l[eệ]/i.test(name);

/** Whether a name says it is a rate ("Tỉ lệ", "Tỷ lệ (%)", "%"). */
function saysRate(name: string): boolean {
  return mayNameRate(name) && matchScore(name, RATE_WORDS) > 0;
}

/** A count as learning reads it: blank and dash are 0, anything else not a whole number is unreadable. */
function countAt(sheet: SheetSnapshot, row: number, col: number): number {
  const p = parseCount(cellAt(sheet, row, col));
  return p.status === 'number' && p.issue === undefined ? p.value : p.status === 'dash' || p.status === 'blank' ? 0 : NaN;
}

/**
 * Learns rate definitions from cases (rows, or columns of a turned table): `counts[case]` the
 * counts, `rateCells[line][case]` the written rates.
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
 * Units written on two rows: a row of rates right under each row of counts, its name blank, the
 * same as above or saying "tỉ lệ". `rows` in sheet order with their names. A row placed so is
 * `strong` when one of its figures is not a whole number; the pattern is shown by two strong rows
 * or more, at least half of those placed. Returns the (counts row, rates row) pairs, or none.
 */
export function recordPairs(sheet: SheetSnapshot, rows: { row: number; label: string }[], label: number | undefined, cols: number[]): { counts: number; rates: number; label: string }[] {
  const placed: { counts: number; rates: number; label: string; strong: boolean }[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [above, row] = [rows[i - 1], rows[i]];
    if (row.row !== above.row + 1 || above.label === '' || placed.some((p) => p.rates === above.row)) continue;
    const named = row.label === '' || row.label === above.label || saysRate(row.label);
    if (!named || looksLikeRates(sheet, above.row, label, cols)) continue;
    placed.push({ counts: above.row, rates: row.row, label: above.label, strong: looksLikeRates(sheet, row.row, label, cols, true) });
  }
  const strong = placed.filter((p) => p.strong).length;
  return strong >= 2 && strong * 2 >= placed.length ? placed.map(({ counts, rates, label }) => ({ counts, rates, label })) : [];
}

/**
 * The rates rows of units written on two rows (recordPairs), each rate learned as one count of the
 * row above over another (learnedRecordRows); none when no rate is learned.
 */
export function recordRateRows(sheet: SheetSnapshot, rows: TableRow[], label: number | undefined, cols: number[]): RateRow[] {
  // Most tables name every row apart: nothing to look for (a large table is not read twice for it).
  let unnamed = 0;
  for (let i = 1; i < rows.length && unnamed < 2; i++) if (rows[i].hasNumbers && (rows[i].label === '' || rows[i].label === rows[i - 1].label || mayNameRate(rows[i].label))) unnamed++;
  if (unnamed < 2) return [];
  const pairs = recordPairs(sheet, rows.filter((r) => r.kind !== 'header' && r.hasNumbers), label, cols);
  if (!pairs.length) return [];
  // Counts: the columns whole in nearly every counts row; rates: the columns written in the rates rows.
  const share = (list: number[], col: number, sorts: CellSort[]) => list.filter((row) => sorts.includes(sortOf(sheet, row, col))).length;
  const countCols = cols.filter((col) => share(pairs.map((p) => p.counts), col, ['count']) >= 0.8 * pairs.length);
  const rateCols = cols.filter((col) => share(pairs.map((p) => p.rates), col, ['count', 'number']) >= 0.5 * pairs.length);
  return learnedRecordRows(sheet, pairs, countCols, rateCols);
}
