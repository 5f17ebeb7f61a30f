/** The exceljs host for rankings: ranks a checked sheet and adds the ranking sheet to a copy of the workbook. */
import * as path from 'path';
import { checkSheet } from '../engine/check';
import { rankTable, Ranking, RankingError, RankingOptions } from '../engine/ranking';
import { rankingSheet } from '../engine/ranking-sheet';
import { renderSheetDraft } from './xlsx-sheet-draft';
import { checkOutput, writeAtomically } from './safe-write';
import { loadWorkbook, selectSheets, worksheetToSnapshot } from './exceljs-workbook';

export interface RankResult {
  output: string;
  sheet: string;
  ranking: Ranking;
}

export async function rankWorkbook(input: string, output: string, sheetName: string, options: RankingOptions, date = new Date(), force = false): Promise<RankResult> {
  checkOutput(input, output, force);
  const wb = await loadWorkbook(input);
  const [ws] = selectSheets(wb, input, sheetName);
  const snapshot = worksheetToSnapshot(ws);
  const report = checkSheet(snapshot);
  const table = report.tables.find((t) => t.model.layout.measures?.some((m) => m.id === options.measure)) ?? report.tables[0];
  if (!table) {
    throw new RankingError(`Trang "${sheetName}" không có bảng phụ lục nào để xếp hạng.`, `Sheet "${sheetName}" has no appendix table to rank.`);
  }
  const ranking = rankTable(table, options);
  const draft = rankingSheet(ranking, { sheet: ws.name, range: table.range, layout: table.layout, file: path.basename(input), date }, wb.worksheets.map((w) => w.name));
  renderSheetDraft(wb, draft);
  await writeAtomically(output, force, (temporary) => wb.xlsx.writeFile(temporary));
  return { output, sheet: draft.name, ranking };
}
