/**
 * Identities and rate definitions confirmed by each table's own numbers: a table whose on-time rate
 * is over dossiers received, or whose "received" counts returned dossiers without a column of
 * their own, checks clean with one notice saying so; a typo in such a table is still found.
 */
import { checkSheet } from '../../src/engine/check';
import { Finding } from '../../src/engine/finding';
import { SheetReport } from '../../src/engine/report';
import { L4_HEADER, l4Row, sheetOf } from '../fixtures/grid';
import { injectTypo, present, Presentation, proposedFor, random } from '../fixtures/presentations';
import { snapshotOfSpec } from '../fixtures/spec-snapshot';

const how = (definitions: Presentation['definitions']): Presentation => ({
  numbering: 'in-name',
  groupFigures: 'heading',
  headings: false,
  bold: true,
  total: 'bottom',
  totalLabel: 'TỔNG',
  textNumbers: false,
  definitions,
});
const shape = { levels: 2 as const, units: 40, seed: 12 };
const flagged = (report: SheetReport): Finding[] => report.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');

test('an on-time rate over dossiers received checks clean, and the notice names the definition it follows', () => {
  const report = checkSheet(snapshotOfSpec(present(shape, how('on-time-over-received')).spec));
  expect(flagged(report)).toEqual([]);
  const notices = report.tables[0].notices;
  expect(notices.map((n) => n.code)).toEqual(['rate-definition']);
  expect(notices[0].message).toMatch(/^Cột Tỉ lệ đúng hạn được tính bằng HS đúng hạn \/ \(Hồ sơ nhận\) \(khớp \d+\/\d+ dòng\)/);
  expect(notices[0].messageEn).toContain('On-time rate is computed as On time / (Received)');
});

test('a table without a column for returned dossiers checks clean, with one notice naming the identity and the share of rows', () => {
  const report = checkSheet(snapshotOfSpec(present(shape, how('returned-missing')).spec));
  expect(flagged(report)).toEqual([]);
  const notices = report.tables[0].notices;
  expect(notices.map((n) => n.code)).toEqual(['identity-not-followed']);
  expect(notices[0].message).toMatch(/^Hồ sơ nhận = HS đã giải quyết \+ HS chưa giải quyết không đúng ở \d+\/\d+ dòng/);
});

test.each(['on-time-over-received', 'returned-missing'] as const)('in a table with %s, a typo is still found at its cell', (definitions) => {
  for (const pick of [0.1, 0.35, 0.6, 0.85]) {
    const table = present(shape, how(definitions));
    const typo = injectTypo(table, pick, random(pick * 1000), false)!;
    const found = flagged(checkSheet(snapshotOfSpec(table.spec)));
    expect(found).toHaveLength(1);
    expect(proposedFor(found, typo)).toBeCloseTo(typo.expected, 2);
  }
});

test('a rate column that follows no definition in most rows is said once and not checked', () => {
  const rows = [
    l4Row('1', 'Xã A', 40, 20, 8, 2),
    l4Row('2', 'Xã B', 16, 9, 2, 1),
    l4Row('3', 'Xã C', 30, 10, 10, 5),
    l4Row('4', 'Xã D', 25, 5, 15, 1),
  ];
  // The late rate column holds something else altogether (a score out of 100).
  rows.forEach((r, i) => (r[10] = { value: [0.61, 0.72, 0.55, 0.8][i], numberFormat: '0.00%' }));
  const report = checkSheet(sheetOf([...L4_HEADER, ...rows]));
  expect(flagged(report)).toEqual([]);
  expect(report.tables[0].notices.map((n) => n.code)).toEqual(['rate-not-confirmed']);
  expect(report.tables[0].notices[0].message).toContain('Tỉ lệ trễ hạn');
});
