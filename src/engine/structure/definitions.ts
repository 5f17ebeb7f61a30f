/**
 * A layout's row identities and rate definitions are hypotheses about a table, confirmed by its own
 * numbers. An identity is checked only where the table follows it in most rows: one the table does
 * not follow (a category, such as returned dossiers, with no column of its own) becomes one notice
 * naming it and the share of rows, not an error per row. Each rate column is checked against the
 * definition it actually follows among the declared one and its plausible alternatives, named in
 * the output when it is not the declared one.
 */
import { CellKey, columnLetters, keyOf } from '../read/address';
import { CellTable } from '../read/cell-table';
import { formatCount } from '../read/format';
import { RateDefinition } from '../layouts';
import { columnByKey, figureColumns, TableModel, TableNotice, TableRow } from '../tables/table-model';
import { rateAgrees, rateFromCounts } from '../read/numbers';
import { learnSums } from '../evidence/learned-sums';

/** The row relations of a table as sheet columns, worked out once per table. */
export interface RowPlan {
  identities: { total: number; parts: number[] }[];
  rates: { rate: number; numerator: number[]; denominator: number[] }[];
  bounds: { part: number[]; whole: number[] }[];
}

export interface Definitions {
  plan: RowPlan;
  notices: TableNotice[];
}

/** Rows read to screen a large table's declared definitions. */
const SAMPLE_ROWS = 1000;

interface Tally {
  holds: number;
  fails: number;
}

/** Followed: holds in most rows where it says something, or breaks in one row at most (a typo). */
const followed = (t: Tally) => t.fails <= 1 || t.holds > t.fails;

class RowFigures {
  constructor(
    private readonly cells: CellTable,
    readonly rows: TableRow[],
  ) {}

  /** The figure, or NaN where the cell is missing or cannot be read. */
  value(row: number, col: number): number {
    const i = this.cells.positionOf(row, col);
    return i < 0 ? NaN : this.cells.figureAtPosition(i);
  }

  sum(row: number, cols: number[]): number {
    let s = 0;
    for (const c of cols) s += this.value(row, c);
    return s;
  }

  /** How the identity fares; the rows where it breaks are added to `broken`. */
  identity(total: number, parts: number[], broken: Set<number>): Tally {
    const tally = { holds: 0, fails: 0 };
    const failing: number[] = [];
    for (const { row } of this.rows) {
      const t = this.value(row, total);
      const s = this.sum(row, parts);
      if (Number.isNaN(t) || Number.isNaN(s) || (t === 0 && s === 0)) continue;
      if (Math.abs(t - s) < 1e-6) tally.holds++;
      else {
        tally.fails++;
        failing.push(row);
      }
    }
    // Only an identity the table follows says that its broken rows hold a typo.
    if (followed(tally)) for (const row of failing) broken.add(row);
    return tally;
  }

  /** At most `count` rows spread evenly through the table (all of them in a small one). */
  spread(count: number): RowFigures {
    if (this.rows.length <= count) return this;
    const step = this.rows.length / count;
    return new RowFigures(this.cells, Array.from({ length: count }, (_, i) => this.rows[Math.floor(i * step)]));
  }

  only(rows: number[]): RowFigures {
    const wanted = new Set(rows);
    return new RowFigures(this.cells, this.rows.filter((r) => wanted.has(r.row)));
  }

  without(rows: ReadonlySet<number>): RowFigures {
    return rows.size ? new RowFigures(this.cells, this.rows.filter((r) => !rows.has(r.row))) : this;
  }

  /** Whether the rate written at a row agrees with these counts; undefined where it says nothing (no number written, no rate of the counts). */
  private rateAgreesAt(row: number, rate: number, numerator: number, denominator: number): boolean | undefined {
    const i = this.cells.indexOf(keyOf(row, rate));
    if (i < 0 || this.cells.statusAt(i) !== 'number') return undefined;
    const truth = rateFromCounts(numerator, denominator);
    if (truth === undefined || Number.isNaN(truth)) return undefined;
    return rateAgrees(this.cells.valueAt(i), truth, this.cells.decimalsAt(i) ?? 2);
  }

  /** Whether the rate holds at a row with the count in column `col` taken as `value`. */
  rateHoldsWith(row: number, rate: number, numerator: number[], denominator: number[], col: number, value: number): boolean {
    const sum = (cols: number[]) => cols.reduce((s, c) => s + (c === col ? value : this.value(row, c)), 0);
    return this.rateAgreesAt(row, rate, sum(numerator), sum(denominator)) === true;
  }

