/**
 * Issue 3's acceptance on the seed workbooks: fix, then check the output; formulas compute what
 * the engine computed; the copy of each changed sheet is the input sheet; the log lists every
 * change; a second run changes nothing; the input is never modified.
 */
import ExcelJS from 'exceljs';
import * as crypto from 'crypto';
import * as fs from 'fs';
import { run } from '../../src/cli/main';
import { fixWorkbook, FixResult } from '../../src/cli/xlsx-fixer';
import { readWorkbook } from '../../src/cli/xlsx-reader';
import { checkSheet } from '../../src/engine/check';
import { isPhuLucSheet, LOG_SHEET } from '../../src/engine/read/sheet-names';
import { recompute } from '../fixtures/formula-eval';
import { SEED_SHEETS } from '../fixtures/seed-sheets';
import { writeWorkbook } from '../fixtures/workbook-writer';

let input: string;
let inputHash: string;
const outputs: Record<'plain' | 'suggested' | 'values' | 'again', { file: string; result: FixResult }> = {} as never;

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function problems(file: string, severity: 'error' | 'warning'): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const sheet of await readWorkbook(file)) {
    if (isPhuLucSheet(sheet.name)) continue;
    const cells = checkSheet(sheet)
      .tables.flatMap((t) => t.findings)
      .filter((f) => f.severity === severity)
      .map((f) => `${f.cell}→${f.expected}`);
    if (cells.length) out[sheet.name] = cells;
  }
  return out;
}

beforeAll(async () => {
  input = await writeWorkbook(SEED_SHEETS.map((s) => ({ ...s.spec(), name: s.id })));
  inputHash = sha(input);
  const fix = async (name: keyof typeof outputs, from: string, applySuggestions: boolean, values = false) => {
    const file = input.replace('.xlsx', `-${name}.xlsx`);
    outputs[name] = { file, result: await fixWorkbook(from, file, { applySuggestions, values }) };
  };
  await fix('plain', input, false);
  await fix('suggested', input, true);
  await fix('values', input, false, true);
  await fix('again', outputs.plain.file, false);
}, 60000);

test('check on the fixed workbook reports nothing but the genuine typos', async () => {
  // Group and total rows, rates and the fraction forms are mended by the recomputation; the typed
  // counts that are wrong stay, reported where they were (see test/acceptance).
  expect(await problems(outputs.plain.file, 'error')).toEqual({
    '000-07': ['C12→4758', 'J12→242'],
    '000-08': ['B42→82'],
    '003-08': ['O7→2', 'F12→1526', 'Q12→1', 'Q15→1'],
  });
});

test('with the suggestions applied nothing is left to report', async () => {
  expect(await problems(outputs.suggested.file, 'error')).toEqual({});
  expect(await problems(outputs.suggested.file, 'warning')).toEqual({});
});

test('totals and rates computed from a suspected typo are kept as the sender wrote them, and said so', () => {
  const vi = outputs.plain.result.sheets.find((s) => s.sheet === '000-07')!;
  expect(vi.plan.edits.map((e) => e.cell)).not.toContain('C14');
  expect(vi.plan.notices.map((n) => n.code)).toEqual(['kept-for-review']);
  expect(vi.plan.notices[0].message).toContain('C14');
});

test('every formula computes the value the engine wrote, and group rows sum exactly their children', async () => {
  for (const name of ['plain', 'suggested'] as const) {
    const wb = await load(outputs[name].file);
    let formulas = 0;
    wb.eachSheet((ws) => {
      if (isPhuLucSheet(ws.name)) return;
      for (const [address, value] of recompute(ws)) {
        formulas++;
        expect([ws.name, address, Math.abs(value - (ws.getCell(address).result as number)) < 1e-9]).toEqual([ws.name, address, true]);
      }
    });
    expect(formulas).toBeGreaterThan(1000);
  }
  const l5 = (await load(outputs.suggested.file)).getWorksheet('002-02')!;
  // Group VI (row 122) adds its 15 communes, which sit on both sides of a page-break header.
  expect(l5.getCell('D122').value).toMatchObject({ formula: 'SUM(D123,D126:D139)', result: 16163 });
  expect(l5.getCell('K122').value).toMatchObject({ formula: 'IFERROR(J122/(D122+G122),0)' });
  // The 000 Phụ lục III grand total adds the two "Cộng" rows, never the items a second time.
  const l3 = (await load(outputs.plain.file)).getWorksheet('000-04')!;
  expect((l3.getCell('C36').value as ExcelJS.CellFormulaValue).formula).toBe('SUM(C25,C35)');
  expect((l3.getCell('C25').value as ExcelJS.CellFormulaValue).formula).toBe('SUM(C6:C24)');
});

