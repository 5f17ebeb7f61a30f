/**
 * The ranking sheet as a person sees it: LibreOffice (headless) prints it to PDF, poppler reads the
 * text back and draws the page to test-results/ranking.png for a person to look at.
 * Needs LibreOffice Calc and poppler-utils from Debian; .ci/run installs them.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rankWorkbook } from '../../src/cli/xlsx-ranking';
import { SEED_SHEETS } from '../fixtures/seed-sheets';
import { writeWorkbook } from '../fixtures/workbook-writer';

const RESULTS = path.resolve(__dirname, '../../test-results');

test('the ranking of 000 Phụ lục V prints on one landscape page with its title, rules and order', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-render-'));
  const input = await writeWorkbook([SEED_SHEETS.find((s) => s.id === '000-06')!.spec()], path.join(dir, 'in.xlsx'));
  const ranked = path.join(dir, 'ranked.xlsx');
  const { sheet } = await rankWorkbook(input, ranked, 'PL V', { measure: 'on-time', preset: 'khanh-hoa' }, new Date(2026, 10, 23));

  // Print only the ranking sheet.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(ranked);
  for (const ws of [...wb.worksheets]) if (ws.name !== sheet) wb.removeWorksheet(ws.id);
  const alone = path.join(dir, 'xep-hang.xlsx');
  await wb.xlsx.writeFile(alone);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, alone], { stdio: 'pipe' });
  const pdf = path.join(dir, 'xep-hang.pdf');

  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+1\b/);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  expect(Number(w)).toBeGreaterThan(Number(h)); // landscape

  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('XẾP HẠNG – TỈ LỆ ĐÚNG HẠN');
  expect(text).toContain('Lập ngày 23/11/2026');
  expect(text).toContain('Tốt ≥ 90%');
  const order = ['Sở Công thương', 'Sở Giao thông Vận tải', 'Sở Ngoại vụ', 'Sở Kế hoạch và Đầu tư'].map((n) => text.indexOf(n));
  expect(order.every((i) => i > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(text).toMatch(/18\s+Sở Kế hoạch và Đầu tư.*77\.44%\s+Trung bình/);

  fs.mkdirSync(RESULTS, { recursive: true });
  execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', pdf, path.join(RESULTS, 'ranking')]);
  expect(fs.statSync(path.join(RESULTS, 'ranking.png')).size).toBeGreaterThan(10000);
});
