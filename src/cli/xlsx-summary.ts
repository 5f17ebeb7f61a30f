/** The file host for summaries of task and checklist appendices: adds formatted sheets to a copy of the workbook, losing nothing of it. */
import * as path from 'path';
import { checkSheet } from '../engine/check';
import { RankingError } from '../engine/ranking';
import { SheetDraft } from '../engine/ranking-sheet';
import { checklistSheet, taskSummarySheets } from '../engine/summary-sheet';
import { writeWithSheets } from './xlsx-added-sheets';
import { openWorkbook, readSheets, worksheetsOf } from './xlsx-reader';

export async function summariseWorkbook(input: string, output: string, sheetName: string, date = new Date(), force = false): Promise<string[]> {
  return writeWithSheets(input, output, force, () => {
    const opened = openWorkbook(input);
    const [entry] = worksheetsOf(opened, sheetName);
    const table = checkSheet(readSheets(opened, [entry])[0]).tables.find((t) => t.summary);
    if (!table?.summary) {
      throw new RankingError(
        `Trang "${sheetName}" không có bảng tiến độ nhiệm vụ hay bảng tình hình báo cáo để tổng hợp.`,
        `Sheet "${sheetName}" has no task-progress or reporting-checklist table to summarise.`,
      );
    }
    const source = { sheet: entry.name, range: table.range, layout: table.layout, file: path.basename(input), date };
    const names = opened.book.sheets.map((s) => s.name);
    const drafts: SheetDraft[] = table.summary.kind === 'tasks' ? taskSummarySheets(table.summary, source, names) : [checklistSheet(table.summary, source, names)];
    return { opened, drafts, result: drafts.map((d) => d.name) };
  });
}
