/**
 * Finding score and index tables: a header above units with scores by criterion, told from count
 * tables by what they say and write — a header that speaks of points or criteria, maxima stated in
 * a row or a header ("(18 điểm)"), or scores with decimals ("8,59") in several columns. Rows of
 * maxima and of statistics (highest, lowest, average, median) are read apart: they are not units.
 * What adds up to what is left to the numbers (structure/score-structure.ts).
 */
import { columnLetters } from '../read/address';
import { CellSort, sortOf, wholeAt } from '../read/cell-sort';
import { parseMarker } from '../read/markers';
import { parseScore } from '../read/numbers';
import { cellAt, CellRange, cellText, columnCount, rowLength, SheetSnapshot } from '../read/snapshot';
import { foldText } from '../read/text';
import { SCORE_WORDS, scoreLayout, ScoreStat, statedMaximum } from '../layouts';
import { headerPaths, matchScore } from './header';
import { isRankColumn } from './rank-columns';
import { ColumnMatch, RATE_WORDS } from './recognize';
import { ScoreReading, TableModel, TableRow } from './table-model';

const MAX_HEADER_ROWS = 3;
const MIN_UNITS = 3;
const MAX_BLANK_RUN = 2;
/** Scores are points on a scale: a column with larger figures holds counts. */
const MAX_SCORE = 1000;
/** Words that start a unit's name: a row so named is a unit, whatever else its name says. */
const UNIT_PREFIXES = ['xa', 'phuong', 'thi tran', 'huyen', 'quan', 'thi xa', 'thanh pho', 'tp', 'so', 'ban', 'van phong', 'ubnd', 'cuc', 'chi cuc', 'tinh', 'bo', 'uy ban'];

const isNumber = (s: CellSort) => s === 'count' || s === 'number';

function rowSorts(sheet: SheetSnapshot, row: number, width: number): CellSort[] {
  return Array.from({ length: Math.min(width, rowLength(sheet, row)) }, (_, c) => sortOf(sheet, row, c));
}

/** Whether a folded text holds a phrase as whole words. */
const says = (folded: string, phrase: string) => ` ${folded} `.includes(` ${phrase} `);

