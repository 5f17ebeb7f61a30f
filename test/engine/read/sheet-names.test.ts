import { backupName, existingBackup, isPhuLucSheet, sameSheetName, uniqueSheetName } from '../../../src/engine/read/sheet-names';

test('names respect Excel: 31 characters, no : \\ / ? * [ ], no collision', () => {
  expect(uniqueSheetName('Xếp hạng – Tỉ lệ đúng hạn', [])).toBe('Xếp hạng – Tỉ lệ đúng hạn');
  expect(uniqueSheetName('Xếp hạng – Tỉ lệ đúng hạn', ['xếp hạng – tỉ lệ đúng hạn'])).toBe('Xếp hạng – Tỉ lệ đúng hạn (2)');
  const long = uniqueSheetName('Xếp hạng – Tỉ lệ hồ sơ trực tuyến', []);
  expect(long.length).toBeLessThanOrEqual(31);
  expect(uniqueSheetName('Xếp hạng – Tỉ lệ hồ sơ trực tuyến', [long]).endsWith(' (2)')).toBe(true);
  expect(uniqueSheetName('Quý I/2017: [tổng]?', [])).toBe('Quý I-2017- -tổng--');
});

test('backup copies are named once and found again', () => {
  expect(backupName('PL VI', ['PL VI'])).toBe('PL VI (gốc)');
  expect(backupName('PL VI', ['PL VI', 'PL VI (gốc)'])).toBe('PL VI (gốc 2)');
  expect(existingBackup('PL VI', ['PL VI', 'PL VI (gốc)'])).toBe('PL VI (gốc)');
  expect(existingBackup('PL VII', ['PL VI (gốc)'])).toBeUndefined();
  expect(isPhuLucSheet('PL VI (gốc 2)')).toBe(true);
  expect(isPhuLucSheet('Nhật ký PhuLuc')).toBe(true);
  expect(isPhuLucSheet('PL VI')).toBe(false);
});

test('a long name is cut at a word, with "…"; names are the same to Excel whatever their letter case', () => {
  const name = uniqueSheetName('Xếp hạng – Dịch vụ công trực tuyến (22 điểm)', []);
  expect(name).toBe('Xếp hạng – Dịch vụ công trực…');
  expect(name.length).toBeLessThanOrEqual(31);
  expect(uniqueSheetName('Xếp hạng – Dịch vụ công trực tuyến (22 điểm)', [name])).toBe('Xếp hạng – Dịch vụ công… (2)');
  expect(sameSheetName('Chỉ số CCHC', 'chỉ số cchc')).toBe(true);
  expect(sameSheetName('Chỉ số CCHC', 'Chi so CCHC')).toBe(false);
});
