/**
 * The byte scanner against a real XML parser: generated worksheet XML, written every way the
 * grammar allows (quotes, spaces, prefixes, comments, CDATA, entities and character references,
 * rich and inline text), must read into the same snapshot as a reading built on saxes; broken XML
 * must stop with an XmlError (never another error, never a hang).
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { CellSnapshot, CellValue, SheetSnapshot } from '../../../src/engine/snapshot';
import { readSheet, serialDay, SheetReadContext } from '../../../src/cli/xlsx/sheet-reader';
import { shiftFormula } from '../../../src/cli/xlsx/shared-formula';
import { unescapeExcelText } from '../../../src/cli/xlsx/shared-strings';
import { CellStyles } from '../../../src/cli/xlsx/styles-part';
import { XmlError } from '../../../src/cli/xlsx/xml-scanner';
import { parseRangeAddress } from '../../../src/engine/address';

const STRINGS = ['Tên đơn vị', 'Tổng số', 'A & B', '<b>', 'x_x0041_y'];
const STYLES = new CellStyles([
  { isDate: false },
  { numberFormat: '0.00%', isDate: false },
  { numberFormat: '#,##0', bold: true, isDate: false },
  { numberFormat: 'dd/mm/yyyy', isDate: true },
]);

function context(): SheetReadContext {
  return { strings: STRINGS, styles: STYLES, date1904: false, budget: { cells: 1e7 }, sheetCells: 1e7, onLimit: () => new Error('limit') };
}

/** The same reading, written on saxes's events: what the scanner must agree with. */
function readWithSaxes(xml: string): SheetSnapshot {
  const parser = new SaxesParser({ xmlns: false });
  const cells: (CellSnapshot | undefined)[][] = [];
  const hiddenRows: number[] = [];
  const merges: SheetSnapshot['merges'] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let isProtected = false;
  let inData = false;
  let row = -1;
  let col = -1;
  let cell: { s: number; t?: string; v?: string; f?: string; fk?: string; si?: string; ref?: string; inline?: string } | undefined;
  let capture: 'v' | 'f' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  const attrs = (a: Record<string, string>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [local(k), v]));
  parser.on('opentag', (node) => {
    const name = local(node.name);
    const a = attrs(node.attributes as Record<string, string>);
    if (!inData) {
      if (name === 'sheetData') inData = !node.isSelfClosing;
      if (name === 'mergeCell') merges.push(parseRangeAddress(a.ref));
      if (name === 'sheetProtection') isProtected = a.sheet === '1' || a.sheet === 'true';
      return;
    }
    if (name === 'row') {
      row = a.r ? Number(a.r) - 1 : row + 1;
      col = -1;
      cells[row] ??= [];
      if (a.hidden === '1' || a.hidden === 'true') hiddenRows.push(row);
    } else if (name === 'c') {
      const m = a.r ? /^([A-Z]+)(\d+)$/.exec(a.r)! : undefined;
      if (m) {
        col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        row = Number(m[2]) - 1;
        cells[row] ??= [];
      } else col++;
      cell = { s: a.s === undefined ? 0 : Number(a.s), t: a.t };
    } else if (name === 'v') {
      capture = 'v';
      cell!.v = '';
    } else if (name === 'f') {
      capture = 'f';
      cell!.f = '';
      cell!.fk = a.t;
      cell!.si = a.si;
      cell!.ref = a.ref;
    } else if (name === 'is') {
      inInline = true;
      cell!.inline = '';
    } else if (name === 't' && inInline && !phonetic) capture = 't';
    else if (name === 'rPh') phonetic++;
  });
  const onText = (text: string) => {
    if (capture === 'v') cell!.v += text;
    else if (capture === 'f') cell!.f += text;
    else if (capture === 't') cell!.inline += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (node) => {
    const name = local(node.name);
    if (!inData) return;
    if (name === 'v' || name === 'f' || name === 't') capture = undefined;
    else if (name === 'is') inInline = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'sheetData') inData = false;
    else if (name === 'c') {
      const c = cell!;
      const style = STYLES.at(c.s);
      let formula = c.f || undefined;
      if (c.fk === 'shared' && c.si !== undefined) {
        if (c.f && c.ref) shared.set(c.si, { formula: c.f, row, col });
        else if (!c.f && shared.has(c.si)) {
          const m = shared.get(c.si)!;
          formula = shiftFormula(m.formula, row - m.row, col - m.col);
        }
      }
      let value: CellValue = null;
      const v = c.v ? c.v : undefined;
      if (c.t === 's') value = v === undefined ? null : (STRINGS[Number(v.trim())] ?? null);
      else if (c.t === 'inlineStr') value = unescapeExcelText(c.inline ?? '');
      else if (c.t === 'str') value = v === undefined ? null : unescapeExcelText(v);
      else if (c.t === 'b') value = v === undefined ? null : v.trim() === '1' || v.trim() === 'true';
      else if (c.t === 'e') value = v === undefined ? null : v.trim();
      else if (v !== undefined && v.trim()) value = style?.isDate ? serialDay(Number(v), false) : Number(v);
      if (value !== null || formula) cells[row][col] = { value, numberFormat: style?.numberFormat, bold: style?.bold, formula };
    }
  });
  parser.write(xml).close();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && cells[r]?.[c]) cells[r][c] = undefined;
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { name: 'S', cells, merges, hiddenRows, protected: isProtected };
}

