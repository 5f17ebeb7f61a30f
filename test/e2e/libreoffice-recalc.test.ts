/**
 * The fixed workbook opened in LibreOffice: every cached formula result is removed, LibreOffice
 * (headless) recalculates and saves, and its values must equal the engine's to the last digit.
 * Needs LibreOffice Calc (Debian: libreoffice-calc-nogui); .ci/run installs it.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixWorkbook } from '../../src/cli/xlsx-fixer';
import { isPhuLucSheet } from '../../src/engine/read/sheet-names';
import { SEED_SHEETS } from '../fixtures/seed-sheets';
import { writeWorkbook } from '../fixtures/workbook-writer';

function soffice(): string {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      execFileSync('which', [bin]);
      return bin;
    } catch {
      // try the next name
    }
  }
  throw new Error('LibreOffice is not installed: apt-get install libreoffice-calc-nogui');
}

test.each([false, true])('LibreOffice recomputes the fixed seed workbook to the engine values (suggestions applied: %s)', async (applySuggestions) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-lo-'));
  const input = await writeWorkbook(SEED_SHEETS.map((s) => ({ ...s.spec(), name: s.id })), path.join(dir, 'in.xlsx'));
  const fixed = path.join(dir, 'fixed.xlsx');
  await fixWorkbook(input, fixed, { applySuggestions, values: false });

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixed);
  const expected = new Map<string, number>();
  wb.eachSheet((ws) => {
    if (isPhuLucSheet(ws.name)) return;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue;
        if (v && typeof v === 'object' && 'formula' in v) {
          expected.set(`${ws.name}!${cell.address}`, cell.result as number);
          cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue; // no cached result: LibreOffice must compute
        }
      }),
    );
  });
  const stripped = path.join(dir, 'stripped.xlsx');
  await wb.xlsx.writeFile(stripped);
  const outDir = path.join(dir, 'lo');
  execFileSync(soffice(), ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--calc', '--convert-to', 'xlsx', '--outdir', outDir, stripped], { stdio: 'pipe' });

  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(path.join(outDir, 'stripped.xlsx'));
  const wrong: string[] = [];
  for (const [key, value] of expected) {
    const [sheet, address] = key.split('!');
    const got = back.getWorksheet(sheet)!.getCell(address).result;
    if (typeof got !== 'number' || Math.abs(got - value) > 1e-9) wrong.push(`${key}: ${value} ≠ ${got}`);
  }
  expect(expected.size).toBeGreaterThan(1000);
  expect(wrong).toEqual([]);
});
