/** The file host for rankings: ranks a checked sheet and adds the ranking sheet to a copy of the workbook, losing nothing of it. */
import * as path from 'path';
import { checkSheet } from '../engine/check';
import { Ranking, RankingError, RankingOptions } from '../engine/output/ranking';
import { rankSheet } from '../usecases/add-sheets';
import { writeWithSheets } from './xlsx-added-sheets';
import { openWorkbook, readSheets, worksheetsOf } from './xlsx-reader';

export interface RankResult {
  output: string;
  sheet: string;
  ranking: Ranking;
}

export async function rankWorkbook(input: string, output: string, sheetName: string, options: RankingOptions, date = new Date(), force = false): Promise<RankResult> {
  return writeWithSheets(input, output, force, () => {
    const opened = openWorkbook(input);
    const [entry] = worksheetsOf(opened, sheetName);
    const [snapshot] = readSheets(opened, [entry]);
    const ranked = rankSheet(checkSheet(snapshot), options, { sheet: entry.name, file: path.basename(input), date }, opened.book.sheets.map((s) => s.name));
    if (!ranked) throw new RankingError(`Trang "${sheetName}" không có bảng phụ lục nào có tiêu chí để xếp hạng.`, `Sheet "${sheetName}" has no appendix table with a measure to rank by.`);
    const { draft, ranking } = ranked;
    return { opened, drafts: [draft], result: { output, sheet: draft.name, ranking } };
  });
}
