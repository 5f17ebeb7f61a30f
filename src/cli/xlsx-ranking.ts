/** The file host for rankings: ranks a checked sheet and adds the ranking sheet to a copy of the workbook, losing nothing of it. */
import * as path from 'path';
import { checkSheet } from '../engine/check';
import { PreviousRanks, previousRanksOf, Ranking, RankingError, RankingOptions } from '../engine/output/ranking';
import { rankSheet } from '../usecases/add-sheets';
import { writeWithSheets } from './xlsx-added-sheets';
import { openWorkbook, readSheets, worksheetsOf } from './xlsx-reader';

export interface RankResult {
  output: string;
  sheet: string;
  ranking: Ranking;
}

/** The previous period's file: its sheet of the same name (or `sheet`), ranked by the same measure. */
export interface PreviousFile {
  file: string;
  sheet?: string;
}

/** The previous period's ranks: the other file's table ranked by the measure of the same name. */
function previousRanks(previous: PreviousFile, sheetName: string, measureTitle: string, options: RankingOptions): PreviousRanks {
  const opened = openWorkbook(previous.file);
  const [entry] = worksheetsOf(opened, previous.sheet ?? sheetName);
  const [snapshot] = readSheets(opened, [entry]);
  const ranked = rankSheet(checkSheet(snapshot), { ...options, measure: measureTitle, previous: undefined }, { sheet: entry.name, date: new Date() }, []);
  if (!ranked) throw new RankingError(`Tệp kỳ trước ${path.basename(previous.file)}, trang "${entry.name}": không có bảng nào có tiêu chí để xếp hạng.`, `Previous file ${path.basename(previous.file)}, sheet "${entry.name}": no table with a measure to rank by.`);
  const name = path.basename(previous.file);
  return previousRanksOf(ranked.ranking, `kỳ trước (tệp ${name})`, `the previous period (file ${name})`);
}

export async function rankWorkbook(input: string, output: string, sheetName: string, options: RankingOptions, date = new Date(), force = false, previous?: PreviousFile): Promise<RankResult> {
  // The previous period's file is an input too: never the output.
  return writeWithSheets(previous ? [input, previous.file] : input, output, force, () => {
    const opened = openWorkbook(input);
    const [entry] = worksheetsOf(opened, sheetName);
    const [snapshot] = readSheets(opened, [entry]);
    const report = checkSheet(snapshot);
    const source = { sheet: entry.name, file: path.basename(input), date };
    const names = opened.book.sheets.map((s) => s.name);
    const first = previous ? rankSheet(report, options, source, names) : undefined;
    const withPrevious = first && previous ? { ...options, previous: previousRanks(previous, entry.name, first.ranking.measure.title, options) } : options;
    const ranked = rankSheet(report, withPrevious, source, names);
    if (!ranked) throw new RankingError(`Trang "${sheetName}" không có bảng phụ lục nào có tiêu chí để xếp hạng.`, `Sheet "${sheetName}" has no appendix table with a measure to rank by.`);
    const { draft, ranking } = ranked;
    return { opened, drafts: [draft], result: { output, sheet: draft.name, ranking } };
  });
}
