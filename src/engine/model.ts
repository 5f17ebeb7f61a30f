/** The engine's model of a recognised table: its rows, their nesting, and its findings. */
import { LayoutDeclaration } from './layouts';
import { Marker } from './markers';
import { ColumnMatch } from './recognize';
import { ChecklistSummary } from './checklist';
import { RelationSet } from './relations';
import type { SheetNotice } from './sheet-notices';
import { TaskSummary } from './tasks';
import { CellRange } from './snapshot';

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
  | 'header';

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

/** Something about a whole table a person should know: what could not be confirmed, what was learned. */
export interface TableNotice {
  code: 'unconfirmed-grouping' | 'grouping-from-numbers' | 'identity-not-followed' | 'rate-definition' | 'rate-not-confirmed';
  message: string;
  messageEn: string;
}

export interface TableModel {
  layout: LayoutDeclaration;
  confidence: number;
  columns: Map<string, ColumnMatch>;
  headerRows: number[];
  range: CellRange;
  /** Body rows in sheet order (page-break headers included, blank rows left out). */
  rows: TableRow[];
  /** Top-level rows of the hierarchy. */
  roots: TableRow[];
  totals: TableRow[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Correction {
  cell: string;
  expected: number;
}

export interface Finding {
  /** The cell believed wrong (the root cause), e.g. "C40". */
  cell: string;
  severity: Severity;
  rule: string;
  message: string;
  messageEn: string;
  /** The value as written in the cell. */
  actual: string | number | null;
  /** The value the cell should hold (rates in percent, 0–100), or null when it cannot be told. */
  expected: number | null;
  /** Cells whose relations the root cause broke. */
  related: string[];
  /** Other cells that carry the same error (computed from the wrong value) and their right values. */
  carried?: Correction[];
  /** When several explanations are equally small: each possible correction. */
  candidates?: Correction[];
}

export interface CheckedTable {
  layout: string;
  layoutName: string;
  confidence: number;
  range: string;
  findings: Finding[];
  model: TableModel;
  relations: RelationSet;
  /** Task and checklist tables: what they add up to. */
  summary?: TaskSummary | ChecklistSummary;
  /** What the numbers did not confirm, and definitions learned from them. */
  notices: TableNotice[];
}

export interface Notice {
  code: 'empty-sheet' | 'no-appendix' | 'phuluc-sheet' | SheetNotice['code'];
  message: string;
  messageEn: string;
}

export interface SheetReport {
  sheet: string;
  tables: CheckedTable[];
  /** Sheet-level remarks: an empty sheet, nothing recognised. */
  notices: Notice[];
}
