/**
 * A layout is declared as data: its columns (with header synonyms), the identities that hold in
 * every row, the rates and how they are computed, the bounds, and how rows nest. Adding a layout
 * is adding a declaration; the engine has no per-layout control flow.
 * Synonyms are written folded (lower case, no tone marks, đ → d): see text.ts foldText.
 */
export type LayoutId = 'L0' | 'L1' | 'L2' | 'L3' | 'L4' | 'L5' | 'L6' | 'L7' | 'L8' | 'L9' | 'SC';

export type ColumnRole =
  /** Row number: 1, 1.1., I, A, -, + */
  | 'stt'
  /** The unit, field or criterion a row is about. */
  | 'label'
  /** A count of dossiers, tasks, units… summed by parents. */
  | 'count'
  /** A percentage computed from counts. */
  | 'rate'
  /** The unit of measure of an indicator row (L9). */
  | 'unit'
  /** An indicator value whose meaning depends on its unit (L9). */
  | 'value'
  /** Free text: notes, dates, who reports. */
  | 'text'
  /** A task's wording (L1). */
  | 'task'
  /** What was done about a task: its status is read from this text (L1). */
  | 'result'
  /** A reporting obligation: a date or X when met, "Trễ" when late, blank when missing (L2). */
  | 'check'
  /** A rank (1, 2, 2, 4…) of the rows by one of the table's figures: checked against its order, never summed. */
  | 'rank'
  /** A score on a scale (a criterion, an area, a total): decimals, between 0 and its maximum. */
  | 'score';

export interface ColumnDeclaration {
  key: string;
  role: ColumnRole;
  /** Vietnamese name for messages. */
  title: string;
  /** English name for messages. */
  titleEn: string;
  /** Synonyms for the column's own header cell (the lowest one above the data). */
  header: string[];
  /** Synonyms for a header cell above it (a merged group header); omitted when it has none. */
  group?: string[];
  /** How much matching this column counts towards recognising the layout. */
  weight: number;
}

/** total = sum of parts, in every row. */
export interface SumIdentity {
  total: string;
  parts: string[];
}

/** rate = 100 × sum(numerator) / sum(denominator), in every row. */
export interface RateDefinition {
  rate: string;
  numerator: string[];
  denominator: string[];
  /**
   * Other definitions offices are seen to use for the same column (the on-time rate over dossiers
   * received rather than resolved, on time counting the early ones). The table's own numbers
   * choose among them and the declared one; the declared one wins a tie.
   */
  alternatives?: { numerator?: string[]; denominator?: string[] }[];
}

/** sum(part) ≤ sum(whole), in every row. */
export interface BoundRule {
  part: string[];
  whole: string[];
}

/** How an indicator form (L9) relates its rows; the phrases are folded. */
export interface IndicatorRules {
  /** A parent row whose label ends with one of these is the sum of its items. */
  breakdownMarkers: string[];
  /** Among sibling items: these mean "planned / assigned"… */
  plannedPhrases: string[];
  /** …and these "done"; done ≤ planned. */
  donePhrases: string[];
  /** Units meaning the value is a percentage. */
  percentUnits: string[];
}

export const MEASURE_IDS = ['on-time', 'late', 'resolved', 'online', 'received'] as const;
/** A declared measure, or a column of a table made from itself (a score table's total: `col:H`). */
export type MeasureId = (typeof MEASURE_IDS)[number] | `col:${string}`;

/** A ranking measure: 100 × sum(numerator) / sum(denominator), or a plain count or score without denominator. */
export interface MeasureDeclaration {
  id: MeasureId;
  title: string;
  titleEn: string;
  numerator: string[];
  denominator?: string[];
  better: 'higher' | 'lower';
  /** A score (decimals, a unit scored 0 still ranked), not a count. */
  score?: boolean;
}

export type TaskStatus = 'done' | 'inProgress' | 'notStarted' | 'notYetDue' | 'noReport';

/**
 * How a task's result text tells its status: the first rule with a matching phrase wins
 * (phrases folded); a blank result is "no report"; text matching no rule counts as in progress.
 */
export interface TaskRules {
  statusPhrases: { status: TaskStatus; phrases: string[] }[];
  /** Column keys to read the status from, first non-empty wins. */
  statusFrom: string[];
}

export interface LayoutDeclaration {
  id: LayoutId;
  name: string;
  nameEn: string;
  columns: ColumnDeclaration[];
  identities: SumIdentity[];
  rates: RateDefinition[];
  bounds: BoundRule[];
  /**
   * How rows relate vertically: 'sum' — group, subtotal and total rows equal the sum of their
   * children in every count column; 'indicator' — the rules of an indicator form; 'none' — rows
   * stand alone.
   */
  hierarchy: 'sum' | 'indicator' | 'none' | 'tasks' | 'checklist';
  indicatorRules?: IndicatorRules;
  taskRules?: TaskRules;
  /** What units of this layout can be ranked by. */
  measures?: MeasureDeclaration[];
}
