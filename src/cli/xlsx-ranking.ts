/** The file host for rankings: ranks a checked sheet and adds the ranking sheet to a copy of the workbook, losing nothing of it. */
import * as path from 'path';
import { checkSheet } from '../engine/check';
import { rankTable, Ranking, RankingError, RankingOptions } from '../engine/ranking';
import { rankingSheet } from '../engine/ranking-sheet';
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
    const report = checkSheet(snapshot);
    const table = report.tables.find((t) => t.model.layout.measures?.some((m) => m.id === options.measure)) ?? report.tables[0];
    if (!table) {
      throw new RankingError(`Trang "${sheetName}" không có bảng phụ lục nào để xếp hạng.`, `Sheet "${sheetName}" has no appendix table to rank.`);
    }
    const ranking = rankTable(table, options);
    const draft = rankingSheet(ranking, { sheet: entry.name, range: table.range, layout: table.layout, file: path.basename(input), date }, opened.book.sheets.map((s) => s.name));
    return { opened, drafts: [draft], result: { output, sheet: draft.name, ranking } };
  });
}
