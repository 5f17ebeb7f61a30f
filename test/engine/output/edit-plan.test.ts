import { checkSheet } from '../../../src/engine/check';
import { DASH_FORMAT, planSheet, rateFormula, sumFormula } from '../../../src/engine/output/edit-plan';
import { keyOf, RateRelation } from '../../../src/engine/relations/relations';
import { SheetSnapshot } from '../../../src/engine/read/snapshot';
import { GridCell, sheetOf } from '../../fixtures/grid';

const plainOptions = { applySuggestions: false, values: false };

test('SUM lists exactly its cells: adjacent runs as ranges, others one by one', () => {
  const c = (row: number) => keyOf(row - 1, 2);
  expect(sumFormula([c(8), c(9), c(10), c(12)])).toBe('SUM(C8:C10,C12)');
  expect(sumFormula([c(25), c(35)])).toBe('SUM(C25,C35)');
  expect(sumFormula([c(7)])).toBe('SUM(C7)');
});

test('a rate over two denominators', () => {
  const rel: RateRelation = { id: 0, kind: 'rate', row: 2, rate: keyOf(2, 10), numerator: [keyOf(2, 9)], denominator: [keyOf(2, 3), keyOf(2, 6)] };
  expect(rateFormula(rel)).toBe('IFERROR(J3/(D3+G3),0)');
});

const L3: GridCell[][] = [
  ['STT', 'Cơ quan, đơn vị', 'Số hồ sơ trực tuyến mức độ 3'],
  ['I. Khối sở', '', ''],
  ['1', 'Sở A', '1.200'],
  ['2', 'Sở B', '-'],
  ['Cộng:', '', '1.200'],
  ['II. Khối huyện', '', ''],
  ['1', 'Huyện C', '30'],
  ['Cộng:', '', '30'],
  ['Tổng số hồ sơ (I+II)', '', '1.230'],
];

test('subtotals add their section, the total adds the subtotals; text counts become numbers; a dash stays a dash', () => {
  const sheet = sheetOf(L3);
  const plan = planSheet(sheet, checkSheet(sheet), plainOptions);
  const byCell = Object.fromEntries(plan.edits.map((e) => [e.cell, e]));
  expect(byCell.C5).toMatchObject({ formula: 'SUM(C3:C4)', value: 1200, reason: 'sum-formula' });
  expect(byCell.C8).toMatchObject({ formula: 'SUM(C7)', value: 30 });
  expect(byCell.C9).toMatchObject({ formula: 'SUM(C5,C8)', value: 1230 });
  expect(byCell.C3).toMatchObject({ value: 1200, numberFormat: '#,##0', reason: 'text-to-number', old: '1.200' });
  expect(byCell.C4).toMatchObject({ value: 0, numberFormat: DASH_FORMAT });
});

/** The snapshot as it would read after the plan was written. */
function applied(sheet: SheetSnapshot, edits: ReturnType<typeof planSheet>['edits']): SheetSnapshot {
  const cells = sheet.cells.map((r) => [...r]);
  for (const e of edits) cells[e.row][e.col] = { value: e.value, formula: e.formula, numberFormat: e.numberFormat };
  return { ...sheet, cells };
}

test('a second plan over the written sheet is empty', () => {
  const sheet = sheetOf(L3);
  const first = planSheet(sheet, checkSheet(sheet), plainOptions);
  const after = applied(sheet, first.edits);
  expect(planSheet(after, checkSheet(after), plainOptions).edits).toEqual([]);
});

test('a protected sheet gets no edit and a message', () => {
  const sheet = { ...sheetOf(L3), protected: true };
  const plan = planSheet(sheet, checkSheet(sheet), plainOptions);
  expect(plan.edits).toEqual([]);
  expect(plan.notices.map((n) => n.code)).toEqual(['protected-sheet']);
});

