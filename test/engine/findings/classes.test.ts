/** Class columns: each word a band of one of the table's figures, learned from the table itself. */
import { checkSheet } from '../../../src/engine/check';
import { sheetOf } from '../../fixtures/grid';

const band = (v: number) => (v >= 90 ? 'Tốt' : v >= 80 ? 'Khá' : v >= 65 ? 'Trung bình' : 'Yếu');
const RATES = [
  [120, 110],
  [95, 94],
  [40, 34],
  [60, 49],
  [70, 40],
  [90, 85],
  [50, 30],
  [80, 70],
  [64, 44],
  [33, 30],
  [150, 101],
  [48, 40],
];
function table(classOf: (v: number, i: number) => string): (string | number)[][] {
  return [
    ['STT', 'Đơn vị', 'Tiếp nhận', 'Đúng hạn', 'Tỉ lệ đúng hạn (%)', 'Xếp loại'],
    ...RATES.map(([a, b], i) => {
      const rate = Math.round((10000 * b) / a) / 100;
      return [i + 1, `Xã ${String.fromCharCode(65 + i)}`, a, b, rate.toFixed(2).replace('.', ','), classOf(rate, i)];
    }),
  ];
}
const errors = (rows: (string | number)[][]) =>
  checkSheet(sheetOf(rows))
    .tables.flatMap((t) => t.findings)
    .filter((f) => f.severity === 'error');

test('classes that follow the bands of a rate are not flagged', () => {
  expect(errors(table(band))).toEqual([]);
});

test('a class word inside another class\'s band is found at its cell, with that band', () => {
  // Xã F, 94,44 %: written "Khá" among units "Tốt" from 90,91 % to 98,95 %.
  const found = errors(table((v, i) => (i === 5 ? 'Khá' : band(v))));
  expect(found.map((f) => [f.cell, f.rule])).toEqual([['F7', 'class-mismatch']]);
  expect(found[0].message).toBe('Xếp loại của "Xã F" ghi "Khá", nhưng Tỉ lệ đúng hạn (%) 94,44% nằm trong khoảng của "Tốt" (90,91% – 98,95% ở các đơn vị khác).');
});

test('a class on the edge between two bands cannot be told wrong and is left alone', () => {
  // Xã C, 85 %, "Tốt" below Xã H, 87,5 %, "Khá": either could be the wrong one, and the numbers cannot say which.
  expect(errors(table((v, i) => (i === 2 ? 'Tốt' : band(v))))).toEqual([]);
});
