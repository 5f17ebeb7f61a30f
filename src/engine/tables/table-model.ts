/** The engine's model of a recognised table: its columns, its rows and how they nest. */
import { ColumnDeclaration, LayoutDeclaration, ScoreStat } from '../layouts';
import { Marker } from '../read/markers';
import { ColumnMatch } from './recognize';
import { CellRange } from '../read/snapshot';

export type RowKind =
  /** A unit, field or indicator with its own numbers. */
  | 'data'
  /** A row whose numbers are the sum of the rows nested under it. */
  | 'group'
  /** A heading row without numbers ("I. Khối Sở, ngành"). */
  | 'section'
  /** A "Cộng" row closing a section. */
  | 'subtotal'
  /** A "Tổng", "TỔNG", "Tổng cộng" row. */
  | 'total'
  /** The header repeated at a page break. */
  | 'header'
  /** A part of the row above it ("Trong đó: trực tuyến"): at most that row, never summed into groups. */
  | 'item';

export interface TableRow {
  /** Absolute sheet row, 0-based. */
  row: number;
  kind: RowKind;
  marker?: Marker;
  /** The name without its numbering. */
  label: string;
  hasNumbers: boolean;
  bold: boolean;
  children: TableRow[];
  parent?: TableRow;
  /** The "Cộng" row that closes this section, if any. */
  subtotal?: TableRow;
  /** For a total, or a subtotal without a section above it: the top-level rows it adds up. */
  covers?: TableRow[];
  /** For an item ("Trong đó …"): the row it is part of. */
  itemOf?: TableRow;
}

/**
 * A row whose count cells must each equal the sum of the same column over other rows: a group
 * row over the rows under it, a "Cộng" row over its section, a total over the top-level rows.
 */
export interface SumGroup {
  scope: 'group' | 'subtotal' | 'total';
  target: TableRow;
  parts: TableRow[];
}

export interface TableModel {
  layout: LayoutDeclaration;
  confidence: number;
  columns: Map<string, ColumnMatch>;
  /**
   * Columns of counts the layout does not declare ("Hồ sơ trả lại" beside the usual ones): found
   * by their figures under a header, keyed `col:E`, summed by group and total rows like the others.
   */
  extraColumns: ColumnDeclaration[];
  headerRows: number[];
  range: CellRange;
  /** Body rows in sheet order (page-break headers included, blank rows left out). */
  rows: TableRow[];
  /** Top-level rows of the hierarchy. */
  roots: TableRow[];
  totals: TableRow[];
  /**
   * Rows of rates, each rate computed from two counts of other rows: column by column from two rows
   * of counts (units across the columns: "Tỉ lệ" = "Đã giải quyết" / "Tiếp nhận" under each unit),
   * or from the counts row of the same unit above it (a unit written on two rows). Not in `rows`:
   * never summed, never nested.
   */
  rateRows?: RateRow[];
  /** A score table's maxima and rows of statistics (score-tables.ts). */
  scores?: ScoreReading;
}

/** What a score table states besides its units' scores. */
export interface ScoreReading {
  /**
   * Each score column's maximum where the table states it: in a row of maxima ("Điểm tối đa"), or
   * in its header ("(18 điểm)"), at the cell that says so.
   */
  maxima: { col: number; value: number; row: number }[];
  /** The row of maxima: its total is the sum of the maxima; not a unit. */
  maximaRow?: number;
  /** Rows of statistics ("Cao nhất", "Trung bình"): the max, min, mean or median of the units' scores. */
  stats: { row: number; stat: ScoreStat; label: string }[];
  /** A ranking laid out as (unit, score) column pairs, each listed best first: the pairs' columns. */
  pairs?: { names: number; scores: number; title: string }[];
}

export interface CellRef {
  row: number;
  col: number;
}

export interface RateRow {
  row: number;
  /** What messages call the row: its own name, or the unit's whose rates it holds. */
  label: string;
  /** Each rate of the row: its column and the two counts it divides (rate = 100 × numerator / denominator). */
  rates: { col: number; numerator: CellRef; denominator: CellRef }[];
}

/** The columns holding a table's figures (counts, rates, indicator values), declared or found, with their sheet column. */
export function figureColumns(table: Pick<TableModel, 'layout' | 'columns' | 'extraColumns'>, roles: ColumnDeclaration['role'][] = ['count', 'rate', 'value']): { column: ColumnDeclaration; col: number }[] {
  const out: { column: ColumnDeclaration; col: number }[] = [];
  for (const column of [...table.layout.columns, ...table.extraColumns]) {
    const match = table.columns.get(column.key);
    if (match && roles.includes(column.role)) out.push({ column, col: match.col });
  }
  return out;
}

/** A figure column's declaration by key, declared or found. */
export function columnByKey(table: Pick<TableModel, 'layout' | 'extraColumns'>, key: string): ColumnDeclaration | undefined {
  return table.layout.columns.find((c) => c.key === key) ?? table.extraColumns.find((c) => c.key === key);
}

/** Something about a whole table a person should know: what could not be confirmed, what was learned. */
export interface TableNotice {
  code: 'unknown-layout' | 'unconfirmed-grouping' | 'grouping-from-numbers' | 'identity-not-followed' | 'identity-found' | 'rate-definition' | 'rate-not-confirmed' | 'rank-not-confirmed' | 'score-table' | 'statistic-formula' | 'continued-table';
  message: string;
  messageEn: string;
}
