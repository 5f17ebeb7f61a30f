/**
 * The edit plan: what recomputing a checked sheet writes, cell by cell. Rates become formulas
 * over their layout's denominator, group/subtotal/total rows become SUMs over exactly their
 * children, counts stored as text become numbers, and, only when asked, suggested corrections
 * replace suspected typos. Cells already holding what the plan would write are left out, so a
 * second run plans nothing.
 */
import { cellAddress, rangeAddress } from './address';
import { CheckedTable, SheetReport } from './report';
import { CellInfo, CellKey, colOfKey, keyOf, RateRelation, rowOfKey, SumRelation } from './relations';
import { parseAddress } from './address';
import { cellAt, SheetSnapshot } from './snapshot';
import { hiddenRowsNotice, SheetNotice } from './sheet-notices';
import { formatCount } from './format';
import { rateAgrees } from './numbers';

export type EditReason = 'sum-formula' | 'rate-formula' | 'text-to-number' | 'suggested-correction';

export interface PlannedEdit {
  cell: string;
  row: number;
  col: number;
  /** The formula to write, without "="; absent when a value is written. */
  formula?: string;
  /** The value the cell holds afterwards, as its column writes it (a percentage as 0.8995, a "(%)" column as 89.95). */
  value: number;
  numberFormat: string;
  reason: EditReason;
  /** What the cell showed before. */
  old: string;
  /** The value the cell shows changes (a correction, or a formula where a finding names the cell); otherwise only its form does. */
  changesValue: boolean;
}

export interface PlanNotice {
  code: 'protected-sheet' | 'merged-cell' | 'kept-for-review' | 'kept-differs' | SheetNotice['code'];
  message: string;
  messageEn: string;
  /** The cells a notice is about, for hosts that word it their own way. */
  cells?: string[];
}

export interface EditPlan {
  sheet: string;
  edits: PlannedEdit[];
  notices: PlanNotice[];
}

export interface PlanOptions {
  /** Replace suspected typos by their suggested values. */
  applySuggestions: boolean;
  /** Write computed values instead of formulas. */
  values: boolean;
}

export const COUNT_FORMAT = '#,##0';
export const DASH_FORMAT = '#,##0;-#,##0;"-"';
export const RATE_FORMAT = '0.00%';
const MAX_SUM_ARGUMENTS = 255;

export const REASON_TEXT: Record<EditReason, { vi: string; en: string }> = {
  'sum-formula': { vi: 'Tổng của các dòng con (công thức SUM)', en: 'Sum of the rows under it (SUM formula)' },
  'rate-formula': { vi: 'Tỉ lệ tính từ số lượng (công thức)', en: 'Rate computed from the counts (formula)' },
  'text-to-number': { vi: 'Số lưu dạng văn bản chuyển thành số', en: 'Number stored as text turned into a number' },
  'suggested-correction': { vi: 'Sửa theo giá trị đề xuất', en: 'Suggested correction applied' },
};

/** Writes a list of same-column cells as few arguments as possible: D8:D12,D15. */
function rangeArguments(keys: CellKey[]): string[] {
  const col = colOfKey(keys[0]);
  const rows = keys.map(rowOfKey).sort((a, b) => a - b);
  const args: string[] = [];
  let start = rows[0];
  let prev = rows[0];
  const flush = () => args.push(start === prev ? cellAddress(start, col) : `${cellAddress(start, col)}:${cellAddress(prev, col)}`);
  for (const r of rows.slice(1)) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    flush();
    start = prev = r;
  }
  flush();
  return args;
}

/** SUM over exactly these cells; adjacent runs become ranges, never swallowing a row in between. */
export function sumFormula(keys: CellKey[]): string {
  const byCol = new Map<number, CellKey[]>();
  for (const k of keys) {
    const list = byCol.get(colOfKey(k));
    if (list) list.push(k);
    else byCol.set(colOfKey(k), [k]);
  }
  let args = [...byCol.values()].flatMap(rangeArguments);
  while (args.length > MAX_SUM_ARGUMENTS) {
    const nested: string[] = [];
    for (let i = 0; i < args.length; i += MAX_SUM_ARGUMENTS) nested.push(`SUM(${args.slice(i, i + MAX_SUM_ARGUMENTS).join(',')})`);
    args = nested;
  }
  return `SUM(${args.join(',')})`;
}