// ---- generated worksheets, written in many legal ways ----

type GenCell =
  | { kind: 'number'; value: number; style: number }
  | { kind: 'shared'; index: number; style: number }
  | { kind: 'inline'; runs: string[]; phonetic?: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; value: string }
  | { kind: 'formula'; formula: string; value?: number; style: number }
  | { kind: 'str'; formula: string; value: string }
  | { kind: 'empty'; style: number };

const text = fc.string({ unit: fc.constantFrom('a', 'ư', 'Đ', ' ', '&', '<', '>', '"', "'", '\n', '\t', '_x0041_', '1', ']]>'), maxLength: 8 });
const cellArb: fc.Arbitrary<GenCell> = fc.oneof(
  fc.record({ kind: fc.constant('number' as const), value: fc.oneof(fc.integer({ min: -1e6, max: 1e9 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.8995, 94.39, 1e-7, 45000)), style: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('shared' as const), index: fc.integer({ min: 0, max: STRINGS.length - 1 }), style: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('inline' as const), runs: fc.array(text, { minLength: 1, maxLength: 3 }), phonetic: fc.option(text, { nil: undefined }) }),
  fc.record({ kind: fc.constant('bool' as const), value: fc.boolean() }),
  fc.record({ kind: fc.constant('error' as const), value: fc.constantFrom('#N/A', '#DIV/0!', '#REF!') }),
  fc.record({ kind: fc.constant('formula' as const), formula: fc.constantFrom('SUM(B2:B9)', 'C5/D5', 'IF(A1>0,"x&y",B$2)', '$A$1+LOG10(B3)'), value: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }), style: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('str' as const), formula: fc.constant('A1&"x"'), value: text }),
  fc.record({ kind: fc.constant('empty' as const), style: fc.integer({ min: 0, max: 2 }) }),
);

interface Writing {
  quote: string;
  space: string;
  prefix: string;
  comments: boolean;
  cdata: boolean;
  references: boolean;
  addresses: boolean;
}

const writingArb: fc.Arbitrary<Writing> = fc.record({
  quote: fc.constantFrom('"', "'"),
  space: fc.constantFrom('', ' ', '\n  ', '\t'),
  prefix: fc.constantFrom('', 'x:'),
  comments: fc.boolean(),
  cdata: fc.boolean(),
  references: fc.boolean(),
  addresses: fc.boolean(),
});

const sheetArb = fc.record({
  rows: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 3 }), hidden: fc.boolean(), cells: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 2 }), cell: cellArb }), { maxLength: 6 }) }), { maxLength: 8 }),
  shared: fc.boolean(),
  merge: fc.boolean(),
  protect: fc.boolean(),
  writing: writingArb,
});

function escapeText(s: string, w: Writing): string {
  if (w.cdata && !s.includes(']]>')) return `<![CDATA[${s}]]>`;
  return [...s].map((ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? (w.references ? '&#62;' : '&gt;') : w.references && ch === 'ư' ? '&#x1B0;' : ch)).join('');
}

function escapeAttr(s: string, w: Writing): string {
  return [...s].map((ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === w.quote ? (ch === '"' ? '&quot;' : '&apos;') : ch === '\n' ? '&#10;' : ch === '\t' ? '&#9;' : ch)).join('');
}

