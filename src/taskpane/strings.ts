/** The pane's words: Vietnamese by default, English when Office's display language is English. */
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
    apply: (n: number) => `Áp dụng: ${n} ô sẽ thay đổi`,
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
    apply: (n: number) => `Apply: ${n} cells will change`,
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
