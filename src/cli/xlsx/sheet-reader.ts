/**
 * One worksheet's XML, streamed into the engine's snapshot: each cell's value (shared strings,
 * inline text, booleans, errors, dates as their day), its number format and boldness, its formula
 * (a shared formula moved to the cell), hidden rows, merged areas and sheet protection. Cells
 * covered by a merged area other than its first are left out, as Excel shows them empty.
 */
import { parseRangeAddress } from '../../engine/read/address';
import { CellRange, CellSnapshot, CellValue, dayText, serialDay, SheetSnapshot } from '../../engine/read/snapshot';
import { MAX_COLS, MAX_ROWS, parsedAddress, readCellAddress } from './cell-address';
import { isTrue } from './package-parts';
import { shiftFormula } from './shared-formula';
import { unescapeExcelText } from './shared-strings';
import { CellStyle, CellStyles } from './styles-part';
import { CLOSE, END, OPEN, TEXT, XmlError, XmlScanner } from './xml-scanner';

export interface SheetReadContext {
  strings: string[];
  styles: CellStyles;
  date1904: boolean;
  /** Cells still allowed in this workbook; the reader counts them down. */
  budget: { cells: number };
  /** Cells allowed in one sheet. */
  sheetCells: number;
  onLimit: (kind: 'sheet-cells' | 'workbook-cells') => Error;
}

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;
const INLINE = 3;

interface SharedMaster {
  formula: string;
  row: number;
  col: number;
}

