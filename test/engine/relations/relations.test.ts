/**
 * Reading a table's figures: rates under a percent format are kept flat, and still tell their
 * column apart from a column of fractions.
 */
import { checkSheet } from '../../../src/engine/check';
import { extractTables } from '../../../src/engine/tables/tables';
import { readCells } from '../../../src/engine/relations/relations';
import { parseRate } from '../../../src/engine/read/numbers';
import { CellSnapshot } from '../../../src/engine/read/snapshot';
import { GridCell, L4_HEADER, l4Row, sheetOf } from '../../fixtures/grid';

const rows = (): GridCell[][] => [
  ['1.', 'Sở Tư pháp', 120, 60, 20, 10],
  ['2.', 'Sở Xây dựng', 80, 30, 40, 2],
  ['3.', 'Sở Y tế', 64, 0, 50, 14],
].map(([stt, name, received, early, onTime, late]) => l4Row(stt as string, name as string, received as number, early as number, onTime as number, late as number));

/** The rate of resolved dossiers (column E) of the first unit, written as a plain fraction without a format. */
function withFraction(body: GridCell[][]): GridCell[][] {
  const first = [...body[0]];
  first[4] = { value: (first[4] as CellSnapshot).value };
  return [first, ...body.slice(1)];
}

test('every rate reads the same whether kept flat or as a full reading', () => {
  const sheet = sheetOf([...L4_HEADER, ...rows()]);
  const [table] = extractTables(sheet);
  const cells = readCells(sheet, table);
  let rates = 0;
  for (let i = 0; i < cells.size; i++) {
    if (!cells.isRateAt(i)) continue;
    rates++;
    const key = cells.keyAt(i);
    const cell = sheet.cells[Math.floor(key / 16384)][key % 16384];
    expect(cells.parsedAt(i)).toEqual(parseRate(cell));
    expect(cells.decimalsAt(i)).toBe(2);
  }
  expect(rates).toBe(15);
  expect(cells.unusual()).toEqual([]);
});

test('a lone fraction in a column of percentages is a fraction to report, not a reason to rescale the column', () => {
  const report = checkSheet(sheetOf([...L4_HEADER, ...withFraction(rows())]));
  const findings = report.tables[0].findings;
  expect(findings.map((f) => [f.cell, f.rule])).toEqual([['E3', 'rate-as-fraction']]);
  expect(findings[0].expected).toBe(75);
});

test('a column written wholly as fractions is read as percentages, with nothing to report', () => {
  const plain = rows().map((r) => r.map((c, j) => (j === 4 ? { value: (c as CellSnapshot).value } : c)));
  const report = checkSheet(sheetOf([...L4_HEADER, ...plain]));
  expect(report.tables[0].findings.filter((f) => f.severity !== 'info')).toEqual([]);
});
