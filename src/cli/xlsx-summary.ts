/** The file host for summaries of task and checklist appendices: adds formatted sheets to a copy of the workbook, losing nothing of it. */
import * as path from 'path';
import { checkSheet } from '../engine/check';
import { RankingError } from '../engine/output/ranking';
import { summarySheets } from '../usecases/add-sheets';
import { writeWithSheets } from './xlsx-added-sheets';
import { openWorkbook, readSheets, worksheetsOf } from './xlsx-reader';

export async function summariseWorkbook(input: string, output: string, sheetName: string, date = new Date(), force = false): Promise<string[]> {
  return writeWithSheets(input, output, force, () => {
    const opened = openWorkbook(input);
    const [entry] = worksheetsOf(opened, sheetName);
    const drafts = summarySheets(checkSheet(readSheets(opened, [entry])[0]), { sheet: entry.name, file: path.basename(input), date }, opened.book.sheets.map((s) => s.name));
    if (!drafts) {
      throw new RankingError(
        `Trang "${sheetName}" không có bảng tiến độ nhiệm vụ hay bảng tình hình báo cáo để tổng hợp.`,
        `Sheet "${sheetName}" has no task-progress or reporting-checklist table to summarise.`,
      );
    }
    return { opened, drafts, result: drafts.map((d) => d.name) };
  });
}
