/**
 * manifest.xml, checked offline (the online validator cannot be reached from CI): read with
 * office-addin-manifest, and walked as parsed XML for what the schemas cannot say: every resource
 * defined, every file shipped, every ribbon function registered. The manifest a build writes for
 * a real address is checked the same way. Validation against Microsoft's XSD schemas needs
 * xmllint (Debian's libxml2-utils): it is in test/e2e/addin-build.test.ts.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { COMMANDS } from '../src/commands/commands';
import { CORE_VERSION, FEATURES } from '../src/excel/excel-api';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { baseUrlFrom, manifestFor, DEVELOPMENT_BASE } = require('../scripts/manifest');

const ROOT = path.resolve(__dirname, '..');
const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const PRODUCTION = 'https://example.gov.vn/phuluc';

/**
 * What office-addin-manifest reads from a manifest. In a Node process of its own: the library
 * loads ES modules (uuid) that Node requires natively but Jest's module loader cannot.
 */
function readWithOfficeTools(file: string): Record<string, unknown> {
  const script = "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => process.stdout.write(JSON.stringify(i)))";
  return JSON.parse(execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' }));
}

interface Node {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Node[];
}

/** The manifest as a tree of elements (names with their prefixes, attributes, text). */
function parse(xml: string): Node {
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: '' });
  const toNode = (raw: Record<string, unknown>): Node | undefined => {
    const name = Object.keys(raw).find((k) => k !== ':@');
    if (!name || name.startsWith('?') || name === '#text') return undefined;
    const children = (raw[name] as Record<string, unknown>[]) ?? [];
    const text = children.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
    return { name, attributes: (raw[':@'] as Record<string, string>) ?? {}, text, children: children.map(toNode).filter((n): n is Node => Boolean(n)) };
  };
  return (parser.parse(xml) as Record<string, unknown>[]).map(toNode).find((n) => n?.name === 'OfficeApp')!;
}

function* all(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children) yield* all(child);
}

const child = (node: Node, name: string) => node.children.find((c) => c.name === name);

/** Every URL the manifest names, in attributes or as text. */
function urls(app: Node): string[] {
  const out: string[] = [];
  for (const node of all(app)) {
    for (const value of Object.values(node.attributes)) if (value.startsWith('https://')) out.push(value);
    if (node.text.startsWith('https://')) out.push(node.text);
  }
  return out;
}

describe('manifest.xml as kept in the repository (development server)', () => {
  const app = parse(source);

  test('office-addin-manifest reads it: an Excel task pane, Vietnamese first, its help page as support URL', () => {
    const info = readWithOfficeTools(path.join(ROOT, 'manifest.xml'));
    expect(info).toMatchObject({ officeAppType: 'TaskPaneApp', defaultLocale: 'vi-VN', hosts: ['Workbook'], permissions: 'ReadWriteDocument', supportUrl: `${DEVELOPMENT_BASE}/help.html` });
    expect(String(info.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(String(info.displayName)).toMatch(/[\u00C0-\u1EF9]/); // Vietnamese letters
  });

  test('asks for no more than the core needs: ExcelApi 1.1, which Excel 2016 has', () => {
    const sets = child(child(app, 'Requirements')!, 'Sets')!;
    expect(sets.children.map((s) => s.attributes)).toEqual([{ Name: 'ExcelApi', MinVersion: CORE_VERSION }]);
  });

  test('every resid is defined, every URL points at a file the build ships', () => {
    const ids = new Set([...all(app)].filter((n) => ['bt:Image', 'bt:Url', 'bt:String'].includes(n.name)).map((n) => n.attributes.id));
    const refs = [...all(app)].map((n) => n.attributes.resid).filter(Boolean);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect([ref, ids.has(ref)]).toEqual([ref, true]);
    const shippedAs: Record<string, string> = { 'taskpane.html': 'src/taskpane/taskpane.html', 'commands.html': 'src/commands/commands.html', 'help.html': 'src/help/help.html' };
    for (const url of new Set(urls(app))) {
      const file = url.slice(DEVELOPMENT_BASE.length + 1);
      expect([url, url.startsWith(`${DEVELOPMENT_BASE}/`) || url === DEVELOPMENT_BASE, file === '' || fs.existsSync(path.join(ROOT, shippedAs[file] ?? file))]).toEqual([url, true, true]);
    }
  });

  test('every ribbon button that runs without the pane names a function the commands file registers', () => {
    const names = [...all(app)].filter((n) => n.name === 'FunctionName').map((n) => n.text);
    expect(names).toEqual(Object.keys(COMMANDS));
    // In an old webview the same names open the explanation instead.
    const legacy = fs.readFileSync(path.join(ROOT, 'src/legacy/legacy-webview.js'), 'utf8');
    for (const name of names) expect([name, legacy.includes(`'${name}'`)]).toEqual([name, true]);
  });
});

describe('the manifest a build writes for ADDIN_BASE_URL', () => {
  const built = manifestFor(source, baseUrlFrom({ ADDIN_BASE_URL: `${PRODUCTION}/` }).base);
  const app = parse(built);

  test('names no localhost (test/e2e/addin-build validates the built one against the schemas)', () => {
    expect(built).not.toContain('localhost');
  });

  test('every URL is under the given address; the app domain is its origin', () => {
    const all = urls(app);
    expect(all.length).toBeGreaterThan(8);
    for (const url of all) expect(url === 'https://example.gov.vn' || url.startsWith(`${PRODUCTION}/`)).toBe(true);
    expect(child(child(app, 'AppDomains')!, 'AppDomain')!.text).toBe('https://example.gov.vn');
    expect(child(app, 'SupportUrl')!.attributes.DefaultValue).toBe(`${PRODUCTION}/help.html`);
  });

  test('only the URLs change: the same elements, attributes and texts otherwise', () => {
    const shape = (node: Node): unknown => ({ name: node.name, attributes: Object.keys(node.attributes), text: node.text.startsWith('https://') ? 'url' : node.text, children: node.children.map(shape) });
    expect(shape(app)).toEqual(shape(parse(source)));
  });

  test.each([
    ['http://example.gov.vn/phuluc', 'must be https'],
    ['example.gov.vn', 'not an address'],
    ['https://example.gov.vn/phuluc?x=1', 'query or fragment'],
  ])('refuses %s (%s)', (given, message) => {
    expect(() => baseUrlFrom({ ADDIN_BASE_URL: given })).toThrow(message);
  });

  test('without ADDIN_BASE_URL it is the development server', () => {
    expect(baseUrlFrom({})).toEqual({ base: DEVELOPMENT_BASE, development: true });
  });
});

test('the README lists every requirement set the add-in asks for, with its version', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const [feature, version] of Object.entries(FEATURES)) {
    const row = readme.split('\n').find((line) => line.startsWith(`| ${feature} |`));
    expect([feature, row?.includes(`| ExcelApi ${version} |`)]).toEqual([feature, true]);
  }
});
