import { LayoutDeclaration } from './types';
import { sttColumn } from './common';

const RESULT = ['ket qua thong ke', 'ket qua'];

/** L9: the province's statistical indicator form: numbered indicators with a unit and a value. */
export const indicatorForm: LayoutDeclaration = {
  id: 'L9',
  name: 'Biểu chỉ tiêu thống kê',
  nameEn: 'Statistical indicator form',
  columns: [
    sttColumn,
    { key: 'indicator', role: 'label', title: 'Chỉ tiêu thống kê', titleEn: 'Indicator', header: ['chi tieu thong ke', 'chi tieu'], weight: 1.5 },
    { key: 'unit', role: 'unit', title: 'Đơn vị tính', titleEn: 'Unit', header: ['don vi tinh', 'dvt'], group: RESULT, weight: 1.5 },
    { key: 'value', role: 'value', title: 'Số liệu', titleEn: 'Value', header: ['so lieu', 'gia tri'], group: RESULT, weight: 1.5 },
    { key: 'reporter', role: 'text', title: 'Đơn vị thực hiện', titleEn: 'Reported by', header: ['don vi thuc hien'], weight: 0.5 },
  ],
  identities: [],
  rates: [],
  bounds: [],
  hierarchy: 'indicator',
  indicatorRules: {
    breakdownMarkers: ['trong do'],
    plannedPhrases: ['de ra', 'duoc giao', 'trong ke hoach', 'tong so nhiem vu'],
    donePhrases: ['da hoan thanh', 'hoan thanh dung han', 'hoan thanh nhung qua han'],
    percentUnits: ['%'],
  },
};
