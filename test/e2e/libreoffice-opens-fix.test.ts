/**
 * LibreOffice opens what `fix` writes from a workbook full of parts exceljs would drop (chart,
 * image, comments, pivot table, hidden sheets, a protected sheet): every sheet is there, the
 * changed sheet's copy with its own chart and comment, and the recomputed cells show the engine's
 * values once LibreOffice has recalculated them. Needs LibreOffice Calc (.ci/run installs it).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixWorkbook } from '../../src/cli/xlsx-fixer';
import { openWorkbook, readSheets, worksheetsOf } from '../../src/cli/xlsx-reader';

const RICH = path.resolve(__dirname, '../fixtures/files/rich-workbook.xlsx');

test('LibreOffice opens the fixed rich workbook with every sheet, chart and comment, and computes the engine values', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-lo-rich-'));
  const fixed = path.join(dir, 'da-sua.xlsx');
  const result = await fixWorkbook(RICH, fixed, { applySuggestions: false, values: false });
  // LibreOffice opens the file, recalculates every formula, and saves it again as .xlsx.
  const profile = `file://${path.join(dir, 'profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'lo'), fixed], { stdio: 'pipe', timeout: 120_000 });
  const saved = path.join(dir, 'lo', 'da-sua.xlsx');
  const opened = openWorkbook(saved);
  expect(opened.book.sheets.map((s) => s.name)).toEqual(openWorkbook(fixed).book.sheets.map((s) => s.name));
  // LibreOffice has no "very hidden": it keeps the sheet hidden (our own output keeps it very hidden, see test/cli).
  expect(opened.book.sheets.find((s) => s.name === 'Ẩn sâu')?.visibility).not.toBe('visible');
  const entries = opened.pkg.entries.map((e) => e.name);
  expect(entries.filter((n) => n.startsWith('xl/charts/chart')).length).toBe(2);
  expect(entries.filter((n) => /comments\d*\.xml$/.test(n)).length).toBe(2);
  // The recomputed cells, as LibreOffice computed them, hold the values the engine planned.
  const fix = result.sheets.find((s) => s.sheet === 'PL VII')!;
  const [sheet] = readSheets(opened, worksheetsOf(opened, 'PL VII'));
  const formulas = fix.plan.edits.filter((e) => e.formula);
  expect(formulas.length).toBeGreaterThan(100);
  for (const e of formulas) expect([e.cell, sheet.cells[e.row][e.col]?.value]).toEqual([e.cell, expect.closeTo(e.value, 9)]);
}, 180_000);
