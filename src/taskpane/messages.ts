/**
 * What the pane says, as typed codes with their figures, and the two catalogues that word them.
 * A catalogue must word every code (the compiler checks), and numbers are written in the
 * catalogue's own style: vi 14.758 and 94,39%, en 14,758 and 94.39%.
 */
import { formatCount } from '../engine/read/format';
import { Feature } from '../excel/excel-api';
import { Language } from './strings';

export type PaneMessage =
  // What the pane is doing.
  | { code: 'reading' }
  | { code: 'checking-rows'; sheet: string; rows: number }
  | { code: 'checking-sheets'; done: number; total: number }
  | { code: 'saving-choices' }
  | { code: 'selecting' }
  | { code: 'highlighting' }
  | { code: 'recomputing'; sheet: string }
  | { code: 'ranking'; sheet: string }
  // What it did, or what the user should know.
  | { code: 'fixed'; cells: number; sheet: string; backup: string }
  | { code: 'sheet-added'; name: string; sheet: string; range: string }
  | { code: 'sheet-changed'; shown: string; checked: string }
  | { code: 'preview-stale'; shown: string; previewed: string }
  | { code: 'unavailable'; features: Feature[] }
  // What went wrong.
  | { code: 'protected'; sheet: string }
  | { code: 'no-measure'; sheet: string }
  | { code: 'bands-unreadable'; text: string }
  | { code: 'cannot-rank'; sheet: string; vi: string; en: string }
  | { code: 'no-table'; sheet: string }
  | { code: 'write-undone'; sheet: string }
  | { code: 'write-not-undone'; sheet: string; backup: string }
  | { code: 'excel-failed'; detail: string };

type Catalogue = { [C in PaneMessage['code']]: (m: Extract<PaneMessage, { code: C }>) => string };

const FEATURE_VI: Record<Feature, string> = {
  valuesOnlyUsedRange: 'bỏ qua ô trống có định dạng',
  protection: 'biết trang được bảo vệ',
  autofit: 'tự chỉnh độ rộng cột',
  hiddenRows: 'biết hàng ẩn',
  nullObjects: 'đọc nhật ký trong một lượt',
  conditionalFormats: 'thang màu',
  sheetCopy: 'bản gốc chép nguyên trang',
  freezePanes: 'cố định dòng tiêu đề',
  cellProperties: 'đọc chữ đậm từng ô trong một lượt',
  pageLayout: 'trang in ngang',
  comments: 'ghi chú trên ô',
  mergedAreas: 'biết ô gộp',
  chartSeries: 'biểu đồ xếp hạng có hạng cao nhất ở trên',
};

const FEATURE_EN: Record<Feature, string> = {
  valuesOnlyUsedRange: 'skipping formatted empty cells',
  protection: 'knowing a sheet is protected',
  autofit: 'fitting column widths',
  hiddenRows: 'knowing hidden rows',
  nullObjects: 'reading the log in one trip',
  conditionalFormats: 'colour scales',
  sheetCopy: 'a backup copied whole',
  freezePanes: 'frozen header rows',
  cellProperties: 'reading bold per cell in one trip',
  pageLayout: 'landscape printing',
  comments: 'cell comments',
  mergedAreas: 'knowing merged cells',
  chartSeries: 'ranking charts with the best at the top',
};

