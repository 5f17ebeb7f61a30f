/** Bands a sheet states for its classes, in the words decisions use, or a preset whose words the column uses. */
import { classOfFigure, statedBands } from '../../../src/engine/findings/class-bands';
import { sheetOf } from '../../fixtures/grid';

const words = ['xuat sac', 'tot', 'kha', 'trung binh', 'yeu'];

test('a note over one row, in the usual Vietnamese wording, gives each class its lowest figure', () => {
  const sheet = sheetOf([['Ghi chú:', 'Xuất sắc: từ 90 điểm trở lên; Tốt: từ 80 đến dưới 90 điểm;', 'Khá: từ 70 đến dưới 80 điểm; Trung bình: từ 50 đến dưới 70 điểm; Yếu: dưới 50 điểm.']]);
  const stated = statedBands(sheet, words)!;
  expect(stated.source.kind).toBe('note');
  expect(stated.bands.map((b) => [b.word, b.min])).toEqual([
    ['xuat sac', 90],
    ['tot', 80],
    ['kha', 70],
    ['trung binh', 50],
    ['yeu', -Infinity],
  ]);
  expect([95, 90, 89.99, 80, 70, 69.5, 50, 49.99, 0].map((v) => classOfFigure(stated.bands, v))).toEqual(['xuat sac', 'xuat sac', 'tot', 'tot', 'kha', 'trung binh', 'trung binh', 'yeu', 'yeu']);
});

test('signs and "trên" (strictly above) are read too', () => {
  const stated = statedBands(sheetOf([['Tốt ≥ 80; Khá >= 65; Trung bình trên 50; Yếu < 50']]), ['tot', 'kha', 'trung binh', 'yeu'])!;
  expect(stated.bands.map((b) => [b.word, b.min, b.inclusive])).toEqual([
    ['tot', 80, true],
    ['kha', 65, true],
    ['trung binh', 50, false],
    ['yeu', -Infinity, true],
  ]);
  expect(classOfFigure(stated.bands, 50)).toBe('yeu');
});

test('a note that leaves a class without a figure is no statement of bands; a preset with the same words is', () => {
  const sheet = sheetOf([['Xếp loại: Tốt, Khá, Trung bình, Yếu theo kết quả 12 tháng.']]);
  const stated = statedBands(sheet, ['tot', 'kha', 'trung binh', 'yeu']);
  expect(stated?.source).toEqual({ kind: 'preset', name: expect.stringContaining('Khánh Hòa') });
  expect(statedBands(sheet, ['xuat sac', 'tot'])).toBeUndefined();
});

test('a note names every class, also one no unit has: its label is kept for the message', () => {
  const sheet = sheetOf([['Xuất sắc: từ 90 điểm trở lên; Tốt: từ 80 đến dưới 90 điểm; Khá: dưới 80 điểm.']]);
  const stated = statedBands(sheet, ['tot', 'kha'])!;
  expect(stated.bands.map((b) => [b.label, b.min])).toEqual([
    ['Xuất sắc', 90],
    ['Tốt', 80],
    ['Khá', -Infinity],
  ]);
  expect(classOfFigure(stated.bands, 92)).toBe('xuat sac');
});

test('"tốt" inside "rất tốt" is not read as its own class', () => {
  const stated = statedBands(sheetOf([['Rất tốt: từ 70 trở lên; Tốt: từ 60 đến dưới 70; Khá: dưới 60']]), ['rat tot', 'tot', 'kha'])!;
  expect(stated.bands.map((b) => [b.word, b.min])).toEqual([
    ['rat tot', 70],
    ['tot', 60],
    ['kha', -Infinity],
  ]);
});
