import { LayoutDeclaration } from './types';
import { noteColumn, sttColumn } from './common';

/** L2: which units sent their plans and reports, and when. */
export const reportingChecklist: LayoutDeclaration = {
  id: 'L2',
  name: 'Tình hình gửi kế hoạch, báo cáo',
  nameEn: 'Reporting checklist',
  columns: [
    sttColumn,
    { key: 'name', role: 'label', title: 'Tên cơ quan', titleEn: 'Unit', header: ['ten co quan', 'co quan don vi', 'ten don vi', 'co quan'], weight: 1 },
    { key: 'plan', role: 'check', title: 'Kế hoạch CCHC', titleEn: 'Reform plan', header: ['da xay dung ke hoach cchc', 'ke hoach cchc', 'ke hoach cai cach hanh chinh'], weight: 1.5 },
    { key: 'outreach', role: 'check', title: 'Kế hoạch tuyên truyền', titleEn: 'Outreach plan', header: ['da xay dung ke hoach tuyen truyen cchc', 'ke hoach tuyen truyen'], weight: 1.5 },
    { key: 'report', role: 'check', title: 'Báo cáo CCHC', titleEn: 'Reform report', header: ['co bao cao cchc', 'bao cao cchc', 'bao cao quy', 'bao cao'], weight: 1.5 },
    noteColumn,
  ],
  identities: [],
  rates: [],
  bounds: [],
  hierarchy: 'checklist',
};
