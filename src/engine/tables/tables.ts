/**
 * Turning header blocks into tables: where each body starts and ends, which rows repeat the
 * header at a page break, and what each row is (data, group, section, subtotal, total).
 */
import { columnLetters } from '../read/address';
import { findHeaderBlocks, HeaderBlock, isRepeatedHeader, matchScore } from './header';
import { ColumnDeclaration } from '../layouts';
import { nestRows } from './hierarchy';
import { parseMarker, Marker } from '../read/markers';
import { RowKind, TableModel, TableRow } from './table-model';
import { parseCount } from '../read/numbers';
import { ColumnMatch, RATE_WORDS, recognize, Recognition } from './recognize';
import { findUnknownTables, UnknownTable } from './unknown-tables';
import { findScoreTables } from './score-tables';
import { isRankColumn } from './rank-columns';
import { sortOf, wholeAt } from '../read/cell-sort';
import { recordRateRows } from './rate-lines';
import { cellAt, cellText, rowLength, SheetSnapshot } from '../read/snapshot';
import { foldText, tokens } from '../read/text';

const MAX_BLANK_RUN = 3;

const text = cellText;

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

/**
 * Totals and subtotals are told by their wording, only on rows without numbering: "Tổng", "Toàn
 * tỉnh", "Cộng" and "Cộng huyện …" (but not a name such as "Cộng đồng …").
 */
function totalKind(label: string): RowKind | undefined {
  const t = tokens(foldText(label));
  if (t[0] === 'tong' || (t[0] === 'toan' && t[1] === 'tinh')) return 'total';
  if (t[0] === 'cong' && t[1] !== 'dong' && t[1] !== 'tac' && t[1] !== 'hoa') return 'subtotal';
  return undefined;
}

interface RowReading {
  marker?: Marker;
  label: string;
  hasNumbers: boolean;
  hasContent: boolean;
}

/** Reads body rows of one recognised table; each row is read once however often it is asked for. */
class RowReader {
  private readonly sttCol?: number;
  private readonly labelCol?: number;
  private readonly unitCol?: number;
  private readonly numericCols: number[];
  private readonly allCols: number[];
  private readonly cache: (RowReading | undefined)[] = [];
  /** Rows whose number and name cells are covered by a merge from a row above: that row. */
  private readonly mergedInto = new Map<number, number>();

  constructor(
    private readonly sheet: SheetSnapshot,
    readonly rec: Recognition,
  ) {
    this.sttCol = rec.columns.get('stt')?.col;
    this.labelCol = labelCol(rec);
    this.unitCol = rec.columns.get('unit')?.col;
    this.numericCols = numericKeys(rec).map((key) => rec.columns.get(key)!.col);
    this.allCols = [...rec.columns.values()].map((m) => m.col);
    const labelCols = [this.sttCol, this.labelCol].filter((c): c is number => c !== undefined);
    for (const m of sheet.merges ?? []) {
      if (m.bottom === m.top || !labelCols.some((c) => c >= m.left && c <= m.right)) continue;
      for (let r = m.top + 1; r <= m.bottom; r++) this.mergedInto.set(r, m.top);
    }
  }

  /**
   * Numbering written alone in a cell before the name when the table has no STT column, or its
   * STT cell is blank: "7." in one cell, "Thị xã …" in the next.
   */
  private markerBeforeName(row: number): Marker | undefined {
    if (this.labelCol === undefined) return undefined;
    for (let col = Math.max(0, this.labelCol - 2); col < this.labelCol; col++) {
      if (col === this.sttCol) continue;
      const parsed = parseMarker(text(this.sheet, row, col));
      if (parsed.marker && parsed.rest === '') return parsed.marker;
    }
    return undefined;
  }

  read(row: number): RowReading {
    return (this.cache[row] ??= this.readUncached(row));
  }

  hasUnit(row: number): boolean {
    return text(this.sheet, row, this.unitCol) !== '';
  }

  isBold(row: number): boolean {
    return Boolean(cellAt(this.sheet, row, this.labelCol ?? 0)?.bold);
  }

