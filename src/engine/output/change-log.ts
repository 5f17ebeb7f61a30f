/**
 * The change log a recompute leaves in the workbook ("Nhật ký PhuLuc"), the same from every host:
 * a value that changes is listed on its own row (cell, old value, new value, why); cells whose
 * value stays and only becomes a formula (or a number instead of text) are summed up per column
 * and run of rows ("E5:E150 — 146 tỉ lệ thành công thức, giá trị không đổi"), so a person can read
 * the log of a 50,000-row appendix.
 */
import { cellAddress } from '../read/address';
import { EditPlan, EditReason, PlannedEdit, REASON_TEXT } from './edit-plan';
import { formatCount } from '../read/format';

export const LOG_HEADER = ['Thời điểm', 'Trang tính', 'Ô', 'Giá trị cũ', 'Giá trị mới', 'Lý do'];
/** Column widths for hosts that set them. */
export const LOG_WIDTHS = [20, 18, 12, 16, 30, 50];

/** What a cell holds after the change, as the log shows it. */
export function shownAfter(e: PlannedEdit): string {
  if (e.formula !== undefined) return `=${e.formula}`;
  return e.numberFormat.includes('%') ? `${Math.round(e.value * 10000) / 100}%` : String(e.value);
}

const KEPT_TEXT: Record<EditReason, (n: number) => string> = {
  'sum-formula': (n) => `${formatCount(n, 'vi')} ô tổng thành công thức SUM, giá trị không đổi`,
  'rate-formula': (n) => `${formatCount(n, 'vi')} tỉ lệ thành công thức, giá trị không đổi`,
  'text-to-number': (n) => `${formatCount(n, 'vi')} số lưu dạng văn bản thành số, giá trị không đổi`,
  'suggested-correction': (n) => `${formatCount(n, 'vi')} ô sửa theo giá trị đề xuất`,
};

/** The log rows of one recompute, in sheet order (null: an empty cell). */
export function changeLogRows(plan: EditPlan, stamp: string): (string | null)[][] {
  const rows: { order: number; cells: (string | null)[] }[] = [];
  const quiet = plan.edits.filter((e) => !e.changesValue);
  for (const e of plan.edits.filter((x) => x.changesValue)) rows.push({ order: e.row * 16384 + e.col, cells: [stamp, plan.sheet, e.cell, e.old, shownAfter(e), REASON_TEXT[e.reason].vi] });
  // Runs of consecutive rows in one column, for one reason.
  const byColumn = new Map<string, PlannedEdit[]>();
  for (const e of quiet) {
    const key = `${e.col}|${e.reason}`;
    const list = byColumn.get(key);
    if (list) list.push(e);
    else byColumn.set(key, [e]);
  }
  for (const edits of byColumn.values()) {
    edits.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= edits.length; i++) {
      if (i < edits.length && edits[i].row === edits[i - 1].row + 1) continue;
      const first = edits[start];
      const last = edits[i - 1];
      const count = i - start;
      const where = count === 1 ? first.cell : `${first.cell}:${cellAddress(last.row, last.col)}`;
      rows.push({
        order: first.row * 16384 + first.col,
        cells: count === 1 ? [stamp, plan.sheet, first.cell, first.old, shownAfter(first), `${REASON_TEXT[first.reason].vi}, giá trị không đổi`] : [stamp, plan.sheet, where, null, null, KEPT_TEXT[first.reason](count)],
      });
      start = i;
    }
  }
  return rows.sort((a, b) => a.order - b.order).map((r) => r.cells);
}
