/** The pane's words: Vietnamese by default, English when Office's display language is English. */
import { formatCount } from '../engine/format';

export const STRINGS = {
  vi: {
    check: 'Kiểm tra trang này',
    checkWorkbook: 'Kiểm tra cả sổ tính',
    wholeWorkbook: 'Cả sổ tính (và quan hệ giữa các trang)',
    crossSheet: 'Quan hệ giữa các trang',
    totalOf: 'dòng tổng của',
    highlight: 'Tô màu các ô có vấn đề',
    unhighlight: 'Bỏ tô màu',
    recompute: 'Tính lại…',
    suggestions: 'Thay cả các ô nghi gõ nhầm bằng giá trị đề xuất',
    apply: (n: number, sheet: string) => `Áp dụng cho trang "${sheet}": ${formatCount(n, 'vi')} ô sẽ thay đổi`,
    summary: (errors: number, warnings: number) => `${formatCount(errors, 'vi')} lỗi, ${formatCount(warnings, 'vi')} cảnh báo`,
    sheet: 'Trang',
    details: 'Chi tiết',
    keptForReview: (cells: string[]) => `Giữ nguyên ${formatCount(cells.length, 'vi')} ô tổng/tỉ lệ vì chúng tính từ ô nghi sai (${cells.slice(0, 12).join(', ')}${cells.length > 12 ? ', …' : ''}): sửa các ô đó, hoặc đánh dấu “Thay cả các ô nghi gõ nhầm bằng giá trị đề xuất”.`,
    nothingToFix: 'Không có ô nào cần tính lại.',
    rank: 'Chèn bảng xếp hạng',
    measure: 'Tiêu chí',
    tier: 'So sánh',
    preset: 'Xếp loại',
    noFinding: 'Không phát hiện sai sót.',
    table: 'Bảng',
    severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Ghi chú' },
    measures: { 'on-time': 'Tỉ lệ đúng hạn', late: 'Tỉ lệ trễ hạn', resolved: 'Tỉ lệ đã giải quyết', online: 'Tỉ lệ trực tuyến', received: 'Số hồ sơ' },
    tiers: { groups: 'Trong từng nhóm của bảng', all: 'Mọi đơn vị', top: 'Các dòng cấp trên' },
    presets: { none: 'Không xếp loại', 'khanh-hoa': 'Khánh Hòa (Tốt/Khá/TB/Yếu)', bnv: 'Bộ Nội vụ (nhóm A/B)' },
  },
  en: {
    check: 'Check this sheet',
    checkWorkbook: 'Check the whole workbook',
    wholeWorkbook: 'Whole workbook (and relations between sheets)',
    crossSheet: 'Relations between sheets',
    totalOf: 'the total of',
    highlight: 'Highlight the problem cells',
    unhighlight: 'Remove highlighting',
    recompute: 'Recompute…',
    suggestions: 'Also replace suspected typos by their suggested values',
    apply: (n: number, sheet: string) => `Apply to sheet "${sheet}": ${formatCount(n, 'en')} cells will change`,
    summary: (errors: number, warnings: number) => `${formatCount(errors, 'en')} errors, ${formatCount(warnings, 'en')} warnings`,
    sheet: 'Sheet',
    details: 'Details',
    keptForReview: (cells: string[]) => `Kept ${formatCount(cells.length, 'en')} totals/rates as they are because they depend on suspected cells (${cells.slice(0, 12).join(', ')}${cells.length > 12 ? ', …' : ''}): correct those, or tick “Also replace suspected typos by their suggested values”.`,
    nothingToFix: 'Nothing to recompute.',
    rank: 'Insert a ranking sheet',
    measure: 'Measure',
    tier: 'Compare',
    preset: 'Classes',
    noFinding: 'No problem found.',
    table: 'Table',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    measures: { 'on-time': 'On-time rate', late: 'Late rate', resolved: 'Resolved rate', online: 'Online rate', received: 'Dossiers received' },
    tiers: { groups: "Within the table's groups", all: 'Every unit', top: 'Top-level rows' },
    presets: { none: 'No classes', 'khanh-hoa': 'Khánh Hòa (Tốt/Khá/TB/Yếu)', bnv: 'Ministry (group A/B)' },
  },
};

export type Language = keyof typeof STRINGS;

export function languageOf(displayLanguage: string | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
