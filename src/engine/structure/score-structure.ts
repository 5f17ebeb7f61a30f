/**
 * What a score table's numbers prove about it: which columns add up which (criteria to their
 * area, areas to the total), each column's maximum (stated, or the sum of its parts' maxima), and
 * how an index is computed (total ÷ maximum × 100). Sums are learned with the test that makes any
 * learned relation the rule (evidence/chance.ts), on the scores in units of their last decimal,
 * so that 17,25 = 8,5 + 8,75 is as unlikely by chance as 1.725 = 850 + 875.
 */
import { CellKey, keyOf } from '../read/address';
import { CellTable } from '../read/cell-table';
import { rateAgrees } from '../read/numbers';
import { formatCount, formatScore } from '../read/format';
import { beatsChance, breaksAllowed, rateEvidence } from '../evidence/chance';
import { learnSums } from '../evidence/learned-sums';
import { figureColumns, TableModel, TableNotice } from '../tables/table-model';
import { foldText, tokens } from '../read/text';

export interface ScoreStructure {
  /** Columns (sheet columns) where total = sum of parts in every unit row, learned from the numbers. */
  sums: { total: number; parts: number[] }[];
  /** Each score column's maximum and the cells that state it (one, or its parts' maxima). */
  maxima: Map<number, { value: number; keys: CellKey[] }>;
  /** Index columns proven to be 100 × a total ÷ its maximum. */
  indices: { col: number; total: number }[];
  notices: TableNotice[];
}

/** Decimals the scores are written with, at most three: the unit they are learned in. */
function scoreDecimals(cells: CellTable): number {
  let decimals = 0;
  for (let i = 0; i < cells.size; i++) if (cells.kindAt(i) === 'score') decimals = Math.max(decimals, cells.decimalsAt(i) ?? 0);
  return Math.min(3, decimals);
}

/** Words of a total's header that say which scores it adds ("thẩm định", "tự đánh giá"), not that it is a total. */
const GENERIC = new Set(['tong', 'diem', 'cong', 'so', 'total', 'score', 'chi', 'tieu', 'linh', 'vuc', 'cac', 'va', 'cua']);

/** How many parts share with the total a word that the scores' headers do not all share. */
function headerAffinity(table: TableModel, cols: number[]): (total: number, parts: number[]) => number {
  const words = cols.map((c) => new Set(tokens(foldText([...table.columns.values()].find((m) => m.col === c)?.headerText ?? ''))));
  const everywhere = new Set([...words[0]].filter((w) => words.every((set) => set.has(w))));
  return (total, parts) => {
    const own = [...words[total]].filter((w) => !GENERIC.has(w) && !everywhere.has(w) && !/^\d/.test(w));
    return own.length ? parts.filter((p) => own.some((w) => words[p].has(w))).length : 0;
  };
}

/** Columns with the totals the table's own sums make first: an index is most likely over one of them. */
const totalsFirst = (cols: number[], sums: { total: number }[]) => [...cols].sort((a, b) => Number(sums.some((s) => s.total === b)) - Number(sums.some((s) => s.total === a)));

/** How the units' index agrees with 100 × total ÷ `max`: rows that do, rows that do not, and what the matches weigh (chance.ts). */
function indexTally(cells: CellTable, units: number[], col: number, total: number, max: number): { holds: number; fails: number; evidence: number } {
  const tally = { holds: 0, fails: 0, evidence: 0 };
  for (const row of units) {
    const i = cells.positionOf(row, col);
    if (i < 0 || cells.statusAt(i) !== 'number') continue;
    const written = cells.valueAt(i);
    const decimals = cells.decimalsAt(i) ?? 2;
    if (rateAgrees(written, (100 * cells.figureAt(row, total)) / max, decimals)) {
      tally.holds++;
      tally.evidence += rateEvidence(written, decimals);
    } else tally.fails++;
  }
  return tally;
}

const titleOf = (table: TableModel, col: number) => [...table.columns.values()].find((m) => m.col === col)?.headerText ?? '';

/**
 * The maximum a table does not state, learned from its index: the one figure M with index =
 * score ÷ M × 100 in (nearly) every unit, whole or to one decimal, kept when its matches beat chance.
 * It is held at the score column's header cell, read for checking and never rewritten.
 */
function learnedMaximum(table: TableModel, cells: CellTable, units: number[], col: number, scoreCols: number[], sums: { total: number }[], tried: number): { total: number; value: number; key: CellKey; holds: number } | undefined {
  for (const total of totalsFirst(scoreCols, sums)) {
    const ratios: number[] = [];
    for (const row of units) {
      const i = cells.positionOf(row, col);
      const x = i < 0 || cells.statusAt(i) !== 'number' ? 0 : cells.valueAt(i);
      if (x > 0) ratios.push((100 * cells.figureAt(row, total)) / x);
    }
    if (ratios.length < 3) continue;
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
    const value = Math.round(median * 10) / 10;
    if (!(value > 0)) continue;
    const { holds, fails, evidence } = indexTally(cells, units, col, total, value);
    // One maximum among the values a median could give: the test is as for a stated one, and one more figure was learned.
    if (fails > breaksAllowed(holds + fails) || !beatsChance(evidence - 1, tried * scoreCols.length)) continue;
    const header = table.headerRows[table.headerRows.length - 1];
    const key = keyOf(header, total);
    if (cells.indexOf(key) < 0) {
      const column = figureColumns(table, ['score']).find((f) => f.col === total)!.column;
      cells.add(key, column, 'score', { status: 'number', value, isText: false, raw: titleOf(table, total), decimals: 1, stated: true });
    }
    return { total, value, key, holds };
  }
  return undefined;
}

