import fc from 'fast-check';
import { PositionGrid } from '../../../src/engine/read/position-grid';

describe('PositionGrid', () => {
  test('gives back what was set at each cell, in any order, and -1 everywhere else', () => {
    const cell = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 40 }));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), fc.array(cell, { maxLength: 50 }), (written, probes) => {
        const grid = new PositionGrid();
        const expected = new Map<string, number>();
        written.forEach(([row, col], i) => {
          grid.set(row, col, i);
          expected.set(`${row},${col}`, i);
        });
        for (const [row, col] of [...written, ...probes]) expect(grid.get(row, col)).toBe(expected.get(`${row},${col}`) ?? -1);
      }),
    );
  });

  test('rows far below a sheet of a million rows are kept', () => {
    const grid = new PositionGrid();
    grid.set(1_048_575, 3, 9);
    grid.set(1_048_570, 2, 8);
    expect(grid.get(1_048_575, 3)).toBe(9);
    expect(grid.get(1_048_570, 2)).toBe(8);
    expect(grid.get(0, 0)).toBe(-1);
  });
});

test('figures far apart and far down are kept without a rectangle the size of the sheet', () => {
  const grid = new PositionGrid();
  for (let row = 0; row < 5000; row++) {
    grid.set(row, 0, 2 * row);
    grid.set(row, 16_383, 2 * row + 1);
  }
  expect(grid.get(4999, 16_383)).toBe(9999);
  expect(grid.get(17, 0)).toBe(34);
  expect(grid.get(17, 5)).toBe(-1);
});
