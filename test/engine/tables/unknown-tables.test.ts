/**
 * Tables whose headers no layout knows (invented wording), in every way of showing their structure:
 * read by their numbers, checked for the sums and additive relations their numbers show, with the
 * low confidence said. A consistent one gives no error; one typo in a count is found at its cell.
 */
import fc from 'fast-check';
import { checkSheet } from '../../../src/engine/check';
import { Finding } from '../../../src/engine/findings/finding';
import { SheetReport } from '../../../src/engine/findings/report';
import { presentationArb, shapeArb } from '../../fixtures/presentation-arbitraries';
import { injectTypo, present, Presentation, proposedFor, random } from '../../fixtures/presentations';
import { snapshotOfSpec } from '../../fixtures/spec-snapshot';
import { sheetOf } from '../../fixtures/grid';

const flagged = (report: SheetReport): Finding[] => report.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');

// Enough units for the relations between columns to show in the numbers (five rows at least).
const shapes = shapeArb(fc.integer({ min: 20, max: 120 }));
const presentations = presentationArb({
  total: fc.constantFrom<Presentation['total']>('bottom', 'top'),
  totalLabel: fc.constantFrom<Presentation['totalLabel']>('TỔNG', 'Tổng cộng'),
  definitions: fc.constant<Presentation['definitions']>('textbook'),
  headers: fc.constant<Presentation['headers']>('invented'),
});

const RUNS = { numRuns: Number(process.env.RUNS ?? 60), seed: Number(process.env.SEED ?? 20261125) };

test('a consistent table in a layout PhuLuc does not know checks clean, its grouping and relations found in its numbers', () => {
  fc.assert(
    fc.property(shapes, presentations, (shape, how) => {
      const report = checkSheet(snapshotOfSpec(present(shape, how).spec));
      expect(report.tables.map((t) => [t.layout, t.confidence])).toEqual([['L0', 0.4]]);
      expect(flagged(report)).toEqual([]);
      const codes = report.tables[0].notices.map((n) => n.code);
      expect(codes[0]).toBe('unknown-layout');
      expect(codes.filter((c) => c === 'identity-found')).toHaveLength(2);
      expect(codes).not.toContain('unconfirmed-grouping');
    }),
    RUNS,
  );
});

test('one typo in a count of a table PhuLuc does not know is found at its cell with its value, and nothing else is flagged', () => {
  fc.assert(
    fc.property(shapes, presentations, fc.double({ min: 0, max: 0.999, noNaN: true }), (shape, how, pick) => {
      const table = present(shape, how);
      const typo = injectTypo(table, pick, random(shape.seed + 1), how.textNumbers, ['count']);
      fc.pre(typo !== undefined);
      const found = flagged(checkSheet(snapshotOfSpec(table.spec)));
      expect(found).toHaveLength(1);
      expect(proposedFor(found, typo!)).toBe(typo!.expected);
    }),
    RUNS,
  );
});

test('the relations found are named by column and header, with the share of rows', () => {
  const how: Presentation = { numbering: 'in-name', groupFigures: 'heading', headings: false, bold: true, total: 'bottom', totalLabel: 'TỔNG', textNumbers: false, definitions: 'textbook', headers: 'invented' };
  const report = checkSheet(snapshotOfSpec(present({ levels: 2, units: 30, seed: 5 }, how).spec));
  const found = report.tables[0].notices.filter((n) => n.code === 'identity-found').map((n) => n.message);
  expect(found).toEqual([
    expect.stringMatching(/^Cột B = C \+ K ở \d+\/\d+ dòng \(Tổng lượt tiếp nhận = Lượt đã xong \+ Còn tồn\)/),
    expect.stringMatching(/^Cột C = E \+ G \+ I ở \d+\/\d+ dòng \(Lượt đã xong = Xong sớm \+ Xong kịp \+ Xong muộn\)/),
  ]);
});

test('in a table PhuLuc does not know, a "Tổng" row that is not the sum of the rows is not taken for one', () => {
  // Two columns of figures; the last row, though worded "Tổng", holds averages.
  const sheet = sheetOf([
    ['Địa bàn', 'Số cuộc họp', 'Số người dự'],
    ['Xã A', 4, 120],
    ['Xã B', 6, 150],
    ['Xã C', 5, 90],
    ['Tổng', 5, 120],
  ]);
  const report = checkSheet(sheet);
  expect(report.tables.map((t) => t.layout)).toEqual(['L0']);
  expect(flagged(report)).toEqual([]);
  expect(report.tables[0].notices.map((n) => n.code)).toEqual(['unknown-layout', 'unconfirmed-grouping']);
});

