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

test('a score table ranked with one command: its total, classes by the bands it states, and a bar chart beside', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-render-'));
  const ranked = path.join(dir, 'chi-so.xlsx');
  await rankWorkbook(path.resolve(__dirname, '../../samples/chi-so-cchc-2025.xlsx'), ranked, 'Chỉ số CCHC', {}, new Date(2026, 11, 8));
  // The whole workbook is printed (rewriting it to keep one sheet would drop the chart): the ranking is the last page.
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ranked], { stdio: 'pipe' });
  const pdf = path.join(dir, 'chi-so.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const text = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), '-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('XẾP HẠNG – TỔNG ĐIỂM');
  expect(text).toContain('Xếp loại (theo khung ghi trong bảng nguồn): Xuất sắc ≥ 90 điểm');
  expect(text).toMatch(/1\s+Sở Nội vụ\s+94\.75 Xuất sắc/);
  // The chart: its title besides the table's column, every unit named a second time along its axis,
  // best first (the chart's labels run below the table's rows), values on the bars.
  expect(text.split('Tổng điểm').length - 1).toBeGreaterThanOrEqual(3);
  const names = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Y tế', 'Sở Xây dựng', 'Sở Công Thương'];
  expect(names.every((n) => text.indexOf(n) !== text.lastIndexOf(n))).toBe(true);
  const order = names.map((n) => text.lastIndexOf(n));
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(text).toMatch(/Sở Nội vụ\s+94\.75\s*\n/);

  fs.mkdirSync(RESULTS, { recursive: true });
  execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', '-f', String(pages), '-l', String(pages), pdf, path.join(RESULTS, 'score-ranking')]);
  expect(fs.statSync(path.join(RESULTS, 'score-ranking.png')).size).toBeGreaterThan(10000);
});
