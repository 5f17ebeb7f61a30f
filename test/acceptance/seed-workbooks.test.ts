/**
 * Issue 2's acceptance: every numeric seed table, laid out as a person has it in Excel, written
 * to .xlsx, read back through the exceljs host, recognised with the right layout, and every
 * genuine error reported at its root-cause cell with the right value. The expectations were
 * worked out by hand from the seed numbers (see the comment on each).
 */
import { readWorkbook } from '../../src/cli/xlsx-reader';
import { checkSheet } from '../../src/engine/check';
import { Finding } from '../../src/engine/findings/finding';
import { SheetReport } from '../../src/engine/findings/report';
import { SEED_SHEETS } from '../fixtures/seed-sheets';
import { writeWorkbook } from '../fixtures/workbook-writer';

const reports = new Map<string, SheetReport>();

beforeAll(async () => {
  const file = await writeWorkbook(SEED_SHEETS.map((s) => ({ ...s.spec(), name: s.id })));
  for (const sheet of await readWorkbook(file)) reports.set(sheet.name, checkSheet(sheet));
});

function findings(id: string): Finding[] {
  return reports.get(id)!.tables.flatMap((t) => t.findings);
}

function errors(id: string): Finding[] {
  return findings(id).filter((f) => f.severity === 'error');
}

function at(id: string, cell: string): Finding {
  const f = findings(id).find((x) => x.cell === cell);
  if (!f) throw new Error(`${id}: no finding at ${cell}; found ${findings(id).map((x) => x.cell).join(', ')}`);
  return f;
}

describe.each(SEED_SHEETS.map((s) => [s.id, s.layout]))('seed table %s', (id, layout) => {
  test(`is recognised as one ${layout} table`, () => {
    const tables = reports.get(id)!.tables;
    expect(tables.map((t) => t.layout)).toEqual([layout]);
    expect(tables[0].confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('consistent seed tables give no error', () => {
  test.each(['000-04', '000-06', '003-01', '003-03', '003-04', '003-05', '003-06', '003-07'])('%s', (id) => {
    expect(errors(id)).toEqual([]);
  });
});

test('000 Phụ lục IV: 0.1257 among percentages is a form problem with value 12.57 %, not an arithmetic error', () => {
  // 7335 / 58355 = 12.57 %: the value is right, written as a fraction.
  expect(errors('000-05')).toEqual([]);
  const f = at('000-05', 'I8');
  expect(f).toMatchObject({ severity: 'warning', rule: 'rate-as-fraction', expected: 12.57 });
});

test('000 Phụ lục VI: Thị xã Ninh Hòa has two typos in one row, each found at its cell', () => {
  // Received 14758 ≠ 3969 + 789; the rates (83.42 %, 16.58 %) and the column total (25338) agree on 4758.
  // Late 1242 breaks 3036 + 691 + late = 3969 and 6.1 % of 3969; the total (1237) agrees on 242.
  expect(errors('000-07').map((f) => [f.cell, f.expected])).toEqual([
    ['C12', 4758],
    ['J12', 242],
  ]);
  expect(at('000-07', 'C12').related).toEqual(expect.arrayContaining(['D12', 'L12', 'E12', 'M12', 'C14']));
});

test('000 Phụ lục VII: a rate typo and a count typo among 145 communes', () => {
  // Vĩnh Trường: 370 / 392 = 94.39 %, written 94.89 %. Cam An Nam: 76 + 6 = 82 received, written 182;
  // its rates (92.68 %, 7.32 %) and Huyện Cam Lâm's 3270 agree on 82.
  expect(errors('000-08').map((f) => [f.cell, f.rule, f.expected])).toEqual([
    ['D27', 'rate-mismatch', 94.39],
    ['B42', 'value-mismatch', 82],
  ]);
});

test('002 Phụ lục 2: group VI (Cam Ranh) disagrees with its 15 communes; C and TỔNG were summed from it', () => {
  // Communes sum to resolved 16163 = on time 16095 + late 68, late count 69; row VI says 8184, 8160, 24, 25.
  // VI's own identities hold, so on time and late are the typed cells; resolved and late count follow.
  expect(errors('002-02').map((f) => [f.cell, f.expected])).toEqual([
    ['E122', 16095],
    ['F122', 68],
  ]);
  const carried = Object.fromEntries((at('002-02', 'E122').carried ?? []).map((c) => [c.cell, c.expected]));
  // Row VI resolved, row C (line 47) and TỔNG (line 198) carry the error.
  expect(carried).toMatchObject({ D122: 16163, E47: 236426, D47: 237378, E198: 595459, D198: 604512 });
  expect(at('002-02', 'C6')).toMatchObject({ severity: 'info', rule: 'numbers-as-text' });
});

test('003 Phụ lục VI: a swapped pair of digits carried into the row and grand totals, and a wrong total row', () => {
  const byCell = Object.fromEntries(errors('003-08').map((f) => [f.cell, f]));
  // Sơn Bình approved 1562: early 1525 + late 1 = 1526 (6 and 2 swapped). The row total 1594 and the
  // Tổng cộng row (9000, 9124) were added up from it: they become 1558, 8964, 9088.
  expect(byCell.F12.expected).toBe(1526);
  expect(byCell.F12.carried).toEqual(
    expect.arrayContaining([
      { cell: 'C12', expected: 1558 },
      { cell: 'F15', expected: 8964 },
      { cell: 'C15', expected: 9088 },
    ]),
  );
  // Tổng cộng "new in period" 7814: the communes add up to 8990 (= 9088 − 98).
  expect(byCell.E15.expected).toBe(8990);
  // Ba Cùm Nam: 986 = 982 + 2 + in progress; the column totals (33, 32) need 2 in progress, within deadline.
  expect(byCell.O7.expected).toBe(2);
  expect(byCell.O7.carried).toEqual([{ cell: 'N7', expected: 2 }]);
  // Sơn Bình in progress 8 = 7 within deadline + 1 clock stopped; the total's 4 stopped should be 1.
  expect(byCell.Q12.expected).toBe(1);
  expect(byCell.Q15.expected).toBe(1);
  expect(Object.keys(byCell).sort()).toEqual(['E15', 'F12', 'O7', 'Q12', 'Q15']);
});

test('004 Phụ lục 2: 149/149 in a % indicator is a fraction that should read 100 %', () => {
  expect(errors('004-01')).toEqual([]);
  expect(at('004-01', 'D188')).toMatchObject({ severity: 'warning', rule: 'percent-as-fraction', expected: 100 });
});

test('every finding names a cell inside its table', () => {
  for (const [id, report] of reports) {
    for (const table of report.tables) {
      const [, c1, r1, c2, r2] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(table.range)!;
      for (const f of table.findings) {
        const [, c, r] = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
        expect([id, Number(r) >= Number(r1) && Number(r) <= Number(r2)]).toEqual([id, true]);
        expect([id, c >= c1 && c <= c2 && c.length === c1.length]).toEqual([id, true]);
      }
    }
  }
});
