/** The --json report: exactly one JSON document describing every sheet, table, finding and summary. */
import { WorkbookReport } from '../engine/check';
import { ChecklistSummary } from '../engine/findings/checklist';
import { UncheckedRegion } from '../engine/findings/coverage';
import { CrossSheetLink } from '../engine/findings/cross-sheet';
import { Finding, TableNotice } from '../engine/findings/finding';
import { TaskSummary } from '../engine/findings/tasks';

export interface JsonReport {
  file: string;
  sheets: {
    sheet: string;
    notices: { code: string; message: string; messageEn: string }[];
    /** Regions of figures no checked relation covers. */
    unchecked: UncheckedRegion[];
    tables: { layout: string; layoutName: string; confidence: number; range: string; notices: TableNotice[]; findings: Finding[]; summary?: object }[];
  }[];
  crossSheet: CrossSheetLink[];
}

/** Summaries without the per-task list, which the table itself already shows. */
function summaryJson(summary: TaskSummary | ChecklistSummary | undefined): object | undefined {
  if (!summary) return undefined;
  if (summary.kind === 'tasks') {
    const { items: _items, ...rest } = summary;
    return rest;
  }
  return { ...summary, ranking: summary.ranking.map((u) => ({ rank: u.rank, name: u.name, onTime: u.onTime, missing: u.missing })) };
}

export function toJsonReport(file: string, workbook: WorkbookReport): JsonReport {
  return {
    file,
    sheets: workbook.sheets.map((r) => ({
      sheet: r.sheet,
      notices: r.notices,
      unchecked: r.unchecked,
      tables: r.tables.map((t) => ({
        layout: t.layout,
        layoutName: t.layoutName,
        confidence: t.confidence,
        range: t.range,
        notices: t.notices,
        findings: t.findings,
        ...(t.summary ? { summary: summaryJson(t.summary) } : {}),
      })),
    })),
    crossSheet: workbook.crossSheet,
  };
}
