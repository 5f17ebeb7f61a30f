import { execFileSync, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { JsonReport } from '../../src/cli/report-json';
import { SEED_SHEETS, TEXT_SHEETS } from '../fixtures/seed-sheets';
import { writeWorkbook } from '../fixtures/workbook-writer';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/bao-cao-cchc-quy-1-2017.xlsx');

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('phuluc check', () => {
  test('--json prints one document with every sheet, table and finding; exit 1 on errors', async () => {
    const { code, out } = await runCli(['check', SAMPLE, '--json']);
    expect(code).toBe(1);
    const report: JsonReport = JSON.parse(out);
    expect(report.file).toBe(SAMPLE);
    expect(report.sheets.map((s) => [s.sheet, s.tables.map((t) => t.layout).join()])).toEqual([
      ['PL I', 'L1'],
      ['PL II', 'L2'],
      ['PL III', 'L3'],
      ['PL IV', 'L4'],
      ['PL V', 'L4'],
      ['PL VI', 'L4'],
      ['PL VII', 'L4'],
    ]);
    // One number style per message: the fraction as each language writes it.
    const fraction = report.sheets.find((s) => s.sheet === 'PL IV')!.tables[0].findings.find((f) => f.rule === 'rate-as-fraction')!;
    expect([fraction.message, fraction.messageEn]).toEqual([expect.stringContaining('ghi 0,1257 (dạng phân số)'), expect.stringContaining('the fraction 0.1257 in')]);
    const vi = report.sheets.find((s) => s.sheet === 'PL VI')!.tables[0];
    expect(vi.range).toBe('A4:M14');
    expect(vi.findings.map((f) => [f.cell, f.severity, f.expected])).toEqual([
      ['C12', 'error', 4758],
      ['J12', 'error', 242],
    ]);
    expect(vi.findings[0]).toMatchObject({ rule: 'value-mismatch', actual: '14758' });
    expect(vi.findings[0].related).toContain('C14');
  });

  test('human output is Vietnamese, grouped by sheet, with the cell and the right value', async () => {
    const { code, out } = await runCli(['check', SAMPLE, '--sheet', 'PL VI']);
    expect(code).toBe(1);
    expect(out).toContain('Trang tính "PL VI"');
    expect(out).not.toContain('PL VII');
    expect(out).toMatch(/✗ C12 +Hồ sơ nhận của "Thị xã Ninh Hòa" ghi 14\.758, đúng ra là 4\.758/);
    expect(out).toContain('Tổng kết: 2 lỗi.');
  });

  test('exit 0 when nothing is wrong', async () => {
    const file = await writeWorkbook([SEED_SHEETS.find((s) => s.id === '000-06')!.spec()]);
    const { code, out } = await runCli(['check', file]);
    expect(code).toBe(0);
    expect(out).toContain('Không phát hiện sai sót.');
  });

  test('the input file is never modified', async () => {
    const before = sha(SAMPLE);
    await runCli(['check', SAMPLE, '--json']);
    expect(sha(SAMPLE)).toBe(before);
  });
});

test('--json carries the task and checklist summaries and the relations between sheets', async () => {
  const file = await writeWorkbook([SEED_SHEETS.find((s) => s.id === '000-05')!.spec(), SEED_SHEETS.find((s) => s.id === '000-07')!.spec(), SEED_SHEETS.find((s) => s.id === '000-06')!.spec(), TEXT_SHEETS.find((s) => s.id === '000-02')!.spec()]);
  const { out } = await runCli(['check', file, '--json']);
  const report: JsonReport = JSON.parse(out);
  const checklist = report.sheets.find((s) => s.sheet === 'PL II')!.tables[0];
  expect(checklist.summary).toMatchObject({ kind: 'checklist', units: 45 });
  // PL VII is not in this workbook: only two of Phụ lục IV's tiers have their appendix here.
  expect(report.crossSheet.map((l) => [l.from.label, l.to.sheet, l.holds])).toEqual([
    ['Khối Sở, ngành', 'PL V', true],
    ['UBND cấp huyện', 'PL VI', true],
  ]);
});

describe('bad input: a clear message in Vietnamese and English, exit 2, never a stack trace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-cli-'));

  test.each([
    ['a missing file', () => ['check', path.join(dir, 'khong-co.xlsx')], /Không tìm thấy tệp[\s\S]*File not found/],
    [
      'a file that is not a workbook',
      () => {
        const f = path.join(dir, 'bao-cao.xlsx');
        fs.writeFileSync(f, 'đây không phải là tệp Excel');
        return ['check', f];
      },
      /không phải là sổ tính Excel[\s\S]*not an Excel workbook/,
    ],
    ['an unknown sheet', () => ['check', SAMPLE, '--sheet', 'PL XX'], /Không có trang tính "PL XX"[\s\S]*PL VII/],
    ['an unknown option', () => ['check', SAMPLE, '--csv'], /Tùy chọn không hợp lệ: --csv/],
    ['no file', () => ['check'], /Thiếu tên tệp/],
    ['an unknown command', () => ['kiem-tra', SAMPLE], /Lệnh không hợp lệ/],
  ])('%s', async (_name, args, message) => {
    const { code, out, err } = await runCli(args());
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('the installed command', () => {
  test('bin/phuluc.js runs the built CLI and prints only JSON on stdout', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/phuluc.js'), 'check', SAMPLE, '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    const report: JsonReport = JSON.parse(result.stdout);
    expect(report.sheets).toHaveLength(7);
  });

  test('--help exits 0', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/phuluc.js'), '--help'], { encoding: 'utf8' });
    expect(out).toContain('phuluc check');
  });
});
