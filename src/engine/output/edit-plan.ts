/**
 * The edit plan: what recomputing a checked sheet writes, cell by cell. Rates become formulas
 * over their layout's denominator, group/subtotal/total rows become SUMs over exactly their
 * children, counts stored as text become numbers, and, only when asked, suggested corrections
 * replace suspected typos. Cells already holding what the plan would write are left out, so a
 * second run plans nothing.
 */
import { cellAddress, keyOfAddress, rangeAddress } from '../read/address';
import { CheckedTable, SheetReport } from '../findings/report';
import { CellInfo, CellKey, colOfKey, RateRelation, rowOfKey } from '../relations/relations';
import { CellTable } from '../read/cell-table';
import { Side } from '../relations/relation-list';
import { cellAt, SheetSnapshot } from '../read/snapshot';
import { hiddenRowsNotice, SheetNotice } from '../findings/sheet-notices';
import { formatCount } from '../read/format';
import { rateAgrees } from '../read/numbers';

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

export function rateFormula(rel: Pick<RateRelation, 'numerator' | 'denominator'>, convention: RateConvention = 'percent'): string {
  return `IFERROR(${terms(rel.numerator)}/${terms(rel.denominator)}${convention === 'hundred' ? '*100' : ''},0)`;
}

function normaliseFormula(f: string | undefined): string {
  return (f ?? '').replace(/^=/, '').replace(/\s+/g, '').toUpperCase();
}

function countFormat(info: CellInfo): string {
  // A score keeps the decimals it is written with (8,59 stays 8,59, never 9).
  if (info.kind === 'score') return (info.parsed.decimals ?? 0) > 0 ? `0.${'0'.repeat(Math.min(4, info.parsed.decimals!))}` : '0';
  if (info.parsed.unit) return `${COUNT_FORMAT} "${info.parsed.unit.replace(/"/g, '')}"`;
  return info.parsed.status === 'dash' ? DASH_FORMAT : COUNT_FORMAT;
}


// An unreadable cell (#REF!, a word) is correctable when its relations agreed on its value.
const CORRECTABLE = new Set(['value-mismatch', 'sum-mismatch', 'rate-mismatch', 'count-decimal-separator', 'percent-as-fraction', 'excel-error', 'not-a-number']);

/**
 * The values the table should hold, by cell position in the table's CellTable: as read, with
 * suggestions applied when asked for (1 in `suggested` where one was).
 */
function baseValues(table: CheckedTable, applySuggestions: boolean): { values: Float64Array; suggested: Uint8Array } {
  const { cells } = table.relations;
  const values = new Float64Array(cells.size);
  for (let i = 0; i < cells.size; i++) values[i] = cells.valueAt(i);
  const suggested = new Uint8Array(cells.size);
  if (!applySuggestions) return { values, suggested };
  for (const f of table.findings) {
    if (!CORRECTABLE.has(f.rule) || f.expected === null) continue;
    for (const c of [{ cell: f.cell, expected: f.expected }, ...(f.carried ?? [])]) {
      const i = cells.indexOf(keyOfAddress(c.cell));
      if (i < 0) continue;
      values[i] = c.expected;
      suggested[i] = 1;
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
      f.candidates?.forEach((c) => c.sheet === undefined && out.set(keyOfAddress(c.cell), null));
    } else if (!applySuggestions && CORRECTABLE.has(f.rule)) {
      out.set(keyOfAddress(f.cell), f.expected);
      f.carried?.forEach((c) => out.set(keyOfAddress(c.cell), c.expected));
    }
  }
  return out;
}

/** The convention most of a rate column's written numbers follow (its percentages as read: `percentOf`, by position). */
function columnConventions(sheet: SheetSnapshot, cells: CellTable, targets: readonly number[], percentOf: (i: number) => number | undefined): Map<number, RateConvention> {
  const votes = new Map<number, Record<RateConvention, number>>();
  for (const i of targets) {
    const key = cells.keyAt(i);
    const col = colOfKey(key);
    const cell = cellAt(sheet, rowOfKey(key), col);
    const percent = percentOf(i);
    if (!cell || typeof cell.value !== 'number' || cell.value === 0 || percent === undefined) continue;
    const vote: RateConvention | undefined = cell.numberFormat?.includes('%') ? 'percent' : Math.abs(cell.value * 100 - percent) < 1e-6 ? 'fraction' : Math.abs(cell.value - percent) < 1e-6 ? 'hundred' : undefined;
    if (!vote) continue;
    const tally = votes.get(col) ?? { percent: 0, hundred: 0, fraction: 0 };
    tally[vote]++;
    votes.set(col, tally);
  }
  const out = new Map<number, RateConvention>();
  for (const [col, tally] of votes) out.set(col, (Object.keys(tally) as RateConvention[]).reduce((a, b) => (tally[b] > tally[a] ? b : a)));
  return out;
}

