/**
 * Proving a table's structure by its numbers, as a person checking by hand does: a row is the
 * parent of some rows when it equals their sum in every column. The cues (numbering, bold,
 * wording) propose a nesting (hierarchy.ts); it is kept where the numbers bear it out. Where they
 * do not, the rows are grouped by what the numbers show — a row that is the sum of the run of rows
 * right after it, or right before it, and is told apart from them by some cue — and whichever
 * grouping more sums hold under is kept. A sum is asserted only where it holds in most of its
 * columns (one typo breaks one column, a wrong grouping nearly all of them); what cannot be
 * confirmed is said once, in a notice, never reported cell by cell.
 */
import { beatsChance, sumEvidence } from '../evidence/chance';
import { learnSums } from '../evidence/learned-sums';
import { CellKey, keyOf } from '../read/address';
import { CellTable } from '../read/cell-table';
import { clearNesting, cueSumGroups } from '../tables/hierarchy';
import { formatCount } from '../read/format';
import { levelKey } from '../read/markers';
import { figureColumns, SumGroup, TableModel, TableNotice, TableRow } from '../tables/table-model';

/** How a sum fares over the count columns where it says something (0 = 0 says nothing). */
export interface Evidence {
  holds: number;
  fails: number;
}

export interface StructureProof {
  /** Where the grouping came from. */
  source: 'cues' | 'numbers';
  /** The sums the numbers confirm: these are checked. */
  sums: SumGroup[];
  /** Sums the grouping proposes but the numbers do not bear out: not checked. */
  unconfirmed: SumGroup[];
  /** The cells of confirmed sums where they break (every row, that column): a typo sits in one of them. */
  suspectCells: Set<CellKey>;
  notices: TableNotice[];
}

/** Below this many informative columns a sum cannot tell a typo from a wrong grouping by itself. */
const FEW_COLUMNS = 3;
/** Levels of nesting the numbers are searched for. */
const MAX_LEVELS = 8;
const EXACT = 1e-6;

/** The count figures of a table's rows; NaN where a cell cannot be read. */
class Figures {
  readonly columns: number[];
  /** Every row's figures, read once (a row is read as a part of its parent and as a parent), by sheet row from `first`. */
  private readonly data: Float64Array;
  private readonly first: number;

  constructor(
    private readonly cells: CellTable,
    table: TableModel,
  ) {
    this.columns = figureColumns(table, ['count']).map((f) => f.col);
    const rows = table.rows.filter((r) => r.kind !== 'header');
    this.first = rows.length ? rows[0].row : 0;
    this.data = readFigures(cells, rows, this.columns, this.first);
  }

  value(row: number, col: number): number {
    return this.cells.figureAt(row, col);
  }

  /** How many count columns of the row hold something other than 0. */
  figuresIn(row: TableRow): number {
    let n = 0;
    const at = (row.row - this.first) * this.columns.length;
    for (let c = 0; c < this.columns.length; c++) if (this.data[at + c] !== 0) n++;
    return n;
  }

  /** Per column: 1 where the sum holds, -1 where it breaks, 0 where it says nothing (0 = 0, unreadable). */
  private compare(group: SumGroup): Int8Array {
    const m = this.columns.length;
    const { data, first } = this;
    const sums = new Float64Array(m);
    for (const part of group.parts) {
      const at = (part.row - first) * m;
      for (let c = 0; c < m; c++) sums[c] += data[at + c];
    }
    const at = (group.target.row - first) * m;
    const out = new Int8Array(m);
    for (let c = 0; c < m; c++) {
      const total = data[at + c];
      if (Number.isNaN(total) || Number.isNaN(sums[c]) || (total === 0 && sums[c] === 0)) continue;
      out[c] = Math.abs(total - sums[c]) < EXACT ? 1 : -1;
    }
    return out;
  }

  /** The columns where the sum does not hold. */
  breakingColumns(group: SumGroup): number[] {
    const compared = this.compare(group);
    return this.columns.filter((_, c) => compared[c] === -1);
  }

