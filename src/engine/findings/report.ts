/** The report of a checked sheet: its tables with their findings, relations and summaries. */
import { ChecklistSummary } from './checklist';
import type { UncheckedRegion } from './coverage';
import { Finding, TableNotice } from './finding';
import { RelationSet } from '../relations/relations';
import type { SheetNotice } from './sheet-notices';
import { TableModel } from '../tables/table-model';
import { TaskSummary } from './tasks';
import type { StatedBands } from './class-bands';

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
  /** Cells checked by a rule other than the relations (ranks against the order they follow). */
  checkedApart?: number[];
  /** The class bands a note on the sheet states, which the table's class column follows. */
  classBands?: StatedBands;
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
  /** Regions of figures no checked relation covers: never reported as correct. */
  unchecked: UncheckedRegion[];
}