test('suggested corrections are written only when asked for', () => {
  const rows = L3.map((r) => [...r]);
  rows[2][2] = '12.000'; // Sở A typed with an extra 0: the subtotal 1.200 and the total agree on 1.200
  const sheet = sheetOf(rows);
  const report = checkSheet(sheet);
  expect(planSheet(sheet, report, plainOptions).edits.find((e) => e.cell === 'C3')).toMatchObject({ value: 12000, reason: 'text-to-number' });
  const plan = planSheet(sheet, report, { applySuggestions: true, values: false });
  expect(plan.edits.find((e) => e.cell === 'C3')).toMatchObject({ value: 1200, reason: 'suggested-correction' });
});

describe('a rate column keeps its own way of writing rates', () => {
  const header: GridCell[][] = [
    ['STT', 'Tên đơn vị', 'Hồ sơ nhận', 'HS đã giải quyết', '', 'HS trước hạn', '', 'HS đúng hạn', '', 'HS trễ', '', 'HS chưa giải quyết', ''],
    ['', '', '', 'Số lượng', 'Tỉ lệ (%)', 'Số lượng', 'Tỉ lệ (%)', 'Số lượng', 'Tỉ lệ (%)', 'Số lượng', 'Tỉ lệ (%)', 'Số lượng', 'Tỉ lệ (%)'],
  ];
  // received, resolved, early, on time, late, unresolved, written with rates as `rate(n, d)` gives them.
  const rows = (rate: (n: number, d: number) => GridCell): GridCell[][] =>
    [
      ['1', 'Xã A', 40, 30, 20, 8, 2, 10],
      ['2', 'Xã B', 16, 12, 9, 2, 1, 4],
    ].map(([stt, name, rec, res, e, o, l, u]) => [stt, name, rec, res, rate(+res, +rec), e, rate(+e, +res), o, rate(+o, +res), l, rate(+l, +res), u, rate(+u, +rec)]);

  test('plain numbers of percent under "Tỉ lệ (%)" stay 0–100: ×100 in the formula, no percent format', () => {
    const sheet = sheetOf([...header, ...rows((n, d) => Math.round((10000 * n) / d) / 100)]);
    const plan = planSheet(sheet, checkSheet(sheet), plainOptions);
    const e3 = plan.edits.find((e) => e.cell === 'E3');
    expect(e3).toMatchObject({ formula: 'IFERROR(D3/C3*100,0)', value: 75, numberFormat: '0.00' });
  });

  test('plain fractions stay fractions, in the format they had', () => {
    const sheet = sheetOf([...header, ...rows((n, d) => ({ value: Math.round((10000 * n) / d) / 10000, numberFormat: '0.0000' }))]);
    const plan = planSheet(sheet, checkSheet(sheet), plainOptions);
    expect(plan.edits.find((e) => e.cell === 'E3')).toMatchObject({ formula: 'IFERROR(D3/C3,0)', value: 0.75, numberFormat: '0.0000' });
  });
});

test('a total whose formula would give another value stays as written unless a finding names it', () => {
  const rows = L3.map((r) => [...r]);
  rows[4][2] = '1.300'; // the first "Cộng" is 100 off
  const sheet = sheetOf(rows);
  const report = checkSheet(sheet);
  // The finding names C5 with 1200: its SUM gives just that, so the formula may replace it.
  expect(report.tables[0].findings.filter((f) => f.severity === 'error').map((f) => [f.cell, f.expected])).toEqual([['C5', 1200]]);
  expect(planSheet(sheet, report, plainOptions).edits.find((e) => e.cell === 'C5')).toMatchObject({ formula: 'SUM(C3:C4)', value: 1200 });
  // Take the findings away: nothing names C5 any more, so nothing may change its value.
  const silent = { ...report, tables: report.tables.map((t) => ({ ...t, findings: [] })) };
  const plan = planSheet(sheet, silent, plainOptions);
  expect(plan.edits.map((e) => e.cell)).not.toContain('C5');
  expect(plan.notices.find((n) => n.code === 'kept-differs')?.message).toContain('C5');
});
