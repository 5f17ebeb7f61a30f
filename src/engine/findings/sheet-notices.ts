/**
 * What a person should know about how a sheet was read: a sheet hidden from the tabs, hidden
 * (filtered) rows that still count,
 * formulas Excel never computed, cells merged among the figures. Said once per sheet, plainly.
 */
import { cellAddress, rangeAddress } from '../read/address';
import { TableModel } from '../tables/table-model';

/** What the notices need of a checked table: its model and the columns holding its figures. */
interface ReadTable {
  model: TableModel;
  relations: { cells: { columns(): number[] } };
}
import { SheetSnapshot } from '../read/snapshot';

export interface SheetNotice {
  code: 'hidden-sheet' | 'hidden-rows' | 'formula-without-value' | 'merged-figures';
  message: string;
  messageEn: string;
}

const list = (items: string[]) => `${items.slice(0, 10).join(', ')}${items.length > 10 ? ', …' : ''}`;

export function hiddenRowsNotice(sheet: SheetSnapshot, tables: Pick<ReadTable, 'model'>[]): SheetNotice[] {
  const hidden = new Set(sheet.hiddenRows ?? []);
  const rows = tables.flatMap((t) => t.model.rows.filter((r) => hidden.has(r.row)).map((r) => String(r.row + 1)));
  if (!rows.length) return [];
  return [
    {
      code: 'hidden-rows',
      message: `Bảng có ${rows.length} hàng đang ẩn (có thể do bộ lọc): ${list(rows)}; chúng vẫn được tính vào tổng.`,
      messageEn: `The table has ${rows.length} hidden rows (perhaps filtered out): ${list(rows)}; they are still counted in the totals.`,
    },
  ];
}

/** Formulas saved without their result (a file written by a program, never opened in Excel). */
function formulaNotice(sheet: SheetSnapshot, tables: ReadTable[]): SheetNotice[] {
  const cells: string[] = [];
  for (const t of tables) {
    const { top, left, bottom, right } = t.model.range;
    for (let r = top; r <= bottom; r++) {
      const row = sheet.cells[r];
      if (!row) continue;
      for (let c = left; c <= right; c++) if (row[c]?.formula && row[c]!.value === null) cells.push(cellAddress(r, c));
    }
  }
  if (!cells.length) return [];
  return [
    {
      code: 'formula-without-value',
      message: `${cells.length} ô có công thức nhưng chưa có kết quả (tệp chưa từng được mở và lưu bằng Excel): ${list(cells)}. PhuLuc coi các ô này là trống; hãy mở tệp bằng Excel, lưu lại rồi kiểm tra lại.`,
      messageEn: `${cells.length} cells hold a formula without a result (the file was never opened and saved in Excel): ${list(cells)}. PhuLuc reads them as blank; open the file in Excel, save it, and check again.`,
    },
  ];
}

/** Merged areas among the figures: only the first cell of each holds a value. */
function mergedNotice(sheet: SheetSnapshot, tables: ReadTable[]): SheetNotice[] {
  const areas: string[] = [];
  for (const t of tables) {
    const bodyTop = t.model.headerRows[t.model.headerRows.length - 1] + 1;
    const figures = new Set(t.relations.cells.columns());
    for (const m of sheet.merges ?? []) {
      if (m.bottom < bodyTop || m.top > t.model.range.bottom) continue;
      let touches = false;
      for (let c = m.left; c <= m.right && !touches; c++) touches = figures.has(c);
      if (touches) areas.push(rangeAddress(m));
    }
  }
  if (!areas.length) return [];
  return [
    {
      code: 'merged-figures',
      message: `Bảng có ô gộp trong phần số liệu: ${list(areas)}. Chỉ ô đầu của mỗi vùng gộp có giá trị, các ô còn lại được đọc là trống.`,
      messageEn: `The table has merged cells among its figures: ${list(areas)}. Only the first cell of each holds a value; the others read as blank.`,
    },
  ];
}

/** A hidden sheet with tables: what is found there is on a sheet the person opening the file does not see. */
function hiddenSheetNotice(sheet: SheetSnapshot, tables: ReadTable[]): SheetNotice[] {
  if (!sheet.visibility || !tables.length) return [];
  const how = sheet.visibility === 'veryHidden' ? { vi: 'ẩn hẳn (chỉ hiện lại được bằng macro hoặc trình VBA)', en: 'very hidden (only a macro or the VBA editor shows it again)' } : { vi: 'đang ẩn (chuột phải vào thẻ trang → Unhide để hiện)', en: 'hidden (right-click a sheet tab → Unhide shows it)' };
  return [
    {
      code: 'hidden-sheet',
      message: `Trang "${sheet.name}" ${how.vi}: người mở tệp không thấy các bảng và lỗi trên trang này.`,
      messageEn: `Sheet "${sheet.name}" is ${how.en}: whoever opens the file does not see its tables and findings.`,
    },
  ];
}

export function readingNotices(sheet: SheetSnapshot, tables: ReadTable[]): SheetNotice[] {
  return [...hiddenSheetNotice(sheet, tables), ...hiddenRowsNotice(sheet, tables), ...formulaNotice(sheet, tables), ...mergedNotice(sheet, tables)];
}