  /**
   * How the rate definition fares; the rows where it breaks are added to `broken` when given.
   * `untilBroken`: stop at the first row where it breaks (all that is asked is whether one does).
   */
  rate(rate: number, numerator: number[], denominator: number[], broken?: number[], untilBroken = false): Tally {
    const tally = { holds: 0, fails: 0 };
    for (const { row } of this.rows) {
      const agrees = this.rateAgreesAt(row, rate, this.sum(row, numerator), this.sum(row, denominator));
      if (agrees === undefined) continue;
      if (agrees) tally.holds++;
      else {
        tally.fails++;
        broken?.push(row);
        if (untilBroken) break;
      }
    }
    return tally;
  }
}

function titles(table: TableModel, keys: string[], lang: 'vi' | 'en'): string {
  return keys.map((k) => columnByKey(table, k)).map((c) => (c ? (lang === 'vi' ? c.title : c.titleEn) : '')).join(' + ');
}

const share = (t: Tally, lang: 'vi' | 'en') => `${formatCount(t.holds, lang)}/${formatCount(t.holds + t.fails, lang)}`;

/**
 * The declared definitions the table follows, with the rate definitions it actually uses. Rows
 * where a followed identity breaks hold a typo in a count: they are left out of the evidence for a
 * rate's definition. A count in a sum that breaks (`suspectCells`) may hold one: a row where the
 * declared definition breaks on such a count never decides alone against it.
 */
export function confirmDefinitions(table: TableModel, cells: CellTable, suspectCells: ReadonlySet<CellKey> = new Set()): Definitions {
  const notices: TableNotice[] = [];
  const plan: RowPlan = { identities: [], rates: [], bounds: [] };
  const col = (key: string) => table.columns.get(key)?.col;
  const cols = (keys: string[]) => {
    const out = keys.map(col);
    return out.every((c) => c !== undefined) ? (out as number[]) : undefined;
  };
  const figures = new RowFigures(cells, table.rows.filter((r) => r.kind !== 'header' && r.hasNumbers));
  // A large table is screened on rows spread through it: where nothing breaks there, the declared
  // definition stands and the whole table need not be read; anything else is counted in full.
  const sample = figures.spread(SAMPLE_ROWS);
  const screened: { total: number; parts: number[] }[] = [];
  const identityBroken = new Set<number>();
  let screenedCounted = false;
  // Rows where an identity confirmed on the sample breaks are counted only when a rate needs them.
  const brokenRows = () => {
    if (!screenedCounted) for (const s of screened) figures.identity(s.total, s.parts, identityBroken);
    screenedCounted = true;
    return identityBroken;
  };

  for (const identity of table.layout.identities) {
    const total = col(identity.total);
    const parts = cols(identity.parts);
    if (total === undefined || !parts) continue;
    const quick = sample.identity(total, parts, new Set());
    if (sample !== figures && quick.fails === 0 && quick.holds > 0) {
      plan.identities.push({ total, parts });
      screened.push({ total, parts });
      continue;
    }
    const tally = figures.identity(total, parts, identityBroken);
    if (followed(tally)) {
      plan.identities.push({ total, parts });
      continue;
    }
    const fails = (lang: 'vi' | 'en') => `${formatCount(tally.fails, lang)}/${formatCount(tally.holds + tally.fails, lang)}`;
    notices.push({
      code: 'identity-not-followed',
      message: `${titles(table, [identity.total], 'vi')} = ${titles(table, identity.parts, 'vi')} không đúng ở ${fails('vi')} dòng: có thể bảng thiếu một cột (như hồ sơ trả lại, rút hồ sơ). PhuLuc không kiểm tra đẳng thức này.`,
      messageEn: `${titles(table, [identity.total], 'en')} = ${titles(table, identity.parts, 'en')} fails in ${fails('en')} rows: a column (such as returned or withdrawn dossiers) may be missing. PhuLuc does not check this identity.`,
    });
  }

  for (const declared of table.layout.rates) {
    const rate = col(declared.rate);
    if (rate === undefined) continue;
    const quick = sample === figures ? undefined : chooseRate(declared, sample, suspectCells, rate, cols);
    // Rows where an identity breaks are left out of the evidence, unless the rows left cannot tell
    // the declared definition from another (none left, or the other holds in each of them too):
    // then the rows left out decide between them. A definition the identities make equal to the
    // declared one (Resolved / (Resolved + Unresolved) where Received = Resolved + Unresolved)
    // differs from it only where an identity breaks, so it is never told apart that way.
    const distinct = (keys: RateKeys) => !sameUnderIdentities(plan.identities, cols(keys.numerator), cols(declared.numerator)) || !sameUnderIdentities(plan.identities, cols(keys.denominator), cols(declared.denominator));
    const screenedClean = quick && quick.keys === declared && quick.tally.fails === 0;
    const trusted = screenedClean ? figures : figures.without(brokenRows());
    let chosen = screenedClean ? quick : chooseRate(declared, trusted, suspectCells, rate, cols);
    if (chosen && !screenedClean && trusted !== figures && chosen.keys === declared && chosen.tally.fails === 0 && rivalHolds(declared, trusted, rate, cols, distinct)) {
      const explained = typosExplaining(figures, brokenRows(), plan.identities, rate, chosen.numerator, chosen.denominator);
      chosen = chooseRate(declared, figures, explained.size ? new Set([...suspectCells, ...explained]) : suspectCells, rate, cols, distinct);
    }
    if (!chosen) continue;
    const { numerator, denominator, tally, keys } = chosen;
    const name = (lang: 'vi' | 'en') => titles(table, [declared.rate], lang);
    if (!followed(tally)) {
      notices.push({
        code: 'rate-not-confirmed',
        message: `Cột ${name('vi')} không khớp với cách tính nào ở phần lớn các dòng (nhiều nhất ${share(tally, 'vi')} dòng): PhuLuc không kiểm tra cột này.`,
        messageEn: `Column ${name('en')} matches no way of computing it in most rows (at best ${share(tally, 'en')} rows): PhuLuc does not check this column.`,
      });
      continue;
    }
    plan.rates.push({ rate, numerator, denominator });
    if (keys !== declared) {
      notices.push({
        code: 'rate-definition',
        message: `Cột ${name('vi')} được tính bằng ${titles(table, keys.numerator, 'vi')} / (${titles(table, keys.denominator, 'vi')}) (khớp ${share(tally, 'vi')} dòng); PhuLuc kiểm tra theo cách tính này.`,
        messageEn: `Column ${name('en')} is computed as ${titles(table, keys.numerator, 'en')} / (${titles(table, keys.denominator, 'en')}) (matches ${share(tally, 'en')} rows); PhuLuc checks it that way.`,
      });
    }
  }

  for (const found of discoverIdentities(table, figures, plan.identities)) {
    plan.identities.push({ total: found.total, parts: found.parts });
    const letters = `${columnLetters(found.total)} = ${found.parts.map(columnLetters).join(' + ')}`;
    const named = (lang: 'vi' | 'en') => `${titles(table, [found.keys[0]], lang)} = ${titles(table, found.keys.slice(1), lang)}`;
    notices.push({
      code: 'identity-found',
      message: `Cột ${letters} ở ${share(found.tally, 'vi')} dòng (${named('vi')}): PhuLuc kiểm tra cả đẳng thức này.`,
      messageEn: `Column ${letters} in ${share(found.tally, 'en')} rows (${named('en')}): PhuLuc checks this identity too.`,
    });
  }

  for (const bound of table.layout.bounds) {
    const part = cols(bound.part);
    const whole = cols(bound.whole);
    if (part && whole) plan.bounds.push({ part, whole });
  }
  return { plan, notices };
}

