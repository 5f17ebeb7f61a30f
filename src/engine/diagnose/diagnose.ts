/**
 * Root causes: the smallest set of cells whose correction makes every broken relation hold.
 *
 * Each broken relation proposes corrections of single cells (or, for a group row that disagrees
 * with its children in several columns, of that row). A correction carries into the cells that
 * were computed from the wrong value: totals whose relation held with it. Within each group of
 * connected broken relations, a depth-first search finds the smallest set of corrections (fewest
 * cells, then most one-keystroke typos, then fewest carried cells); a tie is reported as such.
 * Tangles beyond the search's budget fall back to a greedy repair.
 */
import { colOfKey, rowOfKey } from '../read/address';
import { isOneKeystroke, keystrokeVariants } from './keystroke';
import { rateAgrees, rateFromCounts, roundHalfUp } from '../read/numbers';
import { CellTable } from '../read/cell-table';
import type { ColumnRole } from '../layouts';
import { RelationList, Side } from '../relations/relation-list';
import { BoundRelation, CellKey, RateRelation, Relation, RelationSet, SumRelation } from '../relations/relations';

export interface Explanation {
  /** The cells believed wrong and their right values. */
  roots: Map<CellKey, number>;
  /** Roots plus the cells that carry the error, with their right values. */
  changes: Map<CellKey, number>;
  /** The broken relations this explanation mends. */
  mends: Relation[];
  /** True when every root is one keystroke away from its right value. */
  keystroke: boolean;
}

export interface Ambiguity {
  relations: Relation[];
  options: Explanation[];
}

export interface Diagnosis {
  explanations: Explanation[];
  ambiguities: Ambiguity[];
  /** Broken relations no correction could explain. */
  unexplained: Relation[];
}

const MAX_CARRY = 500;
/** Sides at least this long are totalled once and tried by their changes (see SystemState.side). */
const LONG_SIDE = 64;
/** At most this many corrections in one explanation, and this many search steps per component. */
const MAX_CORRECTIONS = 6;
const MAX_SEARCH_NODES = 2000;
/** How far around the nearest count a rate's rounding is searched for a keystroke's value. */
const MAX_RATE_SPREAD = 50;

type Overlay = Map<CellKey, number>;

interface Candidate {
  roots: Map<CellKey, number>;
  changes: Map<CellKey, number>;
  mends: Set<number>;
  keystrokes: number;
}

class SystemState {
  /** Corrections in force, over the values the table holds. */
  private readonly corrected = new Map<CellKey, number>();
  /** 1 where the relation holds, by relation id. */
  readonly holding: Uint8Array;
  private index?: { starts: Int32Array; ids: Int32Array };
  private readonly list: RelationList;
  private readonly cells: CellTable;
  private overlay?: Overlay;
  /** A cell's value by its position, with the corrections in force and the overlay being tried. */
  private readonly valueOf = (i: number): number => {
    if (this.overlay === undefined && this.corrected.size === 0) return this.cells.valueAt(i);
    const key = this.cells.keyAt(i);
    return this.overlay?.get(key) ?? this.corrected.get(key) ?? this.cells.valueAt(i);
  };

  constructor(set: RelationSet) {
    this.list = set.relations;
    this.cells = set.cells;
    this.holding = new Uint8Array(this.list.length);
    for (let id = 0; id < this.list.length; id++) this.holding[id] = this.holdsById(id) ? 1 : 0;
  }

  relation(id: number): Relation {
    return this.list.at(id);
  }

  /** The relations a cell takes part in. Indexed on first use: a consistent table never needs it. */
  relationsOf(key: CellKey): Relation[] {
    const index = (this.index ??= this.buildIndex());
    const i = this.cells.indexOf(key);
    if (i < 0) return [];
    const out: Relation[] = [];
    for (let j = index.starts[i]; j < index.starts[i + 1]; j++) out.push(this.list.at(index.ids[j]));
    return out;
  }

  private buildIndex(): { starts: Int32Array; ids: Int32Array } {
    const { list } = this;
    const size = this.cells.size;
    const starts = new Int32Array(size + 1);
    const members = list.allMembers();
    for (let j = 0; j < members.length; j++) starts[members[j] + 1]++;
    for (let i = 0; i < size; i++) starts[i + 1] += starts[i];
    const fill = starts.slice(0, size);
    const ids = new Int32Array(starts[size]);
    for (let id = 0; id < list.length; id++) {
      const end = list.membersEnd(id);
      for (let j = list.membersStart(id); j < end; j++) ids[fill[members[j]]++] = id;
    }
    return { starts, ids };
  }

