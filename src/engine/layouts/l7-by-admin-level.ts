import { LayoutDeclaration } from './types';
import { count, noteColumn, sttColumn } from './common';

const BY_LEVEL = ['chia theo cap hanh chinh', 'theo cap hanh chinh'];

/** L7: counts per criterion, split by administrative level. */
export const countsByAdminLevel: LayoutDeclaration = {
  id: 'L7',
  name: 'Số lượng theo cấp hành chính',
  nameEn: 'Counts by administrative level',
  columns: [
    sttColumn,
    { key: 'criterion', role: 'label', title: 'Tiêu chí', titleEn: 'Criterion', header: ['tieu chi', 'noi dung'], weight: 1 },
    count('total', 'Tổng số', 'Total', ['tong so', 'tong cong'], undefined, 1),
    count('province', 'Cấp tỉnh', 'Province', ['cap tinh'], BY_LEVEL),
    count('district', 'Cấp huyện', 'District', ['cap huyen'], BY_LEVEL),
    count('commune', 'Cấp xã', 'Commune', ['cap xa'], BY_LEVEL),
    noteColumn,
  ],
  identities: [{ total: 'total', parts: ['province', 'district', 'commune'] }],
  rates: [],
  bounds: [],
  hierarchy: 'none',
};
