/**
 * Generated appendices (L4, L5, L8; groups of a hundred units, a total row) with one-keystroke
 * typos at known cells: every typo is found at its cell with the value it should hold, and
 * nothing else is reported. The same on a 50,000-row file through `phuluc check`.
 */
import { run } from '../../src/cli/main';
import { JsonReport } from '../../src/cli/report-json';
import { checkSheet } from '../../src/engine/check';
import { generateAppendix, GeneratedLayout } from '../fixtures/generator';
import { snapshotOfSpec } from '../fixtures/spec-snapshot';
import { writeWorkbook } from '../fixtures/workbook-writer';

describe.each<GeneratedLayout>(['L4', 'L5', 'L8'])('a generated %s appendix of 3,000 rows with 12 typos', (layout) => {
  const generated = generateAppendix(layout, 3000, 12, 11);
  const report = checkSheet(snapshotOfSpec(generated.spec));

  test('is one table of that layout covering every row', () => {
    expect(report.tables.map((t) => t.layout)).toEqual([layout]);
    const body = report.tables[0].model.rows.filter((r) => r.kind !== 'header');
    expect(body).toHaveLength(generated.rows);
  });

  test('every typo is reported at its cell with its right value, and nothing else', () => {
    const errors = report.tables[0].findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => ({ cell: f.cell, expected: f.expected })).sort((a, b) => a.cell.localeCompare(b.cell))).toEqual(
      generated.typos.map((t) => ({ cell: t.cell, expected: t.expected })).sort((a, b) => a.cell.localeCompare(b.cell)),
    );
    expect(report.tables[0].findings).toHaveLength(generated.typos.length);
  });
});

test('without typos a generated appendix is consistent', () => {
  const generated = generateAppendix('L5', 2000, 0, 5);
  expect(checkSheet(snapshotOfSpec(generated.spec)).tables[0].findings).toEqual([]);
});

test('a sheet of 100,000 rows is checked without running out of stack', () => {
  const generated = generateAppendix('L8', 100000, 4, 3);
  const findings = checkSheet(snapshotOfSpec(generated.spec)).tables[0].findings;
  expect(findings.map((f) => f.cell).sort()).toEqual(generated.typos.map((t) => t.cell).sort());
});

// The size issue 6 names: the bench times it, this test holds it to every typo at its cell.
test('phuluc check finds every typo of a 50,000-row file at its cell', async () => {
  const generated = generateAppendix('L4', 50000, 8, 2);
  const file = await writeWorkbook([generated.spec]);
  let out = '';
  const code = await run(['check', file, '--json'], { out: (t) => (out += t), err: () => undefined });
  expect(code).toBe(1);
  const report = JSON.parse(out) as JsonReport;
  const findings = report.sheets[0].tables[0].findings;
  expect(findings.map((f) => `${f.cell}=${f.expected}`).sort()).toEqual(generated.typos.map((t) => `${t.cell}=${t.expected}`).sort());
}, 120000);
