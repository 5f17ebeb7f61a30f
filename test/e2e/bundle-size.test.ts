/** The production task pane stays small: at most 250 KB of JavaScript, gzipped (built by test:e2e). */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

test('the task pane bundle is at most 250 KB gzipped', () => {
  const dir = path.resolve(__dirname, '../../dist/addin');
  const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  const gzipped = scripts.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dir, f))).length, 0);
  expect(gzipped).toBeLessThanOrEqual(250 * 1024);
  expect(fs.existsSync(path.join(dir, 'taskpane.html'))).toBe(true);
  expect(fs.existsSync(path.join(dir, 'manifest.xml'))).toBe(true);
});