  get(key: CellKey, overlay?: Overlay): number {
    return overlay?.get(key) ?? this.corrected.get(key) ?? this.cells.value(key) ?? 0;
  }

  isCount(key: CellKey): boolean {
    const i = this.cells.indexOf(key);
    return i >= 0 && this.cells.kindAt(i) === 'count';
  }

  private readonly lineDecimals = new Map<string, number>();

  /**
   * The decimals a rate's line shows (its column of rates, or its row of rates in a table whose
   * units run across the columns): the most any of its rates shows, two at most. A proposed value
   * is written as the line writes it, whatever the one cell (76 % for 76,02 %) shows.
   */
  shownDecimals(key: CellKey): number {
    const lineOf = (k: CellKey) => {
      const i = this.cells.indexOf(k);
      const role: ColumnRole | undefined = i >= 0 ? this.cells.columnAt(i).role : undefined;
      return role !== undefined && role !== 'rate' && role !== 'score' ? `r${rowOfKey(k)}` : `c${colOfKey(k)}`;
    };
    const line = lineOf(key);
    let decimals = this.lineDecimals.get(line);
    if (decimals === undefined) {
      decimals = 0;
      for (let i = 0; i < this.cells.size && decimals < 2; i++) if (this.cells.kindAt(i) !== 'count' && lineOf(this.cells.keyAt(i)) === line) decimals = Math.max(decimals, this.cells.decimalsAt(i) ?? 2);
      decimals = Math.min(2, decimals);
      this.lineDecimals.set(line, decimals);
    }
    return decimals;
  }

  /** A proposed rate is written with the cell's own decimals (shownDecimals), so it is read with them too. */
  private decimalsAt(i: number): number {
    return this.cells.decimalsAt(i) ?? 2;
  }

  /**
   * A side's total. A long side (a total over thousands of rows) tried with a few cells changed is
   * its total as it stands plus those cells' changes, not summed again: trying every part of a
   * broken total would otherwise be quadratic.
   */
  private side(id: number, side: Side): number {
    const start = this.list.sideStart(id, side);
    const end = this.list.sideEnd(id, side);
    if (this.overlay === undefined || end - start < LONG_SIDE) return this.list.sideTotal(id, side, this.valueOf);
    const at = id * 4 + side;
    let base = this.sideTotals.get(at);
    if (base === undefined) {
      const overlay = this.overlay;
      this.overlay = undefined;
      base = this.list.sideTotal(id, side, this.valueOf);
      this.overlay = overlay;
      this.sideTotals.set(at, base);
    }
    let members = this.sideMembers.get(at);
    if (!members) {
      members = new Map();
      for (let j = start; j < end; j++) members.set(this.list.member(j), (members.get(this.list.member(j)) ?? 0) + 1);
      this.sideMembers.set(at, members);
    }
    let total = base;
    for (const [key, value] of this.overlay) {
      const i = this.cells.indexOf(key);
      const times = i < 0 ? undefined : members.get(i);
      if (times) total += times * (value - (this.corrected.get(key) ?? this.cells.valueAt(i)));
    }
    return total;
  }

  /** Side totals as they stand (corrections in force, no overlay), by relation id × 4 + side; dropped when a correction touches them. */
  private readonly sideTotals = new Map<number, number>();
  private readonly sideMembers = new Map<number, Map<number, number>>();

  private forgetTotals(id: number): void {
    for (let side = 0; side < 4; side++) this.sideTotals.delete(id * 4 + side);
  }

  private rateOf(id: number): number | undefined {
    return rateFromCounts(this.side(id, 1), this.side(id, 2));
  }

  /** Evaluates with the overlay in force, then takes it away again. */
  private tried<T>(overlay: Overlay | undefined, f: () => T): T {
    this.overlay = overlay;
    try {
      return f();
    } finally {
      this.overlay = undefined;
    }
  }

  trueRate(rel: RateRelation, overlay?: Overlay): number | undefined {
    return this.tried(overlay, () => this.rateOf(rel.id));
  }

