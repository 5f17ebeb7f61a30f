/**
 * The relations of a table, stored flat: a large appendix has hundreds of thousands of them and
 * nearly all hold, so they are kept as numbers (kind, row, the cells on each side) and turned into
 * objects only when something asks about one.
 */
import { CellTable } from './cell-table';
import type { Relation, RelationScope } from './relation';
import { int32List } from './typed-list';

const KINDS: Relation['kind'][] = ['sum', 'rate', 'bound'];
const SCOPES: RelationScope[] = ['row', 'group', 'subtotal', 'total', 'breakdown'];
const NONE: readonly number[] = [];

/**
 * Each relation lists cell positions (in the table's CellTable) on up to three sides:
 * sum: total | parts; rate: rate | numerator | denominator; bound: part | whole.
 */
export type Side = 0 | 1 | 2;

export class RelationList implements Iterable<Relation> {
  /** Kind index + 4 × scope index. */
  private readonly codes = int32List();
  private readonly rows = int32List();
  /** Where each side of each relation starts in `members`; four entries per relation. */
  private readonly bounds = int32List();
  private readonly members = int32List();
  private readonly made: (Relation | undefined)[] = [];

  constructor(readonly cells: CellTable) {}

  get length(): number {
    return this.rows.length;
  }

  private begin(kind: number, scope: number, row: number): void {
    this.codes.push(kind + 4 * scope);
    this.rows.push(row);
  }

  /** Opens the next side of the relation being added, with these cells. */
  private side(cells: readonly number[]): void {
    this.bounds.push(this.members.length);
    for (let j = 0; j < cells.length; j++) this.members.push(cells[j]);
  }

  private end(): void {
    this.bounds.push(this.members.length);
  }

  /** total = sum(parts); arguments are cell positions. */
  addSum(scope: RelationScope, row: number, total: number, parts: readonly number[]): void {
    this.begin(0, SCOPES.indexOf(scope), row);
    this.bounds.push(this.members.length);
    this.members.push(total);
    this.side(parts);
    this.side(NONE);
    this.end();
  }

  addRate(row: number, rate: number, numerator: readonly number[], denominator: readonly number[]): void {
    this.begin(1, 0, row);
    this.bounds.push(this.members.length);
    this.members.push(rate);
    this.side(numerator);
    this.side(denominator);
    this.end();
  }

  addBound(row: number, part: readonly number[], whole: readonly number[]): void {
    this.begin(2, 0, row);
    this.side(part);
    this.side(whole);
    this.side(NONE);
    this.end();
  }

  kindOf(id: number): Relation['kind'] {
    return KINDS[this.codes.at(id) & 3];
  }

  /** The first cell position of a side (the total of a sum, the rate of a rate). */
  first(id: number, side: Side): number {
    return this.members.at(this.bounds.at(4 * id + side));
  }

  /** The sum of the cell values on one side, as `valueOf` gives them by cell position. */
  sideTotal(id: number, side: Side, valueOf: (cell: number) => number): number {
    let s = 0;
    const end = this.bounds.at(4 * id + side + 1);
    for (let j = this.bounds.at(4 * id + side); j < end; j++) s += valueOf(this.members.at(j));
    return s;
  }

  /** The relation's cells, all sides, are `member(j)` for `membersStart(id) <= j < membersEnd(id)`. */
  membersStart(id: number): number {
    return this.bounds.at(4 * id);
  }

  membersEnd(id: number): number {
    return this.bounds.at(4 * id + 3);
  }

  /** Every relation's cells, relation after relation (`membersStart(id)` is where each begins). */
  allMembers(): Int32Array {
    return this.members.data.subarray(0, this.members.length);
  }

  /** A cell position. */
  member(j: number): number {
    return this.members.at(j);
  }

  private keys(id: number, side: Side): number[] {
    const out: number[] = [];
    const end = this.bounds.at(4 * id + side + 1);
    for (let j = this.bounds.at(4 * id + side); j < end; j++) out.push(this.cells.keyAt(this.members.at(j)));
    return out;
  }

  /** The relation as an object; the same object each time it is asked for. */
  at(id: number): Relation {
    const known = this.made[id];
    if (known) return known;
    const code = this.codes.at(id);
    const row = this.rows.at(id);
    let rel: Relation;
    switch (KINDS[code & 3]) {
      case 'sum':
        rel = { id, kind: 'sum', scope: SCOPES[code >> 2], row, total: this.keys(id, 0)[0], parts: this.keys(id, 1) };
        break;
      case 'rate':
        rel = { id, kind: 'rate', row, rate: this.keys(id, 0)[0], numerator: this.keys(id, 1), denominator: this.keys(id, 2) };
        break;
      default:
        rel = { id, kind: 'bound', row, part: this.keys(id, 0), whole: this.keys(id, 1) };
    }
    this.made[id] = rel;
    return rel;
  }

  *[Symbol.iterator](): IterableIterator<Relation> {
    for (let id = 0; id < this.length; id++) yield this.at(id);
  }
}