  /** How unlikely the columns where the sum holds would be to match by chance (chance.ts). */
  matchEvidence(group: SumGroup): number {
    const compared = this.compare(group);
    const at = (group.target.row - this.first) * this.columns.length;
    let evidence = 0;
    for (let c = 0; c < compared.length; c++) if (compared[c] === 1) evidence += sumEvidence(this.data[at + c]);
    return evidence;
  }

  evidence(group: SumGroup): Evidence {
    const compared = this.compare(group);
    let holds = 0;
    let fails = 0;
    for (let c = 0; c < compared.length; c++) {
      if (compared[c] === 1) holds++;
      else if (compared[c] === -1) fails++;
    }
    return { holds, fails };
  }
}

/** The count figures of every row, row after row, from the table's first non-header row. */
function readFigures(cells: CellTable, rows: TableRow[], columns: number[], first: number): Float64Array {
  const m = columns.length;
  const last = rows.length ? rows[rows.length - 1].row : first - 1;
  const data = new Float64Array((last - first + 1) * m);
  const cols = Int32Array.from(columns);
  for (const { row } of rows) cells.rowFigures(row, cols, data, (row - first) * m);
  return data;
}

const score = (evidence: Evidence[]) => evidence.reduce((s, e) => s + e.holds - e.fails, 0);
const bornOut = (e: Evidence) => e.holds > e.fails || e.holds + e.fails === 0;

/** What tells a row's level apart at a glance: its kind of numbering, bold, and total wording. */
function signature(row: TableRow): string {
  const wording = row.kind === 'total' || row.kind === 'subtotal' ? row.kind : '';
  return `${row.marker ? levelKey(row.marker) : 'none'}|${row.bold ? 'b' : ''}|${wording}`;
}

const rank = (row: TableRow) => (row.kind === 'total' ? 2 : row.kind === 'subtotal' ? 1 : 0);

interface Claim {
  parent: number;
  /** Positions in the current sequence, inclusive. */
  from: number;
  to: number;
  holds: number;
}

/**
 * Groups the rows by their numbers alone, level by level from the bottom: in each pass, every row
 * that equals (in most informative columns) the sum of the run of rows right after or right before
 * it claims that run; a run never crosses a row of the claimant's own look (a sibling) that does
 * not already stand for rows of its own. Claims whose run holds a claimant wait for the next pass,
 * when that claimant stands for its own rows; a row claims once.
 * Returns each parent's children, or undefined when the numbers show no grouping.
 */
