/**
 * The task pane in a real browser: the demo (the real pane beside a simulated workbook holding the
 * sample) in headless Chromium from Debian, driven by Playwright. Checks the sample, clicks a
 * finding (saving test-results/taskpane.png), inserts a ranking sheet, recomputes.
 * Needs `npm run build:demo` (test:e2e does it) and Debian's chromium (.ci/run installs it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, Browser, Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { serve } = require('../../scripts/serve.js');

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
let server: { close: () => void; address: () => { port: number } };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serve(path.join(ROOT, 'dist/demo'), 0);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/?sheet=PL%20VII`);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

test('check the sample, click a finding, insert a ranking sheet', async () => {
  await page.getByRole('button', { name: 'Kiểm tra trang này' }).click();
  const finding = page.locator('[data-cell="B42"]');
  await finding.waitFor();
  await expect(finding.textContent()).resolves.toContain('đúng ra là 82');
  await expect(page.locator('[data-cell="D27"]').textContent()).resolves.toContain('94,39%');

  // The engine ran in a Web Worker, not on the pane's thread.
  expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/engine-worker\.js$/)]);
  await finding.click();
  await page.locator('td[data-address="B42"][data-selected="true"]').waitFor();
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, 'taskpane.png') });
  expect(fs.statSync(path.join(RESULTS, 'taskpane.png')).size).toBeGreaterThan(20000);

  await page.getByRole('button', { name: 'Chèn bảng xếp hạng' }).click();
  const tab = page.getByRole('tab', { name: 'Xếp hạng – Tỉ lệ đúng hạn' });
  await tab.waitFor();
  await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
  await expect(page.locator('td[data-address="A1"]').textContent()).resolves.toBe('XẾP HẠNG – TỈ LỆ ĐÚNG HẠN');
  await page.getByText(/^Đã thêm trang "Xếp hạng – Tỉ lệ đúng hạn"/).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'ranking-in-demo.png') });
  await page.getByRole('tab', { name: 'PL VII', exact: true }).click();
});

test('after switching sheets, recompute and ranking act on the sheet on screen, and say so', async () => {
  await page.getByRole('tab', { name: 'PL VII', exact: true }).click();
  await page.getByRole('button', { name: 'Kiểm tra trang này' }).click();
  await page.locator('[data-cell="B42"]').waitFor();
  await page.getByRole('tab', { name: 'PL IV', exact: true }).click();
  await page.getByRole('button', { name: 'Tính lại…' }).click();
  await page.getByText('Trang đang xem là "PL IV", không phải trang đã kiểm tra ("PL VII"): PhuLuc đã kiểm tra lại trang "PL IV".').waitFor();
  const apply = page.getByRole('button', { name: /^Áp dụng cho trang "PL IV": / });
  await expect(apply.count()).resolves.toBeLessThanOrEqual(1);
  await page.getByRole('button', { name: 'Chèn bảng xếp hạng' }).click();
  await page.getByText(/^Đã thêm trang "Xếp hạng[^"]*" \(xếp hạng bảng [A-Z]+\d+:[A-Z]+\d+ của trang "PL IV"\)\.$/).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'taskpane-switched-sheet.png') });
  await page.getByRole('tab', { name: 'PL VII', exact: true }).click();
});

test('removing highlights gives a cell back the fill it had and keeps a person\'s comment', async () => {
  await page.waitForFunction(() => 'demoWorkbook' in window);
  await page.evaluate(() => {
    const book = (window as unknown as { demoWorkbook: { sheet(n: string): { cells: Map<string, { fill?: string }> }; comments: Map<string, string> } }).demoWorkbook;
    book.sheet('PL VII').cells.get('41,1')!.fill = '#C6EFCE'; // B42, filled green by the sender
    book.comments.set("'PL VII'!D27", 'Chị Lan: đã hỏi lại xã');
  });
  await page.getByRole('button', { name: 'Kiểm tra trang này' }).click();
  await page.locator('[data-cell="B42"]').waitFor();
  await page.getByRole('button', { name: 'Tô màu các ô có vấn đề' }).click();
  await page.getByRole('button', { name: 'Bỏ tô màu' }).waitFor();
  const state = () =>
    page.evaluate(() => {
      const book = (window as unknown as { demoWorkbook: { sheet(n: string): { cells: Map<string, { fill?: string }> }; comments: Map<string, string> } }).demoWorkbook;
      return { fill: book.sheet('PL VII').cells.get('41,1')!.fill, comments: [...book.comments] };
    });
  const marked = await state();
  expect(marked.fill).toBe('#FFC7CE');
  expect(marked.comments.map(([at]) => at)).toEqual(expect.arrayContaining(["'PL VII'!D27", "'PL VII'!B42"]));
  await page.screenshot({ path: path.join(RESULTS, 'taskpane-vi.png') });
  await page.getByRole('button', { name: 'Bỏ tô màu' }).click();
  await page.getByRole('button', { name: 'Tô màu các ô có vấn đề' }).waitFor();
  const restored = await state();
  expect(restored.fill).toBe('#C6EFCE');
  expect(restored.comments).toEqual([["'PL VII'!D27", 'Chị Lan: đã hỏi lại xã']]);
  await expect(page.locator('td[data-address="B42"]').evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe('rgb(198, 239, 206)');
});

test('in English the pane speaks English throughout, numbers in English style', async () => {
  const english = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await english.goto(`http://127.0.0.1:${server.address().port}/?sheet=PL%20VII&lang=en`);
  await english.getByRole('button', { name: 'Check this sheet' }).click();
  await english.locator('[data-cell="B42"]').waitFor();
  await english.getByRole('status').filter({ hasText: /errors, .* warnings/ }).waitFor();
  await english.screenshot({ path: path.join(RESULTS, 'taskpane-en.png') });
  const pane = (await english.locator('aside').textContent()) ?? '';
  expect(pane).toContain('94.39%');
  expect(pane).not.toMatch(/Lỗi|Cảnh báo|Đang /);
  await english.close();
});

test('recompute: a preview of how many cells change, then the fix, and the check comes back clean', async () => {
  await page.getByRole('button', { name: 'Kiểm tra trang này' }).click();
  await page.getByText('Thay cả các ô nghi gõ nhầm bằng giá trị đề xuất').click();
  await page.getByRole('button', { name: 'Tính lại…' }).click();
  const apply = page.getByRole('button', { name: /^Áp dụng cho trang "PL VII": [\d.]+ ô sẽ thay đổi$/ });
  await apply.waitFor();
  const count = Number(/: ([\d.]+) ô/.exec((await apply.textContent()) ?? '')![1].replace(/\./g, ''));
  expect(count).toBeGreaterThan(700);
  await apply.click();
  await page.getByText(`Đã sửa ${count.toLocaleString('de-DE')} ô trên trang "PL VII"; bản gốc giữ ở trang "PL VII (gốc)"`, { exact: false }).waitFor();
  await page.getByRole('tab', { name: 'PL VII (gốc)' }).waitFor();
  await expect(page.locator('[data-cell="B42"]').count()).resolves.toBe(0);
});

test('a sheet whose figures PhuLuc cannot read shows them as not checked, never as "0 lỗi" alone', async () => {
  const pane = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await pane.goto(`http://127.0.0.1:${server.address().port}/?sheet=${encodeURIComponent('Khảo sát')}`);
  await pane.getByRole('button', { name: 'Kiểm tra trang này' }).click();
  await pane.getByText('1 vùng số liệu chưa kiểm tra được').waitFor();
  await pane.getByText('Không thể nói các số này đúng').waitFor();
  await pane.getByText('Chưa kiểm tra được số nào của bảng này.').waitFor();
  const region = pane.locator('[data-range="B4:E6"]');
  await region.click();
  await pane.screenshot({ path: path.join(RESULTS, 'taskpane-unchecked.png') });
  expect(await pane.getByText('Không phát hiện sai sót').count()).toBe(0);
  await pane.close();
});


test('a table of index scores is ranked with one click: by its total, with its classes and a bar chart', async () => {
  const pane = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await pane.goto(`http://127.0.0.1:${server.address().port}/?sheet=${encodeURIComponent('Chỉ số CCHC')}`);
  await pane.getByRole('button', { name: 'Kiểm tra trang này' }).click();
  await pane.locator('[data-cell="E6"]').waitFor();
  await expect(pane.locator('[data-cell="E6"]').textContent()).resolves.toContain('đúng ra là 17,75');
  // The pane offers the table's own measures, its total first.
  await expect(pane.getByLabel('Tiêu chí').locator('option:checked').textContent()).resolves.toBe('Tổng điểm');
  await pane.getByRole('button', { name: 'Chèn bảng xếp hạng' }).click();
  await pane.getByRole('tab', { name: 'Xếp hạng – Tổng điểm' }).waitFor();
  const chart = pane.getByRole('img', { name: /^Tổng điểm: Sở Nội vụ 94\.75, Sở Tư pháp 89\.50/ });
  await chart.waitFor();
  await expect(pane.locator('[data-bar]').count()).resolves.toBe(8);
  await expect(pane.locator('td', { hasText: 'Xuất sắc' }).count()).resolves.toBeGreaterThan(0);
  await pane.screenshot({ path: path.join(RESULTS, 'score-ranking-in-demo.png') });
  expect(fs.statSync(path.join(RESULTS, 'score-ranking-in-demo.png')).size).toBeGreaterThan(20000);
  await pane.close();
});
