/** Rank columns: told by their numbers, never summed, checked against the order they follow. */
import fc from 'fast-check';
import { checkSheet } from '../../../src/engine/check';
import { formsRanking, isRankColumn, ranksOf } from '../../../src/engine/tables/rank-columns';
import { sheetOf } from '../../fixtures/grid';

test('ranks of values, high or low first, ties as 1, 2, 2, 4 or 1, 2, 2, 3', () => {
  expect(ranksOf([90, 95, 95, 80], true, 'competition')).toEqual([3, 1, 1, 4]);
  expect(ranksOf([90, 95, 95, 80], true, 'dense')).toEqual([2, 1, 1, 3]);
  expect(ranksOf([90, 95, 95, 80], false, 'competition')).toEqual([2, 3, 3, 1]);
});

test('any ranks of any values form a ranking; other whole numbers mostly do not', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 30 }), fc.boolean(), fc.constantFrom<'competition' | 'dense'>('competition', 'dense'), (values, high, style) =>
      formsRanking(ranksOf(values, high, style)),
    ),
  );
  expect(formsRanking([2, 2, 3, 4])).toBe(false);
  expect(formsRanking([1, 1, 1])).toBe(true);
});

test('a rank column is told by its header, or by its form and a blank on the total row', () => {
  expect(isRankColumn([3, 1, 2, 4, undefined], 'Xếp hạng')).toBe(true);
  expect(isRankColumn([3, 2, 2, 4, undefined], 'Thứ hạng')).toBe(true);
  expect(isRankColumn([3, 1, 2, 4, 5, undefined], 'Chỉ số')).toBe(true);
  expect(isRankColumn([3, 1, 2, 4, 5, 15], 'Số cán bộ')).toBe(false);
  expect(isRankColumn([30, 12, 22, 45, undefined], 'Xếp hạng')).toBe(false);
});

const TABLE: (string | number)[][] = [
  ['STT', 'Đơn vị', 'Tiếp nhận', 'Đã giải quyết', 'Tỉ lệ (%)', 'Xếp hạng'],
  [1, 'Xã A', 120, 110, '91,67', 3],
  [2, 'Xã B', 95, 94, '98,95', 1],
  [3, 'Xã C', 40, 38, '95,00', 2],
  [4, 'Xã D', 60, 50, '83,33', 4],
  ['', 'Tổng cộng', 315, 292, '92,70', ''],
];

test('a rank column is never summed by the total row, and is checked against the rate it follows', () => {
  const report = checkSheet(sheetOf(TABLE));
  expect(report.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info')).toEqual([]);
  expect(report.unchecked).toEqual([]);
  const typo = TABLE.map((r) => [...r]);
  typo[2][5] = 2;
  const found = checkSheet(sheetOf(typo)).tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
  expect(found.map((f) => [f.cell, f.rule, f.expected])).toEqual([['F3', 'rank-mismatch', 1]]);
  expect(found[0].message).toBe('Xếp hạng của "Xã B" ghi 2, theo Tỉ lệ (%) (cao xếp trước) phải là 1.');
});

test('a typo in the figure ranked is not a wrong rank too', () => {
  const typo = TABLE.map((r) => [...r]);
  typo[3][3] = 28; // Xã C resolved 38 → 28: its rate and the total break, its rank follows the right figure
  const found = checkSheet(sheetOf(typo)).tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
  expect(found.map((f) => [f.cell, f.expected])).toEqual([['D4', 38]]);
});