test('the rates of a table PhuLuc does not know are checked by the pair of counts they follow, and a typo in one is found', () => {
  const header = [['Cơ quan', 'Số tiếp nhận', 'Số đã xử lý', 'Đạt (%)']];
  const body: (string | number)[][] = [
    ['Sở A', 175, 139, '79,4'],
    ['Sở B', 2270, 2175, '95,8'],
    ['Sở C', 3825, 2715, '71,0'],
    ['Sở D', 3673, 2129, '58,0'],
    ['Sở E', 1132, 1000, '88,3'],
  ];
  expect(flagged(checkSheet(sheetOf([...header, ...body])))).toEqual([]);
  body[2][3] = '17,0';
  const found = flagged(checkSheet(sheetOf([...header, ...body])));
  expect(found.map((f) => [f.cell, f.expected])).toEqual([['D4', 71]]);
  expect(found[0].message).toContain('Đạt (%) = Số đã xử lý / Số tiếp nhận');
});

test('two tables side by side, an empty column between, are read as two tables', () => {
  const left = [['Đơn vị', 'Nam', 'Nữ', 'Tổng'], ['Xã A', 12, 30, 42], ['Xã B', 25, 41, 66], ['Xã C', 17, 19, 36], ['Cộng', 54, 90, 144]];
  const right = [['Đơn vị', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Cả năm'], ['Phường D', 58, 45, 81, 33, 217], ['Phường E', 43, 49, 68, 63, 223], ['Phường F', 78, 42, 87, 22, 229]];
  const rows = left.map((r, i) => [...r, null, ...(right[i] ?? [])]);
  const report = checkSheet(sheetOf(rows, 'A3'));
  expect(report.tables.map((t) => t.range)).toEqual(['A3:D7', 'F3:K6']);
  expect(flagged(report)).toEqual([]);
  expect(report.unchecked).toEqual([]);
});

test('a row numbering the columns and a row of units of measure belong to the header; a table stacked below is its own', () => {
  const sheet = sheetOf([
    ['Đơn vị', 'Trực tiếp', 'Trực tuyến', 'Tổng số'],
    ['(1)', '(2)', '(3)', '(4)'],
    ['', 'hồ sơ', 'hồ sơ', 'hồ sơ'],
    ['Xã A', 120, 80, 200],
    ['Xã B', 95, 310, 405],
    ['Xã C', 40, 17, 57],
    [],
    [],
    ['Bảng 2'],
    ['Đơn vị', 'Số cuộc', 'Số người', 'Tỉ lệ (%)'],
    ['Xã A', 4, 120, '3,3'],
    ['Xã B', 6, 150, '4,0'],
    ['Xã C', 5, 90, '5,6'],
  ]);
  const report = checkSheet(sheet);
  expect(report.tables.map((t) => [t.range, t.model.headerRows.length])).toEqual([
    ['A1:D6', 3],
    ['A10:D13', 1],
  ]);
  expect(flagged(report)).toEqual([]);
  expect(report.tables[0].notices.map((n) => n.code)).toContain('identity-found');
});

test('units across the columns: the total column, the rows that add up and a row of rates are checked, and a typo is found at its cell', () => {
  const rows: (string | number)[][] = [
    ['Chỉ tiêu', 'Huyện A', 'Huyện B', 'Huyện C', 'Huyện D', 'Toàn tỉnh'],
    ['Trực tiếp', 412, 1290, 655, 387, 2744],
    ['Trực tuyến', 230, 874, 402, 219, 1725],
    ['Tiếp nhận', 642, 2164, 1057, 606, 4469],
    ['Đã giải quyết', 601, 2002, 1000, 598, 4201],
    ['Tỉ lệ giải quyết (%)', '93,6', '92,5', '94,6', '98,7', '94,0'],
  ];
  const clean = checkSheet(sheetOf(rows));
  expect(flagged(clean)).toEqual([]);
  expect(clean.unchecked).toEqual([]);
  expect(clean.tables[0].model.rateRows).toEqual([{ row: 5, label: 'Tỉ lệ giải quyết (%)', rates: [1, 2, 3, 4, 5].map((col) => ({ col, numerator: { row: 4, col }, denominator: { row: 3, col } })) }]);
  rows[4][3] = 1100;
  const found = flagged(checkSheet(sheetOf(rows)));
  expect(found.map((f) => [f.cell, f.expected])).toEqual([['D5', 1000]]);
  expect(found[0].message).toContain('Tỉ lệ giải quyết (%) = Đã giải quyết / Tiếp nhận');
});

test('a unit written on two rows: its rates row is checked against the counts above it, never read as counts', () => {
  const rows: (string | number | null)[][] = [
    ['STT', 'Đơn vị', 'Hồ sơ nhận', 'HS đã giải quyết', 'HS đúng hạn', 'HS trễ hạn'],
    ['1', 'Xã A', 118, 82, 80, 2],
    [null, null, null, '69,49', '97,56', '2,44'],
    ['2', 'Xã B', 98, 67, 67, 0],
    [null, null, null, '68,37', '100,00', '0,00'],
    ['3', 'Xã C', 268, 174, 170, 4],
    [null, null, null, '64,93', '97,70', '2,30'],
    ['4', 'Xã D', 1202, 1137, 1137, 0],
    [null, null, null, '94,59', '100,00', '0,00'],
    ['5', 'Xã E', 340, 301, 288, 13],
    [null, null, null, '88,53', '95,68', '4,32'],
  ];
  const clean = checkSheet(sheetOf(rows));
  expect(flagged(clean)).toEqual([]);
  expect(clean.unchecked).toEqual([]);
  expect(clean.tables[0].model.rateRows?.map((r) => [r.row, r.label, r.rates.length])).toEqual([
    [2, 'Xã A', 3],
    [4, 'Xã B', 3],
    [6, 'Xã C', 3],
    [8, 'Xã D', 3],
    [10, 'Xã E', 3],
  ]);
  rows[6][4] = '79,70';
  const found = flagged(checkSheet(sheetOf(rows)));
  expect(found.map((f) => [f.cell, f.expected])).toEqual([['E7', 97.7]]);
  expect(found[0].message).toContain('Tỉ lệ HS đúng hạn của "Xã C"');
});

test('each column writes its numbers its own way: thousands by commas in one, by dots in another, checked alike', () => {
  const rows: (string | number)[][] = [
    ['Đơn vị', 'Trực tiếp', 'Trực tuyến', 'Tổng số'],
    ['Xã A', '64,524', '3.587', 68111],
    ['Xã B', '1,204', '12.950', 14154],
    ['Xã C', '987', '4.003', 4990],
    ['Xã D', '2,310', '1.001', 3311],
  ];
  expect(flagged(checkSheet(sheetOf(rows)))).toEqual([]);
  rows[2][1] = '1,240';
  const found = flagged(checkSheet(sheetOf(rows)));
  expect(found.map((f) => [f.cell, f.expected])).toEqual([['B3', 1204]]);
  expect(found[0].message).toContain('ghi "1,240"');
});

test('"Trong đó" rows are parts of the row above: at most it, never summed into the total', () => {
  const rows: (string | number)[][] = [
    ['STT', 'Đơn vị', 'Tiếp nhận', 'Đã giải quyết', 'Chưa giải quyết'],
    [1, 'Huyện A', 120, 110, 10],
    ['', 'Trong đó: trực tuyến', 40, 35, 5],
    [2, 'Huyện B', 95, 90, 5],
    ['', 'Trong đó: trực tuyến', 30, 30, 0],
    [3, 'Huyện C', 80, 60, 20],
    ['', 'Trong đó: trực tuyến', 12, 10, 2],
    ['', 'Tổng cộng', 295, 260, 35],
  ];
  const clean = checkSheet(sheetOf(rows));
  expect(flagged(clean)).toEqual([]);
  expect(clean.tables[0].notices.map((n) => n.code)).not.toContain('unconfirmed-grouping');
  expect(clean.unchecked).toEqual([]);
  rows[2][2] = 140;
  const found = flagged(checkSheet(sheetOf(rows)));
  expect(found.map((f) => [f.cell, f.expected])).toEqual([['C3', 40]]);
  expect(found[0].message).toContain('"Trong đó: trực tuyến (Huyện A)" ≤ "Huyện A"');
});

test('a table continued after a page break, its header repeated, is one table: the total adds up both pages', () => {
  const header = ['Đơn vị', 'Trực tiếp', 'Trực tuyến', 'Tổng số'];
  const rows: (string | number | null)[][] = [
    header,
    ['Xã A', 120, 80, 200],
    ['Xã B', 95, 310, 405],
    ['Xã C', 40, 17, 57],
    [],
    header,
    ['Xã D', 60, 12, 72],
    ['Xã E', 33, 41, 74],
    ['Tổng cộng', 348, 460, 808],
  ];
  const report = checkSheet(sheetOf(rows));
  expect(report.tables.map((t) => t.range)).toEqual(['A1:D9']);
  expect(flagged(report)).toEqual([]);
  expect(report.tables[0].notices.map((n) => n.code)).not.toContain('unconfirmed-grouping');
  rows[2][1] = 59;
  const found = flagged(checkSheet(sheetOf(rows)));
  expect(found.map((f) => [f.cell, f.expected])).toEqual([['B3', 95]]);
});