const vi: Catalogue = {
  reading: () => 'Đang đọc trang tính…',
  'checking-rows': (m) => `Đang kiểm tra trang "${m.sheet}" (${formatCount(m.rows, 'vi')} dòng)…`,
  'checking-sheets': (m) => `Đã kiểm tra ${formatCount(m.done, 'vi')}/${formatCount(m.total, 'vi')} trang tính…`,
  'saving-choices': () => 'Đang lưu lựa chọn…',
  selecting: () => 'Đang chọn ô…',
  highlighting: () => 'Đang tô màu…',
  recomputing: (m) => `Đang tính lại trang "${m.sheet}"…`,
  ranking: (m) => `Đang lập bảng xếp hạng cho trang "${m.sheet}"…`,
  fixed: (m) => `Đã sửa ${formatCount(m.cells, 'vi')} ô trên trang "${m.sheet}"; bản gốc giữ ở trang "${m.backup}", mọi thay đổi ghi ở trang "Nhật ký PhuLuc".`,
  'sheet-added': (m) => `Đã thêm trang "${m.name}" (xếp hạng bảng ${m.range} của trang "${m.sheet}").`,
  'sheet-changed': (m) => `Trang đang xem là "${m.shown}", không phải trang đã kiểm tra ("${m.checked}"): PhuLuc đã kiểm tra lại trang "${m.shown}".`,
  'preview-stale': (m) => `Bản xem trước là của trang "${m.previewed}", nhưng trang đang xem là "${m.shown}": PhuLuc đã kiểm tra lại và lập bản xem trước mới; chưa sửa gì.`,
  unavailable: (m) => `Excel này không hỗ trợ: ${m.features.map((f) => FEATURE_VI[f]).join(', ')}. PhuLuc vẫn kiểm tra và sửa được, chỉ thiếu những phần đó.`,
  protected: (m) => `Trang "${m.sheet}" đang được bảo vệ (Protect Sheet): PhuLuc không ghi gì. Bỏ bảo vệ trang rồi thử lại.`,
  'no-measure': (m) => `Trang "${m.sheet}" không có bảng nào có tiêu chí để xếp hạng (như tỉ lệ đúng hạn).`,
  'bands-unreadable': (m) => `Không đọc được khung xếp loại "${m.text}": ghi mỗi loại với mức thấp nhất của nó, cách nhau bằng dấu ";", loại thấp nhất không cần mức — ví dụ "Xuất sắc ≥ 90; Tốt ≥ 80; Khá ≥ 70; Yếu".`,
  'cannot-rank': (m) => `Trang "${m.sheet}": ${m.vi}`,
  'no-table': (m) => `Trang "${m.sheet}" không có bảng phụ lục nào PhuLuc nhận ra.`,
  'write-undone': (m) => `Excel không ghi được hết các thay đổi trên trang "${m.sheet}": PhuLuc đã trả mọi ô về như trước, không sửa gì. Thử lại sau; xem chi tiết bên dưới.`,
  'write-not-undone': (m) => `Excel không ghi được hết các thay đổi trên trang "${m.sheet}" và không trả lại được: trang có thể đã đổi một phần. Bản gốc còn nguyên ở trang "${m.backup}".`,
  'excel-failed': () => 'Excel không thực hiện được thao tác. Xem chi tiết bên dưới.',
};

const en: Catalogue = {
  reading: () => 'Reading the sheet…',
  'checking-rows': (m) => `Checking sheet "${m.sheet}" (${formatCount(m.rows, 'en')} rows)…`,
  'checking-sheets': (m) => `Checked ${formatCount(m.done, 'en')}/${formatCount(m.total, 'en')} sheets…`,
  'saving-choices': () => 'Saving your choices…',
  selecting: () => 'Selecting the cell…',
  highlighting: () => 'Highlighting…',
  recomputing: (m) => `Recomputing sheet "${m.sheet}"…`,
  ranking: (m) => `Ranking the units of sheet "${m.sheet}"…`,
  fixed: (m) => `Fixed ${formatCount(m.cells, 'en')} cells on sheet "${m.sheet}"; the original is kept in sheet "${m.backup}", every change is logged in "Nhật ký PhuLuc".`,
  'sheet-added': (m) => `Added sheet "${m.name}" (ranking of table ${m.range} of sheet "${m.sheet}").`,
  'sheet-changed': (m) => `The sheet on screen is "${m.shown}", not the one checked ("${m.checked}"): PhuLuc checked "${m.shown}" again.`,
  'preview-stale': (m) => `The preview was of sheet "${m.previewed}", but the sheet on screen is "${m.shown}": PhuLuc checked it and made a new preview; nothing was changed.`,
  unavailable: (m) => `This Excel does not offer: ${m.features.map((f) => FEATURE_EN[f]).join(', ')}. PhuLuc still checks and fixes; only those parts are missing.`,
  protected: (m) => `Sheet "${m.sheet}" is protected: PhuLuc wrote nothing. Unprotect the sheet and try again.`,
  'no-measure': (m) => `Sheet "${m.sheet}" has no table with a measure to rank by (such as the on-time rate).`,
  'bands-unreadable': (m) => `The class bands "${m.text}" cannot be read: write each class with its lowest figure, separated by ";", the lowest class without one — for example "Xuất sắc ≥ 90; Tốt ≥ 80; Khá ≥ 70; Yếu".`,
  'cannot-rank': (m) => `Sheet "${m.sheet}": ${m.en}`,
  'no-table': (m) => `Sheet "${m.sheet}" has no appendix table PhuLuc recognises.`,
  'write-undone': (m) => `Excel could not write every change to sheet "${m.sheet}": PhuLuc gave every cell back what it held; nothing was changed. Try again later; see the details below.`,
  'write-not-undone': (m) => `Excel could not write every change to sheet "${m.sheet}" nor undo them: the sheet may be partly changed. The original is intact in sheet "${m.backup}".`,
  'excel-failed': () => 'Excel could not carry out the action. See the details below.',
};

const CATALOGUES: Record<Language, Catalogue> = { vi, en };

export function messageText(message: PaneMessage, lang: Language): string {
  const word = CATALOGUES[lang][message.code] as (m: PaneMessage) => string;
  return word(message);
}

/** A failure the controller words itself (not Excel's). */
export class PaneError extends Error {
  constructor(readonly pane: PaneMessage) {
    super(pane.code);
  }
}
