import { CellTable } from '../../../src/engine/read/cell-table';
import { ColumnDeclaration } from '../../../src/engine/layouts';
import { parseCount, parseRate } from '../../../src/engine/read/numbers';
import { keyOf } from '../../../src/engine/relations/relations';
import { SheetSnapshot } from '../../../src/engine/read/snapshot';

const received: ColumnDeclaration = { key: 'received', role: 'count', title: 'Tổng số', titleEn: 'Received', header: [], weight: 1 };
const onTime: ColumnDeclaration = { key: 'onTimeRate', role: 'rate', title: 'Tỉ lệ đúng hạn', titleEn: 'On-time rate', header: [], weight: 1 };

function sheet(cells: SheetSnapshot['cells']): SheetSnapshot {
  return { name: 'Sheet1', cells };
}

describe('CellTable', () => {
  const grid = sheet([
    [{ value: 120, numberFormat: '#,##0' }, { value: 0.875, numberFormat: '0.00%' }],
    [{ value: '1.234' }, { value: '-' }],
    [undefined, { value: 'không có' }],
  ]);
  const table = new CellTable(grid, 1);
  table.addPlainCount(keyOf(0, 0), received, 120);
  table.add(keyOf(0, 1), onTime, 'rate', parseRate(grid.cells[0][1]));
  table.add(keyOf(1, 0), received, 'count', parseCount(grid.cells[1][0]));
  table.add(keyOf(1, 1), onTime, 'rate', parseRate(grid.cells[1][1]));
  table.add(keyOf(2, 0), received, 'count', parseCount(undefined));
  table.add(keyOf(2, 1), onTime, 'rate', parseRate(grid.cells[2][1]));

  test('finds each cell by key, past the capacity it was given', () => {
    expect(table.size).toBe(6);
    expect(table.indexOf(keyOf(1, 1))).toBe(3);
    expect(table.indexOf(keyOf(5, 5))).toBe(-1);
    expect(table.value(keyOf(1, 0))).toBe(1234);
    expect(table.value(keyOf(0, 1))).toBeCloseTo(87.5);
    expect([0, 1, 2, 3, 4, 5].map((i) => table.statusAt(i))).toEqual(['number', 'number', 'number', 'dash', 'blank', 'invalid']);
    expect([0, 1].map((i) => table.isRateAt(i))).toEqual([false, true]);
  });

  test('a plain count keeps no reading, and reads again the same as it was first read', () => {
    expect(table.unusual()).toEqual([1, 2, 3, 4, 5]);
    expect(table.decimalsAt(0)).toBeUndefined();
    const info = table.get(keyOf(0, 0))!;
    expect(info).toMatchObject({ row: 0, col: 0, column: received, kind: 'count' });
    expect(info.parsed).toMatchObject({ status: 'number', value: 120, isText: false, raw: '120' });
    expect(info.parsed.issue).toBeUndefined();
  });

  test('the other cells keep what their reading says', () => {
    expect(table.get(keyOf(0, 1))!.parsed).toMatchObject({ explicitPercent: true, decimals: 2, raw: '87.50%' });
    expect(table.get(keyOf(1, 0))!.parsed).toMatchObject({ isText: true, raw: '1.234' });
    expect(table.columns()).toEqual([0, 1]);
  });

  test('a revised reading replaces value and status, and the cell stays a rate', () => {
    const copy = new CellTable(grid);
    copy.add(keyOf(2, 1), onTime, 'rate', parseRate(grid.cells[2][1]));
    copy.revise(keyOf(2, 1), { status: 'number', value: 42, isText: false, raw: '0.42', decimals: 2 });
    expect(copy.value(keyOf(2, 1))).toBe(42);
    expect(copy.statusAt(0)).toBe('number');
    expect(copy.isRateAt(0)).toBe(true);
    expect(copy.decimalsAt(0)).toBe(2);
  });

  test('a rate under a percent format keeps no reading, and reads again as parseRate reads it', () => {
    const rates = new CellTable(grid);
    rates.addPlainRate(keyOf(0, 1), onTime, 87.5, 2);
    rates.addPlainRate(keyOf(1, 1), onTime, 12.25, 45);
    expect(rates.unusual()).toEqual([]);
    expect(rates.isRateAt(0)).toBe(true);
    expect(rates.statusAt(0)).toBe('number');
    expect(rates.valueAt(0)).toBe(87.5);
    expect(rates.decimalsAt(0)).toBe(2);
    // Decimals beyond what the status byte keeps are kept as the most it can say.
    expect(rates.decimalsAt(1)).toBe(14);
    expect(rates.asFractionAt(0)).toBeUndefined();
    expect(rates.parsedAt(0)).toEqual(parseRate(grid.cells[0][1]));
    expect(rates.get(keyOf(0, 1))).toMatchObject({ kind: 'rate', column: onTime, parsed: { explicitPercent: true, decimals: 2, raw: '87.50%' } });
  });

  test('keys of rows beyond 131,072 (past 32-bit integers) are kept exactly', () => {
    const tall = new CellTable(undefined, 2);
    tall.addPlainCount(keyOf(200_000, 3), received, 7);
    tall.addPlainCount(keyOf(200_001, 3), received, 8);
    expect(tall.keyAt(1)).toBe(keyOf(200_001, 3));
    expect(tall.value(keyOf(200_001, 3))).toBe(8);
  });
});
