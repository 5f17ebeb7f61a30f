/**
 * Identities and rate definitions confirmed by each table's own numbers: a table whose on-time rate
 * is over dossiers received, or whose "received" counts returned dossiers without a column of
 * their own, checks clean with one notice saying so; a typo in such a table is still found.
 */
import { checkSheet } from '../../../src/engine/check';
import { Finding } from '../../../src/engine/findings/finding';
import { SheetReport } from '../../../src/engine/findings/report';
import { GridCell, L4_HEADER, l4Row, sheetOf } from '../../fixtures/grid';
import { injectTypo, present, Presentation, proposedFor, random } from '../../fixtures/presentations';
import { snapshotOfSpec } from '../../fixtures/spec-snapshot';

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

describe('a column no layout declares, and a relation no layout names', () => {
  // L4 with a "Hồ sơ trả lại" (returned) column: received = resolved + unresolved + returned.
  const header = [
    [...L4_HEADER[0], 'Hồ sơ trả lại'],
    [...L4_HEADER[1], ''],
  ];
  const unit = (stt: string, name: string, received: number, early: number, onTime: number, late: number, returned: number) => {
    const row = l4Row(stt, name, received - returned, early, onTime, late);
    const unresolved = Number(row[11]);
    const resolved = early + onTime + late;
    const pct = (n: number, d: number) => ({ value: d ? Math.round((10000 * n) / d) / 10000 : 0, numberFormat: '0.00%' });
    return [stt, name, received, resolved, pct(resolved, received), early, row[6], onTime, row[8], late, row[10], unresolved, pct(unresolved, received), returned];
  };
  const units = [
    ['1.1', 'Xã A1', 50, 20, 10, 2, 3],
    ['1.2', 'Xã A2', 42, 11, 9, 4, 2],
    ['1.3', 'Xã A3', 61, 30, 12, 1, 5],
    ['2.1', 'Xã B1', 33, 12, 8, 3, 1],
    ['2.2', 'Xã B2', 75, 40, 15, 6, 4],
    ['2.3', 'Xã B3', 28, 10, 6, 2, 2],
  ] as const;
  function table(change?: (rows: GridCell[][]) => void) {
    const body = units.map((u) => unit(u[0], u[1], u[2], u[3], u[4], u[5], u[6]));
    const sum = (rows: GridCell[][], name: string, stt: string) => {
      const counts = [2, 5, 7, 9, 13].map((c) => rows.reduce((s, r) => s + Number(r[c]), 0));
      return unit(stt, name, counts[0], counts[1], counts[2], counts[3], counts[4]);
    };
    const a = body.slice(0, 3);
    const b = body.slice(3);
    const rows = [sum(a, 'Huyện A', '1'), ...a, sum(b, 'Huyện B', '2'), ...b, sum(body, 'TỔNG', '')];
    change?.(rows);
    return checkSheet(sheetOf([...header, ...rows]));
  }

  test('a consistent table checks clean and says what it learned', () => {
    const report = table();
    expect(flagged(report)).toEqual([]);
    expect(report.tables[0].model.extraColumns.map((c) => [c.key, c.title])).toEqual([['col:N', 'Hồ sơ trả lại']]);
    const notices = report.tables[0].notices;
    expect(notices.map((n) => n.code)).toEqual(['identity-not-followed', 'identity-found']);
    expect(notices[1].message).toBe('Cột C = D + L + N ở 9/9 dòng (Hồ sơ nhận = HS đã giải quyết + HS chưa giải quyết + Hồ sơ trả lại): PhuLuc kiểm tra cả đẳng thức này.');
  });

  test('a typo in the column no layout declares is found at its cell', () => {
    const report = table((rows) => (rows[2][13] = 22)); // Xã A2 returned 2, typed 22
    expect(flagged(report).map((f) => [f.cell, f.expected])).toEqual([['N5', 2]]);
  });
});

describe('a typo does not decide which definition a rate follows', () => {
  /** An L4 row whose on-time rate is over dossiers received; the other rates as the layout declares them. */
  const overReceived = (stt: string, name: string, received: number, early: number, onTime: number, late: number): GridCell[] => {
    const row = l4Row(stt, name, received, early, onTime, late);
    row[8] = { value: received ? Math.round((10000 * onTime) / received) / 10000 : 0, numberFormat: '0.00%' };
    return row;
  };
  const findings = (rows: GridCell[][]) => {
    const report = checkSheet(sheetOf([...L4_HEADER, ...rows]));
    return { flagged: flagged(report).map((f) => [f.cell, f.rule, f.expected]), notices: report.tables[0].notices.map((n) => n.code) };
  };

  test('a typo in a count both definitions use (the total row’s on-time count) is found alone', () => {
    const units = [overReceived('1', 'Xã A', 163, 118, 0, 16), overReceived('2', 'Xã B', 1227, 1017, 191, 0)];
    const total = overReceived('', 'Tổng cộng', 1390, 1135, 191, 16);
    total[7] = 11; // on-time count of the total row, typed 11 for 191
    expect(findings([...units, total]).flagged).toEqual([['H5', 'value-mismatch', 191]]);
  });

  test('where the only row telling the definitions apart breaks an identity, that row still tells them apart', () => {
    const rows = [
      overReceived('1', 'Xã A', 3, 3, 0, 0),
      overReceived('2', 'Xã B', 307, 191, 98, 10),
      overReceived('3', 'Xã C', 390, 295, 90, 5),
      overReceived('4', 'Xã D', 223, 106, 101, 16),
      overReceived('5', 'Xã E', 1643, 1607, 0, 36),
      overReceived('6', 'Xã G', 19, 10, 0, 0),
      overReceived('7', 'Xã H', 594, 567, 0, 27),
    ];
    rows[1][3] = 298; // resolved dossiers of Xã B, typed 298 for 299
    expect(findings(rows).flagged).toEqual([['D4', 'value-mismatch', 299]]);
  });

  test('a row where an identity breaks does not make another definition the table’s when a typo there explains it', () => {
    const rows = [
      l4Row('1', 'Xã A', 30, 20, 8, 2),
      l4Row('2', 'Xã B', 16, 9, 0, 1),
      l4Row('3', 'Xã C', 25, 5, 15, 5),
      l4Row('4', 'Xã D', 1678, 1000, 600, 78),
    ];
    // Resolved dossiers of Xã D typed 1677 for 1678. Nothing is unresolved there, so On time /
    // Received holds in that row as On time / Resolved did: the typo explains it, and is all that is said.
    rows[3][3] = 1677;
    expect(findings(rows)).toEqual({ flagged: [['D6', 'value-mismatch', 1678]], notices: [] });
  });

  test('a definition the identities make equal to the declared one is never taken from a row where an identity breaks', () => {
    const rows = [
      l4Row('1', 'Xã A', 40, 20, 8, 2),
      l4Row('2', 'Xã B', 10, 4, 5, 1),
      l4Row('3', 'Xã C', 30, 10, 10, 5),
      l4Row('4', 'Xã D', 25, 5, 15, 1),
    ];
    rows[1][2] = 100; // received dossiers of Xã B, typed 100 for 10 (all 10 resolved)
    // Resolved / (Resolved + Unresolved) holds there, as it always does when only Received is wrong:
    // the typo is named, at its cell, and no other way of computing the resolved rate is claimed.
    expect(findings(rows)).toEqual({ flagged: [['C4', 'value-mismatch', 10]], notices: [] });
  });
});
