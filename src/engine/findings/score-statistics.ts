/**
 * Rows of statistics under a score table ("Cao nhất", "Thấp nhất", "Trung bình", "Trung vị"): each
 * cell is the max, min, mean or median of the units' scores in its column, as corrected by the other
 * findings, to the decimals it shows. A "highest" total that is the sum of each criterion's highest
 * score is the table's way of computing it, not a typo: said as such, not as an error.
 */
import { cellAddress, CellKey, colOfKey, keyOf } from '../read/address';
import { formatScore, Language } from '../read/format';
import { parseScore, rateAgrees } from '../read/numbers';
import { cellAt, SheetSnapshot } from '../read/snapshot';
import { RelationSet, SumRelation } from '../relations/relations';
import { figureColumns, TableModel, TableNotice } from '../tables/table-model';
import { ScoreStat } from '../layouts';
import { Finding } from './finding';

export interface StatisticsCheck {
  findings: Finding[];
  checked: CellKey[];
  notices: TableNotice[];
}

const STAT_NAMES: Record<ScoreStat, { vi: string; en: string }> = {
  max: { vi: 'cao nhất', en: 'highest' },
  min: { vi: 'thấp nhất', en: 'lowest' },
  mean: { vi: 'trung bình', en: 'average' },
  median: { vi: 'trung vị', en: 'median' },
};

function statistic(stat: ScoreStat, values: number[]): number {
  switch (stat) {
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'mean':
      return values.reduce((s, v) => s + v, 0) / values.length;
    case 'median': {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
  }
}

export function statisticsFindings(sheet: SheetSnapshot, table: TableModel, set: RelationSet, corrections: ReadonlyMap<CellKey, number>, uncertain: ReadonlyMap<CellKey, unknown>): StatisticsCheck {
  const out: StatisticsCheck = { findings: [], checked: [], notices: [] };
  const stats = table.scores?.stats ?? [];
  if (!stats.length) return out;
  // The columns each column adds up, from the row sums the table follows.
  const partsOf = new Map<number, number[]>();
  for (const rel of set.relations) if (rel.kind === 'sum' && rel.scope === 'row') partsOf.set(colOfKey(rel.total), (rel as SumRelation).parts.map(colOfKey));
  for (const { column, col } of figureColumns(table, ['score', 'rate'])) {
    const values: number[] = [];
    let doubtful = false;
    for (const r of table.rows) {
      const key = keyOf(r.row, col);
      const i = set.cells.indexOf(key);
      if (i < 0 || set.cells.statusAt(i) !== 'number') continue;
      if (uncertain.has(key)) doubtful = true;
      values.push(corrections.get(key) ?? set.cells.valueAt(i));
    }
    if (doubtful || values.length < 2) continue;
    const columnOf = (k: number) => table.rows.map((r) => corrections.get(keyOf(r.row, k)) ?? set.cells.figureAt(r.row, k));
    for (const { row, stat, label } of stats) {
      const written = parseScore(cellAt(sheet, row, col));
      if (written.status !== 'number') continue;
      out.checked.push(keyOf(row, col));
      const decimals = written.decimals ?? 0;
      const expected = statistic(stat, values);
      if (rateAgrees(written.value, expected, decimals)) continue;
      const name = (lang: Language) => `${lang === 'vi' ? column.title : column.titleEn} ${lang === 'vi' ? 'dòng' : 'in row'} "${label}"`;
      // The highest (lowest) total written as the sum of each part's highest (lowest): a formula choice.
      const parts = partsOf.get(col);
      if (parts && (stat === 'max' || stat === 'min')) {
        const byParts = parts.reduce((s, p) => s + statistic(stat, columnOf(p)), 0);
        if (rateAgrees(written.value, byParts, decimals)) {
          out.notices.push({
            code: 'statistic-formula',
            message: `${name('vi')} ghi ${formatScore(written.value, 'vi')}: đó là tổng điểm ${STAT_NAMES[stat].vi} của từng cột thành phần, không phải điểm ${STAT_NAMES[stat].vi} của một đơn vị (${formatScore(expected, 'vi')}). Đây là cách tính của bảng, không phải gõ nhầm; PhuLuc không sửa ô này.`,
            messageEn: `${name('en')} reads ${formatScore(written.value, 'en')}: the sum of each part's ${STAT_NAMES[stat].en} score, not the ${STAT_NAMES[stat].en} of any unit (${formatScore(expected, 'en')}). This is how the table computes it, not a typo; PhuLuc does not correct this cell.`,
          });
          continue;
        }
      }
      const shown = Number(expected.toFixed(Math.min(decimals || 2, 4)));
      out.findings.push({
        cell: cellAddress(row, col),
        severity: 'error',
        rule: 'statistic-mismatch',
        message: `${name('vi')} ghi ${formatScore(written.value, 'vi')}, đúng ra là ${formatScore(shown, 'vi')} (điểm ${STAT_NAMES[stat].vi} của ${values.length} đơn vị).`,
        messageEn: `${name('en')} reads ${formatScore(written.value, 'en')}; it should be ${formatScore(shown, 'en')} (the ${STAT_NAMES[stat].en} of ${values.length} units).`,
        actual: written.raw,
        expected: shown,
        related: [],
      });
    }
  }
  return out;
}
