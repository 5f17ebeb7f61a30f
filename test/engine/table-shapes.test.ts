/**
 * Tables in shapes no layout declares (test/fixtures/grid-shapes.ts): clean ones are never flagged,
 * and the typos planted in them are found at their cells with their values. The README's table of
 * figures per shape is the one this test measures, so it is complete and true.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkSheet } from '../../src/engine/check';
import { parseRangeAddress } from '../../src/engine/read/address';
import { gridTable, precisionOf, recallOf, scoreShape, SHAPE_KINDS } from '../fixtures/grid-shapes';

const TABLES = 100;
const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const flagged = (sheet: Parameters<typeof checkSheet>[0]) => checkSheet(sheet).tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
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
      for (const region of checkSheet(table.sheet).unchecked) {
        const r = parseRangeAddress(region.range);
        const inside = table.figures.filter((f) => f.row >= r.top && f.row <= r.bottom && f.col >= r.left && f.col <= r.right);
        expect([region.range, inside.length > 0]).toEqual([region.range, true]);
      }
    }
  });

  test('precision stays at 98 % or more', () => {
    expect(precisionOf(score)).toBeGreaterThanOrEqual(0.98);
  });
});
