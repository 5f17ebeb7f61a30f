/**
 * The kinds of relation a table's cells must satisfy: sums, rates and bounds, each naming its cells.
 * Built by relations.ts, stored flat by relation-list.ts, read by the diagnosis and the messages.
 */
import { CellKey } from '../read/address';

export type RelationScope =
  /** An identity within one row. */
  | 'row'
  /** A group row against the rows under it. */
  | 'group'
  /** A "Cộng" row against its section. */
  | 'subtotal'
  /** A total row against the top-level rows. */
  | 'total'
  /** An indicator "Trong đó:" against its items. */
  | 'breakdown';

interface RelationBase {
  id: number;
  row: number;
}

/** total = sum(parts) */
export interface SumRelation extends RelationBase {
  kind: 'sum';
  scope: RelationScope;
  total: CellKey;
  parts: CellKey[];
}

/** rate ≈ 100 × sum(numerator) / sum(denominator) */
export interface RateRelation extends RelationBase {
  kind: 'rate';
  rate: CellKey;
  numerator: CellKey[];
  denominator: CellKey[];
}

/** sum(part) ≤ sum(whole) */
export interface BoundRelation extends RelationBase {
  kind: 'bound';
  part: CellKey[];
  whole: CellKey[];
}

export type Relation = SumRelation | RateRelation | BoundRelation;