test('--values writes the same numbers without formulas', async () => {
  const wb = await load(outputs.values.file);
  const ws = wb.getWorksheet('002-02')!;
  expect(ws.getCell('D122').value).toBe(16163);
  expect(ws.getCell('K6').value).toBeCloseTo(7941 / (331561 + 9309), 12);
  expect(ws.getCell('K6').numFmt).toBe('0.00%');
  expect(await problems(outputs.values.file, 'error')).toEqual(await problems(outputs.plain.file, 'error'));
});

test('the copy of each changed sheet is identical to the input sheet', async () => {
  const before = await load(input);
  const after = await load(outputs.plain.file);
  const changed = outputs.plain.result.sheets.filter((s) => s.plan.edits.length);
  expect(changed.length).toBeGreaterThanOrEqual(10);
  for (const s of changed) {
    const original = before.getWorksheet(s.sheet)!;
    const copy = after.getWorksheet(s.backup!)!;
    expect(s.backup).toBe(`${s.sheet} (gốc)`);
    const dump = (ws: ExcelJS.Worksheet) => {
      const cells: string[] = [];
      ws.eachRow((row, r) => row.eachCell((c, col) => cells.push(`${r},${col}=${JSON.stringify(c.value)}|${c.numFmt ?? ''}|${c.font?.bold ?? ''}`)));
      return { cells, merges: (ws.model as unknown as { merges: string[] }).merges.sort() };
    };
    expect(dump(copy)).toEqual(dump(original));
  }
});

test('the change log lists each changed value on its own row and sums up formulas that keep the value per column range', async () => {
  const wb = await load(outputs.plain.file);
  const log = wb.getWorksheet(LOG_SHEET)!;
  const rows: string[][] = [];
  log.eachRow((row, r) => r > 1 && rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  const edits = outputs.plain.result.sheets.flatMap((s) => s.plan.edits.map((e) => ({ sheet: s.sheet, ...e })));
  // Far fewer rows than cells, and every cell is in one of them.
  expect(rows.length).toBeLessThan(edits.length / 3);
  const covers = (r: string[], e: (typeof edits)[number]) => {
    if (r[1] !== e.sheet) return false;
    const [a, b = a] = r[2].split(':');
    const at = (x: string) => ({ col: x.replace(/\d+/g, ''), row: Number(x.replace(/[A-Z]+/g, '')) });
    return at(a).col === at(e.cell).col && at(e.cell).row >= at(a).row && at(e.cell).row <= at(b).row;
  };
  for (const e of edits) expect([e.sheet, e.cell, rows.filter((r) => covers(r, e)).length]).toEqual([e.sheet, e.cell, 1]);
  for (const e of edits.filter((x) => x.changesValue)) expect(rows.some((r) => r[1] === e.sheet && r[2] === e.cell)).toBe(true);
  expect(rows.some((r) => /^\d+ tỉ lệ thành công thức, giá trị không đổi$/.test(r[5]) && r[2].includes(':'))).toBe(true);
  const c12 = rows.find((r) => r[1] === '000-08' && r[2] === 'D27')!;
  expect(c12.slice(3)).toEqual(['94.89%', '=IFERROR(C27/B27,0)', 'Tỉ lệ tính từ số lượng (công thức)']);
  const text = rows.find((r) => covers(r, edits.find((e) => e.sheet === '002-02' && e.cell === 'C7')!))!;
  expect(text[5]).toMatch(/^(\d+ số lưu dạng văn bản thành số|Số lưu dạng văn bản chuyển thành số), giá trị không đổi$/);
});

test('running fix again changes nothing', async () => {
  expect(outputs.again.result.sheets.map((s) => [s.sheet, s.plan.edits.length]).filter(([, n]) => n)).toEqual([]);
  const first = await load(outputs.plain.file);
  const second = await load(outputs.again.file);
  expect(second.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));
});

