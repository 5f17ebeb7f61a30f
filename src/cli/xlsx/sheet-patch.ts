/**
 * Rewrites chosen cells of a worksheet's XML and nothing else: each written cell's element is
 * replaced (or inserted in column order, in a new row where there was none); every other byte
 * stays. A filled-down (shared) formula that a written cell belonged to is spelled out in each of
 * its other cells, so they keep exactly the formula they had.
 */
import { cellAddress } from '../../engine/read/address';
import { parsedAddress, readCellAddress } from './cell-address';
import { shiftFormula } from './shared-formula';
import { CLOSE, END, OPEN, XmlScanner } from './xml-scanner';
import { escapeXml, inlineText, rawTagName, XmlSplice } from './xml-splice';

export interface CellWrite {
  row: number;
  col: number;
  /** Without "="; the value is then the formula's result. */
  formula?: string;
  value: number | string | null;
  /** The number format to give the cell (its other formatting stays); none: the cell's style stays. */
  numberFormat?: string;
}

/** The style index a written cell gets, from the one it has (0 for a cell not yet written). */
export type StyleFor = (current: number, write: CellWrite) => number;

const KEEP_STYLE: StyleFor = (current) => current;

interface SharedCell {
  si: string;
  row: number;
  col: number;
  start: number;
  end: number;
  text?: string;
  master: boolean;
  /** The cell holding it is one of the written cells. */
  written: boolean;
}

function cellXml(w: CellWrite, style: number, prefix: string): string {
  const s = style ? ` s="${style}"` : '';
  const r = cellAddress(w.row, w.col);
  const f = w.formula !== undefined ? `<${prefix}f>${escapeXml(w.formula)}</${prefix}f>` : '';
  if (typeof w.value === 'string') {
    if (f) return `<${prefix}c r="${r}"${s} t="str">${f}<${prefix}v>${escapeXml(w.value)}</${prefix}v></${prefix}c>`;
    return `<${prefix}c r="${r}"${s} t="inlineStr">${inlineText(w.value, prefix)}</${prefix}c>`;
  }
  const v = w.value === null || !Number.isFinite(w.value) ? '' : `<${prefix}v>${String(w.value)}</${prefix}v>`;
  return `<${prefix}c r="${r}"${s}>${f}${v}</${prefix}c>`;
}

