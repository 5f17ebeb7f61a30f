/** A unit listed twice in a group, or a row copied over another: warnings at the second row's name. */
import { checkSheet } from '../../../src/engine/check';
import { L4_HEADER, l4Row, sheetOf } from '../../fixtures/grid';

const warnings = (rows: ReturnType<typeof l4Row>[]) =>
  checkSheet(sheetOf([...L4_HEADER, ...rows]))
    .tables.flatMap((t) => t.findings)
    .filter((f) => f.severity === 'warning');

test('the same unit twice in one group, both counted in its sum, is said once at the second', () => {
  const found = warnings([l4Row('I', 'Huyện Một', 335, 80, 215, 15), l4Row('1', 'Xã A', 120, 30, 80, 5), l4Row('2', 'Xã B', 95, 20, 55, 5), l4Row('3', 'Xã A', 120, 30, 80, 5)]);
  expect(found.map((f) => [f.cell, f.rule])).toEqual([['B6', 'duplicate-unit']]);
  expect(found[0].message).toBe('"Xã A" có hai lần trong nhóm "Huyện Một" (dòng 4 và dòng 6): nếu cả hai được cộng vào tổng, đơn vị này bị tính hai lần.');
});

test('two units of one name in a list without groups are not a finding: two districts may each have one', () => {
  expect(warnings([l4Row('1', 'Xã Tân Lập', 120, 30, 80, 5), l4Row('2', 'Xã B', 95, 20, 55, 5), l4Row('3', 'Xã Tân Lập', 70, 10, 50, 3)])).toEqual([]);
});

test('a row whose figures are all those of another row is said to be copied', () => {
  const found = warnings([l4Row('1', 'Xã A', 1204, 310, 805, 51), l4Row('2', 'Xã B', 95, 20, 55, 5), l4Row('3', 'Xã C', 1204, 310, 805, 51)]);
  expect(found.map((f) => [f.cell, f.rule])).toEqual([['B5', 'identical-rows']]);
  expect(found[0].message).toContain('"Xã C" có số liệu giống hệt "Xã A" (dòng 3)');
});

test('rows alike in small figures are not taken for copies', () => {
  expect(warnings([l4Row('1', 'Xã A', 3, 1, 1, 0), l4Row('2', 'Xã B', 95, 20, 55, 5), l4Row('3', 'Xã C', 3, 1, 1, 0)])).toEqual([]);
});
