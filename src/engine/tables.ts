/**
 * Turning header blocks into tables: where each body starts and ends, which rows repeat the
 * header at a page break, and what each row is (data, group, section, subtotal, total).
 */
import { findHeaderBlocks, HeaderBlock, isRepeatedHeader } from './header';
import { nestRows } from './hierarchy';
import { parseMarker, Marker } from './markers';
import { RowKind, TableModel, TableRow } from './model';
import { parseCount } from './numbers';
import { recognize, Recognition } from './recognize';
import { cellAt, SheetSnapshot } from './snapshot';
import { cleanText, foldText, tokens } from './text';

const MAX_BLANK_RUN = 3;

function text(sheet: SheetSnapshot, row: number, col: number | undefined): string {
  if (col === undefined) return '';
  const cell = cellAt(sheet, row, col);
  if (!cell || cell.value === null) return '';
  return cleanText(cell.text ?? String(cell.value));
}

/** A later header of the same layout whose columns agree with this one's is a page-break repeat. */
function sameMapping(a: Recognition, b: Recognition): boolean {
  if (a.layout.id !== b.layout.id) return false;
  let shared = 0;
  for (const [key, m] of b.columns) {
    const other = a.columns.get(key);
    if (!other) continue;
    if (other.col !== m.col) return false;
    shared++;
  }
  return shared >= Math.min(2, b.columns.size);
}

function numericKeys(rec: Recognition): string[] {
  return rec.layout.columns.filter((c) => ['count', 'rate', 'value'].includes(c.role) && rec.columns.has(c.key)).map((c) => c.key);
}

function labelCol(rec: Recognition): number | undefined {
  const label = rec.layout.columns.find((c) => c.role === 'label' && rec.columns.has(c.key));
  return label ? rec.columns.get(label.key)!.col : undefined;
}

/** Totals and subtotals are told by their wording, only on rows without numbering. */
function totalKind(label: string): RowKind | undefined {
  const t = tokens(foldText(label));
  if (t[0] === 'tong' || (t[0] === 'toan' && t[1] === 'tinh')) return 'total';
  if (t[0] === 'cong' && t.length <= 4) return 'subtotal';
  return undefined;
}

interface RowReading {
  marker?: Marker;
  label: string;
  hasNumbers: boolean;
  hasContent: boolean;
}

function readRow(sheet: SheetSnapshot, row: number, rec: Recognition): RowReading {
  const sttCol = rec.columns.get('stt')?.col;
  const stt = text(sheet, row, sttCol);
  const name = text(sheet, row, labelCol(rec));
  let marker: Marker | undefined;
  let label = name;
  if (stt) {
    const parsed = parseMarker(stt);
    if (parsed.marker && parsed.rest === '') marker = parsed.marker;
    else if (!name) label = stt;
  }
  if (!marker && label) {
    const parsed = parseMarker(label);
    if (parsed.marker && parsed.rest) {
      marker = parsed.marker;
      label = parsed.rest;
    }
  }
  let hasNumbers = false;
  let hasContent = Boolean(stt || name);
  for (const key of numericKeys(rec)) {
    const cell = cellAt(sheet, row, rec.columns.get(key)!.col);
    const parsed = parseCount(cell);
    if (parsed.status !== 'blank') hasContent = true;
    if (parsed.status === 'number' || parsed.status === 'dash') hasNumbers = true;
  }
  for (const m of rec.columns.values()) if (text(sheet, row, m.col)) hasContent = true;
  return { marker, label, hasNumbers, hasContent };
}

function bodyEnd(sheet: SheetSnapshot, start: number, stop: number, rec: Recognition): number {
  let lastUseful = start - 1;
  let blanks = 0;
  for (let r = start; r < stop; r++) {
    const reading = readRow(sheet, r, rec);
    if (!reading.hasContent) {
      if (++blanks >= MAX_BLANK_RUN && lastUseful >= start) break;
      continue;
    }
    blanks = 0;
    // Notes below a table have neither numbers nor numbering; they end where the data ends.
    const unit = rec.columns.get('unit');
    const hasUnit = unit ? text(sheet, r, unit.col) !== '' : false;
    // In task and checklist tables every row with text counts (a task continued after a page break).
    const textTable = rec.layout.hierarchy === 'tasks' || rec.layout.hierarchy === 'checklist';
    if (textTable || reading.hasNumbers || reading.marker || hasUnit || totalKind(reading.label)) lastUseful = r;
  }
  return lastUseful;
}

/** Finds and models every recognised table on the sheet. */
export function extractTables(sheet: SheetSnapshot): TableModel[] {
  const blocks = findHeaderBlocks(sheet).map((block) => ({ block, rec: recognize(block) }));
  const tables: TableModel[] = [];
  let i = 0;
  while (i < blocks.length) {
    const { block, rec } = blocks[i];
    if (!rec) {
      i++;
      continue;
    }
    // Header blocks repeating this one (page breaks) belong to the same table.
    const repeats: HeaderBlock[] = [];
    let j = i + 1;
    while (j < blocks.length && (!blocks[j].rec || sameMapping(rec, blocks[j].rec!))) {
      if (blocks[j].rec) repeats.push(blocks[j].block);
      j++;
    }
    const start = block.rows[block.rows.length - 1] + 1;
    const stop = j < blocks.length ? blocks[j].block.rows[0] : sheet.cells.length;
    const end = bodyEnd(sheet, start, stop, rec);
    tables.push(buildTable(sheet, block, repeats, rec, start, end));
    i = j;
  }
  return tables;
}

function buildTable(
  sheet: SheetSnapshot,
  block: HeaderBlock,
  repeats: HeaderBlock[],
  rec: Recognition,
  start: number,
  end: number,
): TableModel {
  // Only rows that repeat the first header are headers; a repeat block may have swallowed data.
  const repeatRows = new Set(repeats.flatMap((b) => b.rows));
  const rows: TableRow[] = [];
  for (let r = start; r <= end; r++) {
    const isHeader = repeatRows.has(r) && isRepeatedHeader(sheet, r, block);
    const reading = readRow(sheet, r, rec);
    if (!reading.hasContent) continue;
    const bold = Boolean(cellAt(sheet, r, labelCol(rec) ?? 0)?.bold);
    let kind: RowKind = isHeader ? 'header' : 'data';
    if (!isHeader && rec.layout.hierarchy === 'sum' && !reading.marker) kind = totalKind(reading.label) ?? 'data';
    rows.push({ row: r, kind, marker: reading.marker, label: reading.label, hasNumbers: reading.hasNumbers, bold, children: [] });
  }
  const { roots, totals } = rec.layout.hierarchy === 'none' ? { roots: rows.filter((r) => r.kind !== 'header'), totals: [] } : nestRows(rows);
  const cols = [...rec.columns.values()].map((m) => m.col);
  return {
    layout: rec.layout,
    confidence: rec.confidence,
    columns: rec.columns,
    headerRows: block.rows,
    range: { top: block.rows[0], left: Math.min(...cols), bottom: Math.max(end, block.rows[block.rows.length - 1]), right: Math.max(...cols) },
    rows,
    roots,
    totals,
  };
}
