/**
 * Tables in shapes no layout declares (test/fixtures/grid-shapes.ts): clean ones are never flagged,
 * and the typos planted in them are found at their cells with their values. The README's table of
 * figures per shape is the one this test measures, so it is complete and true.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/engine/check';
import { parseRangeAddress } from '../../src/engine/read/address';
import { gridTable, precisionOf, recallOf, scoreShape, SHAPE_KINDS } from '../fixtures/grid-shapes';

const TABLES = 100;
const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const flagged = (sheets: Parameters<typeof checkWorkbook>[0]) =>
  checkWorkbook(sheets).sheets.flatMap((s) => s.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info').map((f) => ({ ...f, sheet: s.sheet })));
const percent = (v: number) => `${(100 * v).toFixed(1)} %`;

describe.each(SHAPE_KINDS)('%s', (kind) => {
  const score = scoreShape(kind, TABLES, flagged);

  test('nothing is flagged on a consistent table', () => {
    expect(score.falseOnClean).toBe(0);
  });

  test('the README gives the figures measured here', () => {
    const row = `| ${kind} | ${score.tables} | ${score.falseOnClean} | ${score.typos} | ${score.found} | ${percent(precisionOf(score))} | ${percent(recallOf(score))} |`;
    expect(README).toContain(row);
  });

  test('a region reported as not checked holds figures of the table: never a date, a number of a document or a telephone', () => {
    for (let i = 1; i <= 20; i++) {
      const table = gridTable(kind, i * 31 + 7);
      for (const region of checkWorkbook(table.sheets).sheets.flatMap((s) => s.unchecked.map((u) => ({ ...u, sheet: s.sheet })))) {
        const r = parseRangeAddress(region.range);
        const inside = table.figures.filter((f) => (f.sheet ?? table.sheet.name) === region.sheet && f.row >= r.top && f.row <= r.bottom && f.col >= r.left && f.col <= r.right);
        expect([region.range, inside.length > 0]).toEqual([region.range, true]);
      }
    }
  });

  test('precision stays at 98 % or more', () => {
    expect(precisionOf(score)).toBeGreaterThanOrEqual(0.98);
  });
});
