/**
 * An output never replaces an input of the same run, whatever the command and with --force too;
 * two inputs of one name get two outputs; a run killed while writing leaves nothing the next run
 * in that folder does not clean up.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { distinctOutputs } from '../../src/cli/batch-fix';
import { removeAbandonedTemporaries } from '../../src/cli/safe-write';
import { readWorkbook } from '../../src/cli/xlsx-reader';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/bao-cao-cchc-quy-1-2017.xlsx');
const RICH = path.join(ROOT, 'test/fixtures/files/rich-workbook.xlsx');
const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function phuluc(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') });
  return { code, stdout, stderr };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-inputs-'));

test('check --report naming a received workbook of the run is refused before anything is written, --force or not', async () => {
  const dir = tempDir();
  const recv = path.join(dir, 'recv');
  fs.mkdirSync(recv);
  fs.copyFileSync(SAMPLE, path.join(recv, 'a.xlsx'));
  fs.copyFileSync(RICH, path.join(recv, 'b.xlsx'));
  const before = digest(path.join(recv, 'a.xlsx'));
  for (const force of [[], ['--force']]) {
    const { code, stderr } = await phuluc(['check', recv, '--report', path.join(recv, 'a.xlsx'), ...force]);
    expect(code).toBe(2);
    expect(stderr).toContain('không ghi đè tệp nhận được');
    expect(stderr).toContain('never writes over a received file');
    expect(stderr).not.toContain('[1/'); // refused before checking
    expect(digest(path.join(recv, 'a.xlsx'))).toBe(before);
  }
});

test('an earlier report in the folder is not a received file: left out of the check and replaced with --force', async () => {
  const dir = tempDir();
  fs.copyFileSync(SAMPLE, path.join(dir, 'a.xlsx'));
  const report = path.join(dir, 'tong-hop.xlsx');
  expect((await phuluc(['check', dir, '--report', report])).code).toBe(1);
  const first = fs.statSync(report).ino;
  const again = await phuluc(['check', dir, '--report', report, '--force']);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('[1/1]'); // the report itself was not checked
  expect(fs.statSync(report).ino).not.toBe(first); // written anew, put in place whole
  expect((await readWorkbook(report)).map((s) => s.name)).toEqual(['Tổng hợp kiểm tra']);
  // Without --force an existing report is refused before the check.
  const refused = await phuluc(['check', dir, '--report', report]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).not.toContain('[1/');
});

test('two inputs of one name are fixed into two outputs, none lost', async () => {
  const dir = tempDir();
  for (const [sub, from] of [['d1', SAMPLE], ['d2', RICH]] as const) {
    fs.mkdirSync(path.join(dir, sub));
    fs.copyFileSync(from, path.join(dir, sub, 'x.xlsx'));
  }
  const out = path.join(dir, 'out');
  const { code, stderr } = await phuluc(['fix', path.join(dir, 'd1/x.xlsx'), path.join(dir, 'd2/x.xlsx'), '-o', out]);
  expect(code).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual(['x (2).xlsx', 'x.xlsx']);
  expect(stderr).toContain('x (2).xlsx');
  // Each output comes from its own input: the sample's sheets in one, the rich workbook's in the other.
  const names = async (f: string) => (await readWorkbook(path.join(out, f))).map((s) => s.name);
  expect(await names('x.xlsx')).not.toContain('Dữ liệu');
  expect(await names('x (2).xlsx')).toContain('Dữ liệu');
});

test('distinct output names: case differences count as the same name', () => {
  expect(distinctOutputs(['o/a.xlsx', 'o/A.xlsx', 'o/b.xlsx', 'o/a.xlsx'])).toEqual(['o/a.xlsx', 'o/A (2).xlsx', 'o/b.xlsx', 'o/a (3).xlsx']);
});

test('fix never writes over another input of the same run', async () => {
  const dir = tempDir();
  fs.copyFileSync(SAMPLE, path.join(dir, 'a.xlsx'));
  const out = path.join(dir, 'out');
  fs.mkdirSync(out);
  // out/a.xlsx is both the output for a.xlsx and an input given by name.
  fs.copyFileSync(RICH, path.join(out, 'a.xlsx'));
  const before = digest(path.join(out, 'a.xlsx'));
  const { code } = await phuluc(['fix', path.join(dir, 'a.xlsx'), path.join(dir, 'out', 'a.xlsx'), '-o', out, '--force']);
  expect(code).toBe(2);
  expect(digest(path.join(out, 'a.xlsx'))).toBe(before);
});

test('a temporary file left by a killed run is removed by the next run in that folder; a live run\'s is kept', async () => {
  const dir = tempDir();
  const dead = path.join(dir, '.ket-qua.xlsx.999999.1765000000000.tmp');
  const live = path.join(dir, `.ket-qua.xlsx.${process.pid}.1765000000000.tmp`);
  const other = path.join(dir, 'notes.tmp');
  for (const f of [dead, live, other]) fs.writeFileSync(f, 'x');
  removeAbandonedTemporaries(dir);
  expect([fs.existsSync(dead), fs.existsSync(live), fs.existsSync(other)]).toEqual([false, true, true]);
  fs.rmSync(live);
  fs.writeFileSync(dead, 'x');
  expect((await phuluc(['fix', SAMPLE, '-o', path.join(dir, 'ket-qua.xlsx')])).code).toBe(0);
  expect(fs.readdirSync(dir).sort()).toEqual(['ket-qua.xlsx', 'notes.tmp']);
});