function terms(keys: CellKey[]): string {
  const refs = keys.map((k) => cellAddress(rowOfKey(k), colOfKey(k)));
  return refs.length === 1 ? refs[0] : `(${refs.join('+')})`;
}

/**
 * How a rate column writes its values, kept when it is recomputed: percentages (0.8995 shown
 * 89.95 %, or text "89,95%"), plain numbers of percent (89.95 under "Tỷ lệ (%)"), or plain fractions (0.8995).
 */
export type RateConvention = 'percent' | 'hundred' | 'fraction';

export function rateFormula(rel: RateRelation, convention: RateConvention = 'percent'): string {
  return `IFERROR(${terms(rel.numerator)}/${terms(rel.denominator)}${convention === 'hundred' ? '*100' : ''},0)`;
}

function normaliseFormula(f: string | undefined): string {
  return (f ?? '').replace(/^=/, '').replace(/\s+/g, '').toUpperCase();
}

function countFormat(info: CellInfo): string {
  if (info.parsed.unit) return `${COUNT_FORMAT} "${info.parsed.unit.replace(/"/g, '')}"`;
  return info.parsed.status === 'dash' ? DASH_FORMAT : COUNT_FORMAT;
}

function keyOfAddress(address: string): CellKey {
  const { row, col } = parseAddress(address);
  return keyOf(row, col);
}

// An unreadable cell (#REF!, a word) is correctable when its relations agreed on its value.
const CORRECTABLE = new Set(['value-mismatch', 'sum-mismatch', 'rate-mismatch', 'count-decimal-separator', 'percent-as-fraction', 'excel-error', 'not-a-number']);

/** The values the table should hold: as read, with suggestions applied when asked for. */
function baseValues(table: CheckedTable, applySuggestions: boolean): { values: Map<CellKey, number>; suggested: Set<CellKey> } {
  const values = new Map<CellKey, number>();
  const { cells } = table.relations;
  for (let i = 0; i < cells.size; i++) values.set(cells.keyAt(i), cells.valueAt(i));
  const suggested = new Set<CellKey>();
  if (!applySuggestions) return { values, suggested };
  for (const f of table.findings) {
    if (!CORRECTABLE.has(f.rule) || f.expected === null) continue;
    for (const c of [{ cell: f.cell, expected: f.expected }, ...(f.carried ?? [])]) {
      const k = keyOfAddress(c.cell);
      values.set(k, c.expected);
      suggested.add(k);
    }
  }
  return { values, suggested };
}

/**
 * Cells the check believes wrong and has not been told to correct, or cannot tell: a total or rate
 * computed from them would carry the typo and erase the sender's right figure, so those stay.
 */
function suspects(table: CheckedTable, applySuggestions: boolean): Map<CellKey, number | null> {
  const out = new Map<CellKey, number | null>();
  for (const f of table.findings) {
    if (f.severity !== 'error') continue;
    if (f.candidates || f.expected === null) {
      out.set(keyOfAddress(f.cell), null);
      f.candidates?.forEach((c) => out.set(keyOfAddress(c.cell), null));
    } else if (!applySuggestions && CORRECTABLE.has(f.rule)) {
      out.set(keyOfAddress(f.cell), f.expected);
      f.carried?.forEach((c) => out.set(keyOfAddress(c.cell), c.expected));
    }
  }
  return out;
}

