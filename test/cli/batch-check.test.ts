/** Many files in one command: a line per file, one summary, the worst exit code; one JSON document. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { SEED_SHEETS } from '../fixtures/seed-sheets';
import { writeWorkbook } from '../fixtures/workbook-writer';

const SAMPLE = path.resolve(__dirname, '../../samples/bao-cao-cchc-quy-1-2017.xlsx');

async function folder(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-batch-'));
  fs.mkdirSync(path.join(dir, 'huyen'));
  fs.copyFileSync(SAMPLE, path.join(dir, 'a-bao-cao.xlsx'));
  await writeWorkbook([SEED_SHEETS.find((s) => s.id === '000-06')!.spec()], path.join(dir, 'huyen', 'b-sach.xlsx'));
  fs.writeFileSync(path.join(dir, 'huyen', 'c-hong.xlsx'), 'not a workbook');
  fs.writeFileSync(path.join(dir, '~$a-bao-cao.xlsx'), 'Excel lock file');
  fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), 'notes');
  return dir;
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err };
}

test('a folder: every workbook in it and below, a progress line each, a summary, the worst exit code', async () => {
  const dir = await folder();
  const { code, out, err } = await cli(['check', dir]);
  expect(code).toBe(2);
  expect(err).toEqual([
    `[1/3] ${path.join(dir, 'a-bao-cao.xlsx')}: 4 lỗi, 1 cảnh báo`,
    `[2/3] ${path.join(dir, 'huyen', 'b-sach.xlsx')}: 0 lỗi, 0 cảnh báo`,
    `[3/3] ${path.join(dir, 'huyen', 'c-hong.xlsx')}: không dùng được / unusable`,
  ]);
  expect(out).toContain(`${path.join(dir, 'a-bao-cao.xlsx')} | L1, L2, L3, L4 | 4 | 1 |`);
  expect(out).toContain('Tổng kết: 3 tệp — 1 tệp có lỗi (4 lỗi), 0 tệp không thấy lỗi nhưng còn số chưa kiểm tra được, 1 tệp đã kiểm tra hết và không có lỗi, 1 tệp không dùng được.');
});

test('files given one by one, as one JSON document with an entry per file', async () => {
  const dir = await folder();
  const { code, out } = await cli(['check', path.join(dir, 'huyen', 'b-sach.xlsx'), path.join(dir, 'a-bao-cao.xlsx'), '--json']);
  expect(code).toBe(1);
  const doc = JSON.parse(out);
  expect(doc.files.map((f: { file: string; errors: number }) => [path.basename(f.file), f.errors])).toEqual([
    ['b-sach.xlsx', 0],
    ['a-bao-cao.xlsx', 4],
  ]);
  expect(doc.files[1].report.sheets.map((s: { sheet: string }) => s.sheet)).toContain('PL VII');
});

test('--report writes the summary as a workbook: a row per file', async () => {
  const dir = await folder();
  const report = path.join(dir, 'tong-hop.xlsx');
  const { code, err } = await cli(['check', dir, '--report', report]);
  expect(code).toBe(2);
  expect(err[err.length - 1]).toContain(report);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(report);
  const ws = wb.getWorksheet('Tổng hợp kiểm tra')!;
  const values: unknown[] = [];
  ws.eachRow((row) => values.push(row.values));
  const rows = values.map((v) => JSON.stringify(v));
  expect(rows.some((r) => r.includes('a-bao-cao.xlsx') && r.includes('L1, L2, L3, L4') && r.includes(',4,1'))).toBe(true);
  expect(rows.some((r) => r.includes('c-hong.xlsx') && r.includes('Không dùng được'))).toBe(true);
  // A second run does not replace it without --force.
  expect((await cli(['check', dir, '--report', report])).err.join('\n')).toContain('--force');
});