/** A label that names a row of statistics or of maxima: short, saying so, and not a unit's name. */
function rowWord(label: string, phrases: string[]): boolean {
  const folded = foldText(label).replace(/[^a-z0-9% ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!folded || folded.split(' ').length > 6) return false;
  if (UNIT_PREFIXES.some((p) => folded === p || folded.startsWith(`${p} `))) return false;
  return phrases.some((p) => says(folded, p));
}

function statOf(label: string): ScoreStat | undefined {
  for (const stat of Object.keys(SCORE_WORDS.stats) as ScoreStat[]) if (rowWord(label, SCORE_WORDS.stats[stat])) return stat;
  return undefined;
}

const inside = (ranges: CellRange[], row: number) => ranges.some((r) => row >= r.top && row <= r.bottom);

/** A row naming a unit whose other cells say it was not scored ("N/A", "-", blank). */
function notScored(sheet: SheetSnapshot, row: number, sorts: CellSort[]): boolean {
  const texts = sorts.map((s, c) => (s === 'text' || s === 'other' ? c : -1)).filter((c) => c >= 0);
  const marks = texts.filter((c) => parseScore(cellAt(sheet, row, c)).status === 'blank');
  return texts.length - marks.length >= 1 && marks.length >= 1 && texts.length - marks.length <= 2;
}

/** Rows read for a sign of scores before a table without one in its header is read whole. */
const SAMPLE_ROWS = 40;

/** Cells holding a number, by their stored value alone: what skipping a table of counts needs. */
function numbersIn(sheet: SheetSnapshot, row: number): number {
  let n = 0;
  for (const cell of sheet.cells[row] ?? []) if (cell && typeof cell.value === 'number') n++;
  return n;
}

/** A header that speaks of points or criteria, or states a maximum. */
function headerSigns(sheet: SheetSnapshot, headerRows: number[], width: number): boolean {
  for (const row of headerRows)
    for (let c = 0; c < Math.min(width, rowLength(sheet, row)); c++) {
      const text = cellText(sheet, row, c);
      if (text && (matchScore(text, SCORE_WORDS.scores) > 0 || statedMaximum(foldText(text)) !== undefined)) return true;
    }
  return false;
}

/** Rows that show scores: a row of maxima among the first, or decimals in two columns or more. */
function bodySigns(sheet: SheetSnapshot, rows: number[], width: number): boolean {
  const first = rows.slice(0, SAMPLE_ROWS);
  for (const row of first.slice(0, 3)) for (let c = 0; c < Math.min(3, width); c++) if (rowWord(cellText(sheet, row, c), SCORE_WORDS.maximaRow)) return true;
  let decimalColumns = 0;
  for (let c = 0; c < width && decimalColumns < 2; c++) {
    const values = first.map((row) => parseScore(cellAt(sheet, row, c))).filter((p) => p.status === 'number');
    if (values.length >= MIN_UNITS && values.filter((p) => !Number.isInteger(p.value) && (p.decimals ?? 0) <= 2).length * 2 >= values.length) decimalColumns++;
  }
  return decimalColumns >= 2;
}

/** Score tables on the sheet outside the tables already found (`taken`). */
export function findScoreTables(sheet: SheetSnapshot, taken: CellRange[]): TableModel[] {
  const width = columnCount(sheet);
  const height = sheet.cells.length;
  const found: TableModel[] = [];
  for (let r = 0; r < height; r++) {
    if (inside(taken, r)) continue;
    const top = rowSorts(sheet, r, width);
    if (top.filter((s) => s === 'text').length < 2 || top.filter(isNumber).length > 1) continue;
    const headerRows = [r];
    let next = r + 1;
    while (headerRows.length < MAX_HEADER_ROWS && next < height && !inside(taken, next)) {
      const sorts = rowSorts(sheet, next, width);
      if (sorts.some(isNumber) || !sorts.includes('text')) break;
      headerRows.push(next++);
    }
    const body: number[] = [];
    // A table of counts is passed over at a glance: without a sign of scores in its header, its
    // first rows must show one (decimals, a row of maxima) before the rest is read.
    const signed = headerSigns(sheet, headerRows, width);
    // A unit not scored ("N/A", "-") stands among the others, or last: a row of the body.
    let unscored: number[] = [];
    let blanks = 0;
    let unsigned = false;
    for (let b = next; b < height && !inside(taken, b); b++) {
      if (!signed && body.length === SAMPLE_ROWS && !bodySigns(sheet, body, width)) {
        unsigned = true;
        break;
      }
      const sorts = rowSorts(sheet, b, width);
      // A longer list of a ranking in pairs goes on below the shorter: a name and its score alone.
      const pairTail = body.length > 0 && sorts.filter(isNumber).length === 1 && sorts.some((x, c) => x === 'text' && isNumber(sorts[c + 1]));
      if (sorts.filter(isNumber).length >= 2 || pairTail) {
        body.push(...unscored, b);
        unscored = [];
        blanks = 0;
      } else if (sorts.every((s) => s === 'empty')) {
        if (++blanks > MAX_BLANK_RUN) break;
      } else if (body.length && notScored(sheet, b, sorts)) unscored.push(b);
      else if (body.length) break;
    }
    if (unsigned || (!signed && body.length >= MIN_UNITS && !bodySigns(sheet, body, width))) {
      // Not a table of scores: its rows of figures are skipped whole, not read again one by one.
      r = body[body.length - 1];
      while (r + 1 < height && !inside(taken, r + 1) && numbersIn(sheet, r + 1) >= 2) r++;
      continue;
    }
    body.push(...unscored);
    const table = body.length >= MIN_UNITS ? readScoreTable(sheet, headerRows, body, width) : undefined;
    if (!table) continue;
    found.push(table);
    r = table.range.bottom;
  }
  return found;
}

/**
 * Rankings laid out as (unit, score) column pairs — one pair per group of units, each listed best
 * first: two pairs or more of a column of distinct names followed by a column of scores.
 */
function pairColumns(sheet: SheetSnapshot, body: number[], width: number, paths: Map<number, string[]>): ScoreReading['pairs'] {
  const pairs: NonNullable<ScoreReading['pairs']> = [];
  for (let c = 0; c + 1 < width; c++) {
    const names = body.map((b) => cellText(sheet, b, c)).filter((t) => t !== '');
    const scores = body.map((b) => parseScore(cellAt(sheet, b, c + 1)));
    const isNames = names.length >= MIN_UNITS && body.every((b) => sortOf(sheet, b, c) === 'text' || sortOf(sheet, b, c) === 'empty');
    const isScores = scores.filter((p) => p.status === 'number').length >= Math.max(MIN_UNITS, names.length - 1) && scores.every((p) => p.status !== 'invalid');
    if (!isNames || !isScores || new Set(names.map(foldText)).size < names.length - 1) continue;
    const title = [...(paths.get(c) ?? []), ...(paths.get(c + 1) ?? [])].filter((t, i, all) => all.indexOf(t) === i).join(' / ');
    pairs.push({ names: c, scores: c + 1, title });
    c++;
  }
  return pairs.length >= 2 ? pairs : undefined;
}

function readScoreTable(sheet: SheetSnapshot, headerRows: number[], body: number[], width: number): TableModel | undefined {
  const paths = headerPaths(sheet, headerRows, width);
  const pairs = pairColumns(sheet, body, width, paths);
  if (pairs) return pairTable(sheet, headerRows, body, paths, pairs);
  const numbering = (c: number) => body.filter((b) => cellText(sheet, b, c) !== '' && parseMarker(cellText(sheet, b, c)).rest === '').length * 2 >= body.length;
  let label: number | undefined;
  for (let c = 0; c < width && label === undefined; c++) if (body.filter((b) => sortOf(sheet, b, c) === 'text').length * 2 >= body.length && !numbering(c)) label = c;
  if (label === undefined) return undefined;
  const labelOf = (row: number) => parseMarker(cellText(sheet, row, label)).rest;
  const maximaRow = body.find((b) => rowWord(labelOf(b), SCORE_WORDS.maximaRow));
  const stats = body.filter((b) => b !== maximaRow).flatMap((row) => {
    const stat = statOf(labelOf(row));
    return stat ? [{ row, stat, label: labelOf(row) }] : [];
  });
  const units = body.filter((b) => b !== maximaRow && !stats.some((s) => s.row === b));
  if (units.length < MIN_UNITS) return undefined;

  // Figure columns after the names: a number (or "N/A", blank) in nearly every unit, never words.
  const scores: number[] = [];
  const ranks: number[] = [];
  const indices: number[] = [];
  let decimalColumns = 0;
  for (let c = label + 1; c < width; c++) {
    const path = paths.get(c);
    if (!path) continue;
    const readings = units.map((u) => parseScore(cellAt(sheet, u, c)));
    const numbers = readings.filter((p) => p.status === 'number');
    if (readings.some((p) => p.status === 'invalid') || numbers.length < Math.max(MIN_UNITS, 0.6 * units.length)) continue;
    if (numbers.some((p) => p.value < 0 || p.value > MAX_SCORE)) return undefined;
    const header = path.join(' ');
    if (isRankColumn(units.map((u) => wholeAt(sheet, u, c)), header) && numbers.every((p) => Number.isInteger(p.value))) {
      ranks.push(c);
      continue;
    }
    const percent = units.some((u) => cellAt(sheet, u, c)?.numberFormat?.includes('%') || cellText(sheet, u, c).includes('%'));
    if (percent || matchScore(header, SCORE_WORDS.index) > 0 || matchScore(header, RATE_WORDS) > 0) {
      indices.push(c);
      continue;
    }
    // Three decimals are thousands written with a separator ("64,524"): a count, not a score.
    if (numbers.some((p) => p.isText && (p.decimals ?? 0) === 3)) return undefined;
    scores.push(c);
    if (numbers.filter((p) => !Number.isInteger(p.value)).length * 2 >= numbers.length) decimalColumns++;
  }
  if (scores.length < 2) return undefined;

  // Maxima: the row that states them, else the header cell of each column that does.
  const maxima: ScoreReading['maxima'] = [];
  for (const c of [...scores, ...indices]) {
    const inRow = maximaRow !== undefined ? parseScore(cellAt(sheet, maximaRow, c)) : undefined;
    if (inRow?.status === 'number' && inRow.value > 0) {
      maxima.push({ col: c, value: inRow.value, row: maximaRow! });
      continue;
    }
    for (const h of headerRows) {
      const value = statedMaximum(foldText(cellText(sheet, h, c)));
      if (value !== undefined) {
        maxima.push({ col: c, value, row: h });
        break;
      }
    }
  }
  // A table of scores says so: in its header words, its maxima, or decimals in two columns or more.
  const wordy = [label, ...scores, ...indices].some((c) => matchScore(paths.get(c)?.join(' ') ?? '', SCORE_WORDS.scores) > 0);
  // Rows named as rates (units across the columns, a rate under each) make decimals no sign of scores.
  const rateRows = units.some((u) => matchScore(labelOf(u), RATE_WORDS) > 0);
  if (!wordy && !maxima.length && (decimalColumns < 2 || rateRows)) return undefined;

  let stt: number | undefined;
  for (let c = label - 1; c >= 0 && stt === undefined; c--) if (numbering(c)) stt = c;
  const titled = (c: number) => ({ key: `col:${columnLetters(c)}`, title: paths.get(c)!.join(' / ') });
  const columns = new Map<string, ColumnMatch>();
  const match = (key: string, col: number) => columns.set(key, { key, col, score: 0, headerText: paths.get(col)?.join(' / ') ?? '' });
  if (stt !== undefined) match('stt', stt);
  match('name', label);
  for (const c of [...scores, ...indices, ...ranks]) match(titled(c).key, c);
  const rows: TableRow[] = units.map((row) => ({ row, kind: 'data', label: labelOf(row), hasNumbers: true, bold: cellAt(sheet, row, label)?.bold === true, children: [] }));
  const cols = [...columns.values()].map((m) => m.col);
  return {
    layout: scoreLayout(scores.map(titled), indices.map(titled), ranks.map(titled), stt !== undefined),
    confidence: 0.6,
    columns,
    extraColumns: [],
    headerRows,
    range: { top: headerRows[0], left: Math.min(...cols), bottom: body[body.length - 1], right: Math.max(...cols) },
    rows,
    roots: rows,
    totals: [],
    scores: { maxima, maximaRow, stats },
  };
}

/** A ranking in (unit, score) pairs as a score table: its score columns, its rows, its pairs. */
function pairTable(sheet: SheetSnapshot, headerRows: number[], body: number[], paths: Map<number, string[]>, pairs: NonNullable<ScoreReading['pairs']>): TableModel | undefined {
  const wordy = pairs.some((p) => matchScore([...(paths.get(p.scores) ?? []), ...(paths.get(p.names) ?? [])].join(' '), SCORE_WORDS.scores) > 0);
  const decimals = pairs.filter((p) => body.some((b) => !Number.isInteger(parseScore(cellAt(sheet, b, p.scores)).value))).length;
  if (!wordy && decimals < 2) return undefined;
  const columns = new Map<string, ColumnMatch>();
  const titled = pairs.map((p) => ({ key: `col:${columnLetters(p.scores)}`, title: p.title }));
  columns.set('name', { key: 'name', col: pairs[0].names, score: 0, headerText: paths.get(pairs[0].names)?.join(' / ') ?? '' });
  pairs.forEach((p, i) => columns.set(titled[i].key, { key: titled[i].key, col: p.scores, score: 0, headerText: p.title }));
  const rows: TableRow[] = body.map((row) => ({ row, kind: 'data', label: cellText(sheet, row, pairs[0].names), hasNumbers: true, bold: false, children: [] }));
  const layout = scoreLayout(titled, [], [], false);
  // Each pair ranks its own units: no measure ranks the table's rows across pairs.
  return {
    layout: { ...layout, measures: [] },
    confidence: 0.6,
    columns,
    extraColumns: [],
    headerRows,
    range: { top: headerRows[0], left: pairs[0].names, bottom: body[body.length - 1], right: pairs[pairs.length - 1].scores },
    rows,
    roots: rows,
    totals: [],
    scores: { maxima: [], stats: [], pairs },
  };
}
