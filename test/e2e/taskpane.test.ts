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
  await page.getByText('Đã thêm trang "Xếp hạng – Tỉ lệ đúng hạn".').waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'ranking-in-demo.png') });
  await page.getByRole('tab', { name: 'PL VII', exact: true }).click();
});

test('recompute: a preview of how many cells change, then the fix, and the check comes back clean', async () => {
  await page.getByRole('button', { name: 'Kiểm tra trang này' }).click();
  await page.getByText('Thay cả các ô nghi gõ nhầm bằng giá trị đề xuất').click();
  await page.getByRole('button', { name: 'Tính lại…' }).click();
  const apply = page.getByRole('button', { name: /^Áp dụng: \d+ ô sẽ thay đổi$/ });
  await apply.waitFor();
  const count = Number(/(\d+)/.exec((await apply.textContent()) ?? '')![1]);
  expect(count).toBeGreaterThan(700);
  await apply.click();
  await page.getByText(`Đã sửa ${count} ô; bản gốc giữ ở trang "PL VII (gốc)".`).waitFor();
  await page.getByRole('tab', { name: 'PL VII (gốc)' }).waitFor();
  await expect(page.locator('[data-cell="B42"]').count()).resolves.toBe(0);
});