  private readUncached(row: number): RowReading {
    const { sheet } = this;
    const stt = text(sheet, row, this.sttCol);
    const name = text(sheet, row, this.labelCol);
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
    if (!marker && !stt && name) marker = this.markerBeforeName(row);
    let hasNumbers = false;
    let hasContent = Boolean(stt || name);
    for (const col of this.numericCols) {
      const cell = cellAt(sheet, row, col);
      if (!cell || cell.value === null) continue;
      if (typeof cell.value === 'number') {
        hasContent = hasNumbers = true;
        continue;
      }
      const parsed = parseCount(cell);
      if (parsed.status !== 'blank') hasContent = true;
      if (parsed.status === 'number' || parsed.status === 'dash') hasNumbers = true;
    }
    if (!hasContent) for (const col of this.allCols) if (text(sheet, row, col)) hasContent = true;
    // A unit whose number and name were merged with the row above (two rows, one name): the same
    // kind of row as that one, so it nests beside it rather than under it.
    const master = this.mergedInto.get(row);
    if (!stt && !name && master !== undefined && hasNumbers) {
      const above = this.read(master);
      return { marker: above.marker, label: above.label, hasNumbers, hasContent };
    }
    return { marker, label, hasNumbers, hasContent };
  }
}

function bodyEnd(reader: RowReader, start: number, stop: number): number {
  const { rec } = reader;
  // In task and checklist tables every row with text counts (a task continued after a page break).
  const textTable = rec.layout.hierarchy === 'tasks' || rec.layout.hierarchy === 'checklist';
  let lastUseful = start - 1;
  let blanks = 0;
  for (let r = start; r < stop; r++) {
    const reading = reader.read(r);
    if (!reading.hasContent) {
      if (++blanks >= MAX_BLANK_RUN && lastUseful >= start) break;
      continue;
    }
    blanks = 0;
    // Notes below a table have neither numbers nor numbering; they end where the data ends.
    if (textTable || reading.hasNumbers || reading.marker || reader.hasUnit(r) || totalKind(reading.label)) lastUseful = r;
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
    const reader = new RowReader(sheet, rec);
    const end = bodyEnd(reader, start, stop);
    tables.push(buildTable(sheet, block, repeats, reader, start, end));
    i = j;
  }
  // Then tables of scores, told by their words, maxima and decimals; then tables no layout knows,
  // outside those: checked only for what their numbers show.
  tables.push(...findScoreTables(sheet, tables.map((t) => t.range)));
  const taken = tables.map((t) => t.range);
  const unknown = findUnknownTables(sheet, taken);
  for (let k = 0; k < unknown.length; k++) {
    const { block, rec } = unknown[k];
    let { lastRow, rateRows, leaveOut } = unknown[k];
    // A table continued after a page break, its header repeated: one table, the repeat a header row.
    const repeats: HeaderBlock[] = [];
    while (k + 1 < unknown.length && continues(sheet, unknown[k], unknown[k + 1], lastRow)) {
      const next = unknown[++k];
      repeats.push(next.block);
      lastRow = next.lastRow;
      rateRows = [...rateRows, ...next.rateRows];
      leaveOut = [...leaveOut, ...next.leaveOut];
    }
    const start = block.rows[block.rows.length - 1] + 1;
    // The body ends where the finder saw its last row of figures: a table stacked below is its own.
    const stop = Math.min(lastRow + 1, sheet.cells.length, ...taken.filter((t) => t.top > start).map((t) => t.top));
    const reader = new RowReader(sheet, rec);
    const end = bodyEnd(reader, start, stop);
    if (end < start) continue;
    const table = buildTable(sheet, block, repeats, reader, start, end, new Set([...leaveOut, ...rateRows.map((r) => r.row)]));
    if (rateRows.length) table.rateRows = [...(table.rateRows ?? []), ...rateRows];
    tables.push(table);
  }
  return tables.sort((a, b) => a.range.top - b.range.top);
}

/**
 * Header columns the layout does not know whose body is counts (whole numbers, dashes, blanks) in
 * nearly every row: read as counts of their own, titled by their header, so the table's sums cover
 * them too. Rates are left alone: their definition cannot be told from a header the engine does not know.
 */
function extraCountColumns(sheet: SheetSnapshot, block: HeaderBlock, columns: Map<string, ColumnMatch>, rows: TableRow[]): ColumnDeclaration[] {
  const used = new Set([...columns.values()].map((m) => m.col));
  const body = rows.filter((r) => r.kind !== 'header' && r.hasNumbers);
  const out: ColumnDeclaration[] = [];
  for (const [col, path] of block.paths) {
    const headerText = path.filter(Boolean).join(' / ');
    if (used.has(col) || !headerText || matchScore(headerText, RATE_WORDS) > 0 || body.length < 2) continue;
    let counts = 0;
    let other = 0;
    for (const row of body) {
      const sort = sortOf(sheet, row.row, col);
      if (sort === 'count') counts++;
      else if (sort !== 'empty') other++;
    }
    if (counts < Math.max(2, 0.8 * body.length) || other > 0) continue;
    const key = `col:${columnLetters(col)}`;
    const rank = isRankColumn(body.map((row) => wholeAt(sheet, row.row, col)), headerText);
    out.push({ key, role: rank ? 'rank' : 'count', title: headerText, titleEn: headerText, header: [], weight: 0 });
    columns.set(key, { key, col, score: 0, headerText });
  }
  return out;
}

