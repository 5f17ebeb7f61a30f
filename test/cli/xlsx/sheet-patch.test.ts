/**
 * The sheet patcher: written cells read back as written, every other cell reads as before, on
 * worksheets written every way the reader's fuzz test writes them; a filled-down formula keeps
 * its cells' formulas when one of its cells is rewritten.
 */
import fc from 'fast-check';
import { readSheet, SheetReadContext } from '../../../src/cli/xlsx/sheet-reader';
import { CellWrite, patchSheet } from '../../../src/cli/xlsx/sheet-patch';
import { CellSnapshot, SheetSnapshot } from '../../../src/engine/read/snapshot';
import { sheetArb, STRINGS, STYLES, writeSheet } from '../../fixtures/sheet-xml';

const context = (): SheetReadContext => ({ strings: STRINGS, styles: STYLES, date1904: false, budget: { cells: 1e7 }, sheetCells: 1e7, onLimit: () => new Error('limit') });
const encode = (xml: string) => new TextEncoder().encode(xml);
const read = (bytes: Uint8Array) => readSheet(bytes, 'S', context());

const writeArb = fc.record({
  row: fc.integer({ min: 0, max: 30 }),
  col: fc.integer({ min: 0, max: 8 }),
  formula: fc.option(fc.constantFrom('SUM(C5:C9)', 'D7/C7', 'IF(A1<2,"<&>",1)'), { nil: undefined }),
  value: fc.oneof(fc.integer({ min: -5, max: 99999 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('Tổng số', 'a_x0041_b', '<&>"')),
});

/** The snapshot the patched sheet should read as: the original with the written cells, merged areas cleared as always. */
function expected(original: SheetSnapshot, writes: CellWrite[]): SheetSnapshot {
  const cells = original.cells.map((row) => [...row]);
  for (const w of writes) {
    cells[w.row] ??= [];
    const style = STYLES.at(1);
    cells[w.row][w.col] = { value: w.value, numberFormat: style?.numberFormat, bold: style?.bold, formula: w.formula } as CellSnapshot;
  }
  for (const m of original.merges ?? []) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && cells[r]?.[c]) cells[r][c] = undefined;
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { ...original, cells };
}

test('written cells read back as written; every other cell reads as before', () => {
  fc.assert(
    fc.property(sheetArb, fc.uniqueArray(writeArb, { selector: (w) => `${w.row}:${w.col}`, maxLength: 12 }), (sheet, raw) => {
      const xml = encode(writeSheet(sheet));
      const writes: CellWrite[] = raw;
      expect(read(patchSheet(xml, writes, () => 1))).toEqual(expected(read(xml), writes));
    }),
    { numRuns: 300 },
  );
});

test('rewriting the first cell of a filled-down formula spells the formula out in the others', () => {
  const xml = encode(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="2"><c r="C2"><f t="shared" ref="C2:C4" si="0">B2*2</f><v>2</v></c></row>' +
      '<row r="3"><c r="C3"><f t="shared" si="0"/><v>4</v></c></row>' +
      '<row r="4"><c r="C4"><f t="shared" si="0"/><v>6</v></c></row>' +
      '</sheetData></worksheet>',
  );
  const patched = patchSheet(xml, [{ row: 1, col: 2, formula: 'B2*3', value: 3 }]);
  const sheet = read(patched);
  expect(sheet.cells.slice(1, 4).map((r) => r[2]?.formula)).toEqual(['B2*3', 'B3*2', 'B4*2']);
  expect(Buffer.from(patched).toString()).not.toContain('t="shared"');
});

test('nothing to write leaves the part as it is', () => {
  const xml = encode('<worksheet><sheetData/></worksheet>');
  expect(patchSheet(xml, [])).toBe(xml);
});

test('an empty row element and an empty sheetData are opened up to take the written cells', () => {
  const xml = encode('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2" spans="1:3" /></x:sheetData></x:worksheet>');
  const sheet = read(patchSheet(xml, [{ row: 1, col: 1, value: 7 }, { row: 4, col: 0, value: 'Tổng' }]));
  expect(sheet.cells[1][1]?.value).toBe(7);
  expect(sheet.cells[4][0]?.value).toBe('Tổng');
  const empty = encode('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');
  expect(read(patchSheet(empty, [{ row: 0, col: 2, formula: 'A1+B1', value: 3 }])).cells[0][2]).toMatchObject({ value: 3, formula: 'A1+B1' });
});
