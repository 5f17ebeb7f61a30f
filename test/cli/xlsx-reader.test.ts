/**
 * The package reader on files as they arrive: a stray far cell, parts past the limits, broken XML,
 * a broken zip, filled-down (shared) formulas. Each either reads as it should or exits 2 with a
 * message that says why, quickly.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { run } from '../../src/cli/main';
import { readWorkbook } from '../../src/cli/xlsx-reader';
import { LIMITS } from '../../src/cli/xlsx/limits';
import { checkWorkbook } from '../../src/engine/check';
import { readZipDirectory, inflateEntry } from '../../src/cli/xlsx/zip-directory';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/bao-cao-cchc-quy-1-2017.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-reader-'));

/** The sample with one part rewritten. */
function withPart(name: string, part: string, change: (xml: string) => string): string {
  const parts = unzipSync(fs.readFileSync(SAMPLE));
  parts[part] = strToU8(change(strFromU8(parts[part])));
  const file = path.join(dir, name);
  fs.writeFileSync(file, zipSync(parts));
  return file;
}

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const findingsOf = async (file: string) => JSON.stringify(checkWorkbook(await readWorkbook(file)).sheets.map((s) => s.tables.map((t) => t.findings)));

test('a stray value in the last cell of the sheet (XFD1048576) changes no finding and costs little', async () => {
  const stray = withPart('xa.xlsx', 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'));
  const started = Date.now();
  const sheets = await readWorkbook(stray);
  expect(sheets[0].cells[1048575][16383]?.value).toBe(1);
  expect(await findingsOf(stray)).toEqual(await findingsOf(SAMPLE));
  // Was 127 s when every row was scanned to the sheet's last column.
  expect(Date.now() - started).toBeLessThan(20_000);
});

test.each([
  ['sheetCells', 'ô (kể cả ô trống đã định dạng)', 'cells (formatted empty cells included)'],
  ['sharedStrings', 'bảng chuỗi dùng chung', 'shared-string table'],
  ['partBytes', 'giải nén ra hơn', 'inflates to more than'],
] as const)('a file past the limit on %s exits 2 before it is read on', async (limit, vi, en) => {
  const saved = LIMITS[limit];
  // The limits themselves are far above any appendix; here they are lowered to what the sample holds.
  LIMITS[limit] = limit === 'partBytes' ? 2000 : 20;
  try {
    const { code, err } = await runCli(['check', SAMPLE]);
    expect(code).toBe(2);
    expect(err).toContain(vi);
    expect(err).toContain(en);
    expect(err).toContain('quá lớn cho một sổ tính phụ lục');
  } finally {
    LIMITS[limit] = saved;
  }
});

test.each([
  ['an unclosed element', (xml: string) => xml.replace('</sheetData>', '<row r="99"><c r="A99"><v>1</v></c></sheetData>')],
  ['a cut-off part', (xml: string) => xml.slice(0, Math.floor(xml.length / 2))],
  ['a bare "&"', (xml: string) => xml.replace('<v>', '<v>&x')],
  ['a cell address outside the sheet', (xml: string) => xml.replace(/<c r="B(\d+)"/, '<c r="XFE$1"')],
])('broken sheet XML (%s) is a damaged workbook: exit 2, naming the part', async (_what, change) => {
  const broken = withPart('hong.xlsx', 'xl/worksheets/sheet1.xml', change);
  const { code, err } = await runCli(['check', broken]);
  expect(code).toBe(2);
  expect(err).toContain('sổ tính bị hỏng');
  expect(err).toContain('the workbook is damaged');
  expect(err).toContain('xl/worksheets/sheet1.xml');
});

test('a stored number that is not one (NaN, 12,5) is read as its text, for the check to report that cell, not the workbook', async () => {
  const odd = withPart('nan.xlsx', 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<c r="C(\d+)"([^>]*)><v>[^<]*<\/v>/, '<c r="C$1"><v>NaN</v>'));
  const [sheet] = await readWorkbook(odd);
  const found = sheet.cells.flatMap((row) => row ?? []).filter((c) => c?.value === 'NaN');
  expect(found).toHaveLength(1);
  const { code, err } = await runCli(['check', odd]);
  expect(code).not.toBe(2);
  expect(err).not.toContain('bị hỏng');
});

