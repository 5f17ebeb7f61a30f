/**
 * Which table a ranking or a summary is made from, the same rule for the pane and the command line.
 */
import { checkSheet } from '../../src/engine/check';
import { RankingError } from '../../src/engine/output/ranking';
import { rankSheet, summarySheets } from '../../src/usecases/add-sheets';
import { SEED_SHEETS, TEXT_SHEETS } from '../fixtures/seed-sheets';
import { snapshotOfSpec } from '../fixtures/spec-snapshot';

const report = (id: string) => checkSheet(snapshotOfSpec([...SEED_SHEETS, ...TEXT_SHEETS].find((s) => s.id === id)!.spec()));
const source = { sheet: 'PL', date: new Date(2026, 10, 23) };

test('a ranking is made from the table that declares the measure', () => {
  const ranked = rankSheet(report('000-07'), { measure: 'late' }, source, ['PL'])!;
  expect(ranked.draft.title).toBe('XẾP HẠNG – TỈ LỆ TRỄ HẠN');
  expect(ranked.range).toMatch(/^A\d+:[A-Z]+\d+$/);
  expect(ranked.ranking.groups.flatMap((g) => g.units).length).toBeGreaterThan(5);
});

test('a measure no table has is refused, naming the measures there are', () => {
  expect(() => rankSheet(report('000-07'), { measure: 'online' }, source, ['PL'])).toThrow(RankingError);
  try {
    rankSheet(report('000-07'), { measure: 'online' }, source, ['PL']);
  } catch (e) {
    expect((e as RankingError).messageEn).toContain('Available: ');
  }
});

test('summaries come from a task or checklist table, and from nothing else', () => {
  expect(summarySheets(report('000-01'), source, ['PL'])?.length).toBeGreaterThan(0);
  expect(summarySheets(report('000-02'), source, ['PL'])).toHaveLength(1);
  expect(summarySheets(report('000-07'), source, ['PL'])).toBeUndefined();
});
