/**
 * Issue 12's acceptance: 000 Phụ lục VII laid out as the seed has it — districts 7 and 8 with their
 * number in a cell of its own, every other row numbered inside its name — read from a real .xlsx.
 * The check finds exactly the two genuine typing errors, and `fix` changes neither a group row nor
 * the total: no value that no finding names.
 */
import ExcelJS from 'exceljs';
import { fixWorkbook } from '../../src/cli/xlsx-fixer';
import { readWorkbook } from '../../src/cli/xlsx-reader';
import { checkSheet } from '../../src/engine/check';
import { SheetReport } from '../../src/engine/findings/report';
import { communeSheetAsSeed } from '../fixtures/seed-sheets';
import { bodyRow, writeWorkbook } from '../fixtures/workbook-writer';

const spec = communeSheetAsSeed();
let input: string;
let report: SheetReport;

beforeAll(async () => {
  input = await writeWorkbook([spec]);
  const [sheet] = await readWorkbook(input);
  report = checkSheet(sheet);
});

test('the two genuine errors and nothing else: Vĩnh Trường\'s rate and Cam An Nam\'s received count', () => {
  // Vĩnh Trường: 370 / 392 = 94.39 %, written 94.89 %. Cam An Nam: 76 + 6 = 82 received, written 182.
  const flagged = report.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
  expect(flagged.map((f) => [f.cell, f.rule, f.expected])).toEqual([
    ['E27', 'rate-mismatch', 94.39],
    ['C42', 'value-mismatch', 82],
  ]);
});

test('the districts are the groups, communes within them, whichever cell holds their number', () => {
  const model = report.tables[0].model;
  expect(model.roots.map((r) => [r.label, r.children.length])).toEqual([
    ['Thành phố Nha Trang', 27],
    ['Huyện Cam Lâm', 14],
    ['Huyện Khánh Vĩnh', 14],
    ['Huyện Vạn Ninh', 13],
    ['Huyện Khánh Sơn', 8],
    ['Huyện Diên Khánh', 19],
    ['Thị xã Ninh Hòa', 27],
    ['Thành phố Cam Ranh', 15],
  ]);
  expect(report.tables[0].notices).toEqual([]);
});

test('fix changes no group row and not the total, and no value that no finding names', async () => {
  const output = input.replace('.xlsx', '-fixed.xlsx');
  await fixWorkbook(input, output, { applySuggestions: false, values: false });
  const before = new ExcelJS.Workbook();
  await before.xlsx.readFile(input);
  const after = new ExcelJS.Workbook();
  await after.xlsx.readFile(output);
  const was = before.getWorksheet(spec.name)!;
  const now = after.getWorksheet(spec.name)!;
  const named = new Set(report.tables.flatMap((t) => t.findings).flatMap((f) => [f.cell, ...(f.carried ?? []).map((c) => c.cell)]));
  const changed: string[] = [];
  for (let i = 0; i < spec.rows.length; i++) {
    const r = bodyRow(spec, i);
    for (let c = 3; c <= 13; c++) {
      const old = was.getCell(r, c);
      const fresh = now.getCell(r, c);
      const oldValue = Number(old.value ?? 0);
      const newValue = Number(typeof fresh.value === 'object' && fresh.value !== null ? fresh.result ?? 0 : fresh.value ?? 0);
      const rate = (old.numFmt ?? '').includes('%');
      if (Math.abs(oldValue - newValue) > (rate ? 0.00006 : 1e-9) && !named.has(old.address)) changed.push(`${old.address}: ${oldValue} → ${newValue}`);
    }
  }
  expect(changed).toEqual([]);
  // The Diên Khánh row and the total keep their figures: 12,169 and 59,414 received.
  const dienKhanh = spec.rows.findIndex((r) => String(r[1]).includes('Huyện Diên Khánh'));
  expect(Number(now.getCell(bodyRow(spec, dienKhanh), 3).result ?? now.getCell(bodyRow(spec, dienKhanh), 3).value)).toBe(12169);
  expect(Number(now.getCell(bodyRow(spec, spec.rows.length - 1), 3).result ?? now.getCell(bodyRow(spec, spec.rows.length - 1), 3).value)).toBe(59414);
});