export function readSheet(bytes: Uint8Array, name: string, context: SheetReadContext): SheetSnapshot {
  const { strings, styles, date1904 } = context;
  const defaultStyle = styles.at(0);
  const x = new XmlScanner(bytes);
  const cells: (CellSnapshot | undefined)[][] = [];
  const hiddenRows: number[] = [];
  const merges: CellRange[] = [];
  const shared = new Map<string, SharedMaster>();
  let isProtected = false;
  let inSheetData = false;
  let row = -1;
  let rowCells: (CellSnapshot | undefined)[] = [];
  let col = -1;
  let sheetCells = 0;
  // The cell being read.
  let style: CellStyle | undefined;
  let type: string | undefined;
  // The value's text: one plain run of bytes (nearly always), or a string when it came in pieces.
  let value: string | undefined;
  let valueStart = 0;
  let valueEnd = 0;
  let valuePieces = 0;
  let formula: string | undefined;
  let formulaKind: string | undefined;
  let sharedIndex: string | undefined;
  let sharedRange: string | undefined;
  let inline = '';
  let inInline = false;
  let phonetic = 0;
  let capture = NONE;

  const startRow = () => {
    const r = x.attr('r');
    const next = r === undefined ? row + 1 : Number(r) - 1;
    if (!Number.isInteger(next) || next < 0 || next >= MAX_ROWS) throw new XmlError(x.tagStart, `a row number "${r}" outside the sheet`);
    row = next;
    col = -1;
    rowCells = cells[row] ?? (cells[row] = []);
    if (isTrue(x.attr('hidden'))) hiddenRows.push(row);
  };

  const startCell = () => {
    if (++sheetCells > context.sheetCells) throw context.onLimit('sheet-cells');
    if (--context.budget.cells < 0) throw context.onLimit('workbook-cells');
    const ref = x.attrIndex('r');
    if (ref >= 0) {
      if (!readCellAddress(bytes, x.valueStart(ref), x.valueEnd(ref))) throw new XmlError(x.valueStart(ref), `a cell address "${x.attr('r')}" outside the sheet`);
      if (parsedAddress.row !== row) {
        // A cell outside its row element: read where its address says.
        row = parsedAddress.row;
        rowCells = cells[row] ?? (cells[row] = []);
      }
      col = parsedAddress.col;
    } else if (++col >= MAX_COLS) throw new XmlError(x.tagStart, 'a row with more cells than a sheet has columns');
    if (row < 0) {
      row = 0;
      rowCells = cells[0] ?? (cells[0] = []);
    }
    const s = x.attrInt('s');
    style = s < 0 ? defaultStyle : styles.at(s);
    const t = x.attrIndex('t');
    type = t < 0 ? undefined : x.valueEnd(t) - x.valueStart(t) === 1 && bytes[x.valueStart(t)] === 0x73 ? 's' : x.attr('t');
    value = undefined;
    valuePieces = 0;
    formula = undefined;
    formulaKind = undefined;
  };

  const cellValue = (): CellValue => {
    if (!valuePieces && type !== 'inlineStr') return null;
    if (valuePieces === 1 && value === undefined) {
      // The common cases read straight from the bytes: a number, a shared-string index.
      if (type === undefined || type === 'n') {
        if (style?.isDate) value = x.decode(valueStart, valueEnd, false);
        else {
          const n = x.numberIn(valueStart, valueEnd);
          if (Number.isNaN(n)) {
            // A stored number that is not one ("NaN", "12,5", as some exporters write): read as the
            // text it is, so the check reports that one cell rather than refusing the workbook.
            const text = x.decode(valueStart, valueEnd, false).trim();
            return text ? text : null;
          }
          return n;
        }
      } else if (type === 's') {
        const index = x.intIn(valueStart, valueEnd);
        const text = strings[index >= 0 ? index : Number(x.decode(valueStart, valueEnd, false).trim())];
        return text === undefined ? null : text;
      } else value = x.decode(valueStart, valueEnd, false);
    }
    switch (type) {
      case 's': {
        const text = value === undefined ? undefined : strings[Number(value.trim())];
        return text === undefined ? null : text;
      }
      case 'inlineStr':
        return unescapeExcelText(inline);
      case 'str':
        return value ? unescapeExcelText(value) : null;
      case 'b':
        return value === undefined ? null : isTrue(value.trim());
      case 'e':
        return value === undefined ? null : value.trim();
      case 'd':
        return value === undefined ? null : dayText(new Date(value.trim()));
      default: {
        if (value === undefined) return null;
        const text = value.trim();
        if (!text) return null;
        const n = Number(text);
        if (!Number.isFinite(n)) return text;
        return style?.isDate ? serialDay(n, date1904) : n;
      }
    }
  };

  const endCell = () => {
    let cellFormula = formula || undefined;
    if (formulaKind === 'shared' && sharedIndex !== undefined) {
      if (formula && sharedRange) shared.set(sharedIndex, { formula, row, col });
      else if (!formula) {
        const master = shared.get(sharedIndex);
        if (master) cellFormula = shiftFormula(master.formula, row - master.row, col - master.col);
      }
    }
    const v = cellValue();
    if (v === null && !cellFormula) return;
    rowCells[col] = { value: v, numberFormat: style?.numberFormat, bold: style?.bold, formula: cellFormula };
  };

  const takeValueText = () => {
    if (!valuePieces++ && !x.textIsCdata) {
      valueStart = x.textStart;
      valueEnd = x.textEnd;
    } else value = (valuePieces === 2 && value === undefined ? x.decode(valueStart, valueEnd, false) : (value ?? '')) + x.text();
  };

  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === TEXT) {
      if (capture === VALUE) takeValueText();
      else if (capture === FORMULA) formula = (formula ?? '') + x.text();
      else if (capture === INLINE) inline += x.text();
      continue;
    }
    const tag = x.name;
    if (t === OPEN) {
      if (inSheetData) {
        if (tag === 'c') startCell();
        // A value or formula is nearly always plain text: read with its end tag in one step.
        else if (tag === 'v') {
          if (!x.plainContent()) capture = VALUE;
          else if (x.textEnd > x.textStart) takeValueText();
        } else if (tag === 'f') {
          formulaKind = x.attr('t');
          sharedIndex = x.attr('si');
          sharedRange = x.attr('ref');
          if (!x.plainContent()) capture = FORMULA;
          else if (x.textEnd > x.textStart) formula = (formula ?? '') + x.text();
        } else if (tag === 'row') startRow();
        else if (tag === 'is') {
          inInline = true;
          inline = '';
        } else if (tag === 't') {
          if (inInline && !phonetic) capture = INLINE;
        } else if (tag === 'rPh') phonetic++;
      } else if (tag === 'sheetData') inSheetData = !x.selfClosing;
      else if (tag === 'mergeCell') {
        const ref = x.attr('ref');
        if (ref) merges.push(mergedArea(ref, x.tagStart));
      } else if (tag === 'sheetProtection') isProtected = isTrue(x.attr('sheet'));
    } else if (t === CLOSE) {
      if (!inSheetData) continue;
      if (tag === 'c') endCell();
      else if (tag === 'v' || tag === 'f' || tag === 't') capture = NONE;
      else if (tag === 'is') inInline = false;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'sheetData') inSheetData = false;
    }
  }
  clearMergedCells(cells, merges);
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  return { name, cells, merges, hiddenRows, protected: isProtected };
}

function mergedArea(ref: string, at: number): CellRange {
  try {
    return parseRangeAddress(ref);
  } catch {
    throw new XmlError(at, `a merged area "${ref}" that is no range of cells`);
  }
}

/** Inside a merged area only its first cell shows a value. */
function clearMergedCells(cells: (CellSnapshot | undefined)[][], merges: CellRange[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, cells.length - 1); r++) {
      const rowCells = cells[r];
      if (!rowCells) continue;
      for (let c = m.left; c <= Math.min(m.right, rowCells.length - 1); c++) if ((r !== m.top || c !== m.left) && rowCells[c]) rowCells[c] = undefined;
    }
  }
}