function colName(c: number): string {
  let s = '';
  for (let v = c + 1; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

type GenSheet = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

function writeSheet(sheet: GenSheet): string {
  const w = sheet.writing;
  const p = w.prefix;
  const q = w.quote;
  const tag = (name: string, attrs: Record<string, string | number | undefined>, inner?: string) => {
    const a = Object.entries(attrs)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ` ${k}${w.space ? ' ' : ''}=${w.space ? ' ' : ''}${q}${escapeAttr(String(v), w)}${q}`)
      .join('');
    return inner === undefined ? `<${p}${name}${a}${w.space}/>` : `<${p}${name}${a}${w.space}>${inner}</${p}${name}${w.space}>`;
  };
  const comment = w.comments ? '<!-- a comment -->' : '';
  let r = 0;
  const rows: string[] = [];
  let sharedMaster: { r: number; c: number } | undefined;
  for (const row of sheet.rows) {
    r += 1 + row.gap;
    let c = -1;
    const cells: string[] = [];
    for (const { gap, cell } of row.cells) {
      c += 1 + gap;
      const address = w.addresses || gap ? `${colName(c)}${r}` : undefined;
      const attrs: Record<string, string | number | undefined> = { r: address };
      let inner = '';
      switch (cell.kind) {
        case 'number':
          attrs.s = cell.style || undefined;
          inner = tag('v', {}, String(cell.value));
          break;
        case 'shared':
          attrs.s = cell.style || undefined;
          attrs.t = 's';
          inner = tag('v', {}, String(cell.index));
          break;
        case 'inline':
          attrs.t = 'inlineStr';
          inner = tag('is', {}, cell.runs.map((run) => tag('r', {}, tag('rPr', {}, tag('b', {})) + tag('t', { 'xml:space': 'preserve' }, escapeText(run, w)))).join('') + (cell.phonetic ? tag('rPh', { sb: 0, eb: 1 }, tag('t', {}, escapeText(cell.phonetic, w))) : ''));
          break;
        case 'bool':
          attrs.t = 'b';
          inner = tag('v', {}, cell.value ? '1' : '0');
          break;
        case 'error':
          attrs.t = 'e';
          inner = tag('v', {}, cell.value);
          break;
        case 'formula': {
          attrs.s = cell.style || undefined;
          const useShared = sheet.shared && address !== undefined;
          let f: string;
          if (useShared && !sharedMaster) {
            sharedMaster = { r, c };
            f = tag('f', { t: 'shared', ref: `${colName(c)}${r}:${colName(c + 5)}${r + 40}`, si: 0 }, escapeText(cell.formula, w));
          } else if (useShared) f = tag('f', { t: 'shared', si: 0 });
          else f = tag('f', {}, escapeText(cell.formula, w));
          inner = f + (cell.value === undefined ? '' : tag('v', {}, String(cell.value)));
          break;
        }
        case 'str':
          attrs.t = 'str';
          inner = tag('f', {}, escapeText(cell.formula, w)) + tag('v', {}, escapeText(cell.value, w));
          break;
        case 'empty':
          attrs.s = cell.style || undefined;
          break;
      }
      cells.push(inner ? tag('c', attrs, inner) : tag('c', attrs));
    }
    rows.push(tag('row', { r, hidden: row.hidden ? (w.references ? 'true' : '1') : undefined, spans: '1:9' }, comment + cells.join(comment)));
  }
  const merge = sheet.merge ? tag('mergeCells', { count: 1 }, tag('mergeCell', { ref: 'A1:B2' })) : '';
  const protect = sheet.protect ? tag('sheetProtection', { sheet: 1, objects: 1 }) : '';
  const ns = p ? ` xmlns:x=${q}http://schemas.openxmlformats.org/spreadsheetml/2006/main${q}` : ` xmlns=${q}http://schemas.openxmlformats.org/spreadsheetml/2006/main${q}`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${comment}<${p}worksheet${ns}>${tag('dimension', { ref: 'A1:Z99' })}<${p}sheetData>${rows.join('')}</${p}sheetData>${protect}${merge}${tag('extLst', {}, tag('ext', { uri: '{x}' }, tag('f', {}, 'not a cell')))}</${p}worksheet>${w.space}`;
}

const encode = (xml: string) => new TextEncoder().encode(xml);

test('the scanner reads generated worksheets exactly as a reading on saxes does', () => {
  fc.assert(
    fc.property(sheetArb, (sheet) => {
      const xml = writeSheet(sheet);
      expect(readSheet(encode(xml), 'S', context())).toEqual(readWithSaxes(xml));
    }),
    { numRuns: 400 },
  );
});

test('broken XML stops the scanner with an XmlError, as it stops saxes', () => {
  fc.assert(
    fc.property(sheetArb, fc.nat(), fc.constantFrom('truncate', 'drop', 'insert'), fc.constantFrom('<', '&', '>', '"', '/', 'x'), (sheet, at, how, ch) => {
      const xml = writeSheet(sheet);
      const i = at % xml.length;
      const broken = how === 'truncate' ? xml.slice(0, i) : how === 'drop' ? xml.slice(0, i) + xml.slice(i + 1) : xml.slice(0, i) + ch + xml.slice(i);
      let ours: SheetSnapshot | XmlError;
      try {
        ours = readSheet(encode(broken), 'S', context());
      } catch (e) {
        // Only ever a clear XmlError (a broken document), never another failure.
        if (!(e instanceof XmlError)) throw e;
        ours = e;
      }
      let theirs: SheetSnapshot | Error;
      try {
        theirs = readWithSaxes(broken);
      } catch (e) {
        theirs = e as Error;
      }
      // A document cut short is never read as whole.
      if (how === 'truncate' && broken.trim().length < xml.trim().length) expect(ours).toBeInstanceOf(XmlError);
      // Where both read it, they read the same.
      if (!(ours instanceof XmlError) && !(theirs instanceof Error)) expect(ours).toEqual(theirs);
    }),
    { numRuns: 600 },
  );
});

test('a document type declaration is refused (no entity expansion)', () => {
  const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>';
  expect(() => readSheet(encode(xml), 'S', context())).toThrow(XmlError);
});
