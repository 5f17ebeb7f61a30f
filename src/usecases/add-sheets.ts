/**
 * What goes on the sheets PhuLuc adds, the same for every host: which table of a checked sheet a
 * ranking is made from, the ranking and its sheet; which table a summary is made from, and its
 * sheets. A host only renders the drafts (Office.js, or the file writer).
 */
import { SheetReport } from '../engine/findings/report';
import { measureNamed, rankTable, Ranking, RankingOptions } from '../engine/output/ranking';
import { rankingSheet, SheetDraft } from '../engine/output/ranking-sheet';
import { checklistSheet, taskSummarySheets } from '../engine/output/summary-sheet';

export interface DraftSource {
  sheet: string;
  file?: string;
  date: Date;
}

/**
 * The ranking of a checked sheet by the measure asked for: made from the first table that declares
 * that measure. When no table does, the first table with measures is asked, so the engine says
 * which measures it has (a RankingError); undefined when no table has any.
 */
export function rankSheet(report: SheetReport, options: RankingOptions, source: DraftSource, sheetNames: string[]): { ranking: Ranking; draft: SheetDraft; range: string } | undefined {
  const asked = options.measure;
  const table = (asked !== undefined ? report.tables.find((t) => measureNamed(t, asked)) : undefined) ?? report.tables.find((t) => t.model.layout.measures?.length);
  if (!table) return undefined;
  const ranking = rankTable(table, options);
  return { ranking, range: table.range, draft: rankingSheet(ranking, { ...source, range: table.range, layout: table.layout }, sheetNames) };
}

/** The summary sheets of a task-progress or reporting-checklist table; undefined when the sheet has neither. */
export function summarySheets(report: SheetReport, source: DraftSource, sheetNames: string[]): SheetDraft[] | undefined {
  const table = report.tables.find((t) => t.summary);
  if (!table?.summary) return undefined;
  const from = { ...source, range: table.range, layout: table.layout };
  return table.summary.kind === 'tasks' ? taskSummarySheets(table.summary, from, sheetNames) : [checklistSheet(table.summary, from, sheetNames)];
}
