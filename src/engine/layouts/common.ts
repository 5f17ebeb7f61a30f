import { ColumnDeclaration } from './types';

/** Columns most layouts share. */
export const sttColumn: ColumnDeclaration = {
  key: 'stt',
  role: 'stt',
  title: 'STT',
  titleEn: 'No.',
  header: ['stt', 'tt', 'so thu tu', 'so tu to', 'thu tu'],
  weight: 0.5,
};

export const unitNameColumn: ColumnDeclaration = {
  key: 'name',
  role: 'label',
  title: 'Đơn vị',
  titleEn: 'Unit',
  header: [
    'ten don vi',
    'don vi',
    'co quan don vi',
    'co quan',
    'ten co quan',
    'co quan don vi dia phuong',
    'ubnd huyen thi xa thanh pho',
    'dia phuong',
  ],
  weight: 1,
};

export const noteColumn: ColumnDeclaration = {
  key: 'note',
  role: 'text',
  title: 'Ghi chú',
  titleEn: 'Note',
  header: ['ghi chu'],
  weight: 0.25,
};

/** A count column with its own header, optionally under a group header. */
export function count(key: string, title: string, titleEn: string, header: string[], group?: string[], weight = 1): ColumnDeclaration {
  return { key, role: 'count', title, titleEn, header, group, weight };
}

export function rate(key: string, title: string, titleEn: string, group: string[], header = ['ti le', 'ti le %'], weight = 0.75): ColumnDeclaration {
  return { key, role: 'rate', title, titleEn, header, group, weight };
}

export const QUANTITY = ['so luong', 'so luong hs', 'so luong ho so', 'sl'];
