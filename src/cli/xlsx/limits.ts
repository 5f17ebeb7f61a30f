/**
 * How much of a workbook PhuLuc reads before it says the file is too large: far above any appendix
 * (a 100,000-row appendix is about 1.5 million cells and 40 MB of sheet XML), far below what runs the
 * process out of memory. A file past a limit is refused with exit 2 before the rest is read.
 */
import { formatCount } from '../../engine/read/format';
import { WorkbookReadError } from '../workbook-error';

export const LIMITS = {
  /** Inflated bytes of one part (a sheet's XML, the shared strings). */
  partBytes: 400 * 1024 * 1024,
  /** Inflated bytes of all parts read from one file. */
  totalBytes: 1024 * 1024 * 1024,
  /** Cells written in one sheet, empty ones included. */
  sheetCells: 8_000_000,
  /** Cells written in the whole workbook. */
  workbookCells: 16_000_000,
  /** Entries of the shared-string table. */
  sharedStrings: 4_000_000,
};

export type LimitKind = 'part-bytes' | 'total-bytes' | 'sheet-cells' | 'workbook-cells' | 'shared-strings';

/** The message for a file past a limit, naming what and where. */
export function tooLarge(file: string, kind: LimitKind, where: string): WorkbookReadError {
  const mb = (n: number) => `${formatCount(Math.round(n / 1024 / 1024), 'vi')} MB`;
  const mbEn = (n: number) => `${formatCount(Math.round(n / 1024 / 1024), 'en')} MB`;
  const what: Record<LimitKind, { vi: string; en: string }> = {
    'part-bytes': { vi: `phần ${where} giải nén ra hơn ${mb(LIMITS.partBytes)}`, en: `its part ${where} inflates to more than ${mbEn(LIMITS.partBytes)}` },
    'total-bytes': { vi: `các phần cần đọc giải nén ra hơn ${mb(LIMITS.totalBytes)}`, en: `the parts to read inflate to more than ${mbEn(LIMITS.totalBytes)}` },
    'sheet-cells': { vi: `trang "${where}" có hơn ${formatCount(LIMITS.sheetCells, 'vi')} ô (kể cả ô trống đã định dạng)`, en: `sheet "${where}" holds more than ${formatCount(LIMITS.sheetCells, 'en')} cells (formatted empty cells included)` },
    'workbook-cells': { vi: `sổ tính có hơn ${formatCount(LIMITS.workbookCells, 'vi')} ô`, en: `the workbook holds more than ${formatCount(LIMITS.workbookCells, 'en')} cells` },
    'shared-strings': { vi: `bảng chuỗi dùng chung có hơn ${formatCount(LIMITS.sharedStrings, 'vi')} mục`, en: `its shared-string table has more than ${formatCount(LIMITS.sharedStrings, 'en')} entries` },
  };
  return new WorkbookReadError(
    `Không đọc ${file}: ${what[kind].vi}, quá lớn cho một sổ tính phụ lục. Hãy xoá các dòng, cột hoặc trang thừa (hoặc định dạng thừa) rồi lưu lại.`,
    `Not reading ${file}: ${what[kind].en}, too large for an appendix workbook. Delete the extra rows, columns or sheets (or stray formatting) and save it again.`,
  );
}