/**
 * Whether `next` continues `table` after a page break: its header repeats the table's over the same
 * columns, nothing but blank rows stand between them, and the table has not closed with a total.
 */
function continues(sheet: SheetSnapshot, table: UnknownTable, next: UnknownTable, lastRow: number): boolean {
  const cols = (t: UnknownTable) => [...t.rec.columns.values()].map((m) => `${m.key}@${m.col}`).sort().join(',');
  if (cols(table) !== cols(next) || !next.block.rows.every((r) => isRepeatedHeader(sheet, r, table.block))) return false;
  for (let r = lastRow + 1; r < next.block.rows[0]; r++) for (let c = 0; c < rowLength(sheet, r); c++) if (cellText(sheet, r, c) !== '') return false;
  const label = table.rec.columns.get('name')?.col;
  for (let r = table.block.rows[table.block.rows.length - 1] + 1; r <= lastRow; r++) if (totalKind(cellText(sheet, r, label)) === 'total') return false;
  return true;
}

/**
 * Items: a row with figures whose name begins "Trong đó" (after a dash or a plus), under a row with
 * figures — a part of that row ("Trong đó: trực tuyến"), or of the row the items before it belong to.
 */
function markItems(rows: TableRow[]): void {
  let whole: TableRow | undefined;
  for (const row of rows) {
    if (row.kind === 'header' || !row.hasNumbers) continue;
    // Folded only when it may say so: a large table asks on every row.
    const item = whole && /trong/i.test(row.label) && foldText(row.label).replace(/^[\s\-+*•.:]+/, '').startsWith('trong do');
    if (item && (row.kind === 'data' || row.kind === 'group')) {
      row.kind = 'item';
      row.itemOf = whole;
      continue;
    }
    whole = row.kind === 'data' || row.kind === 'group' || row.kind === 'subtotal' || row.kind === 'total' ? row : undefined;
  }
}

function buildTable(
  sheet: SheetSnapshot,
  block: HeaderBlock,
  repeats: HeaderBlock[],
  reader: RowReader,
  start: number,
  end: number,
  /** Rows of the body read apart (rows of rates) or not at all. */
  apart: ReadonlySet<number> = new Set(),
): TableModel {
  // Only rows that repeat the first header are headers; a repeat block may have swallowed data.
  const { rec } = reader;
  const repeatRows = new Set(repeats.flatMap((b) => b.rows));
  const rows: TableRow[] = [];
  for (let r = start; r <= end; r++) {
    const isHeader = repeatRows.has(r) && isRepeatedHeader(sheet, r, block);
    const reading = reader.read(r);
    if (!reading.hasContent || apart.has(r)) continue;
    const bold = reader.isBold(r);
    let kind: RowKind = isHeader ? 'header' : 'data';
    if (!isHeader && rec.layout.hierarchy === 'sum' && !reading.marker) kind = totalKind(reading.label) ?? 'data';
    rows.push({ row: r, kind, marker: reading.marker, label: reading.label, hasNumbers: reading.hasNumbers, bold, children: [] });
  }
  // A unit written on two rows: its rates row is read apart, never summed or nested.
  const records = rec.layout.hierarchy === 'sum' ? recordRateRows(sheet, rows, labelCol(rec), numericKeys(rec).map((key) => rec.columns.get(key)!.col)) : [];
  if (records.length) {
    const apartRows = new Set(records.map((r) => r.row));
    rows.splice(0, rows.length, ...rows.filter((r) => !apartRows.has(r.row)));
  }
  if (rec.layout.hierarchy === 'sum') markItems(rows);
  const nested = rows.filter((r) => r.kind !== 'item');
  const { roots, totals } = rec.layout.hierarchy === 'none' ? { roots: rows.filter((r) => r.kind !== 'header'), totals: [] } : nestRows(nested);
  const columns = new Map(rec.columns);
  const extraColumns = rec.layout.hierarchy === 'sum' ? extraCountColumns(sheet, block, columns, rows) : [];
  const cols = [...columns.values()].map((m) => m.col);
  return {
    layout: rec.layout,
    confidence: rec.confidence,
    columns,
    extraColumns,
    headerRows: block.rows,
    range: { top: block.rows[0], left: Math.min(...cols), bottom: Math.max(end, block.rows[block.rows.length - 1]), right: Math.max(...cols) },
    rows,
    roots,
    totals,
    ...(records.length ? { rateRows: records } : {}),
  };
}
