/**
 * Received files are messy: Excel error values, formulas with and without their results,
 * filters and hidden rows, merged cells in odd places, protection, damaged files. Each gets a
 * clear message (or is simply read right), never a crash.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { run } from '../../src/cli/main';
import { JsonReport } from '../../src/cli/report-json';
import { formatCount } from '../../src/engine/read/format';
import { generateAppendix } from '../fixtures/generator';
import { writeWorkbook } from '../fixtures/workbook-writer';

// One group of a hundred communes under a district (row 5), the total on row 106; no typo.
const generated = generateAppendix('L4', 120, 0, 4);

async function messyFile(prepare: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const file = await writeWorkbook([generated.spec]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  prepare(wb.worksheets[0]);
  await wb.xlsx.writeFile(file);
  return file;
}

async function check(file: string): Promise<{ code: number; report?: JsonReport; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['check', file, '--json'], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, report: out ? (JSON.parse(out) as JsonReport) : undefined, err };
}

const findingsOf = (report: JsonReport) => report.sheets[0].tables[0].findings.map((f) => ({ cell: f.cell, rule: f.rule, expected: f.expected }));
const noticesOf = (report: JsonReport) => report.sheets[0].notices.map((n) => n.code);

test('the untouched file is consistent', async () => {
  const { code, report } = await check(await messyFile(() => undefined));
  expect(code).toBe(0);
  expect(findingsOf(report!)).toEqual([]);
});

test('#REF! where a count belongs is named as a broken formula at its cell, with the value its row gives', async () => {
  const expected = (generated.spec.rows[5][2] as { value: number }).value;
  const { code, report } = await check(await messyFile((ws) => (ws.getCell('C10').value = { error: '#REF!' } as ExcelJS.CellErrorValue)));
  expect(code).toBe(1);
  expect(findingsOf(report!)).toEqual([{ cell: 'C10', rule: 'excel-error', expected }]);
  expect(report!.sheets[0].tables[0].findings[0].message).toContain('tham chiếu tới ô đã bị xóa');
  expect(report!.sheets[0].tables[0].findings[0].message).toContain(`giá trị đúng là ${formatCount(expected, 'vi')}`);
});

test('a formula is read by its saved result', async () => {
  const file = await messyFile((ws) => {
    const c10 = ws.getCell('C10');
    c10.value = { formula: 'D10+L10', result: c10.value as number } as ExcelJS.CellFormulaValue;
  });
  const { code, report } = await check(file);
  expect(code).toBe(0);
  expect(findingsOf(report!)).toEqual([]);
});

test('a formula never computed (no saved result) is said to be so, and its right value given', async () => {
  const expected = (generated.spec.rows[5][2] as { value: number }).value;
  const { report } = await check(await messyFile((ws) => (ws.getCell('C10').value = { formula: 'D10+L10' } as ExcelJS.CellFormulaValue)));
  expect(noticesOf(report!)).toContain('formula-without-value');
  expect(report!.sheets[0].notices.find((n) => n.code === 'formula-without-value')!.message).toContain('C10');
  expect(findingsOf(report!)).toEqual([{ cell: 'C10', rule: 'formula-not-recomputed', expected }]);
});

test('rows hidden by a filter are still checked and counted, and the message says so', async () => {
  const { code, report } = await check(
    await messyFile((ws) => {
      ws.autoFilter = 'A4:M106';
      ws.getRow(10).hidden = true;
      ws.getRow(11).hidden = true;
    }),
  );
  expect(code).toBe(0);
  expect(report!.sheets[0].notices.find((n) => n.code === 'hidden-rows')!.message).toContain('10, 11');
});

test('two figures merged into one cell: the merge is named, the hidden figure reported with its value', async () => {
  const resolved = (generated.spec.rows[5][3] as { value: number }).value;
  const { report } = await check(await messyFile((ws) => ws.mergeCells('C10:D10')));
  expect(report!.sheets[0].notices.find((n) => n.code === 'merged-figures')!.message).toContain('C10:D10');
  expect(findingsOf(report!)).toEqual([{ cell: 'D10', rule: 'value-mismatch', expected: resolved }]);
});

test('a name merged over two rows: the second row stays a commune of its district', async () => {
  const { code, report } = await check(await messyFile((ws) => ws.mergeCells('A10:B11')));
  expect(code).toBe(0);
  expect(findingsOf(report!)).toEqual([]);
});

test('a protected sheet is checked like any other', async () => {
  const { code, report } = await check(await messyFile((ws) => void ws.protect('mật khẩu', {})));
  expect(code).toBe(0);
  expect(report!.sheets[0].tables[0].layout).toBe('L4');
});

test('a damaged file exits 2 with a message in Vietnamese and English, no stack trace', async () => {
  const file = await messyFile(() => undefined);
  fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 2000));
  const { code, err } = await check(file);
  expect(code).toBe(2);
  expect(err).toContain('bị hỏng');
  expect(err).toContain('is damaged');
  expect(err).not.toMatch(/\n\s+at /);
});

test('an old .xls (or any other file) under an .xlsx name exits 2 the same way', async () => {
  const file = (await messyFile(() => undefined)).replace('.xlsx', '-old.xlsx');
  fs.writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  const { code, err } = await check(file);
  expect(code).toBe(2);
  expect(err).toContain('sổ tính Excel kiểu cũ (.xls)');
  expect(err).toContain('save it as an Excel Workbook (.xlsx)');
});

test('fix --apply-suggestions writes the value a #REF! cell should hold, and the result checks clean', async () => {
  const expected = (generated.spec.rows[5][2] as { value: number }).value;
  const file = await messyFile((ws) => (ws.getCell('C10').value = { error: '#REF!' } as ExcelJS.CellErrorValue));
  const output = file.replace('.xlsx', '-fixed.xlsx');
  const code = await run(['fix', file, '-o', output, '--apply-suggestions'], { out: () => undefined, err: () => undefined });
  expect(code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  expect(wb.getWorksheet(generated.spec.name)!.getCell('C10').value).toBe(expected);
  const again = await check(output);
  expect(again.code).toBe(0);
});