/** The convention most of a rate column's written numbers follow (its percentages as read: `percentOf`). */
function columnConventions(sheet: SheetSnapshot, targets: Iterable<CellKey>, percentOf: (k: CellKey) => number | undefined): Map<number, RateConvention> {
  const votes = new Map<number, Record<RateConvention, number>>();
  for (const k of targets) {
    const cell = cellAt(sheet, rowOfKey(k), colOfKey(k));
    const percent = percentOf(k);
    if (!cell || typeof cell.value !== 'number' || cell.value === 0 || percent === undefined) continue;
    const vote: RateConvention | undefined = cell.numberFormat?.includes('%') ? 'percent' : Math.abs(cell.value * 100 - percent) < 1e-6 ? 'fraction' : Math.abs(cell.value - percent) < 1e-6 ? 'hundred' : undefined;
    if (!vote) continue;
    const col = colOfKey(k);
    const tally = votes.get(col) ?? { percent: 0, hundred: 0, fraction: 0 };
    tally[vote]++;
    votes.set(col, tally);
  }
  const out = new Map<number, RateConvention>();
  for (const [col, tally] of votes) out.set(col, (Object.keys(tally) as RateConvention[]).reduce((a, b) => (tally[b] > tally[a] ? b : a)));
  return out;
}

/** Cells a finding names: as the wrong cell, a possible one, or a total that carries it. */
function namedCells(table: CheckedTable): Set<CellKey> {
  const out = new Set<CellKey>();
  for (const f of table.findings) {
    if (f.severity === 'info') continue;
    out.add(keyOfAddress(f.cell));
    f.carried?.forEach((c) => out.add(keyOfAddress(c.cell)));
    f.candidates?.forEach((c) => out.add(keyOfAddress(c.cell)));
  }
  return out;
}

