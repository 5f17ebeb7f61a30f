/**
 * A unit listed twice: the same name twice among the rows of one group, each with figures — counted twice in the group's sum if both are added — and two rows
 * whose figures are the same in every column where that could not be chance (a row copied over
 * another). Both are warnings at the second row's name: the arithmetic may hold, the report is wrong.
 */
import { cellAddress, keyOf } from '../read/address';
import { beatsChance, sumEvidence } from '../evidence/chance';
import { Finding } from './finding';
import { RowNames } from './describe';
import { RelationSet } from '../relations/relations';
import { figureColumns, TableModel, TableRow } from '../tables/table-model';

export function duplicateFindings(table: TableModel, set: RelationSet, names: RowNames): Finding[] {
  const units = table.rows.filter((r) => r.kind === 'data' && r.hasNumbers && r.label);
  const nameCol = table.columns.get('name')?.col ?? [...table.columns.values()].find((m) => m.key !== 'stt')?.col;
  if (units.length < 2 || nameCol === undefined) return [];
  const out: Finding[] = [];
  // Names as written, group by group: a name typed twice is typed alike.
  const seen = new Map<TableRow, Map<string, TableRow>>();
  for (const row of units) {
    // Within one named group only: a province-wide list may hold two communes of one name in two districts.
    const group = row.parent;
    if (!group?.label) continue;
    let byName = seen.get(group);
    if (!byName) seen.set(group, (byName = new Map()));
    const first = byName.get(row.label);
    if (!first) {
      byName.set(row.label, row);
      continue;
    }
    const where = (lang: 'vi' | 'en') => `${lang === 'vi' ? 'nhóm' : 'group'} "${row.parent!.label}"`;
    out.push({
      cell: cellAddress(row.row, nameCol),
      severity: 'warning',
      rule: 'duplicate-unit',
      message: `"${row.label}" có hai lần trong ${where('vi')} (dòng ${first.row + 1} và dòng ${row.row + 1}): nếu cả hai được cộng vào tổng, đơn vị này bị tính hai lần.`,
      messageEn: `"${row.label}" is listed twice in ${where('en')} (rows ${first.row + 1} and ${row.row + 1}): if both are added to the total, the unit is counted twice.`,
      actual: row.label,
      expected: null,
      related: [cellAddress(first.row, nameCol)],
    });
  }
  // Rows whose figures are all the same: each figure matched as unlikely as a sum's, against every pair of rows.
  const cols = figureColumns(table, ['count']).map((c) => c.col);
  const colList = Int32Array.from(cols);
  const buffer = new Float64Array(cols.length);
  const other = new Float64Array(cols.length);
  // Rows are told apart by a number made of their figures (a string per row would cost a large table
  // dearly), kept in a table of typed arrays: a Map of 50,000 numbers costs more than the check of them.
  const byHash = new FirstByHash(units.length);
  const pairs = (units.length * (units.length - 1)) / 2;
  let position = 0;
  for (const row of units) {
    set.cells.rowFigures(row.row, colList, buffer, 0);
    let hash = 0;
    let given = 0;
    for (let k = 0; k < buffer.length; k++) {
      hash = (Math.imul(hash, 31) + (Number.isNaN(buffer[k]) ? 7 : buffer[k] | 0)) | 0;
      if (buffer[k] !== 0) given++;
    }
    // A row of zeros (or of one figure) matches any other such row and proves nothing.
    if (given < 2) {
      position++;
      continue;
    }
    const index = byHash.firstOr(hash, position);
    position++;
    if (index < 0) continue;
    const first = units[index];
    set.cells.rowFigures(first.row, colList, other, 0);
    let same = true;
    for (let k = 0; k < buffer.length && same; k++) same = !Number.isNaN(buffer[k]) && buffer[k] === other[k];
    if (!same) continue;
    const values = Array.from(buffer);
    // Columns tied by identities repeat one another (received = resolved when nothing is pending;
    // a total is its parts' sum): only distinct figures count, the largest — likely their total — not.
    const distinct = [...new Set(values)].filter((v) => v !== 0).sort((a, b) => b - a).slice(1);
    if (!beatsChance(distinct.reduce((sum, v) => sum + sumEvidence(v), 0), pairs)) continue;
    if (first.label === row.label) continue;
    out.push({
      cell: cellAddress(row.row, nameCol),
      severity: 'warning',
      rule: 'identical-rows',
      message: `${names.phrase(row.row, 'vi')} có số liệu giống hệt ${names.phrase(first.row, 'vi')} (dòng ${first.row + 1}) ở mọi cột: có thể dòng này đã bị chép nhầm từ dòng kia.`,
      messageEn: `${names.phrase(row.row, 'en')} has the same figures as ${names.phrase(first.row, 'en')} (row ${first.row + 1}) in every column: one may have been copied over the other.`,
      actual: row.label,
      expected: null,
      related: [cellAddress(first.row, nameCol)],
    });
  }
  return out;
}

/** The first of the values given with each hash (open addressing over typed arrays). */
class FirstByHash {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(count: number) {
    let size = 16;
    while (size < count * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.values = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** The value first given with `hash`; -1 (and `value` kept) when it is new. */
  firstOr(hash: number, value: number): number {
    for (let at = Math.imul(hash, 0x9e3779b1) & this.mask; ; at = (at + 1) & this.mask) {
      if (this.values[at] < 0) {
        this.keys[at] = hash;
        this.values[at] = value;
        return -1;
      }
      if (this.keys[at] === hash) return this.values[at];
    }
  }
}
