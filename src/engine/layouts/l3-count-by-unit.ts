import { LayoutDeclaration } from './types';
import { count, sttColumn, unitNameColumn } from './common';

/** L3: one or more counts per unit, sections with "Cộng" subtotals and a grand total. */
export const countByUnit: LayoutDeclaration = {
  id: 'L3',
  name: 'Số lượng theo đơn vị, có dòng cộng',
  nameEn: 'Count by unit with subtotals',
  columns: [
    sttColumn,
    unitNameColumn,
    count('online', 'Số hồ sơ trực tuyến', 'Online dossiers', [
      'so ho so truc tuyen muc do 3 tro len',
      'so ho so truc tuyen muc do 3',
      'so ho so truc tuyen',
      'ho so truc tuyen muc do 3 4',
    ], undefined, 2),
  ],
  identities: [],
  rates: [],
  bounds: [],
  hierarchy: 'sum',
  measures: [{ id: 'online', title: 'Số hồ sơ trực tuyến', titleEn: 'Online dossiers', numerator: ['online'], better: 'higher' }],
};
