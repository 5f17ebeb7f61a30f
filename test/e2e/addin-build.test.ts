/**
 * The add-in as IT installs it: `npm run build` with the address it is served from writes a
 * manifest that Microsoft's schemas accept and that names no localhost; the pages it ships are
 * there. In real Chromium posing as Internet Explorer 11, the pane says why it cannot run instead
 * of staying blank (screenshot in test-results/).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { serve } = require('../../scripts/serve.js');

const ROOT = path.resolve(__dirname, '../..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-addin-'));

beforeAll(() => {
  execFileSync('npm', ['run', 'build', '--', '--output-path', out], { cwd: ROOT, env: { ...process.env, ADDIN_BASE_URL: 'https://example.gov.vn/phuluc' }, stdio: 'pipe' });
}, 180000);

/** Microsoft's manifest schemas, vendored in test/office-manifest-xsd (source in its README), through libxml2. */
const validate = (manifest: string) => execFileSync('xmllint', ['--noout', '--schema', path.join(ROOT, 'test/office-manifest-xsd/OfficeAppManifestV1_1.xsd'), manifest], { stdio: 'pipe' });

test('the schemas accept manifest.xml as kept, and refuse one they should', () => {
  expect(() => validate(path.join(ROOT, 'manifest.xml'))).not.toThrow();
  const broken = path.join(out, 'broken-manifest.xml');
  fs.writeFileSync(broken, fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8').replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'));
  expect(() => validate(broken)).toThrow();
});

test('ADDIN_BASE_URL=https://example.gov.vn/phuluc npm run build: a valid manifest without localhost', () => {
  const manifest = path.join(out, 'manifest.xml');
  validate(manifest);
  const xml = fs.readFileSync(manifest, 'utf8');
  expect(xml).not.toContain('localhost');
  expect(xml).toContain('https://example.gov.vn/phuluc/taskpane.html');
  for (const file of ['taskpane.html', 'commands.html', 'result.html', 'engine-worker.js', 'help.html', 'legacy-webview.js', 'assets/icon-32.png']) expect([file, fs.existsSync(path.join(out, file))]).toEqual([file, true]);
});

test('in an Internet Explorer 11 webview the pane explains, in Vietnamese and English, what to do', async () => {
  const server = await serve(out, 0);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 }, userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko' });
    // office.js comes from Microsoft's CDN, which a test must not reach: it is answered empty.
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    await page.goto(`http://127.0.0.1:${server.address().port}/taskpane.html`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Microsoft Edge WebView2 Runtime');
    await expect(alert.textContent()).resolves.toContain('PhuLuc cannot run in this Excel');
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results/legacy-webview.png') });
  } finally {
    await browser.close();
    server.close();
  }
});