/** Cells a finding names (as the wrong cell, a possible one, or a total that carries it): 1 by position. */
function namedCells(table: CheckedTable): Uint8Array {
  const { cells } = table.relations;
  const out = new Uint8Array(cells.size);
  const name = (address: string) => {
    const i = cells.indexOf(keyOfAddress(address));
    if (i >= 0) out[i] = 1;
  };
  for (const f of table.findings) {
    if (f.severity === 'info') continue;
    name(f.cell);
    f.carried?.forEach((c) => name(c.cell));
    f.candidates?.forEach((c) => c.sheet === undefined && name(c.cell));
  }
  return out;
}

const NO_RELATION = -1;

/**
 * The plan of one table. Everything is kept by cell position in typed arrays, not in maps keyed
 * by cell: a table of 100,000 rows has half a million targets, and its relations are read where
 * they are stored rather than made into objects.
 */
function planTable(sheet: SheetSnapshot, table: CheckedTable, options: PlanOptions): { edits: PlannedEdit[]; kept: string[]; differs: string[] } {
  const { cells, relations } = table.relations;
  const size = cells.size;
  const { values, suggested } = baseValues(table, options.applySuggestions);
  // The relation each total and rate is recomputed from: the first sum over rows, the last rate.
  const sumOf = new Int32Array(size).fill(NO_RELATION);
  const rateOf = new Int32Array(size).fill(NO_RELATION);
  const sumTargets: number[] = [];
  const rateTargets: number[] = [];
  for (let id = 0; id < relations.length; id++) {
    const kind = relations.kindOf(id);
    const target = relations.first(id, 0);
    if (kind === 'sum') {
      const scope = relations.scopeOf(id);
      if (scope === 'row' || scope === 'breakdown' || sumOf[target] !== NO_RELATION) continue;
      sumOf[target] = id;
      sumTargets.push(target);
    } else if (kind === 'rate' && cells.columnAt(target).role === 'rate') {
      if (rateOf[target] === NO_RELATION) rateTargets.push(target);
      rateOf[target] = id;
    }
  }

  const memo = new Float64Array(size);
  const known = new Uint8Array(size);
  const valueOf = (i: number, depth = 0): number => {
    if (known[i]) return memo[i];
    const sum = sumOf[i];
    const v = sum !== NO_RELATION && depth < 64 ? relations.sideTotal(sum, 1, (part) => valueOf(part, depth + 1)) : values[i];
    memo[i] = v;
    known[i] = 1;
    return v;
  };
  const rateValue = (id: number) => {
    const num = relations.sideTotal(id, 1, valueOf);
    const den = relations.sideTotal(id, 2, valueOf);
    return den === 0 ? 0 : num / den;
  };

  // A suspect is harmless where the recomputed formula is its correction (a group row's own sum).
  const roots = new Uint8Array(size);
  let rootCount = 0;
  for (const [k, expected] of suspects(table, options.applySuggestions)) {
    const i = cells.indexOf(k);
    if (i < 0) continue;
    const planned = sumOf[i] !== NO_RELATION ? valueOf(i) : rateOf[i] !== NO_RELATION ? rateValue(rateOf[i]) * 100 : undefined;
    if (expected !== null && planned !== undefined && Math.abs(planned - expected) < 0.006) continue;
    roots[i] = 1;
    rootCount++;
  }
  // A total or rate is tainted when a suspect is among what it is computed from, at any depth;
  // asked of each target once and remembered (0: not yet asked, 1: clean or being asked, 2: tainted).
  const taint = new Uint8Array(size);
  const anyTainted = (id: number, side: Side): boolean => {
    for (let j = relations.sideStart(id, side); j < relations.sideEnd(id, side); j++) if (isTainted(relations.member(j))) return true;
    return false;
  };
  const isTainted = (i: number): boolean => {
    if (roots[i]) return true;
    const sum = sumOf[i];
    const rate = rateOf[i];
    if (sum === NO_RELATION && rate === NO_RELATION) return false;
    if (taint[i]) return taint[i] === 2;
    taint[i] = 1; // a cycle, should one exist, does not taint by itself
    const tainted = (sum !== NO_RELATION && anyTainted(sum, 1)) || (rate !== NO_RELATION && (anyTainted(rate, 1) || anyTainted(rate, 2)));
    taint[i] = tainted ? 2 : 1;
    return tainted;
  };
  const isHeld = (i: number) => rootCount > 0 && isTainted(i);

  // A formula replaces a value only where it gives that value (within the rate's own rounding),
  // or where a finding names the cell: anything else would change a figure no finding explains.
  const named = namedCells(table);
  const differs: CellKey[] = [];
  const current = (i: number) => (cells.statusAt(i) === 'invalid' ? undefined : cells.valueAt(i));
  const agrees = (i: number, now: number, planned: number, rate: boolean) => (rate ? rateAgrees(now, planned, cells.decimalsAt(i) ?? 2) : Math.abs(now - planned) < 1e-9);
  const keepsValue = (i: number, planned: number, rate: boolean) => {
    const now = current(i);
    if (now === undefined || named[i] || suggested[i]) return true;
    const ok = agrees(i, now, planned, rate);
    if (!ok) differs.push(cells.keyAt(i));
    return ok;
  };
  /** Whether the planned value (percentage points for a rate) differs from what the cell holds. */
  const changes = (i: number, planned: number, rate: boolean) => {
    const now = current(i);
    if (now === undefined) return true;
    return rate ? !rateAgrees(now, planned, cells.decimalsAt(i) ?? 2) : Math.abs(now - planned) > 1e-9;
  };
  const conventions = columnConventions(sheet, cells, rateTargets, current);

  // A maximum a header states in words ("(18 điểm)") is never a formula's operand: the value is written.
  const refersToStated = (keys: CellKey[]) => keys.some((k) => cells.get(k)?.parsed.stated);
  const edits: PlannedEdit[] = [];
  const push = (i: number, edit: Omit<PlannedEdit, 'cell' | 'row' | 'col' | 'old'>) => {
    const key = cells.keyAt(i);
    // A header's words are never rewritten.
    if (cells.parsedAt(i).stated) return;
    const row = rowOfKey(key);
    const col = colOfKey(key);
    edits.push({ cell: cellAddress(row, col), row, col, old: cells.parsedAt(i).raw, ...edit });
  };
  for (const i of sumTargets) {
    if (isHeld(i) || !keepsValue(i, valueOf(i), false)) continue;
    const format = cells.kindAt(i) === 'score' ? countFormat(cells.infoAt(i)) : COUNT_FORMAT;
    push(i, { formula: options.values || refersToStated(relations.sideKeys(sumOf[i], 1)) ? undefined : sumFormula(relations.sideKeys(sumOf[i], 1)), value: valueOf(i), numberFormat: format, reason: 'sum-formula', changesValue: changes(i, valueOf(i), false) });
  }
  for (const i of rateTargets) {
    const id = rateOf[i];
    const fraction = rateValue(id);
    if (isHeld(i) || !keepsValue(i, fraction * 100, true)) continue;
    const key = cells.keyAt(i);
    const convention = conventions.get(colOfKey(key)) ?? 'percent';
    const format = convention === 'hundred' ? '0.00' : convention === 'fraction' ? cellAt(sheet, rowOfKey(key), colOfKey(key))?.numberFormat ?? 'General' : RATE_FORMAT;
    const value = convention === 'hundred' ? fraction * 100 : fraction;
    const sides = { numerator: relations.sideKeys(id, 1), denominator: relations.sideKeys(id, 2) };
    const formula = options.values || refersToStated([...sides.numerator, ...sides.denominator]) ? undefined : rateFormula(sides, convention);
    push(i, { formula, value, numberFormat: format, reason: 'rate-formula', changesValue: changes(i, fraction * 100, true) });
  }
  for (let i = 0; i < size; i++) {
    if (sumOf[i] !== NO_RELATION || rateOf[i] !== NO_RELATION) continue;
    if (suggested[i]) {
      const info = cells.infoAt(i);
      push(i, { value: values[i], numberFormat: info.kind === 'count' ? countFormat(info) : '0.00', reason: 'suggested-correction', changesValue: true });
      continue;
    }
    if (cells.isRateAt(i)) continue;
    const parsed = cells.parsedAt(i);
    if (parsed.isText && (parsed.status === 'number' || parsed.status === 'dash') && !parsed.issue) {
      push(i, { value: parsed.value, numberFormat: countFormat(cells.infoAt(i)), reason: 'text-to-number', changesValue: false });
    }
  }
  const kept = [...sumTargets, ...rateTargets].filter(isHeld).map((i) => cells.keyAt(i)).sort((a, b) => a - b);
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