type RateKeys = { numerator: string[]; denominator: string[] };

/**
 * Counts of the rate's own definition, in rows where an identity breaks, that set to what that
 * identity says make the rate hold: a typo there explains the row as well as another definition.
 */
function typosExplaining(figures: RowFigures, rows: ReadonlySet<number>, identities: RowPlan['identities'], rate: number, numerator: number[], denominator: number[]): Set<CellKey> {
  const out = new Set<CellKey>();
  const own = [...numerator, ...denominator];
  for (const row of rows) {
    for (const { total, parts } of identities) {
      const written = figures.value(row, total);
      const sum = figures.sum(row, parts);
      if (Number.isNaN(written) || Number.isNaN(sum) || Math.abs(written - sum) < 1e-6) continue;
      for (const col of [total, ...parts]) {
        if (!own.includes(col)) continue;
        const said = col === total ? sum : written - (sum - figures.value(row, col));
        if (figures.rateHoldsWith(row, rate, numerator, denominator, col, said)) out.add(keyOf(row, col));
      }
    }
  }
  return out;
}

/** The same columns, or a total on one side and exactly its parts on the other under one of the identities. */
function sameUnderIdentities(identities: RowPlan['identities'], a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a || !b) return false;
  const sorted = (x: number[]) => [...x].sort((p, q) => p - q).join();
  const same = (x: number[], y: number[]) => x.length === y.length && sorted(x) === sorted(y);
  if (same(a, b)) return true;
  return identities.some(({ total, parts }) => (same(a, [total]) && same(b, parts)) || (same(b, [total]) && same(a, parts)));
}

/** The plausible other ways of computing a declared rate, each as a numerator and a denominator. */
function alternativesOf(declared: RateDefinition): RateKeys[] {
  return (declared.alternatives ?? []).map((a) => ({ numerator: a.numerator ?? declared.numerator, denominator: a.denominator ?? declared.denominator }));
}

