/** The exceljs host for summaries of task and checklist appendices: adds formatted sheets to a copy of the workbook. */
import * as path from 'path';
import { checkSheet } from '../engine/check';
import { RankingError } from '../engine/ranking';
import { SheetDraft } from '../engine/ranking-sheet';
import { checklistSheet, taskSummarySheets } from '../engine/summary-sheet';
import { renderSheetDraft } from './xlsx-sheet-draft';
import { checkOutput, writeAtomically } from './safe-write';
import { loadWorkbook, selectSheets, worksheetToSnapshot } from './exceljs-workbook';

export async function summariseWorkbook(input: string, output: string, sheetName: string, date = new Date(), force = false): Promise<string[]> {
  checkOutput(input, output, force);
  const wb = await loadWorkbook(input);
  const [ws] = selectSheets(wb, input, sheetName);
  const table = checkSheet(worksheetToSnapshot(ws)).tables.find((t) => t.summary);
  if (!table?.summary) {
    throw new RankingError(
      `Trang "${sheetName}" không có bảng tiến độ nhiệm vụ hay bảng tình hình báo cáo để tổng hợp.`,
      `Sheet "${sheetName}" has no task-progress or reporting-checklist table to summarise.`,
    );
  }
  const source = { sheet: ws.name, range: table.range, layout: table.layout, file: path.basename(input), date };
  const names = wb.worksheets.map((w) => w.name);
  const drafts: SheetDraft[] = table.summary.kind === 'tasks' ? taskSummarySheets(table.summary, source, names) : [checklistSheet(table.summary, source, names)];
  drafts.forEach((d) => renderSheetDraft(wb, d));
  await writeAtomically(output, force, (temporary) => wb.xlsx.writeFile(temporary));
  return drafts.map((d) => d.name);
}