  sumGap(rel: SumRelation, overlay?: Overlay): number {
    return this.tried(overlay, () => this.side(rel.id, 0) - this.side(rel.id, 1));
  }

  holds(rel: Relation, overlay?: Overlay): boolean {
    return this.tried(overlay, () => this.holdsById(rel.id));
  }

  private holdsById(id: number): boolean {
    switch (this.list.kindOf(id)) {
      case 'sum':
        return Math.abs(this.side(id, 0) - this.side(id, 1)) < 1e-6;
      case 'rate': {
        const truth = this.rateOf(id);
        const rate = this.list.first(id, 0);
        return truth !== undefined && rateAgrees(this.valueOf(rate), truth, this.decimalsAt(rate));
      }
      case 'bound':
        return this.side(id, 0) <= this.side(id, 1) + 1e-9;
    }
  }

  isHolding(rel: Relation): boolean {
    return this.holding[rel.id] === 1;
  }

  broken(): Relation[] {
    const out: Relation[] = [];
    for (let id = 0; id < this.holding.length; id++) if (this.holding[id] === 0) out.push(this.list.at(id));
    return out;
  }

  /** Applies corrections; returns what undo() needs to take them back. */
  apply(changes: Overlay): Undo {
    const undo: Undo = { values: new Map(), holding: new Map() };
    const touched = new Set<Relation>();
    for (const [k, v] of changes) {
      if (!undo.values.has(k)) undo.values.set(k, this.corrected.get(k));
      this.corrected.set(k, v);
      for (const r of this.relationsOf(k)) touched.add(r);
    }
    for (const r of touched) {
      this.forgetTotals(r.id);
      undo.holding.set(r.id, this.holding[r.id]);
      this.holding[r.id] = this.holdsById(r.id) ? 1 : 0;
    }
    return undo;
  }

  undo(u: Undo): void {
    for (const [k, v] of u.values) {
      if (v === undefined) this.corrected.delete(k);
      else this.corrected.set(k, v);
    }
    for (const [id, h] of u.holding) {
      this.forgetTotals(id);
      this.holding[id] = h;
    }
  }
}

interface Undo {
  values: Map<CellKey, number | undefined>;
  holding: Map<number, number>;
}

export function cellsOf(rel: Relation): CellKey[] {
  switch (rel.kind) {
    case 'sum':
      return [rel.total, ...rel.parts];
    case 'rate':
      return [rel.rate, ...rel.numerator, ...rel.denominator];
    case 'bound':
      return [...rel.part, ...rel.whole];
  }
}

/** Single-cell corrections that would make one broken relation hold. */
function proposals(state: SystemState, rel: Relation): Map<CellKey, number>[] {
  const out: Map<CellKey, number>[] = [];
  const propose = (key: CellKey, value: number) => {
    if (value < 0 || !Number.isFinite(value)) return;
    if (state.isCount(key) && Math.abs(value - Math.round(value)) > 1e-6) return;
    if (Math.abs(value - state.get(key)) < 1e-9) return;
    // Binary fractions leave noise (14,280000000000001): a proposal is a number as a person writes it.
    out.push(new Map([[key, state.isCount(key) ? Math.round(value) : Math.round(value * 1e9) / 1e9]]));
  };
  // A rate shown rounded fits a run of counts: besides the nearest, the one a keystroke away from
  // what is written (3330 typed 330, for 88,7 % of 3.755), which is the likelier typo.
  const proposeAround = (key: CellKey, nearest: number, spread: number) => {
    propose(key, nearest);
    const reach = Math.min(MAX_RATE_SPREAD, Math.ceil(spread) + 1);
    for (let v = nearest - reach; v <= nearest + reach; v++) if (v !== nearest && isOneKeystroke(state.get(key), v)) propose(key, v);
  };
  if (rel.kind === 'sum') {
    const gap = state.sumGap(rel);
    propose(rel.total, state.get(rel.total) - gap);
    for (const p of rel.parts) propose(p, state.get(p) + gap);
  } else if (rel.kind === 'bound') {
    // A figure above its whole (a score above its scale's maximum) is most often its decimal mark
    // misplaced (50 for 5,0 on a 10-point scale); failing that, a digit doubled or swapped.
    const whole = rel.whole.reduce((s, k) => s + state.get(k), 0);
    const others = (k: CellKey) => rel.part.reduce((s, p) => s + (p === k ? 0 : state.get(p)), 0);
    for (const k of rel.part) {
      const room = whole - others(k);
      const written = state.get(k);
      const shifted = [10, 100, 1000].map((f) => written / f).filter((v) => v <= room + 1e-9);
      const variants = shifted.length ? shifted.slice(0, 1) : keystrokeVariants(written, state.isCount(k) ? 0 : state.shownDecimals(k)).filter((v) => v <= room + 1e-9);
      for (const v of variants) propose(k, v);
    }
  } else if (rel.kind === 'rate') {
    const truth = state.trueRate(rel);
    if (truth !== undefined) propose(rel.rate, roundHalfUp(truth, state.shownDecimals(rel.rate)));
    const written = state.get(rel.rate);
    const num = rel.numerator.reduce((s, k) => s + state.get(k), 0);
    const den = rel.denominator.reduce((s, k) => s + state.get(k), 0);
    const unit = 10 ** -state.shownDecimals(rel.rate);
    for (const k of rel.numerator) proposeAround(k, state.get(k) + Math.round((written * den) / 100 - num), (den * unit) / 100);
    if (written > 0) for (const k of rel.denominator) proposeAround(k, state.get(k) + Math.round((num * 100) / written - den), (den * den * unit) / (100 * Math.max(1, num)));
  }
  return out.filter((m) => state.holds(rel, m));
}