function groupByNumbers(table: TableModel, figures: Figures): Map<TableRow, TableRow[]> | undefined {
  const items = table.rows.filter((r) => r.kind !== 'header' && r.kind !== 'item' && r.hasNumbers);
  const m = figures.columns.length;
  const n = items.length;
  const vectors = new Float64Array(n * m);
  items.forEach((row, i) => figures.columns.forEach((col, c) => (vectors[i * m + c] = figures.value(row.row, col))));
  const looks = items.map(signature);
  const sums = new Float64Array(m);
  let sequence = items.map((_, i) => i);

  // Rows that already stand for the rows they add up (from an earlier pass).
  const grouped = new Uint8Array(n);
  const run = (p: number, step: 1 | -1): Claim | undefined => {
    const target = sequence[p];
    if (grouped[target]) return undefined;
    let positive = 0;
    for (let c = 0; c < m; c++) if (vectors[target * m + c] > 0) positive++;
    if (positive === 0) return undefined;
    sums.fill(0);
    let best: Claim | undefined;
    for (let q = p + step; q >= 0 && q < sequence.length; q += step) {
      const item = sequence[q];
      // A row that looks like this one is its sibling, unless it already stands for rows of its
      // own: "Cộng khối" over "Cộng huyện" rows written alike. A "Cộng" never holds a "Tổng".
      if ((looks[item] === looks[target] && !grouped[item]) || rank(items[item]) > rank(items[target])) break;
      let holds = 0;
      let fails = 0;
      let over = 0;
      for (let c = 0; c < m; c++) {
        const s = (sums[c] += vectors[item * m + c]);
        const t = vectors[target * m + c];
        if (Number.isNaN(s) || Number.isNaN(t) || (s === 0 && t === 0)) continue;
        if (Math.abs(s - t) < EXACT) holds++;
        else {
          fails++;
          if (s > t) over++;
        }
      }
      if (holds > fails && (!best || holds >= best.holds)) best = { parent: p, from: Math.min(p + step, q), to: Math.max(p + step, q), holds };
      // Counts never fall: once most columns are past the row's own value, no longer run can hold.
      if (2 * over >= positive) break;
    }
    return best;
  };

  const children = new Map<number, number[]>();
  for (let level = 0; level < MAX_LEVELS; level++) {
    const claims: Claim[] = [];
    for (let p = 0; p < sequence.length; p++) {
      const after = run(p, 1);
      const before = run(p, -1);
      const claim = after && before ? (before.holds > after.holds || (before.holds === after.holds && items[sequence[p]].kind === 'subtotal') ? before : after) : after ?? before;
      if (claim) claims.push(claim);
    }
    const claimOf = new Map(claims.map((c) => [c.parent, c]));
    // Two rows equal to each other claim each other (a group of one): the one whose wording ranks
    // higher ("Tổng" over "Cộng" over a plain row) is the parent, else the bold one, else the one
    // above, as a heading stands above its rows. Any other claimant in a run waits for the next pass.
    const yields = (claim: Claim, q: number) => {
      const other = claimOf.get(q);
      if (!other) return true;
      if (other.from !== other.to || other.from !== claim.parent) return false;
      const parent = items[sequence[claim.parent]];
      const child = items[sequence[q]];
      if (rank(parent) !== rank(child)) return rank(parent) > rank(child);
      if (parent.bold !== child.bold) return parent.bold;
      return claim.parent < q;
    };
    // A "Cộng" row that stands for nothing yet may still claim its rows in a later pass: a run
    // that holds one waits, unless nothing else can be accepted.
    const pending = (q: number) => rank(items[sequence[q]]) === 1 && !grouped[sequence[q]];
    const accept = (patient: boolean) => {
      const taken = new Uint8Array(sequence.length);
      let accepted = 0;
      for (const claim of claims) {
        let free = !taken[claim.parent];
        for (let q = claim.from; q <= claim.to && free; q++) free = !taken[q] && yields(claim, q) && !(patient && pending(q));
        if (!free) continue;
        for (let q = claim.from; q <= claim.to; q++) taken[q] = 1;
        children.set(sequence[claim.parent], sequence.slice(claim.from, claim.to + 1));
        grouped[sequence[claim.parent]] = 1;
        accepted++;
      }
      return accepted ? taken : undefined;
    };
    // Shorter runs first, and of two claims on the same rows the nearer parent: "Cộng" before "Tổng".
    claims.sort((a, b) => a.to - a.from - (b.to - b.from) || rank(items[sequence[a.parent]]) - rank(items[sequence[b.parent]]));
    const taken = accept(true) ?? accept(false);
    if (!taken) break;
    sequence = sequence.filter((_, q) => !taken[q]);
  }
  if (!children.size) return undefined;
  const out = new Map<TableRow, TableRow[]>();
  for (const [parent, list] of children) out.set(items[parent], list.map((i) => items[i]));
  return out;
}