export function proveScoreStructure(table: TableModel, cells: CellTable): ScoreStructure {
  const reading = table.scores!;
  // A ranking in pairs adds nothing up: each pair is checked for its order (findings/pair-rankings.ts).
  if (reading.pairs) return { sums: [], maxima: new Map(), indices: [], notices: [] };
  const scoreCols = figureColumns(table, ['score']).map((f) => f.col);
  const indexCols = figureColumns(table, ['rate']).map((f) => f.col);
  const units = table.rows.map((r) => r.row);
  // The row of maxima follows the same sums as the units: one more row of evidence.
  const rows = reading.maximaRow !== undefined ? [...units, reading.maximaRow] : units;
  const scale = 10 ** scoreDecimals(cells);
  const matrix = (limit?: number) => {
    const count = Math.min(limit ?? rows.length, rows.length);
    const out = new Float64Array(count * scoreCols.length);
    for (let i = 0; i < count; i++) scoreCols.forEach((col, c) => (out[i * scoreCols.length + c] = Math.round(cells.figureAt(rows[i], col) * scale)));
    return out;
  };
  const sums = learnSums(scoreCols.length, rows.length, matrix, () => false, headerAffinity(table, scoreCols)).map((s) => ({ total: scoreCols[s.total], parts: s.parts.map((p) => scoreCols[p]) }));

  const maxima = new Map<number, { value: number; keys: CellKey[] }>();
  for (const m of reading.maxima) maxima.set(m.col, { value: m.value, keys: [keyOf(m.row, m.col)] });
  // A total without a stated maximum has its parts' maxima summed, when each part states one.
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of sums) {
      if (maxima.has(s.total) || !s.parts.every((p) => maxima.has(p))) continue;
      maxima.set(s.total, { value: s.parts.reduce((t, p) => t + maxima.get(p)!.value, 0), keys: s.parts.flatMap((p) => maxima.get(p)!.keys) });
      changed = true;
    }
  }

  // An index is 100 × total ÷ maximum, to the decimals it shows: tried against every column with a
  // maximum, kept when its matches beat chance (a total the table's own sums make is tried first).
  const indices: ScoreStructure['indices'] = [];
  const notices: TableNotice[] = [];
  const withMaximum = totalsFirst(scoreCols.filter((c) => maxima.has(c)), sums);
  for (const col of indexCols) {
    let best: { total: number; holds: number; evidence: number } | undefined;
    for (const total of withMaximum) {
      const { holds, fails, evidence } = indexTally(cells, units, col, total, maxima.get(total)!.value);
      if (fails > breaksAllowed(holds + fails) || !beatsChance(evidence, indexCols.length * withMaximum.length)) continue;
      if (!best || holds > best.holds) best = { total, holds, evidence };
    }
    const learned = best ? undefined : learnedMaximum(table, cells, units, col, scoreCols, sums, indexCols.length);
    if (learned) {
      maxima.set(learned.total, { value: learned.value, keys: [learned.key] });
      notices.push({
        code: 'rate-definition',
        message: `Bảng không ghi điểm tối đa của cột ${titleOf(table, learned.total)}: theo số liệu, chỉ số = điểm / ${formatScore(learned.value, 'vi')} × 100 ở ${formatCount(learned.holds, 'vi')} đơn vị; PhuLuc kiểm tra theo mức tối đa ${formatScore(learned.value, 'vi')} đó.`,
        messageEn: `The table states no maximum for column ${titleOf(table, learned.total)}: by its numbers the index = score / ${formatScore(learned.value, 'en')} × 100 for ${formatCount(learned.holds, 'en')} units; PhuLuc checks against that maximum of ${formatScore(learned.value, 'en')}.`,
      });
      indices.push({ col, total: learned.total });
    } else if (best) indices.push({ col, total: best.total });
    else {
      const title = table.columns.get(`col:${[...table.columns.values()].find((m) => m.col === col)?.key.slice(4)}`)?.headerText ?? '';
      notices.push({
        code: 'rate-not-confirmed',
        message: `Cột ${title}: số liệu không cho thấy chỉ số này bằng tổng điểm chia điểm tối đa của cột nào (${formatCount(units.length, 'vi')} đơn vị); PhuLuc không kiểm tra cột này.`,
        messageEn: `Column ${title}: the numbers do not show this index as any column's total over its maximum (${formatCount(units.length, 'en')} units); PhuLuc does not check this column.`,
      });
    }
  }
  return { sums, maxima, indices, notices };
}
