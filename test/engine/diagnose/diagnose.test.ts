/**
 * Which cell a broken relation blames: the count a keystroke away inside the run of counts a
 * rounded rate fits, a correction every smallest explanation shares said alone, and a rate that
 * reads the same after a correction not counted as changed.
 */
import { checkSheet } from '../../../src/engine/check';
import { Finding } from '../../../src/engine/findings/finding';
import { GridCell, sheetOf } from '../../fixtures/grid';

const HEADER: GridCell[] = ['Cơ quan, đơn vị', 'Số tiếp nhận', 'Số đã xử lý', 'Tỉ lệ xử lý (%)'];
const rate = (num: number, den: number) => (Math.round((1000 * num) / den) / 10).toFixed(1).replace('.', ',');
const unit = (name: string, den: number, num: number): GridCell[] => [name, den, num, rate(num, den)];
const UNITS: [string, number, number][] = [
  ['Xã Bắc Sơn', 3755, 3330],
  ['Xã Tây Hòa', 1200, 868],
  ['Xã Nam Lộc', 1481, 1481],
  ['Xã Đồng Xuân', 1382, 1323],
  ['Xã Phú Mỹ', 4118, 3641],
  ['Xã Hòa Lạc', 4580, 4012],
  ['Xã Vân Canh', 4085, 2822],
  ['Xã Tuy An', 3742, 1904],
];

const errors = (rows: GridCell[][]): Finding[] =>
  checkSheet(sheetOf([HEADER, ...rows], 'A4'))
    .tables.flatMap((t) => t.findings)
    .filter((f) => f.severity === 'error');
const named = (f: Finding) => [f.cell, ...(f.candidates ?? []).map((c) => c.cell)];

test('a dropped digit in a count is offered where its rate, shown to one decimal, fits a run of counts', () => {
  const rows = UNITS.map(([name, den, num]) => unit(name, den, num));
  rows[0][2] = 330; // 3.330 typed 330; 88,7 % fits 3.329 to 3.332, and 3.330 is the one keystroke away
  const found = errors(rows);
  expect(found).toHaveLength(1);
  const offered = [{ cell: found[0].cell, expected: found[0].expected }, ...(found[0].candidates ?? [])];
  expect(offered).toContainEqual({ cell: 'C5', expected: 3330 });
});

test('a correction every explanation makes is said as certain; the cells left to choose among are listed', () => {
  const withTotal = [...UNITS.map(([name, den, num]) => unit(name, den, num))];
  const sum = (k: 1 | 2) => UNITS.reduce((s, u) => s + u[k], 0);
  withTotal.push(['Tổng cộng', sum(1), sum(2), rate(sum(2), sum(1))]);
  withTotal[4][3] = '78,4'; // 88,4 typed 78,4
  withTotal[6][1] = 4086; // one more than the true 4.085: the rates shown to one decimal do not tell
  const found = errors(withTotal);
  const certain = found.find((f) => f.cell === 'D9');
  expect(certain).toMatchObject({ expected: 88.4 });
  expect(certain?.candidates).toBeUndefined();
  const choice = found.find((f) => f.candidates?.length);
  expect(choice && named(choice)).toContain('B11');
  // No finding names a cell as certainly wrong when it is only one of the choices.
  expect(found.filter((f) => !f.candidates && f.cell.startsWith('B'))).toEqual([]);
});