/** Makes the grouping found in the numbers the table's nesting. */
function installGrouping(table: TableModel, grouping: Map<TableRow, TableRow[]>): SumGroup[] {
  clearNesting(table.rows);
  const sums: SumGroup[] = [];
  for (const [parent, children] of grouping) {
    sums.push({ scope: parent.kind === 'total' ? 'total' : parent.kind === 'subtotal' ? 'subtotal' : 'group', target: parent, parts: children });
    // A total adds up the top-level rows, as in a cue nesting; other rows hold their children.
    if (parent.kind === 'total') {
      parent.covers = children;
      continue;
    }
    parent.children = children;
    for (const child of children) child.parent = parent;
    if (parent.kind === 'data') parent.kind = 'group';
  }
  table.roots = table.rows.filter((r) => r.kind !== 'header' && r.kind !== 'total' && r.kind !== 'item' && !r.parent);
  table.totals = table.rows.filter((r) => r.kind === 'total');
  return sums;
}

/** Every "Cộng" and "Tổng" row with figures is given rows to add up. */
function closesEverything(table: TableModel, sums: SumGroup[]): boolean {
  const targets = new Set(sums.map((s) => s.target));
  return table.rows.every((r) => (r.kind !== 'total' && r.kind !== 'subtotal') || !r.hasNumbers || targets.has(r));
}

const rowList = (rows: TableRow[]) => {
  const names = rows.slice(0, 6).map((r) => `${r.row + 1}${r.label ? ` "${r.label}"` : ''}`);
  return names.join(', ') + (rows.length > 6 ? ', …' : '');
};

/**
 * Decides which rows add up which, from the cues and the numbers, and which of those sums are
 * confirmed enough to check. Changes the table's nesting only when the numbers show another one.
 */
export function proveStructure(table: TableModel, cells: CellTable): StructureProof {
  const proof: StructureProof = { source: 'cues', sums: [], unconfirmed: [], suspectCells: new Set(), notices: [] };
  if (table.layout.hierarchy !== 'sum') return proof;
  const figures = new Figures(cells, table);
  let sums = cueSumGroups(table);
  let evidence = sums.map((g) => figures.evidence(g));

  if (!evidence.every(bornOut) || !closesEverything(table, sums)) {
    const grouping = groupByNumbers(table, figures);
    if (grouping) {
      const found = [...grouping].map(([target, parts]) => ({ target, parts }) as SumGroup);
      const foundEvidence = found.map((g) => figures.evidence(g));
      // A "Cộng" or "Tổng" row is a sum by its own words: a grouping that leaves one out counts it
      // as failing in every column it has figures in, so no grouping wins by dropping what fails.
      const foundTargets = new Set(found.map((g) => g.target));
      const leftOut = sums.filter((g) => rank(g.target) > 0 && !foundTargets.has(g.target)).reduce((n, g) => n + figures.figuresIn(g.target), 0);
      const better = score(foundEvidence) - leftOut - score(evidence);
      if (better > 0 || (better === 0 && !closesEverything(table, sums) && closesEverything(table, found))) {
        sums = installGrouping(table, grouping);
        evidence = sums.map((g) => figures.evidence(g));
        proof.source = 'numbers';
        proof.notices.push({
          code: 'grouping-from-numbers',
          message: `Cách nhóm các dòng được xác định theo số liệu (${formatCount(sums.length, 'vi')} dòng là tổng của các dòng liền trước hoặc liền sau), không theo số thứ tự hay định dạng.`,
          messageEn: `The grouping of rows was worked out from the numbers (${formatCount(sums.length, 'en')} rows are the sum of the rows right before or after them), not from numbering or formatting.`,
        });
      }
    }
  }

  // With few informative columns a sum leans on the table (believed when most of the table's sums
  // hold) or on its own wording: a "Cộng" or "Tổng" row says what it is.
  const informative = evidence.filter((e) => e.holds + e.fails > 0);
  const tableHolds = informative.length > 0 && informative.filter((e) => e.fails === 0).length * 2 >= informative.length;
  sums.forEach((group, i) => {
    const e = evidence[i];
    // In a layout PhuLuc knows, a "Cộng"/"Tổng" row is a sum; in one it does not, only numbers say so.
    const named = (group.target.kind === 'total' || group.target.kind === 'subtotal') && table.layout.id !== 'L0';
    // Or by its matches, where they could not be chance: a total of 38,136 equal to its rows' sum.
    const proven = () => e.holds >= e.fails && beatsChance(figures.matchEvidence(group), sums.length);
    const confirmed = e.holds + e.fails >= FEW_COLUMNS ? bornOut(e) || proven() : e.fails === 0 || tableHolds || named || proven();
    (confirmed ? proof.sums : proof.unconfirmed).push(group);
    if (confirmed && e.fails) for (const col of figures.breakingColumns(group)) for (const row of [group.target, ...group.parts]) proof.suspectCells.add(keyOf(row.row, col));
  });
  // "Cộng" and "Tổng" rows no grouping gives rows to add up are not checked either: said too.
  const targets = new Set(sums.map((g) => g.target));
  const unmatched = table.rows.filter((r) => rank(r) > 0 && r.hasNumbers && !targets.has(r));
  if (proof.unconfirmed.length || unmatched.length) {
    const rows = [...proof.unconfirmed.map((g) => g.target), ...unmatched].sort((a, b) => a.row - b.row);
    proof.notices.push({
      code: 'unconfirmed-grouping',
      message: `Không xác nhận được cách nhóm của ${formatCount(rows.length, 'vi')} dòng (${rowList(rows)}): ở phần lớn các cột, số liệu của dòng không bằng tổng các dòng được cho là thuộc nó, và không có nhóm dòng liền kề nào cộng lại bằng nó. PhuLuc không kiểm tra các tổng này; hãy xem lại cách nhóm.`,
      messageEn: `The grouping of ${formatCount(rows.length, 'en')} rows could not be confirmed (${rowList(rows)}): in most columns the row is not the sum of the rows shown under it, and no run of rows next to it adds up to it. PhuLuc does not check these sums; review the grouping.`,
    });
  }
  if (table.layout.id === 'L0' && !proof.sums.length) learnRowSums(table, figures, proof);
  return proof;
}