/**
 * A group row that disagrees with its children in several columns: take the children's sums.
 * Cells the row computes from others (a row identity's total) are carried, not roots.
 */
function rowProposals(state: SystemState, broken: Relation[]): Map<CellKey, number>[] {
  const byRow = new Map<number, SumRelation[]>();
  for (const rel of broken) {
    if (rel.kind !== 'sum' || rel.scope === 'row' || rel.scope === 'breakdown') continue;
    const list = byRow.get(rel.row) ?? [];
    list.push(rel);
    byRow.set(rel.row, list);
  }
  const out: Map<CellKey, number>[] = [];
  for (const rels of byRow.values()) {
    if (rels.length < 2) continue;
    const target = new Map(rels.map((r) => [r.total, state.get(r.total) - state.sumGap(r)]));
    const derived = (k: CellKey) =>
      state.relationsOf(k).some(
        (r) => r.kind === 'sum' && r.scope === 'row' && r.total === k && state.isHolding(r) && r.parts.some((p) => target.has(p)),
      );
    out.push(new Map([...target].filter(([k]) => !derived(k))));
  }
  return out;
}

/** Adds the cells computed from the corrected ones: totals and rates whose relation held. */
function carry(state: SystemState, roots: Map<CellKey, number>): Map<CellKey, number> {
  const changes = new Map(roots);
  const queue = [...roots.keys()];
  while (queue.length && changes.size < MAX_CARRY) {
    const k = queue.shift()!;
    for (const rel of state.relationsOf(k)) {
      if (!state.isHolding(rel)) continue;
      if (rel.kind === 'sum' && rel.parts.includes(k) && !changes.has(rel.total)) {
        const value = rel.parts.reduce((s, p) => s + state.get(p, changes), 0);
        changes.set(rel.total, Math.round(value * 1e9) / 1e9);
        queue.push(rel.total);
      } else if (rel.kind === 'rate' && rel.rate !== k && !changes.has(rel.rate)) {
        const truth = state.trueRate(rel, changes);
        const value = truth === undefined ? undefined : roundHalfUp(truth, state.shownDecimals(rel.rate));
        // A rate that reads the same after the correction is not a cell the correction changes.
        if (value !== undefined && Math.abs(value - state.get(rel.rate)) > 1e-9) changes.set(rel.rate, value);
      }
    }
  }
  return changes;
}

interface Evaluation {
  mends: Set<number>;
  creates: number;
}

function evaluate(state: SystemState, changes: Overlay): Evaluation {
  const touched = new Set<Relation>();
  for (const k of changes.keys()) for (const r of state.relationsOf(k)) touched.add(r);
  const mends = new Set<number>();
  let creates = 0;
  for (const rel of touched) {
    const before = state.isHolding(rel);
    const after = state.holds(rel, changes);
    if (!before && after) mends.add(rel.id);
    if (before && !after) creates++;
  }
  return { mends, creates };
}

