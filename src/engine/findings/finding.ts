/** What the checker says: findings at cells, and notices about whole tables. */

export type Severity = 'error' | 'warning' | 'info';

export interface Correction {
  cell: string;
  expected: number;
  /** The sheet of the cell, when it is on another sheet than the finding (a table continued there). */
  sheet?: string;
}

export interface Finding {
  /** The cell believed wrong (the root cause), e.g. "C40". */
  cell: string;
  severity: Severity;
  rule: string;
  message: string;
  messageEn: string;
  /** The message without the relations behind it, where it has them: what a person reads first. */
  brief?: string;
  briefEn?: string;
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

export type { TableNotice } from '../tables/table-model';