test('a sheet the workbook lists without its part is a damaged workbook naming the sheet, never checked without a word', async () => {
  const parts = unzipSync(fs.readFileSync(SAMPLE));
  delete parts['xl/worksheets/sheet3.xml'];
  const file = path.join(dir, 'thieu-trang.xlsx');
  fs.writeFileSync(file, zipSync(parts));
  for (const command of ['check', 'fix']) {
    const { code, err } = await runCli(command === 'check' ? ['check', file] : ['fix', file, '-o', path.join(dir, 'thieu-trang-sua.xlsx')]);
    expect(code).toBe(2);
    expect(err).toContain('thiếu phần xl/worksheets/sheet3.xml của trang');
    expect(err).toContain('the part xl/worksheets/sheet3.xml of sheet');
  }
  expect(fs.existsSync(path.join(dir, 'thieu-trang-sua.xlsx'))).toBe(false);
});

test.each([
  ['missing', (parts: Record<string, Uint8Array>) => void delete parts['[Content_Types].xml'], 'thiếu phần [Content_Types].xml'],
  ['cut off', (parts: Record<string, Uint8Array>) => void (parts['[Content_Types].xml'] = strToU8('<Types><Default')), '[Content_Types].xml: '],
  ['with a DOCTYPE', (parts: Record<string, Uint8Array>) => void (parts['[Content_Types].xml'] = strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Types/>')), '[Content_Types].xml: '],
])('a package whose list of content types is %s is damaged for check and fix alike, never an unexpected error', async (what, change, said) => {
  const parts = unzipSync(fs.readFileSync(SAMPLE));
  change(parts);
  const file = path.join(dir, `kieu-${what.replace(/\W/g, '')}.xlsx`);
  fs.writeFileSync(file, zipSync(parts));
  for (const args of [['check', file], ['fix', file, '-o', path.join(dir, `kieu-sua-${what.replace(/\W/g, '')}.xlsx`)]]) {
    const { code, err } = await runCli(args);
    expect(code).toBe(2);
    expect(err).toContain(said);
    expect(err).not.toContain('không mong đợi');
  }
});

test('two parts of one name (as OPC compares names, without case) are a damaged workbook: which one Excel reads is not known', async () => {
  const parts = unzipSync(fs.readFileSync(SAMPLE));
  parts['XL/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'];
  const file = path.join(dir, 'trung-ten.xlsx');
  fs.writeFileSync(file, zipSync(parts));
  const { code, err } = await runCli(['check', file]);
  expect(code).toBe(2);
  expect(err).toContain('hai phần cùng tên');
  expect(err).toContain('two parts named');
});

test('a zip whose part does not inflate is a damaged workbook, exit 2', async () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  const sheet = readZipDirectory(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  // Scramble the compressed data of the sheet.
  for (let i = 0; i < 40; i++) bytes[sheet.headerOffset + 30 + sheet.name.length + 20 + i] ^= 0x5a;
  const file = path.join(dir, 'nen-hong.xlsx');
  fs.writeFileSync(file, bytes);
  const { code, err } = await runCli(['check', file]);
  expect(code).toBe(2);
  expect(err).toContain('bị hỏng');
});

test('a filled-down formula saved once (shared) is read in each cell as that cell holds it', async () => {
  const file = withPart('chia-se.xlsx', 'xl/worksheets/sheet1.xml', (xml) =>
    xml.replace('</sheetData>', '<row r="200"><c r="A200"><f t="shared" ref="A200:C201" si="7">B$1+$C2*LOG10(D3)</f><v>1</v></c><c r="B200"><f t="shared" si="7"/><v>2</v></c></row><row r="201"><c r="C201"><f t="shared" si="7"/><v>3</v></c></row></sheetData>'),
  );
  const [sheet] = await readWorkbook(file);
  expect(sheet.cells[199][0]?.formula).toBe('B$1+$C2*LOG10(D3)');
  expect(sheet.cells[199][1]?.formula).toBe('C$1+$C2*LOG10(E3)');
  expect(sheet.cells[200][2]?.formula).toBe('D$1+$C3*LOG10(F4)');
  expect(sheet.cells[200][2]?.value).toBe(3);
});

test('the zip directory lists and inflates every part as fflate does', () => {
  const files = [SAMPLE, ...fs.readdirSync(path.join(ROOT, 'test/fixtures/files')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(ROOT, 'test/fixtures/files', f))];
  for (const file of files) {
    const data = new Uint8Array(fs.readFileSync(file));
    const reference = unzipSync(data);
    const entries = readZipDirectory(data);
    expect([file, entries.map((e) => e.name).sort()]).toEqual([file, Object.keys(reference).sort()]);
    for (const e of entries) expect([file, e.name, Buffer.from(inflateEntry(data, e)).equals(Buffer.from(reference[e.name]))]).toEqual([file, e.name, true]);
  }
});
