/**
 * One snapshot, every reader: each sample and fixture workbook read by the command line's package
 * reader, by exceljs (an independent reading of the same file) and, opened in the in-memory Excel,
 * by the add-in's Office.js host must give the engine identical snapshots and so identical findings.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbook, WorkbookReport } from '../../src/engine/check';
import { loadWorkbook, worksheetToSnapshot } from '../fixtures/exceljs-snapshot';
import { readWorkbook } from '../../src/cli/xlsx-reader';
import { createExcelHost } from '../../src/excel/office-host';
import { SheetSnapshot } from '../../src/engine/read/snapshot';
import { generateAppendix } from '../fixtures/generator';
import { SEED_SHEETS, TEXT_SHEETS } from '../fixtures/seed-sheets';
import { writeWorkbook } from '../fixtures/workbook-writer';
import { openInFake } from '../fixtures/xlsx-into-fake';

const ROOT = path.resolve(__dirname, '../..');

async function fixtureWorkbooks(): Promise<[string, string][]> {
  const samples = fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.xlsx')).map((f): [string, string] => [`samples/${f}`, path.join(ROOT, 'samples', f)]);
  const files = fs.readdirSync(path.join(ROOT, 'test/fixtures/files')).filter((f) => f.endsWith('.xlsx')).map((f): [string, string] => [`test/fixtures/files/${f}`, path.join(ROOT, 'test/fixtures/files', f)]);
  return [
    ...samples,
    ...files,
    ['every seed table', await writeWorkbook(SEED_SHEETS.map((s) => ({ ...s.spec(), name: s.id })))],
    ['every text table', await writeWorkbook(TEXT_SHEETS.map((s) => ({ ...s.spec(), name: s.id })))],
    ['a generated L5 appendix with typos', await writeWorkbook([generateAppendix('L5', 400, 4, 11).spec])],
    ['hidden rows, a protected and hidden sheet, a date, merged figures', await withSheetFacts(await writeWorkbook([SEED_SHEETS.find((s) => s.id === '000-06')!.spec(), SEED_SHEETS.find((s) => s.id === '000-08')!.spec()]))],
    ['the sample after phuluc fix (formulas with their results)', fixedSample()],
  ];
}

/** The same workbook with what a received file often has besides its figures. */
async function withSheetFacts(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const [first, second] = wb.worksheets;
  first.getRow(9).hidden = true;
  first.getCell('A2').value = new Date(Date.UTC(2017, 2, 31));
  first.getCell('A2').numFmt = 'dd/mm/yyyy';
  await second.protect('', {});
  second.mergeCells('K20:L20');
  second.state = 'hidden';
  await wb.xlsx.writeFile(file);
  return file;
}

function fixedSample(): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-conformance-')), 'fixed.xlsx');
  execFileSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'fix', path.join(ROOT, 'samples/bao-cao-cchc-quy-1-2017.xlsx'), '-o', out], { stdio: 'pipe' });
  return out;
}

/** What a report says, without the objects it was computed from. */
function said(report: WorkbookReport): unknown {
  return {
    sheets: report.sheets.map((s) => ({ sheet: s.sheet, notices: s.notices, tables: s.tables.map((t) => ({ layout: t.layout, range: t.range, confidence: t.confidence, findings: t.findings, notices: t.notices })) })),
    crossSheet: report.crossSheet,
  };
}

test('the package reader, exceljs and the Office.js host give the engine the same snapshots and the same findings', async () => {
  const books = await fixtureWorkbooks();
  for (const [name, file] of books) {
    const reference: SheetSnapshot[] = await readWorkbook(file);
    if (name.endsWith('rich-workbook.xlsx')) {
      // Saved by openpyxl with a chart: exceljs cannot open it at all (one reason PhuLuc reads packages
      // itself), and the fake Excel is loaded through exceljs; test/cli/fix-keeps-everything reads it.
      await expect(loadWorkbook(file)).rejects.toThrow();
      continue;
    } else {
      const byExceljs: SheetSnapshot[] = (await loadWorkbook(file)).worksheets.map(worksheetToSnapshot);
      expect([name, byExceljs.map((s) => s.name)]).toEqual([name, reference.map((s) => s.name)]);
      byExceljs.forEach((sheet, i) => expect([name, 'exceljs', sheet.name, sheet]).toEqual([name, 'exceljs', sheet.name, reference[i]]));
    }
    const book = await openInFake(file);
    const { sheets } = await createExcelHost(book.run, { supports: book.supports }).readWorkbook();
    expect([name, sheets.map((s) => s.name)]).toEqual([name, reference.map((s) => s.name)]);
    sheets.forEach((sheet, i) => expect([name, sheet.name, sheet]).toEqual([name, sheet.name, reference[i]]));
    const findings = said(checkWorkbook(reference));
    expect([name, said(checkWorkbook(sheets))]).toEqual([name, findings]);
    // The comparison says something: every one of these workbooks has findings.
    expect([name, JSON.stringify(findings).includes('"severity":')]).toEqual([name, true]);
  }
}, 120_000);
