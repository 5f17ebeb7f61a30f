/**
 * A table continued on the next sheet: its total row adds up the units of both sheets, is checked
 * so, and a total that does not add up is found at its cell; a unit's typo on the first sheet is
 * named there, with its sheet.
 */
import { checkWorkbook } from '../../../src/engine/check';
import { cellAddress } from '../../../src/engine/read/address';
import { gridTable } from '../../fixtures/grid-shapes';

const SEED = 38;

test('the total of the second sheet is checked against both sheets\' units: no finding on a consistent table, nothing left unchecked', () => {
  const table = gridTable('next-sheet', SEED);
  const report = checkWorkbook(table.sheets);
  const second = report.sheets[1].tables[0];
  expect(second.notices.map((n) => n.code)).toContain('continued-table');
  expect(second.notices.map((n) => n.code)).not.toContain('unconfirmed-grouping');
  expect(report.sheets.flatMap((s) => s.tables.flatMap((t) => t.findings)).filter((f) => f.severity !== 'info')).toEqual([]);
  expect(report.sheets.flatMap((s) => s.unchecked)).toEqual([]);
  // Alone, the second sheet's total adds up nothing it holds: its grouping is not confirmed.
  expect(checkWorkbook([table.sheets[1]]).sheets[0].tables[0].notices.map((n) => n.code)).toContain('unconfirmed-grouping');
});

test('a total that is not the sum of both sheets\' units is found at its cell, with the sum', () => {
  const table = gridTable('next-sheet', SEED);
  const totals = table.figures.filter((f) => f.sheet && !f.unit && f.kind === 'count');
  const cell = totals[0];
  table.sheets[1].cells[cell.row][cell.col] = { value: cell.value + 100 };
  const found = checkWorkbook(table.sheets).sheets[1].tables[0].findings.filter((f) => f.severity === 'error');
  expect(found.map((f) => [f.cell, f.expected])).toEqual([[cellAddress(cell.row, cell.col), cell.value]]);
  expect(found[0].message).toContain('trên hai trang "Bảng" và "Bảng (tiếp)"');
});
