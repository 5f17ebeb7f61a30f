/**
 * Rank columns (rank-columns.ts) are checked against the figure column whose order they follow —
 * the one the numbers show, high first or low first, ties written as the table writes them
 * (1, 2, 2, 4 or 1, 2, 2, 3) — once that order beats chance (chance.ts). A rank that does not follow it is a
 * finding at the rank cell with the rank it should have.
 */
import { CellKey, cellAddress, keyOf } from '../read/address';
import { RANK_WORDS, ranksOf, TieStyle } from '../tables/rank-columns';
import { beatsChance, breaksAllowed, log10Factorial } from '../evidence/chance';
import { Finding, TableNotice } from './finding';
import { RowNames } from './describe';
import { formatCount, Language } from '../read/format';
import { matchScore } from '../tables/header';
import { grandTotalColumns, RelationSet } from '../relations/relations';
import { SheetSnapshot } from '../read/snapshot';
import { wholeAt } from '../read/cell-sort';
import { figureColumns, TableModel } from '../tables/table-model';

export interface RankCheck {
  findings: Finding[];
  /** The rank cells checked against the order they follow. */
  checked: CellKey[];
  notices: TableNotice[];
}

/**
 * Checks each rank column of the table against the figure column it follows; `corrections` are
 * the values the other findings give (a rank follows the right figure, not a typo); `uncertain`,
 * cells that may be wrong with the values they may hold instead (NaN: any): a rank is reported only
 * when it is wrong whichever they hold.
 */
export function checkRanks(sheet: SheetSnapshot, table: TableModel, set: RelationSet, names: RowNames, corrections: ReadonlyMap<CellKey, number>, uncertain: ReadonlyMap<CellKey, number[]> = new Map()): RankCheck {
  const out: RankCheck = { findings: [], checked: [], notices: [] };
  const rankColumns = [...table.layout.columns, ...table.extraColumns].filter((c) => c.role === 'rank' && table.columns.has(c.key));
  if (!rankColumns.length) return out;
  const measures = figureColumns(table, ['count', 'rate', 'score']);
  const totals = grandTotalColumns(set);
  const value = (row: number, col: number) => {
    const key = keyOf(row, col);
    const corrected = corrections.get(key);
    if (corrected !== undefined) return corrected;
    const i = set.cells.indexOf(key);
    return i < 0 ? NaN : set.cells.figureAtPosition(i);
  };
  for (const rankColumn of rankColumns) {
    const col = table.columns.get(rankColumn.key)!.col;
    const ranked = table.rows.filter((r) => r.kind === 'data' && wholeAt(sheet, r.row, col) !== undefined);
    const written = ranked.map((r) => wholeAt(sheet, r.row, col)!);
    const n = ranked.length;
    if (n < 4) continue;
    const tried = measures.length * 4;
    let best: { measure: (typeof measures)[number]; highFirst: boolean; style: TieStyle; expected: number[]; fails: number } | undefined;
    // Another order as good as the best one with other ranks: the numbers cannot say which is followed.
    let rival = false;
    for (const measure of measures) {
      const values = ranked.map((r) => value(r.row, measure.col));
      if (values.some((v) => Number.isNaN(v))) continue;
      for (const highFirst of [true, false]) {
        for (const style of ['competition', 'dense'] as TieStyle[]) {
          const expected = ranksOf(values, highFirst, style);
          const fails = expected.filter((e, i) => e !== written[i]).length;
          const tie = best && fails === best.fails && expected.some((e, i) => e !== best!.expected[i]);
          // Between two orders as good, the table's total (the sum of others, part of none) is what a rank follows.
          if (tie && totals.has(measure.col) !== totals.has(best!.measure.col)) {
            if (totals.has(measure.col)) {
              best = { measure, highFirst, style, expected, fails };
              rival = false;
            }
            continue;
          }
          if (tie) rival = true;
          if (!best || fails < best.fails) {
            best = { measure, highFirst, style, expected, fails };
            rival = false;
          }
        }
      }
    }
    // A header that says rank states what the column is: the numbers need only say which order it
    // follows. Otherwise the agreeing ranks must beat chance: k ranks in the order of a figure by
    // luck, about one chance in k!.
    const saysRank = matchScore(rankColumn.title, RANK_WORDS) > 0;
    const evidence = best ? log10Factorial(n - best.fails) : 0;
    if (!best || rival || best.fails > breaksAllowed(n) || (!saysRank && !beatsChance(evidence, tried))) {
      out.notices.push({
        code: 'rank-not-confirmed',
        message: `Cột ${rankColumn.title} không theo thứ tự của cột số liệu nào: PhuLuc không kiểm tra cột xếp hạng này.`,
        messageEn: `Column ${rankColumn.titleEn} follows the order of no figure column: PhuLuc does not check this rank column.`,
      });
      continue;
    }
    const { measure, highFirst, style, expected } = best;
    // Where the figures ranked may hold other values, ranks wrong under all of them are reported;
    // with a figure that could be anything (or too many to try), none is.
    const doubtful = ranked.map((r, i) => ({ i, values: uncertain.get(keyOf(r.row, measure.col)) })).filter((d) => d.values);
    const base = ranked.map((r) => value(r.row, measure.col));
    let alternatives: number[][] = [base];
    if (doubtful.some((d) => d.values!.some((v) => Number.isNaN(v))) || doubtful.length > 3) alternatives = [];
    for (const d of doubtful) alternatives = alternatives.flatMap((values) => [values[d.i], ...d.values!].map((v) => values.map((x, k) => (k === d.i ? v : x))));
    const wrongEverywhere = (i: number) => alternatives.length > 0 && alternatives.every((values) => ranksOf(values, highFirst, style)[i] !== written[i]);
    const order = (lang: Language) => (lang === 'vi' ? (highFirst ? 'cao xếp trước' : 'thấp xếp trước') : highFirst ? 'highest first' : 'lowest first');
    ranked.forEach((r, i) => {
      out.checked.push(keyOf(r.row, col));
      if (expected[i] === written[i] || (doubtful.length && !wrongEverywhere(i))) return;
      const where = (lang: Language) => `${lang === 'vi' ? rankColumn.title : rankColumn.titleEn} ${lang === 'vi' ? 'của' : 'of'} ${names.phrase(r.row, lang)}`;
      const by = (lang: Language) => `${lang === 'vi' ? measure.column.title : measure.column.titleEn} (${order(lang)})`;
      out.findings.push({
        cell: cellAddress(r.row, col),
        severity: 'error',
        rule: 'rank-mismatch',
        message: `${where('vi')} ghi ${formatCount(written[i], 'vi')}, theo ${by('vi')} phải là ${formatCount(expected[i], 'vi')}.`,
        messageEn: `${where('en')} reads ${formatCount(written[i], 'en')}; by ${by('en')} it should be ${formatCount(expected[i], 'en')}.`,
        actual: written[i],
        expected: expected[i],
        related: [cellAddress(r.row, measure.col)],
      });
    });
  }
  return out;
}
