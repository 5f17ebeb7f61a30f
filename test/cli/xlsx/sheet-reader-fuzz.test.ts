/**
 * The byte scanner against a real XML parser: generated worksheet XML, written every way the
 * grammar allows (quotes, spaces, prefixes, comments, CDATA, entities and character references,
 * rich and inline text), must read into the same snapshot as a reading built on saxes; broken XML
 * must stop with an XmlError (never another error, never a hang).
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { CellSnapshot, CellValue, SheetSnapshot } from '../../../src/engine/read/snapshot';
import { readSheet, SheetReadContext } from '../../../src/cli/xlsx/sheet-reader';
import { serialDay } from '../../../src/engine/read/snapshot';
import { shiftFormula } from '../../../src/cli/xlsx/shared-formula';
import { unescapeExcelText } from '../../../src/cli/xlsx/shared-strings';
import { XmlError } from '../../../src/cli/xlsx/xml-scanner';
import { parseRangeAddress } from '../../../src/engine/read/address';
import { sheetArb, STRINGS, STYLES, writeSheet } from '../../fixtures/sheet-xml';


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
      const m = a.r ? /^([A-Z]+)(\d+)$/.exec(a.r.toUpperCase()) : undefined;
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
      // A stored number that is not one is kept as its text (the check reports that cell).
      else if (v !== undefined && v.trim()) value = !Number.isFinite(Number(v)) ? v.trim() : style?.isDate ? serialDay(Number(v), false) : Number(v);
      if (value !== null || formula) cells[row][col] = { value, numberFormat: style?.numberFormat, bold: style?.bold, formula };
    }
  });
  parser.write(xml).close();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && cells[r]?.[c]) cells[r][c] = undefined;
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { name: 'S', cells, merges, hiddenRows, protected: isProtected };
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
