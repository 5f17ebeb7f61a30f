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

const findings = (rows: (string | number)[][]) => checkSheet(sheetOf(rows)).tables.flatMap((t) => t.findings);

test('on the edge, a preset whose words the column uses gives a warning naming it, not an error', () => {
  const found = findings(table((v, i) => (i === 2 ? 'Tốt' : band(v)))).filter((f) => f.rule === 'class-mismatch');
  expect(found.map((f) => [f.cell, f.severity])).toEqual([['F4', 'warning']]);
  expect(found[0].message).toContain('theo khung Khánh Hòa');
  expect(found[0].message).toContain('là "Khá"');
});

test('bands the sheet states in a note decide the edge: an error, with the right class', () => {
  const rows = table((v, i) => (i === 2 ? 'Tốt' : band(v)));
  rows.push([], ['', 'Ghi chú: xếp loại Tốt từ 90% trở lên; Khá từ 80% đến dưới 90%; Trung bình từ 65% đến dưới 80%; Yếu dưới 65%.']);
  const found = errors(rows);
  expect(found.map((f) => [f.cell, f.rule])).toEqual([['F4', 'class-mismatch']]);
  expect(found[0].message).toBe('Xếp loại của "Xã C" ghi "Tốt", nhưng Tỉ lệ đúng hạn (%) 85% theo khung xếp loại ghi trong bảng là "Khá".');
});

test('a note whose bands most units do not follow decides nothing: the learned bands still do', () => {
  const rows = table(band);
  rows.push([], ['', 'Ghi chú: xếp loại Tốt từ 50% trở lên; Khá từ 40% đến dưới 50%; Trung bình từ 30% đến dưới 40%; Yếu dưới 30%.']);
  expect(errors(rows)).toEqual([]);
});