test('the input file is never modified, and cannot be the output', async () => {
  expect(sha(input)).toBe(inputHash);
  let err = '';
  const code = await run(['fix', input, '-o', input], { out: () => undefined, err: (t) => (err += t) });
  expect(code).toBe(2);
  expect(err).toContain('chính là tệp gốc');
  expect(sha(input)).toBe(inputHash);
});

describe('messy sheets get a clear message, not a crash', () => {
  async function messy(prepare: (ws: ExcelJS.Worksheet) => void | Promise<void>): Promise<FixResult> {
    const file = await writeWorkbook([SEED_SHEETS.find((s) => s.id === '000-06')!.spec()]);
    const wb = await load(file);
    await prepare(wb.worksheets[0]);
    await wb.xlsx.writeFile(file);
    return fixWorkbook(file, file.replace('.xlsx', '-out.xlsx'), { applySuggestions: false, values: false });
  }

  test('a protected sheet is left alone', async () => {
    const result = await messy((ws) => ws.protect('', {}));
    expect(result.sheets[0].plan.edits).toEqual([]);
    expect(result.sheets[0].plan.notices[0]).toMatchObject({ code: 'protected-sheet' });
    expect(result.sheets[0].plan.notices[0].message).toContain('đang được bảo vệ');
  });

  test('merged cells inside the table are skipped and named', async () => {
    // Sở Ngoại vụ's resolved count and rate merged into one cell.
    const result = await messy((ws) => ws.mergeCells('C9:D9'));
    const notice = result.sheets[0].plan.notices.find((n) => n.code === 'merged-cell')!;
    expect(notice.message).toContain('C9:D9');
    expect(result.sheets[0].plan.edits.map((e) => e.cell)).not.toContain('D9');
  });

  test('hidden rows are still counted, and the message says so', async () => {
    const result = await messy((ws) => {
      ws.getRow(10).hidden = true;
    });
    const notice = result.sheets[0].plan.notices.find((n) => n.code === 'hidden-rows')!;
    expect(notice.message).toContain('10');
  });
});

test('phuluc fix prints what it changed and where the original is', async () => {
  let out = '';
  const file = input.replace('.xlsx', '-cli.xlsx');
  const code = await run(['fix', input, '-o', file, '--sheet', '000-07'], { out: (t) => (out += t), err: () => undefined });
  expect(code).toBe(0);
  expect(out).toContain('Trang tính "000-07": 43 ô được sửa; bản gốc giữ ở trang "000-07 (gốc)".');
  expect(out).toContain('Giữ nguyên 8 ô');
});

test('a formula whose result is 0 keeps its result in the copy of the sheet, so a viewer that does not recalculate shows 0', async () => {
  const file = await writeWorkbook([SEED_SHEETS.find((s) => s.id === '000-06')!.spec()]);
  const wb = await load(file);
  const ws = wb.worksheets[0];
  // A late rate the sender computed with a formula, 0 dossiers late: its saved result is 0.
  const cell = ws.getCell('K9');
  cell.value = { formula: 'IFERROR(J9/D9,0)', result: 0 };
  await wb.xlsx.writeFile(file);
  const output = file.replace('.xlsx', '-zero.xlsx');
  const result = await fixWorkbook(file, output, { applySuggestions: false, values: false });
  const backup = result.sheets[0].backup!;
  const out = await load(output);
  expect(out.getWorksheet(backup)!.getCell('K9').result).toBe(0);
  expect(out.getWorksheet(ws.name)!.getCell('K9').result).toBe(0);
});
