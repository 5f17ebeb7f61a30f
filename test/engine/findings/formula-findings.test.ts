/** Formulas said as formulas: the cure for a wrong total that is a formula is never to type over it. */
import { checkSheet } from '../../../src/engine/check';
import { summedCells } from '../../../src/engine/findings/formula-findings';
import { CellSnapshot } from '../../../src/engine/read/snapshot';
import { GridCell, L4_HEADER, l4Row, sheetOf } from '../../fixtures/grid';

const UNITS = [l4Row('1', 'Xã A', 120, 30, 80, 5), l4Row('2', 'Xã B', 95, 20, 60, 10), l4Row('3', 'Xã C', 40, 10, 25, 0)];
/** The total row (row 6) with its received count as a formula (the units are rows 3–5), holding `cached`. */
function withTotal(formula: string, cached: number): GridCell[][] {
  const total = l4Row('', 'Tổng cộng', 255, 60, 165, 15);
  total[2] = { value: cached, formula } as CellSnapshot;
  return [...L4_HEADER, ...UNITS, total];
}
const errors = (rows: GridCell[][]) =>
  checkSheet(sheetOf(rows))
    .tables.flatMap((t) => t.findings)
    .filter((f) => f.severity === 'error');

test('the cells a sum formula adds up', () => {
  expect(summedCells('SUM(C4:C6)')).toEqual([{ row: 3, col: 2 }, { row: 4, col: 2 }, { row: 5, col: 2 }]);
  expect(summedCells('=$C$4+C6')).toEqual([{ row: 3, col: 2 }, { row: 5, col: 2 }]);
  expect(summedCells('SUM(C4,C6)')).toEqual([{ row: 3, col: 2 }, { row: 5, col: 2 }]);
  expect(summedCells('AVERAGE(C4:C6)')).toBeUndefined();
});

test('a total whose saved result disagrees with its own formula: recompute in Excel, never type over it', () => {
  const found = errors(withTotal('SUM(C3:C5)', 245));
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ cell: 'C6', rule: 'formula-not-recomputed', expected: 255 });
  expect(found[0].message).toContain('Công thức =SUM(C3:C5) cho 255, ô đang hiện 245');
  expect(found[0].message).toContain('Ctrl+Alt+F9');
  expect(found[0].message).not.toContain('gõ nhầm một phím');
  expect(found[0].messageEn).toContain('The formula =SUM(C3:C5) gives 255 but the cell shows 245');
});

test('a SUM whose range leaves out a row names the range and the row', () => {
  const found = errors(withTotal('SUM(C3:C4)', 215));
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ cell: 'C6', rule: 'formula-range', expected: 255 });
  expect(found[0].message).toContain('Công thức =SUM(C3:C4) bỏ sót dòng 5 "Xã C"');
  expect(found[0].messageEn).toContain('leaves out row 5 "Xã C"');
});

test('a total typed by hand among totals that are formulas is said to have replaced one', () => {
  const group = (stt: string, name: string, formula: string, units: GridCell[][]) => {
    const sum = (c: number) => units.reduce((s, r) => s + (r[c] as number), 0);
    const row = l4Row(stt, name, sum(2), sum(5), sum(7), sum(9));
    row[2] = { value: sum(2), formula } as CellSnapshot;
    return row;
  };
  const first = [l4Row('1', 'Xã A', 120, 30, 80, 5), l4Row('2', 'Xã B', 95, 20, 60, 10)];
  const second = [l4Row('1', 'Xã C', 40, 10, 25, 0), l4Row('2', 'Xã D', 70, 20, 40, 5)];
  const rows = [...L4_HEADER, group('I', 'Huyện Một', 'SUM(C4:C5)', first), ...first, group('II', 'Huyện Hai', 'SUM(C7:C8)', second), ...second];
  rows[5][2] = 101; // the second group's received: a number typed over its formula, and wrong
  const found = errors(rows);
  expect(found.map((f) => f.cell)).toEqual(['C6']);
  expect(found[0].message).toContain('Ô này là số gõ tay trong khi 1 ô tổng khác của cột là công thức');
  expect(found[0].messageEn).toContain('while 1 other total of the column is a formula');
});
