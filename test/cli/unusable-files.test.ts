/**
 * Files that are not usable workbooks are said to be what they are, with what to do: exit 2,
 * quickly, the file's bytes untouched.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { run } from '../../src/cli/main';

const SAMPLE = path.resolve(__dirname, '../../samples/bao-cao-cchc-quy-1-2017.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-unusable-'));

function file(name: string, bytes: Uint8Array | string): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, bytes);
  return target;
}

const withoutSheets = () => {
  const parts = unzipSync(fs.readFileSync(SAMPLE));
  for (const name of Object.keys(parts)) if (name.startsWith('xl/worksheets/')) delete parts[name];
  return zipSync(parts);
};

/** A 3 GB file that starts like a zip package: sparse on disk, so made in an instant. */
const huge = () => {
  const target = file('rat-lon.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
  fs.truncateSync(target, 3 * 1024 ** 3);
  return target;
};

const CASES: [string, () => string, string, string][] = [
  ['a 3 GB file', huge, 'quá lớn cho một sổ tính', 'too large for an appendix workbook'],
  ['an OpenDocument sheet', () => file('bang.xlsx', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') })), 'OpenDocument', 'OpenDocument'],
  ['a Word document', () => file('van-ban.xlsx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') })), 'Word', 'Word document'],
  ['an empty zip', () => file('rong.xlsx', zipSync({})), 'tệp nén rỗng', 'empty zip'],
  ['a zip without a workbook', () => file('nen.xlsx', zipSync({ 'a.txt': strToU8('x') })), 'không chứa sổ tính', 'without an Excel workbook'],
  ['a workbook without its sheet parts', () => file('hong.xlsx', withoutSheets()), 'thiếu phần chứa các trang tính', 'parts holding its sheets are missing'],
  ['an old .xls', () => file('cu.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])), 'kiểu cũ (.xls)', 'old-style Excel workbook'],
  ['text', () => file('ghi-chu.xlsx', 'Số liệu quý I'), 'không phải là sổ tính', 'not an Excel workbook'],
];

/** An .xlsx saved with a password: a compound file whose directory names an "EncryptedPackage" stream. */
function encrypted(): string {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const names = ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'];
  names.forEach((name, i) => bytes.set(Array.from(name).flatMap((ch) => [ch.charCodeAt(0), 0]), 1024 + 128 * i));
  return file('mat-khau.xlsx', bytes);
}

test('a workbook saved with a password is said to be so, with how to remove it in Excel: exit 2, unchanged', async () => {
  const input = encrypted();
  const before = fs.readFileSync(input);
  let err = '';
  const code = await run(['check', input], { out: () => undefined, err: (t) => (err += t) });
  expect(code).toBe(2);
  expect(err).toContain('được bảo vệ bằng mật khẩu');
  expect(err).toContain('Mã hóa bằng mật khẩu');
  expect(err).toContain('protected with a password');
  expect(err).not.toContain('kiểu cũ');
  expect(fs.readFileSync(input).equals(before)).toBe(true);
});

test.each(CASES)('%s: exit 2, saying what it is and to save as .xlsx, the file unchanged', async (_what, make, vi, en) => {
  const input = make();
  const digest = () => (fs.statSync(input).size > 1e8 ? `${fs.statSync(input).size}:${fs.statSync(input).mtimeMs}` : createHash('sha256').update(fs.readFileSync(input)).digest('hex'));
  const before = digest();
  for (const args of [['check', input], ['fix', input, '-o', path.join(dir, `out-${path.basename(input)}`)]]) {
    let err = '';
    const started = Date.now();
    const code = await run(args, { out: () => undefined, err: (t) => (err += t) });
    expect([args[0], code]).toEqual([args[0], 2]);
    expect(err).toContain(vi);
    expect(err).toContain(en);
    expect(err).toContain('.xlsx');
    expect(Date.now() - started).toBeLessThan(10_000);
  }
  expect(digest()).toBe(before);
  expect(fs.existsSync(path.join(dir, `out-${path.basename(input)}`))).toBe(false);
});

test('cell text printed to a terminal is stripped of control characters', async () => {
  const { writeWorkbook } = await import('../fixtures/workbook-writer');
  const { SEED_SHEETS } = await import('../fixtures/seed-sheets');
  const spec = SEED_SHEETS.find((s) => s.id === '000-06')!.spec();
  const rows = spec.rows.map((row, i) => (i === 2 ? row.map((v, c) => (c === 1 && typeof v === 'string' ? `\u001b[2J\u001b[31m${v}\r\u202e` : v)) : row));
  const input = await writeWorkbook([{ ...spec, rows }]);
  let out = '';
  await run(['check', input], { out: (t) => (out += t), err: (t) => (out += t) });
  expect(out.length).toBeGreaterThan(100);
  expect(out).not.toMatch(/[\u001b\r\u202e]/);
  let json = '';
  await run(['check', input, '--json'], { out: (t) => (json += t), err: () => undefined });
  expect(JSON.parse(json).sheets.length).toBe(1);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
