/**
 * `phuluc fix` on many files: folders and files in one process, each written under its own name
 * in the output folder, a line per file on stderr, one summary, the worst exit code; an unusable
 * file is said to be so and the others are still written; the inputs are never modified.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { readWorkbook } from '../../src/cli/xlsx-reader';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/bao-cao-cchc-quy-1-2017.xlsx');
const RICH = path.join(ROOT, 'test/fixtures/files/rich-workbook.xlsx');

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('a folder of received files is fixed into the output folder, file by file, in one command', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-batch-fix-'));
  const inbox = path.join(dir, 'nhan');
  fs.mkdirSync(path.join(inbox, 'huyen'), { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(inbox, 'tinh.xlsx'));
  fs.copyFileSync(RICH, path.join(inbox, 'huyen', 'xa.xlsx'));
  fs.writeFileSync(path.join(inbox, 'ghi-chu.xlsx'), 'không phải sổ tính');
  const before = ['tinh.xlsx', 'huyen/xa.xlsx'].map((f) => digest(path.join(inbox, f)));
  const out = path.join(inbox, 'da-sua');
  let stdout = '';
  let stderr = '';
  const code = await run(['fix', inbox, '-o', out], { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') });
  expect(code).toBe(2);
  expect(stderr.trim().split('\n')).toHaveLength(3);
  expect(stderr).toContain('[1/3]');
  expect(stderr).toContain('không dùng được / unusable');
  expect(stdout).toContain('Tổng kết: 3 tệp — 2 tệp đã ghi (1.898 ô được sửa), 1 tệp không dùng được.');
  for (const f of ['tinh.xlsx', 'huyen/xa.xlsx']) {
    const sheets = await readWorkbook(path.join(out, f));
    expect(sheets.map((s) => s.name)).toContain('Nhật ký PhuLuc');
  }
  expect(['tinh.xlsx', 'huyen/xa.xlsx'].map((f) => digest(path.join(inbox, f)))).toEqual(before);
  // A second run over the same folder does not take the outputs for inputs, and overwrites nothing.
  stdout = '';
  expect(await run(['fix', inbox, '-o', out], { out: (t) => (stdout += t), err: () => undefined })).toBe(2);
  expect(stdout).toContain('Tổng kết: 3 tệp');
  expect(stdout).toContain('--force');
});

test('with several files, -o must be a folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-batch-fix-'));
  const file = path.join(dir, 'ket-qua.xlsx');
  fs.writeFileSync(file, 'x');
  let stderr = '';
  expect(await run(['fix', SAMPLE, RICH, '-o', file], { out: () => undefined, err: (t) => (stderr += t) })).toBe(2);
  expect(stderr).toContain('-o names the output folder');
});