function countKeystrokes(state: SystemState, roots: Map<CellKey, number>): number {
  let n = 0;
  for (const [k, v] of roots) {
    const decimals = state.isCount(k) ? 0 : state.shownDecimals(k);
    if (isOneKeystroke(state.get(k), v, decimals)) n++;
  }
  return n;
}

function candidatesFor(state: SystemState, broken: Relation[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const roots = [...broken.flatMap((r) => proposals(state, r)), ...rowProposals(state, broken)];
  for (const root of roots) {
    const signature = [...root].map(([k, v]) => `${k}=${v}`).sort().join(',');
    if (seen.has(signature)) continue;
    seen.add(signature);
    const changes = carry(state, root);
    const ev = evaluate(state, changes);
    if (ev.creates > 0 || ev.mends.size === 0) continue;
    out.push({ roots: root, changes, mends: ev.mends, keystrokes: countKeystrokes(state, root) });
  }
  return out;
}

/** Groups broken relations that share a cell or that one correction mends together. */
function components(broken: Relation[], candidates: Candidate[]): Relation[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const union = (a: number, b: number) => parent.set(find(a), find(b));
  broken.forEach((r) => parent.set(r.id, r.id));
  const byCell = new Map<CellKey, number>();
  for (const rel of broken) {
    for (const k of cellsOf(rel)) {
      const other = byCell.get(k);
      if (other === undefined) byCell.set(k, rel.id);
      else union(rel.id, other);
    }
  }
  for (const c of candidates) {
    const ids = [...c.mends].filter((id) => parent.has(id));
    for (let i = 1; i < ids.length; i++) union(ids[0], ids[i]);
  }
  const groups = new Map<number, Relation[]>();
  for (const rel of broken) {
    const root = find(rel.id);
    groups.set(root, [...(groups.get(root) ?? []), rel]);
  }
  return [...groups.values()];
}

interface Solution {
  parts: Candidate[];
  rootCount: number;
  keystrokes: number;
  changeCount: number;
  signature: string;
}

function rank(a: Solution, b: Solution): number {
  return a.rootCount - b.rootCount || b.keystrokes - a.keystrokes || a.changeCount - b.changeCount;
}

function solutionOf(parts: Candidate[]): Solution {
  const changed = new Set<CellKey>();
  parts.forEach((p) => p.changes.forEach((_, k) => changed.add(k)));
  const roots = parts.flatMap((p) => [...p.roots.keys()]).sort((a, b) => a - b);
  return {
    parts: [...parts],
    rootCount: roots.length,
    keystrokes: parts.reduce((s, p) => s + p.keystrokes, 0),
    changeCount: changed.size,
    signature: roots.join(','),
  };
}

/**
 * Depth-first search for the smallest explanations of one component: branch on the broken
 * relation the fewest corrections can mend, apply each such correction, go on until all hold.
 */
function smallestSolutions(state: SystemState, component: Relation[]): Solution[] {
  const found = new Map<string, Solution>();
  let bestRoots = Infinity;
  let nodes = 0;
  const picked: Candidate[] = [];
  const rootsSoFar = () => picked.reduce((s, c) => s + c.roots.size, 0);

  const visit = (): void => {
    if (++nodes > MAX_SEARCH_NODES) return;
    const broken = component.filter((r) => !state.isHolding(r));
    if (!broken.length) {
      const solution = solutionOf(picked);
      const existing = found.get(solution.signature);
      if (!existing || rank(solution, existing) < 0) found.set(solution.signature, solution);
      bestRoots = Math.min(bestRoots, solution.rootCount);
      return;
    }
    if (picked.length >= MAX_CORRECTIONS || rootsSoFar() + 1 > bestRoots) return;
    const candidates = candidatesFor(state, broken);
    // Branch on the relation the fewest corrections touch; a correction may mend it only
    // together with a later one, so touching is enough to be tried.
    const touching = (c: Candidate, rel: Relation) => cellsOf(rel).some((k) => c.changes.has(k));
    let target: Relation | undefined;
    let fewest = Infinity;
    for (const rel of broken) {
      const n = candidates.filter((c) => touching(c, rel)).length;
      if (n < fewest) {
        fewest = n;
        target = rel;
      }
    }
    if (!target || fewest === 0) return;
    const options = candidates
      .filter((c) => touching(c, target!))
      .sort(
        (a, b) =>
          Number(b.mends.has(target!.id)) - Number(a.mends.has(target!.id)) ||
          b.mends.size - a.mends.size ||
          b.keystrokes - a.keystrokes ||
          a.roots.size - b.roots.size,
      );
    const changedSoFar = new Set(picked.flatMap((c) => [...c.changes.keys()]));
    for (const option of options) {
      if (rootsSoFar() + option.roots.size > bestRoots) continue;
      // One explanation never corrects the same cell twice.
      if ([...option.changes.keys()].some((k) => changedSoFar.has(k))) continue;
      const undo = state.apply(option.changes);
      picked.push(option);
      visit();
      picked.pop();
      state.undo(undo);
      if (nodes > MAX_SEARCH_NODES) return;
    }
  };
  visit();
  const all = [...found.values()].sort(rank);
  return all.filter((s) => rank(s, all[0]) === 0);
}

/** The corrections of a solution, applied in order, each carried from the state before it. */
function applySolution(state: SystemState, solution: Solution): Map<CellKey, number> {
  const merged = new Map<CellKey, number>();
  for (const part of solution.parts) {
    state.apply(part.changes);
    part.changes.forEach((v, k) => merged.set(k, v));
  }
  return merged;
}

function toExplanation(candidate: Candidate, relations: Relation[]): Explanation {
  return {
    roots: candidate.roots,
    changes: candidate.changes,
    mends: relations.filter((r) => candidate.mends.has(r.id)),
    keystroke: candidate.keystrokes === candidate.roots.size,
  };
}

function greedy(state: SystemState, component: Relation[], diagnosis: Diagnosis): void {
  const ids = new Set(component.map((r) => r.id));
  for (;;) {
    const broken = state.broken().filter((r) => ids.has(r.id));
    if (!broken.length) return;
    const candidates = candidatesFor(state, broken);
    if (!candidates.length) {
      for (const rel of broken) diagnosis.unexplained.push(rel);
      return;
    }
    candidates.sort((a, b) => b.mends.size - a.mends.size || a.roots.size - b.roots.size || b.keystrokes - a.keystrokes);
    const best = candidates[0];
    diagnosis.explanations.push(toExplanation(best, broken));
    state.apply(best.changes);
  }
}

export function diagnose(set: RelationSet): Diagnosis {
  const state = new SystemState(set);
  const diagnosis: Diagnosis = { explanations: [], ambiguities: [], unexplained: [] };
  const broken = state.broken();
  if (!broken.length) return diagnosis;
  const candidates = candidatesFor(state, broken);
  for (const component of components(broken, candidates)) {
    const solutions = smallestSolutions(state, component);
    if (!solutions.length) {
      greedy(state, component, diagnosis);
      continue;
    }
    if (solutions.length > 1) {
      // A correction every smallest explanation makes is certain: said alone, the choice is the rest.
      const signatureOf = (p: Candidate) => [...p.roots].map(([k, v]) => `${k}=${v}`).sort().join(',');
      const common = solutions[0].parts.filter((p) => solutions.every((s) => s.parts.some((q) => signatureOf(q) === signatureOf(p))));
      const certain = new Set(common.map(signatureOf));
      for (const part of common) diagnosis.explanations.push(toExplanation(part, component));
      const options = new Map<string, Candidate>();
      for (const s of solutions) for (const p of s.parts) if (!certain.has(signatureOf(p))) options.set(signatureOf(p), p);
      diagnosis.ambiguities.push({
        relations: component.filter((r) => !common.some((p) => p.mends.has(r.id))),
        options: [...options.values()].map((p) => toExplanation(p, component)),
      });
      continue;
    }
    const merged = applySolution(state, solutions[0]);
    for (const part of solutions[0].parts) {
      const explanation = toExplanation(part, component);
      // Where two typos carry into one total, the total's right value is the combined one.
      explanation.changes = new Map([...part.changes.keys()].map((k) => [k, merged.get(k)!]));
      diagnosis.explanations.push(explanation);
    }
  }
  return diagnosis;
}

export type { SumRelation, RateRelation, BoundRelation };