/**
 * In a table no layout knows whose rows nothing groups, rows that add up all the same: a row the
 * sum of two or three others, or of a run of neighbours (the year under its quarters, in a table
 * whose units run across the columns), learned as columns' sums are (learned-sums.ts).
 */
function learnRowSums(table: TableModel, figures: Figures, proof: StructureProof): void {
  const rows = table.rows.filter((r) => r.kind !== 'header' && r.kind !== 'item' && r.hasNumbers);
  const cases = figures.columns;
  const matrix = (limit?: number) => {
    const count = Math.min(limit ?? cases.length, cases.length);
    const out = new Float64Array(count * rows.length);
    for (let c = 0; c < count; c++) rows.forEach((r, i) => (out[c * rows.length + i] = figures.value(r.row, cases[c])));
    return out;
  };
  for (const learned of learnSums(rows.length, cases.length, matrix, () => false)) {
    const group: SumGroup = { scope: 'group', target: rows[learned.total], parts: learned.parts.map((i) => rows[i]) };
    proof.sums.push(group);
    for (const col of figures.breakingColumns(group)) for (const row of [group.target, ...group.parts]) proof.suspectCells.add(keyOf(row.row, col));
    const named = (lang: 'vi' | 'en') => `${group.target.row + 1} = ${group.parts.map((p) => p.row + 1).join(' + ')}`;
    const share = (lang: 'vi' | 'en') => `${formatCount(learned.holds, lang)}/${formatCount(learned.holds + learned.fails, lang)}`;
    proof.notices.push({
      code: 'identity-found',
      message: `Dòng ${named('vi')} ở ${share('vi')} cột ("${group.target.label}" = ${group.parts.map((p) => `"${p.label}"`).join(' + ')}): PhuLuc kiểm tra cả đẳng thức này.`,
      messageEn: `Row ${named('en')} in ${share('en')} columns ("${group.target.label}" = ${group.parts.map((p) => `"${p.label}"`).join(' + ')}): PhuLuc checks this identity too.`,
    });
  }
}
