/**
 * Rankings laid out as (unit, score) column pairs, each listed best first: a score higher than the
 * ones listed above it is out of place — its unit should stand higher, or the score is mistyped —
 * and a unit named twice in one list is counted twice. The order each list follows is the one most
 * of its scores follow; the scores out of it are those the longest ordered run leaves out.
 */
import { cellAddress, CellKey, keyOf } from '../read/address';
import { formatScore } from '../read/format';
import { parseScore } from '../read/numbers';
import { cellAt, cellText, SheetSnapshot } from '../read/snapshot';
import { foldText } from '../read/text';
import { TableModel } from '../tables/table-model';
import { Finding } from './finding';

export interface PairCheck {
  findings: Finding[];
  checked: CellKey[];
}

/**
 * Indexes of a longest run that never rises (ties allowed), keeping the earliest scores where
 * several runs are as long: a score higher than the one above it is the one out of place.
 */
function longestNonRising(values: number[]): Set<number> {
  const n = values.length;
  const longest = new Array<number>(n).fill(1);
  for (let i = n - 1; i >= 0; i--) for (let j = i + 1; j < n; j++) if (values[j] <= values[i]) longest[i] = Math.max(longest[i], longest[j] + 1);
  const kept = new Set<number>();
  let at = longest.indexOf(Math.max(...longest));
  while (at >= 0) {
    kept.add(at);
    const need = longest[at] - 1;
    let next = -1;
    for (let j = at + 1; j < n && need > 0; j++) if (values[j] <= values[at] && longest[j] === need) {
      next = j;
      break;
    }
    at = next;
  }
  return kept;
}

export function pairFindings(sheet: SheetSnapshot, table: TableModel): PairCheck {
  const out: PairCheck = { findings: [], checked: [] };
  for (const pair of table.scores?.pairs ?? []) {
    const listed = table.rows
      .map((r) => ({ row: r.row, name: cellText(sheet, r.row, pair.names), score: parseScore(cellAt(sheet, r.row, pair.scores)) }))
      .filter((u) => u.name !== '' && u.score.status === 'number');
    if (listed.length < 3) continue;
    const kept = longestNonRising(listed.map((u) => u.score.value));
    // Out of order in more than a few places, the list is not in order of its scores: nothing is said.
    if (listed.length - kept.size > Math.max(1, Math.floor(listed.length / 10))) continue;
    listed.forEach((u) => out.checked.push(keyOf(u.row, pair.scores)));
    listed.forEach((u, i) => {
      if (kept.has(i)) return;
      const above = [...kept].filter((k) => k < i).pop();
      const below = [...kept].filter((k) => k > i)[0];
      const range = (lang: 'vi' | 'en') =>
        [below !== undefined ? formatScore(listed[below].score.value, lang) : undefined, above !== undefined ? formatScore(listed[above].score.value, lang) : undefined].filter(Boolean).join(' – ');
      out.findings.push({
        cell: cellAddress(u.row, pair.scores),
        severity: 'error',
        rule: 'pair-order',
        message: `${pair.title}: "${u.name}" ${formatScore(u.score.value, 'vi')} điểm nhưng xếp dưới ${above !== undefined ? `"${listed[above].name}" (${formatScore(listed[above].score.value, 'vi')})` : 'đơn vị khác'}: danh sách xếp từ cao xuống thấp, nên điểm ở vị trí này phải trong khoảng ${range('vi')}, hoặc đơn vị phải đứng cao hơn.`,
        messageEn: `${pair.title}: "${u.name}" has ${formatScore(u.score.value, 'en')} but is listed below ${above !== undefined ? `"${listed[above].name}" (${formatScore(listed[above].score.value, 'en')})` : 'another unit'}: the list runs highest first, so the score here should lie within ${range('en')}, or the unit should stand higher.`,
        actual: u.score.raw,
        expected: null,
        related: above !== undefined ? [cellAddress(listed[above].row, pair.scores)] : [],
      });
    });
    const seen = new Map<string, number>();
    for (const u of listed) {
      const name = foldText(u.name);
      const first = seen.get(name);
      if (first === undefined) seen.set(name, u.row);
      else
        out.findings.push({
          cell: cellAddress(u.row, pair.names),
          severity: 'warning',
          rule: 'duplicate-unit',
          message: `${pair.title}: "${u.name}" có hai lần (dòng ${first + 1} và dòng ${u.row + 1}).`,
          messageEn: `${pair.title}: "${u.name}" is listed twice (rows ${first + 1} and ${u.row + 1}).`,
          actual: u.name,
          expected: null,
          related: [cellAddress(first, pair.names)],
        });
    }
  }
  return out;
}