export function patchSheet(bytes: Uint8Array, writes: CellWrite[], styleFor: StyleFor = KEEP_STYLE): Uint8Array {
  if (!writes.length) return bytes;
  // The writes in sheet order, taken a row at a time: `pending` is this row's, from `next` on.
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  let next = 0;

  const x = new XmlScanner(bytes);
  const splice = new XmlSplice(bytes);
  const shared: SharedCell[] = [];
  let prefix = '';
  let inData = false;
  let row = -1;
  let col = -1;
  let pending: CellWrite[] = [];
  let cellStart = -1;
  let cellStyle = 0;
  let cellWrite: CellWrite | undefined;
  let formula: SharedCell | undefined;
  let formulaText: string | undefined;
  let inFormula = false;

  const cells = (list: CellWrite[]) => {
    let out = '';
    for (const w of list) out += cellXml(w, styleFor(0, w), prefix);
    return out;
  };
  /** The writes of the next row to write, if it is `r`. */
  const rowWrites = (r: number): CellWrite[] => {
    if (next >= sorted.length || sorted[next].row !== r) return [];
    const first = next;
    while (next < sorted.length && sorted[next].row === r) next++;
    return sorted.slice(first, next);
  };
  /** Rows of written cells the sheet has no row element for, up to `before`. */
  const newRows = (before: number) => {
    let out = '';
    while (next < sorted.length && sorted[next].row < before) {
      const r = sorted[next].row;
      out += `<${prefix}row r="${r + 1}">${cells(rowWrites(r))}</${prefix}row>`;
    }
    return out;
  };

  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === OPEN) {
      const name = x.name;
      if (!inData) {
        if (name === 'sheetData') {
          const raw = rawTagName(bytes, x.tagStart);
          prefix = raw.includes(':') ? raw.slice(0, raw.indexOf(':') + 1) : '';
          if (x.selfClosing) {
            const rows = newRows(Infinity);
            splice.replace(x.tagStart, x.tagEnd, `<${raw}>${rows}</${raw}>`);
          } else inData = true;
        }
        continue;
      }
      if (name === 'row') {
        const r = x.attrInt('r');
        row = r < 1 ? row + 1 : r - 1;
        col = -1;
        const rows = newRows(row);
        if (rows) splice.insert(x.tagStart, rows);
        pending = rowWrites(row);
        if (x.selfClosing && pending.length) {
          // The empty row element opened up: its start tag without the closing "/" (and the spaces before it).
          let end = x.tagEnd - 2;
          while (end > x.tagStart && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x09 || bytes[end - 1] === 0x0d)) end--;
          const tag = `${Buffer.from(bytes.subarray(x.tagStart, end)).toString('utf8')}>`;
          splice.replace(x.tagStart, x.tagEnd, `${tag}${cells(pending)}</${rawTagName(bytes, x.tagStart)}>`);
          pending = [];
        }
      } else if (name === 'c') {
        const ref = x.attrIndex('r');
        if (ref >= 0 && readCellAddress(bytes, x.valueStart(ref), x.valueEnd(ref))) {
          // A cell whose address puts it in another row than its row element is taken where its address says.
          row = parsedAddress.row;
          col = parsedAddress.col;
        } else col++;
        // Written cells the row lacks, left of this one, go before it.
        let before = 0;
        while (before < pending.length && pending[before].col < col) before++;
        if (before) {
          splice.insert(x.tagStart, cells(pending.slice(0, before)));
          pending = pending.slice(before);
        }
        cellWrite = pending.length && pending[0].col === col ? pending.shift() : undefined;
        cellStart = x.tagStart;
        const s = x.attrInt('s');
        cellStyle = s < 0 ? 0 : s;
        formula = undefined;
      } else if (name === 'f') {
        const kind = x.attr('t');
        const si = x.attr('si');
        if (kind === 'shared' && si !== undefined) {
          formula = { si, row, col, start: x.tagStart, end: x.tagEnd, master: x.attr('ref') !== undefined && !x.selfClosing, written: cellWrite !== undefined };
          formulaText = x.selfClosing ? undefined : '';
          inFormula = !x.selfClosing;
        }
      }
    } else if (t === CLOSE) {
      if (!inData) continue;
      const name = x.name;
      if (name === 'f' && formula) {
        formula.end = x.tagEnd;
        if (formulaText) formula.text = formulaText;
        if (!formula.text) formula.master = false;
        shared.push(formula);
        inFormula = false;
      } else if (name === 'c') {
        if (cellWrite) splice.replace(cellStart, x.tagEnd, cellXml(cellWrite, styleFor(cellStyle, cellWrite), prefix));
        cellWrite = undefined;
      } else if (name === 'row') {
        if (pending.length && !x.selfClosing) splice.insert(x.tagStart, cells(pending));
        pending = [];
      } else if (name === 'sheetData') {
        const rows = newRows(Infinity);
        if (rows) splice.insert(x.tagStart, rows);
        inData = false;
      }
    } else if (inFormula) formulaText = (formulaText ?? '') + x.text();
  }

  // Shared formulas a written cell belonged to: every other cell of the group gets its own formula.
  const touched = new Set(shared.filter((f) => f.written).map((f) => f.si));
  for (const si of touched) {
    const master = shared.find((f) => f.si === si && f.master);
    if (!master?.text) continue;
    for (const f of shared) {
      if (f.si !== si || f.written) continue;
      const text = shiftFormula(master.text, f.row - master.row, f.col - master.col);
      splice.replace(f.start, f.end, `<${prefix}f>${escapeXml(text)}</${prefix}f>`);
    }
  }
  return splice.result();
}
