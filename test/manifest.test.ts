/**
 * A local check of manifest.xml (the online validator cannot be reached from CI): well-formed,
 * elements in the order the schema demands, the requirement set, the locales, and every
 * resource it names defined and every file it names present.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: false });
const app = parser.parse(xml).OfficeApp;

test('is well-formed XML', () => {
  expect(XMLValidator.validate(xml)).toBe(true);
});

test('top-level elements come in the schema order', () => {
  const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
  const present = Object.keys(app).filter((k) => !k.startsWith('@'));
  expect(present).toEqual(order.filter((k) => present.includes(k)));
  expect(present).toEqual(expect.arrayContaining(['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'Hosts', 'DefaultSettings', 'Permissions']));
});

test('an Excel task pane add-in needing ExcelApi 1.9 and document write access', () => {
  expect(app['@xsi:type']).toBe('TaskPaneApp');
  expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(app.Hosts.Host['@Name']).toBe('Workbook');
  expect(app.Requirements.Sets.Set).toMatchObject({ '@Name': 'ExcelApi', '@MinVersion': '1.9' });
  expect(app.Permissions).toBe('ReadWriteDocument');
});

test('Vietnamese by default with English overrides', () => {
  expect(app.DefaultLocale).toBe('vi-VN');
  for (const el of [app.DisplayName, app.Description]) {
    expect(el['@DefaultValue']).toMatch(/[\u00C0-\u1EF9]/); // Vietnamese letters
    expect(el.Override['@Locale']).toBe('en-US');
  }
});

test('every resid is defined, every URL points at a file the build ships', () => {
  const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
  const refs = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  expect(refs.length).toBeGreaterThan(5);
  for (const ref of refs) expect([ref, ids.has(ref)]).toEqual([ref, true]);
  const urls = [...xml.matchAll(/https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]);
  for (const url of new Set(urls)) {
    const pages: Record<string, string> = { 'taskpane.html': 'src/taskpane/taskpane.html', 'commands.html': 'src/commands/commands.html' };
    const shipped = fs.existsSync(path.join(ROOT, pages[url] ?? url));
    expect([url, shipped]).toEqual([url, true]);
  }
});

test('every ribbon button that runs without the pane names a function the commands file registers', () => {
  const names = [...xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
  expect(names).toEqual(['checkSheet', 'recomputeSheet', 'rankSheet']);
  const source = fs.readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8');
  for (const name of names) expect([name, new RegExp(`\\b${name}:`).test(source)]).toEqual([name, true]);
  expect(xml).toContain('<FunctionFile resid="Commands.Url"/>');
  expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
});
