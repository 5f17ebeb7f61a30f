/**
 * The relations of a table, stored flat: a large appendix has hundreds of thousands of them and
 * nearly all hold, so they are kept as numbers (kind, row, the cells on each side) and turned into
 * objects only when something asks about one.
 */
import type { CellKey } from '../read/address';
import { CellTable } from '../read/cell-table';
import type { Relation, RelationScope } from './relation';
import { int32List } from '../read/typed-list';

const KINDS: Relation['kind'][] = ['sum', 'rate', 'bound'];
const SCOPES: RelationScope[] = ['row', 'group', 'subtotal', 'total', 'breakdown'];

/**
 * Each relation lists cell positions (in the table's CellTable) on up to three sides:
 * sum: total | parts; rate: rate | numerator | denominator; bound: part | whole.
 */
export type Side = 0 | 1 | 2;

export class RelationList implements Iterable<Relation> {
  /** Kind index + 4 × scope index, by relation. */
  private readonly codes = int32List();
  private readonly rows = int32List();
  /** Where each side of each relation starts in `members`, and where its last side ends: four entries per relation. */
  private readonly bounds = int32List();
  private readonly members = int32List();
  private readonly made: (Relation | undefined)[] = [];

  constructor(readonly cells: CellTable) {}

  get length(): number {
    return this.rows.length;
  }

  /**
   * Records one more relation's kind and row, with room for its bounds and this many cells made at
   * once: one check per relation rather than one per number, as hundreds of thousands are added.
   * Returns where its bounds start.
   */
  private begin(kind: number, scope: number, row: number, cellCount: number): number {
    this.codes.push(kind + 4 * scope);
    this.rows.push(row);
    this.members.reserve(cellCount);
    this.bounds.reserve(4);
    const at = this.bounds.length;
    this.bounds.length += 4;
    return at;
  }

  /** Opens side `k` of the relation whose bounds start at `at`, with these cells. */
  private side(at: number, k: number, cells: readonly number[]): void {
    const members = this.members;
    this.bounds.data[at + k] = members.length;
    for (let j = 0; j < cells.length; j++) members.data[members.length++] = cells[j];
  }

  /** Opens side `k` with one cell. */
  private single(at: number, k: number, cell: number): void {
    this.bounds.data[at + k] = this.members.length;
    this.members.data[this.members.length++] = cell;
  }

  /** Closes the relation whose bounds start at `at` after side `k` (the sides after it are empty). */
  private end(at: number, k: number): void {
    for (let j = k + 1; j < 4; j++) this.bounds.data[at + j] = this.members.length;
  }

  /** total = sum(parts); arguments are cell positions. */
  addSum(scope: RelationScope, row: number, total: number, parts: readonly number[]): void {
    const at = this.begin(0, SCOPES.indexOf(scope), row, 1 + parts.length);
    this.single(at, 0, total);
    this.side(at, 1, parts);
    this.end(at, 1);
  }

  addRate(row: number, rate: number, numerator: readonly number[], denominator: readonly number[]): void {
    const at = this.begin(1, 0, row, 1 + numerator.length + denominator.length);
    this.single(at, 0, rate);
    this.side(at, 1, numerator);
    this.side(at, 2, denominator);
    this.end(at, 2);
  }

  addBound(row: number, part: readonly number[], whole: readonly number[]): void {
    const at = this.begin(2, 0, row, part.length + whole.length);
    this.side(at, 0, part);
    this.side(at, 1, whole);
    this.end(at, 1);
  }

  kindOf(id: number): Relation['kind'] {
    return KINDS[this.codes.data[id] & 3];
  }

  scopeOf(id: number): RelationScope {
    return SCOPES[this.codes.data[id] >> 2];
  }

  /** The cells of one side are `member(j)` for `sideStart(id, side) <= j < sideEnd(id, side)`. */
  sideStart(id: number, side: Side): number {
    return this.bounds.data[4 * id + side];
  }

  sideEnd(id: number, side: Side): number {
    return this.bounds.data[4 * id + side + 1];
  }

  /** The first cell position of a side (the total of a sum, the rate of a rate). */
  first(id: number, side: Side): number {
    return this.members.data[this.bounds.data[4 * id + side]];
  }

  /** The sum of the cell values on one side, as `valueOf` gives them by cell position. */
  sideTotal(id: number, side: Side, valueOf: (cell: number) => number): number {
    let s = 0;
    const end = this.bounds.data[4 * id + side + 1];
    for (let j = this.bounds.data[4 * id + side]; j < end; j++) s += valueOf(this.members.data[j]);
    return s;
  }

  /** The relation's cells, all sides, are `member(j)` for `membersStart(id) <= j < membersEnd(id)`. */
  membersStart(id: number): number {
    return this.bounds.data[4 * id];
  }

  membersEnd(id: number): number {
    return this.bounds.data[4 * id + 3];
  }

  /** Every relation's cells, relation after relation (`membersStart(id)` is where each begins). */
  allMembers(): Int32Array {
    return this.members.data.subarray(0, this.members.length);
  }

  /** A cell position. */
  member(j: number): number {
    return this.members.data[j];
  }

  /** The cells of one side, as keys. */
  sideKeys(id: number, side: Side): CellKey[] {
    const out: number[] = [];
    const end = this.bounds.data[4 * id + side + 1];
    for (let j = this.bounds.data[4 * id + side]; j < end; j++) out.push(this.cells.keyAt(this.members.data[j]));
    return out;
  }

  /** The relation as an object; the same object each time it is asked for. */
  at(id: number): Relation {
    const known = this.made[id];
    if (known) return known;
    const code = this.codes.data[id];
    const row = this.rows.data[id];
    let rel: Relation;
    switch (KINDS[code & 3]) {
      case 'sum':
        rel = { id, kind: 'sum', scope: SCOPES[code >> 2], row, total: this.sideKeys(id, 0)[0], parts: this.sideKeys(id, 1) };
        break;
      case 'rate':
        rel = { id, kind: 'rate', row, rate: this.sideKeys(id, 0)[0], numerator: this.sideKeys(id, 1), denominator: this.sideKeys(id, 2) };
        break;
      default:
        rel = { id, kind: 'bound', row, part: this.sideKeys(id, 0), whole: this.sideKeys(id, 1) };
    }
    this.made[id] = rel;
    return rel;
  }

  *[Symbol.iterator](): IterableIterator<Relation> {
    for (let id = 0; id < this.length; id++) yield this.at(id);
  }
}