function planTable(sheet: SheetSnapshot, table: CheckedTable, options: PlanOptions): { edits: PlannedEdit[]; kept: string[]; differs: string[] } {
  const { cells, relations } = table.relations;
  const { values, suggested } = baseValues(table, options.applySuggestions);
  const sumTargets = new Map<CellKey, SumRelation>();
  const rateTargets = new Map<CellKey, RateRelation>();
  for (const rel of relations) {
    if (rel.kind === 'sum' && rel.scope !== 'row' && rel.scope !== 'breakdown' && !sumTargets.has(rel.total)) sumTargets.set(rel.total, rel);
    if (rel.kind === 'rate' && cells.get(rel.rate)?.column.role === 'rate') rateTargets.set(rel.rate, rel);
  }
  const memo = new Map<CellKey, number>();
  const valueOf = (k: CellKey, depth = 0): number => {
    const known = memo.get(k);
    if (known !== undefined) return known;
    const sum = sumTargets.get(k);
    const v = sum && depth < 64 ? sum.parts.reduce((s, p) => s + valueOf(p, depth + 1), 0) : values.get(k) ?? 0;
    memo.set(k, v);
    return v;
  };

  const rateValue = (rel: RateRelation) => {
    const num = rel.numerator.reduce((s, p) => s + valueOf(p), 0);
    const den = rel.denominator.reduce((s, p) => s + valueOf(p), 0);
    return den === 0 ? 0 : num / den;
  };

  // A suspect is harmless where the recomputed formula is its correction (a group row's own sum).
  const roots = new Set<CellKey>();
  for (const [k, expected] of suspects(table, options.applySuggestions)) {
    const planned = sumTargets.has(k) ? valueOf(k) : rateTargets.has(k) ? rateValue(rateTargets.get(k)!) * 100 : undefined;
    if (expected !== null && planned !== undefined && Math.abs(planned - expected) < 0.006) continue;
    roots.add(k);
  }
  // A total or rate is tainted when a suspect is among what it is computed from, at any depth.
  // Asked of each target once, remembered; no map of every cell's dependents (500,000 arrays at 100,000 rows).
  const taint = new Map<CellKey, boolean>();
  const isTainted = (k: CellKey): boolean => {
    if (roots.has(k)) return true;
    const sum = sumTargets.get(k);
    const rate = rateTargets.get(k);
    if (!sum && !rate) return false;
    const known = taint.get(k);
    if (known !== undefined) return known;
    taint.set(k, false); // a cycle, should one exist, does not taint by itself
    const tainted = Boolean(sum?.parts.some(isTainted) || rate?.numerator.some(isTainted) || rate?.denominator.some(isTainted));
    taint.set(k, tainted);
    return tainted;
  };
  const tainted = { has: (k: CellKey) => roots.size > 0 && isTainted(k) };

  // A formula replaces a value only where it gives that value (within the rate's own rounding),
  // or where a finding names the cell: anything else would change a figure no finding explains.
  const named = namedCells(table);
  const differs: CellKey[] = [];
  const current = (k: CellKey) => {
    const i = cells.indexOf(k);
    return i < 0 || cells.statusAt(i) === 'invalid' ? undefined : cells.valueAt(i);
  };
  const keepsValue = (k: CellKey, planned: number, rate: boolean) => {
    const now = current(k);
    if (now === undefined || named.has(k) || suggested.has(k)) return true;
    const ok = rate ? rateAgrees(now, planned, cells.decimalsAt(cells.indexOf(k)) ?? 2) : Math.abs(now - planned) < 1e-9;
    if (!ok) differs.push(k);
    return ok;
  };
  const conventions = columnConventions(sheet, rateTargets.keys(), current);

  const edits: PlannedEdit[] = [];
  /** Whether the planned value (percentage points for a rate) differs from what the cell holds. */
  const changes = (k: CellKey, planned: number, rate: boolean) => {
    const now = current(k);
    if (now === undefined) return true;
    return rate ? !rateAgrees(now, planned, cells.decimalsAt(cells.indexOf(k)) ?? 2) : Math.abs(now - planned) > 1e-9;
  };
  const push = (k: CellKey, edit: Omit<PlannedEdit, 'cell' | 'row' | 'col' | 'old'>) => {
    const row = rowOfKey(k);
    const col = colOfKey(k);
    const info = cells.get(k);
    edits.push({ cell: cellAddress(row, col), row, col, old: info?.parsed.raw ?? '', ...edit });
  };
  for (const [k, rel] of sumTargets) {
    if (tainted.has(k) || !keepsValue(k, valueOf(k), false)) continue;
    push(k, { formula: options.values ? undefined : sumFormula(rel.parts), value: valueOf(k), numberFormat: COUNT_FORMAT, reason: 'sum-formula', changesValue: changes(k, valueOf(k), false) });
  }
  for (const [k, rel] of rateTargets) {
    const fraction = rateValue(rel);
    if (tainted.has(k) || !keepsValue(k, fraction * 100, true)) continue;
    const convention = conventions.get(colOfKey(k)) ?? 'percent';
    const format = convention === 'hundred' ? '0.00' : convention === 'fraction' ? cellAt(sheet, rowOfKey(k), colOfKey(k))?.numberFormat ?? 'General' : RATE_FORMAT;
    const value = convention === 'hundred' ? fraction * 100 : fraction;
    push(k, { formula: options.values ? undefined : rateFormula(rel, convention), value, numberFormat: format, reason: 'rate-formula', changesValue: changes(k, fraction * 100, true) });
  }
  for (let i = 0; i < cells.size; i++) {
    const k = cells.keyAt(i);
    if (sumTargets.has(k) || rateTargets.has(k)) continue;
    const info = cells.infoAt(i);
    if (suggested.has(k)) {
      const value = values.get(k)!;
      const format = info.kind === 'rate' ? '0.00' : countFormat(info);
      push(k, { value, numberFormat: format, reason: 'suggested-correction', changesValue: true });
    } else if (info.kind === 'count' && info.parsed.isText && (info.parsed.status === 'number' || info.parsed.status === 'dash') && !info.parsed.issue) {
      push(k, { value: info.parsed.value, numberFormat: countFormat(info), reason: 'text-to-number', changesValue: false });
    }
  }
  const kept = [...sumTargets.keys(), ...rateTargets.keys()].filter((k) => tainted.has(k)).sort((a, b) => a - b);
  const address = (k: CellKey) => cellAddress(rowOfKey(k), colOfKey(k));
  return { edits: edits.filter((e) => changesSomething(sheet, e)), kept: kept.map(address), differs: differs.sort((a, b) => a - b).map(address) };
}

