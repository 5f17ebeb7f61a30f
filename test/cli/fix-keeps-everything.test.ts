/**
 * Lose nothing: a received workbook with a chart, an image, comments, conditional formatting and
 * data validation on a sheet that fix changes, a pivot table, shared formulas, a defined name, a
 * hidden and a very hidden sheet and a password-protected sheet (test/fixtures/files, made by
 * scripts/make-rich-fixture.py with openpyxl; exceljs cannot even open it) goes through `fix`.
 * Every part PhuLuc did not have to change is byte for byte the input's; the changed sheets differ
 * only in the cells the plan names; each copy "(gốc)" is its sheet's part with all it owns.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { fixWorkbook, FixResult } from '../../src/cli/xlsx-fixer';
import { rankWorkbook } from '../../src/cli/xlsx-ranking';
import { openWorkbook, readSheets, worksheetsOf } from '../../src/cli/xlsx-reader';
import { readBookParts, readRelationships, relationshipsPartOf } from '../../src/cli/xlsx/package-parts';
import { ZipPackage } from '../../src/cli/xlsx/zip-package';

const RICH = path.resolve(__dirname, '../fixtures/files/rich-workbook.xlsx');
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-rich-')), 'da-sua.xlsx');
let result: FixResult;
let before: Record<string, Uint8Array>;
let after: Record<string, Uint8Array>;

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const bookOf = (file: string) => readBookParts(ZipPackage.open(file, fs.readFileSync(file)));

beforeAll(async () => {
  result = await fixWorkbook(RICH, out, { applySuggestions: false, values: false });
  before = unzipSync(fs.readFileSync(RICH));
  after = unzipSync(fs.readFileSync(out));
});

test('every part fix did not have to change is byte-identical in the output', () => {
  const book = bookOf(RICH);
  const changedSheets = result.sheets.filter((s) => s.plan.edits.length).map((s) => book.sheets.find((e) => e.name === s.sheet)!.part);
  expect(changedSheets.length).toBeGreaterThan(0);
  // What fix has to change: the changed sheets, the styles their new formats need, and the listings of the sheets it adds.
  const mayChange = new Set([...changedSheets, 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);
  const unchanged = Object.keys(before).filter((name) => !mayChange.has(name));
  expect(unchanged).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/media/image1.png', 'xl/comments/comment1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/drawings/drawing1.xml']));
  for (const name of unchanged) expect([name, name in after && same(after[name], before[name])]).toEqual([name, true]);
});

test('sheet visibility, the defined name, the pivot cache and the protection password are kept', () => {
  const input = bookOf(RICH);
  const output = bookOf(out);
  for (const sheet of input.sheets) expect(output.sheets.find((s) => s.name === sheet.name)).toMatchObject({ visibility: sheet.visibility, part: sheet.part });
  expect(output.sheets.filter((s) => s.visibility !== 'visible').map((s) => [s.name, s.visibility])).toEqual([
    ['Ẩn', 'hidden'],
    ['Ẩn sâu', 'veryHidden'],
  ]);
  const workbook = Buffer.from(after['xl/workbook.xml']).toString('utf8');
  expect(workbook).toContain('<definedName name="TongSo">');
  expect(workbook).toContain('cacheId="7"');
  const locked = input.sheets.find((s) => s.name === 'Khoá')!.part;
  expect(Buffer.from(after[locked]).toString('utf8')).toMatch(/<sheetProtection[^>]*password="[0-9A-F]+"/);
});

test('a changed sheet differs from the input only in the cells the plan names', async () => {
  const input = openWorkbook(RICH);
  const output = openWorkbook(out);
  for (const fix of result.sheets.filter((s) => s.plan.edits.length)) {
    const [was] = readSheets(input, worksheetsOf(input, fix.sheet));
    const [now] = readSheets(output, worksheetsOf(output, fix.sheet));
    const named = new Set(fix.plan.edits.map((e) => `${e.row}:${e.col}`));
    for (let r = 0; r < Math.max(was.cells.length, now.cells.length); r++) {
      for (let c = 0; c < Math.max(was.cells[r]?.length ?? 0, now.cells[r]?.length ?? 0); c++) {
        if (named.has(`${r}:${c}`)) continue;
        expect([fix.sheet, r, c, now.cells[r]?.[c]]).toEqual([fix.sheet, r, c, was.cells[r]?.[c]]);
      }
    }
    for (const e of fix.plan.edits) expect([fix.sheet, e.cell, now.cells[e.row][e.col]?.formula, now.cells[e.row][e.col]?.value]).toEqual([fix.sheet, e.cell, e.formula, e.value]);
  }
});

test('the copy of the changed sheet is its part as received, with its own copies of the chart, drawing and comments', () => {
  const input = bookOf(RICH);
  const output = bookOf(out);
  const original = input.sheets.find((s) => s.name === 'PL VII')!;
  const copy = output.sheets.find((s) => s.name === 'PL VII (gốc)')!;
  expect(copy.part).not.toBe(original.part);
  const pkg = ZipPackage.open(out, fs.readFileSync(out));
  const originalRels = readRelationships(ZipPackage.open(RICH, fs.readFileSync(RICH)), original.part);
  const copyRels = readRelationships(pkg, copy.part);
  expect(copyRels.map((r) => [r.id, r.kind])).toEqual(originalRels.map((r) => [r.id, r.kind]));
  for (const [i, rel] of copyRels.entries()) {
    expect(rel.target).not.toBe(originalRels[i].target);
    expect(same(after[rel.target], before[originalRels[i].target])).toBe(true);
  }
  // The drawing's copy points at a copy of the chart and at the same picture.
  const drawing = copyRels.find((r) => r.kind === 'drawing')!;
  const drawingRels = readRelationships(pkg, drawing.target);
  expect(drawingRels.map((r) => r.kind).sort()).toEqual(['chart', 'image']);
  expect(drawingRels.find((r) => r.kind === 'chart')!.target).not.toBe('xl/charts/chart1.xml');
  expect(drawingRels.find((r) => r.kind === 'image')!.target).toBe('xl/media/image1.png');
  // Apart from not being the selected tab, the copy is the sheet as it came.
  const strip = (b: Uint8Array) => Buffer.from(b).toString('utf8').replace(/ tabSelected="[01]"/, '');
  expect(strip(after[copy.part])).toBe(strip(before[original.part]));
  expect(relationshipsPartOf(copy.part) in after).toBe(true);
});

test('the shared formulas of the untouched sheet are read in every cell, before and after', async () => {
  const [data] = await Promise.all([readSheets(openWorkbook(out), worksheetsOf(openWorkbook(out), 'Dữ liệu'))]);
  expect(data[0].cells.slice(1, 4).map((row) => row[2]?.formula)).toEqual(['B2*2', 'B3*2', 'B4*2']);
});

test('rank adds its sheet and table and changes no part of the workbook but the listings and styles', async () => {
  const ranked = out.replace('da-sua', 'xep-hang');
  await rankWorkbook(RICH, ranked, 'PL VII', { measure: 'on-time', preset: 'khanh-hoa' });
  const parts = unzipSync(fs.readFileSync(ranked));
  const listings = new Set(['xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);
  for (const name of Object.keys(before).filter((n) => !listings.has(n))) expect([name, name in parts && same(parts[name], before[name])]).toEqual([name, true]);
  const added = Object.keys(parts).filter((n) => !(n in before));
  expect(added.sort()).toEqual(['xl/tables/table1.xml', 'xl/worksheets/_rels/sheet12.xml.rels', 'xl/worksheets/sheet12.xml']);
  const book = bookOf(ranked);
  expect(book.sheets.map((s) => s.name).slice(-1)).toEqual(['Xếp hạng – Tỉ lệ đúng hạn']);
  expect(Buffer.from(parts['xl/workbook.xml']).toString()).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${book.sheets.length - 1}">`);
});

test('a macro-enabled workbook (.xlsm) keeps its VBA project and its kind', async () => {
  // The sample made macro-enabled: the workbook's content type and a VBA project part, as Excel saves them.
  const parts = unzipSync(fs.readFileSync(path.resolve(__dirname, '../../samples/bao-cao-cchc-quy-1-2017.xlsx')));
  const vba = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
  parts['xl/vbaProject.bin'] = vba;
  const types = Buffer.from(parts['[Content_Types].xml']).toString('utf8');
  parts['[Content_Types].xml'] = new TextEncoder().encode(
    types.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml').replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
  );
  const rels = Buffer.from(parts['xl/_rels/workbook.xml.rels']).toString('utf8');
  parts['xl/_rels/workbook.xml.rels'] = new TextEncoder().encode(rels.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
  const { zipSync } = await import('fflate');
  const input = path.join(path.dirname(out), 'vi-mo.xlsm');
  fs.writeFileSync(input, zipSync(parts));
  const fixed = path.join(path.dirname(out), 'vi-mo-da-sua.xlsm');
  const result = await fixWorkbook(input, fixed, { applySuggestions: false, values: false });
  expect(result.sheets.some((s) => s.plan.edits.length)).toBe(true);
  const written = unzipSync(fs.readFileSync(fixed));
  expect(same(written['xl/vbaProject.bin'], vba)).toBe(true);
  expect(Buffer.from(written['[Content_Types].xml']).toString('utf8')).toContain('macroEnabled.main+xml');
  expect(Buffer.from(written['xl/_rels/workbook.xml.rels']).toString('utf8')).toContain('Target="vbaProject.bin"');
});

test('an Excel table on a changed sheet: its copy is a table of its own (id and name unique in the workbook)', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.resolve(__dirname, '../../samples/bao-cao-cchc-quy-1-2017.xlsx'));
  wb.getWorksheet('PL VII')!.addTable({ name: 'BangPhu', ref: 'P1', headerRow: true, columns: [{ name: 'A' }, { name: 'B' }], rows: [[1, 2], [3, 4]] });
  const input = path.join(path.dirname(out), 'co-bang.xlsx');
  await wb.xlsx.writeFile(input);
  const fixed = path.join(path.dirname(out), 'co-bang-da-sua.xlsx');
  await fixWorkbook(input, fixed, { applySuggestions: false, values: false });
  const parts = unzipSync(fs.readFileSync(fixed));
  const tables = Object.keys(parts)
    .filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))
    .map((n) => /<table [^>]*\bid="(\d+)"[^>]*\bname="([^"]+)"/.exec(Buffer.from(parts[n]).toString('utf8'))!.slice(1));
  expect(tables).toHaveLength(2);
  expect(new Set(tables.map((t) => t[0])).size).toBe(2);
  expect(new Set(tables.map((t) => t[1])).size).toBe(2);
});
