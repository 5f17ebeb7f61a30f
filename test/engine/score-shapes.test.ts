/**
 * Score and index tables (test/fixtures/score-tables.ts): clean ones are never flagged, each
 * planted error is found at its cell with its right value, and recomputing a clean table changes
 * no value, nor does a correction change one no finding names. The README's table per shape is the
 * one this test measures.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkSheet } from '../../src/engine/check';
import { planSheet } from '../../src/engine/output/edit-plan';
import { errorKindsOf, plantError, SCORE_SHAPES, scorePrecision, scoreRecall, scoreScoreShape, scoreTable } from '../fixtures/score-tables';

const TABLES = 60;
const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const flagged = (sheet: Parameters<typeof checkSheet>[0]) => checkSheet(sheet).tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
const percent = (v: number) => `${(100 * v).toFixed(1)} %`;

describe.each(SCORE_SHAPES)('%s', (shape) => {
  const score = scoreScoreShape(shape, TABLES, flagged);

  test('read as a score table, and nothing is flagged on a consistent one', () => {
    expect(checkSheet(scoreTable(shape, 48).sheet).tables.map((t) => t.layout)).toEqual(['SC']);
    expect(score.falseOnClean).toBe(0);
  });

  test('precision stays at 98 % or more, recall at 95 % or more', () => {
    expect(scorePrecision(score)).toBeGreaterThanOrEqual(0.98);
    expect(scoreRecall(score)).toBeGreaterThanOrEqual(0.95);
  });

  test('the README gives the figures measured here', () => {
    expect(README).toContain(`| ${shape} | ${score.tables} | ${score.falseOnClean} | ${score.errors} | ${score.found} | ${percent(scorePrecision(score))} | ${percent(scoreRecall(score))} |`);
  });

  test('every figure of a consistent table is checked, and recomputing it changes no value', () => {
    for (let i = 1; i <= 10; i++) {
      const sheet = scoreTable(shape, i * 37 + 11).sheet;
      const report = checkSheet(sheet);
      expect(report.unchecked).toEqual([]);
      const plan = planSheet(sheet, report, { applySuggestions: true, values: false });
      expect(plan.edits.filter((e) => e.changesValue)).toEqual([]);
    }
  });

  test('a correction changes the cells the findings name and no other', () => {
    const kinds = errorKindsOf(shape);
    for (let i = 1; i <= 12; i++) {
      const table = scoreTable(shape, i * 41 + 3);
      plantError(table, kinds[i % kinds.length], i);
      const report = checkSheet(table.sheet);
      const named = new Set(report.tables.flatMap((t) => t.findings).flatMap((f) => [f.cell, ...(f.carried ?? []).map((c) => c.cell)]));
      const changed = planSheet(table.sheet, report, { applySuggestions: true, values: false }).edits.filter((e) => e.changesValue);
      expect(changed.filter((e) => !named.has(e.cell)).map((e) => e.cell)).toEqual([]);
    }
  });
});

describe('over any seed (fast-check)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');
  const shapes = fc.constantFrom(...SCORE_SHAPES);
  const seeds = fc.integer({ min: 1, max: 2 ** 30 });

  test('a consistent score table of any shape is read as one and nothing in it is flagged', () => {
    fc.assert(
      fc.property(shapes, seeds, (shape, seed) => {
        const report = checkSheet(scoreTable(shape, seed).sheet);
        return report.tables.length === 1 && report.tables[0].layout === 'SC' && flagged(scoreTable(shape, seed).sheet).length === 0;
      }),
      { numRuns: 150 },
    );
  });

  test('a correction never changes a cell no finding names; planted errors are named at their cells (98 % or more of any 300)', () => {
    const cases = fc.sample(fc.tuple(shapes, seeds, seeds), 300);
    let planted = 0;
    let named = 0;
    for (const [shape, seed, plant] of cases) {
      const table = scoreTable(shape, seed);
      const kinds = errorKindsOf(shape);
      const error = plantError(table, kinds[plant % kinds.length], plant);
      if (!error) continue;
      const report = checkSheet(table.sheet);
      const findings = report.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
      const cells = new Set(findings.flatMap((f) => [f.cell, ...(f.carried ?? []).map((c) => c.cell), ...(f.candidates ?? []).map((c) => c.cell)]));
      const changed = planSheet(table.sheet, report, { applySuggestions: true, values: false }).edits.filter((e) => e.changesValue && !cells.has(e.cell));
      expect({ shape, seed, plant, changed: changed.map((e) => e.cell) }).toEqual({ shape, seed, plant, changed: [] });
      planted++;
      if (cells.has(error.address)) named++;
    }
    expect(named / planted).toBeGreaterThanOrEqual(0.98);
  });
});

test('a score table whose numbers prove nothing is reported as not checked, never as correct', () => {
  // Criteria with no total, no maximum, no index, no rank: nothing relates one figure to another.
  const rows = [
    ['Đơn vị', 'Tiêu chí 1', 'Tiêu chí 2', 'Tiêu chí 3'],
    ['Sở A', '8,25', '7,50', '9,00'],
    ['Sở B', '6,75', '8,00', '7,25'],
    ['Sở C', '9,50', '6,25', '8,75'],
    ['Sở D', '7,00', '9,25', '6,50'],
  ];
  const report = checkSheet({ name: 'Chỉ số', cells: rows.map((r) => r.map((value) => ({ value }))) });
  expect(report.tables.map((t) => t.layout)).toEqual(['SC']);
  expect(report.unchecked).toEqual([expect.objectContaining({ range: 'B2:D5', reason: 'no-relation' })]);
  expect(report.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info')).toEqual([]);
});

test('a table of counts is passed over by the score reader at a glance: its first rows show no sign of scores', () => {
  // 2,000 rows of whole counts under unknown headers: read as L0, never as scores.
  const rows = [['Đơn vị', 'Alpha', 'Beta', 'Gamma', 'Cộng']];
  for (let i = 0; i < 2000; i++) rows.push([`Xã ${i}`, String((i * 7) % 97), String((i * 13) % 89), String((i * 17) % 83), String(((i * 7) % 97) + ((i * 13) % 89) + ((i * 17) % 83))]);
  const report = checkSheet({ name: 'S', cells: rows.map((r, i) => r.map((v, c) => ({ value: i > 0 && c > 0 ? Number(v) : v }))) });
  expect(report.tables.map((t) => t.layout)).toEqual(['L0']);
});