/** An edit that would leave the cell as it is (same formula, or same number and format) is dropped. */
function changesSomething(sheet: SheetSnapshot, e: PlannedEdit): boolean {
  const cell = cellAt(sheet, e.row, e.col);
  if (!cell) return true;
  // A cell without a formula changes whatever the formula (no normalised copies of 500,000 formulas).
  if (e.formula !== undefined) return !cell.formula || normaliseFormula(cell.formula) !== normaliseFormula(e.formula);
  if (cell.formula) return true;
  if (typeof cell.value !== 'number') return true;
  return Math.abs(cell.value - e.value) > 1e-9 || (cell.numberFormat ?? '') !== e.numberFormat;
}

/** Merged areas in a table's body: PhuLuc writes nothing inside them but their first cell. */
function mergedNotice(sheet: SheetSnapshot, report: SheetReport, edits: PlannedEdit[]): { kept: PlannedEdit[]; notices: PlanNotice[] } {
  const bodies = report.tables.map((t) => ({ ...t.model.range, top: t.model.headerRows[t.model.headerRows.length - 1] + 1 }));
  const merges = (sheet.merges ?? []).filter((m) => bodies.some((b) => m.top <= b.bottom && m.bottom >= b.top && m.left <= b.right && m.right >= b.left));
  if (!merges.length) return { kept: edits, notices: [] };
  const inside = (e: PlannedEdit) => merges.some((m) => e.row >= m.top && e.row <= m.bottom && e.col >= m.left && e.col <= m.right && (e.row !== m.top || e.col !== m.left));
  const list = merges.map(rangeAddress).join(', ');
  return {
    kept: edits.filter((e) => !inside(e)),
    notices: [
      {
        code: 'merged-cell',
        message: `Bảng có ô gộp trong phần số liệu (${list}): PhuLuc không ghi vào các ô bị gộp; hãy bỏ gộp rồi chạy lại.`,
        messageEn: `The table has merged cells among its figures (${list}): PhuLuc writes nothing inside them; unmerge them and run again.`,
      },
    ],
  };
}

export function planSheet(sheet: SheetSnapshot, report: SheetReport, options: PlanOptions): EditPlan {
  if (sheet.protected) {
    return {
      sheet: sheet.name,
      edits: [],
      notices: [
        {
          code: 'protected-sheet',
          message: `Trang tính "${sheet.name}" đang được bảo vệ: không sửa gì. Hãy bỏ bảo vệ (Review › Unprotect Sheet) rồi chạy lại.`,
          messageEn: `Sheet "${sheet.name}" is protected: nothing was changed. Unprotect it and run again.`,
        },
      ],
    };
  }
  const tables = report.tables.map((t) => planTable(sheet, t, options));
  const { kept, notices } = mergedNotice(sheet, report, tables.flatMap((t) => t.edits));
  const held = tables.flatMap((t) => t.kept);
  const differs = tables.flatMap((t) => t.differs);
  if (differs.length) {
    const list = differs.slice(0, 12).join(', ') + (differs.length > 12 ? ', …' : '');
    notices.push({
      code: 'kept-differs',
      message: `Giữ nguyên ${formatCount(differs.length, 'vi')} ô (${list}): công thức tính lại sẽ cho giá trị khác giá trị đang ghi mà không có lỗi nào chỉ ra ô đó, nên PhuLuc không thay.`,
      messageEn: `Kept ${formatCount(differs.length, 'en')} cells as they are (${list}): the recomputed formula would give another value than the one written and no finding names the cell, so PhuLuc does not replace it.`,
      cells: differs,
    });
  }
  if (held.length) {
    const list = held.slice(0, 12).join(', ') + (held.length > 12 ? ', …' : '');
    notices.push({
      code: 'kept-for-review',
      message: `Giữ nguyên ${formatCount(held.length, 'vi')} ô tổng/tỉ lệ vì chúng tính từ ô nghi sai (${list}): sửa các ô đó, hoặc chạy với --apply-suggestions.`,
      messageEn: `Kept ${formatCount(held.length, 'en')} totals/rates as they are because they depend on suspected cells (${list}): correct those, or run with --apply-suggestions.`,
      cells: held,
    });
  }
  return { sheet: sheet.name, edits: kept, notices: [...notices, ...hiddenRowsNotice(sheet, report.tables)] };
}