/** Whether an alternative (of those `considered`) holds in every one of these rows too: then they cannot tell it from the declared definition. */
function rivalHolds(declared: RateDefinition, figures: RowFigures, rate: number, cols: (keys: string[]) => number[] | undefined, considered: (keys: RateKeys) => boolean): boolean {
  for (const keys of alternativesOf(declared)) {
    if (!considered(keys)) continue;
    const numerator = cols(keys.numerator);
    const denominator = cols(keys.denominator);
    if (numerator && denominator && figures.rate(rate, numerator, denominator, undefined, true).fails === 0) return true;
  }
  return false;
}

interface ChosenRate {
  numerator: number[];
  denominator: number[];
  tally: Tally;
  keys: { numerator: string[]; denominator: string[] };
}

/**
 * The definition the table follows best: the declared one while nothing breaks it, else whichever
 * plausible one holds in more rows — by two rows at least when a row where the declared one breaks
 * may hold a typo (`suspect`) in a count the declared one uses and the other does not (a typo in a
 * count both use breaks both alike); the declared one wins a tie (a typo in the rate itself breaks
 * every definition alike).
 */
function chooseRate(declared: RateDefinition, figures: RowFigures, suspect: ReadonlySet<CellKey>, rate: number, cols: (keys: string[]) => number[] | undefined, considered: (keys: RateKeys) => boolean = () => true): ChosenRate | undefined {
  const options = [declared, ...alternativesOf(declared).filter(considered)];
  let best: ChosenRate | undefined;
  let declaredBreaks: { rows: number[]; figures: RowFigures; columns: number[] } | undefined;
  for (const keys of options) {
    const numerator = cols(keys.numerator);
    const denominator = cols(keys.denominator);
    if (!numerator || !denominator) continue;
    const broken: number[] = [];
    const tally = figures.rate(rate, numerator, denominator, broken);
    let margin = 1;
    if (keys === declared) {
      if (tally.fails === 0) return { numerator, denominator, tally, keys };
      declaredBreaks = { rows: broken, figures: figures.only(broken), columns: [...numerator, ...denominator] };
    } else if (declaredBreaks) {
      const own = [...numerator, ...denominator];
      const declaredColumns = declaredBreaks.columns;
      // A typo can make the declared definition break where this one holds only in a count the
      // declared one uses and this one does not (that it makes this one hold is a coincidence).
      const declaredOnly = declaredColumns.filter((c) => !own.includes(c));
      if (declaredBreaks.rows.some((row) => declaredOnly.some((col) => suspect.has(keyOf(row, col))))) margin = 2;
      // It can only win in the rows where the declared one breaks, and there it does not.
      if (declaredBreaks.figures.rate(rate, numerator, denominator).holds < margin) continue;
    }
    if (!best || tally.holds >= best.tally.holds + (best.keys === declared ? margin : 1)) best = { numerator, denominator, tally, keys };
  }
  return best;
}

interface FoundIdentity {
  total: number;
  parts: number[];
  /** Column keys: the total first. */
  keys: string[];
  tally: Tally;
}

/**
 * Additive relations among the count columns that no declaration names but the table's numbers
 * show (learned-sums.ts). Relations the declared identities already tie together are left out,
 * so only news is said.
 */
function discoverIdentities(table: TableModel, figures: RowFigures, declared: RowPlan['identities']): FoundIdentity[] {
  const columns = figureColumns(table, ['count']);
  // Columns tied by declared identities form groups; a relation inside one group is not news.
  const group = new Map<number, number>(columns.map((c) => [c.col, c.col]));
  const find = (c: number): number => (group.get(c) === c ? c : find(group.get(c)!));
  for (const identity of declared) for (const part of identity.parts) if (group.has(part) && group.has(identity.total)) group.set(find(part), find(identity.total));
  const m = columns.length;
  /** The rows' figures, row after row, `m` to a row. */
  const rows = (limit?: number) => {
    const chosen = limit === undefined ? figures.rows : figures.rows.slice(0, limit);
    const out = new Float64Array(chosen.length * m);
    chosen.forEach((r, i) => columns.forEach((c, k) => (out[i * m + k] = figures.value(r.row, c.col))));
    return out;
  };
  const tied = (a: number, b: number) => find(columns[a].col) === find(columns[b].col);
  return learnSums(m, figures.rows.length, rows, tied).map((s) => ({
    total: columns[s.total].col,
    parts: s.parts.map((i) => columns[i].col),
    keys: [s.total, ...s.parts].map((i) => columns[i].column.key),
    tally: { holds: s.holds, fails: s.fails },
  }));
}
