/**
 * The Office.js host: the only place that calls Excel, typed against the subset of Office.js in
 * excel-api.ts. The core works with ExcelApi 1.1 (Excel 2016); what newer Excel offers (bold of
 * every cell in one request, sheet copy, comments, merged areas, hidden rows, protection) is used
 * where `supports` says it is there, and its absence is reported, never an error.
 *
 * Round trips with a current Excel: reading the active sheet 1, applying an edit plan 2 (names,
 * protection and log, then all writes), adding a sheet 1, highlighting 2 (the fills to keep, then
 * the marks), removing highlights 2 (PhuLuc's own comments found, then fills restored).
 */
import { LOG_HEADER } from '../engine/output/change-log';
import { fitCellText } from '../engine/read/cell-text';
import { EditPlan, PlannedEdit } from '../engine/output/edit-plan';
import { SheetDraft } from '../engine/output/ranking-sheet';
import { LOG_SHEET } from '../engine/read/sheet-names';
import { applyRecompute, logStamp, RecomputeWriter } from '../usecases/apply-recompute';
import { CellRange, CellSnapshot, isDateFormat, serialDay, SheetSnapshot } from '../engine/read/snapshot';
import { cellAddress, columnLetters, parseAddress, parseRangeAddress } from '../engine/read/address';
import { CommentApi, ContextApi, ExcelRun, Feature, FEATURES, officeRun, RangeApi, RangeViewApi, WorksheetApi, WorksheetProtectionApi } from './excel-api';

export type { ExcelRun } from './excel-api';

export interface ActiveSheet {
  snapshot: SheetSnapshot;
  sheetNames: string[];
  /** What this Excel could not tell about the sheet (merged areas, hidden rows, protection). */
  unavailable: Feature[];
}

export interface Highlight {
  address: string;
  severity: 'error' | 'warning' | 'info';
  /** Written as a comment on the cell where Excel supports comments (ExcelApi 1.10). */
  message?: string;
}

/** A highlighted cell and the fill it had before: null for none. */
export interface SavedFill {
  address: string;
  fill: string | null;
  /** The fill PhuLuc gave it: the cell is given its old fill back only while it still has this one. */
  set: string;
  /** A digest of the comment PhuLuc wrote on it: only a comment that is exactly that one is removed. */
  comment?: string;
}

/** What highlighting did to a sheet, so it can be undone exactly. */
export interface Highlighting {
  sheet: string;
  cells: SavedFill[];
  /** False when this Excel has no comments (ExcelApi 1.10): only fills were set. */
  comments: boolean;
}

/** Per-workbook settings: Office.context.document.settings in Office, a map in the fake. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  save(): Promise<void>;
}

export interface HostOptions {
  /** Bytes one request may carry; Excel on the web refuses more than 5 MB. */
  payloadLimit?: number;
  settings?: SettingsStore;
  /** Whether an Excel API requirement set is available (Office.context.requirements.isSetSupported). */
  supports?: (set: string, version: string) => boolean;
}

export interface ExcelHost {
  readActiveSheet(): Promise<ActiveSheet>;
  /** The name of the sheet on screen: one small round trip. */
  activeSheetName(): Promise<string>;
  /** Every sheet's used range: two round trips (the names, then all ranges at once). */
  readWorkbook(): Promise<{ sheets: SheetSnapshot[]; active: string; unavailable: Feature[] }>;
  loadSettings<T>(name: string): T | undefined;
  saveSettings(name: string, value: unknown): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  applyPlan(plan: EditPlan): Promise<{ backup: string }>;
  addSheet(draft: SheetDraft): Promise<void>;
  highlight(sheet: string, cells: Highlight[]): Promise<Highlighting>;
  clearHighlight(highlighting: Highlighting): Promise<void>;
}

/** A recompute Excel could not finish: the sheet was given back what it held. */
export class WriteFailedError extends Error {
  constructor(
    readonly sheet: string,
    readonly cause: unknown,
    /** False when undoing failed too: the sheet may be half-changed, its original is in `backup`. */
    readonly restored: boolean,
    readonly backup: string,
  ) {
    super(`Writing to "${sheet}" failed${restored ? ' and was undone' : ''}: ${(cause as Error)?.message ?? String(cause)}`);
  }
}


type BoldGrid = ({ format?: { font?: { bold?: boolean } } } | boolean | null)[][];

const boldOf = (entry: BoldGrid[number][number] | undefined): boolean => (typeof entry === 'object' && entry !== null ? Boolean(entry.format?.font?.bold) : Boolean(entry));

/** What one read of a used range (or a block of it) returned, and what came with it. */
interface RangeRead {
  origin: { row: number; col: number };
  values: unknown[][];
  formats: unknown[][];
  formulas?: unknown[][];
  bold?: BoldGrid;
}

/**
 * Builds a snapshot from what one load of the used range returned; offsets keep A1 addressing.
 * The cells take the form the file reader gives them (src/cli/xlsx-reader.ts), so both hosts hand
 * the engine the same snapshot: no shown text (the engine words values itself), no format for
 * General, bold only when bold, a date as its day (dd/mm/yyyy) rather than Excel's serial number.
 */
export function snapshotFromRange(name: string, origin: { row: number; col: number }, values: unknown[][], formats: unknown[][], bold: BoldGrid | undefined, formulas?: unknown[][]): SheetSnapshot {
  const cells: (CellSnapshot | undefined)[][] = [];
  for (let r = 0; r < origin.row; r++) cells.push([]);
  values.forEach((row, i) => {
    const out: (CellSnapshot | undefined)[] = [];
    row.forEach((v, j) => {
      if (v === '' || v === null || v === undefined) return;
      const format = formats[i]?.[j];
      const numberFormat = typeof format === 'string' && format !== 'General' ? format : undefined;
      const formula = formulas?.[i]?.[j];
      const value = typeof v === 'number' && numberFormat && isDateFormat(numberFormat) ? serialDay(v) : typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      // Every cell gets the same fields in the same order: the engine reads them faster so.
      out[origin.col + j] = {
        value,
        numberFormat,
        bold: boldOf(bold?.[i]?.[j]) ? true : undefined,
        // Text that begins with "=" reads the same as its value; a formula reads as itself, its value as the result.
        formula: typeof formula === 'string' && formula.startsWith('=') && formula !== v ? formula.slice(1) : undefined,
      };
    });
    cells.push(out);
  });
  return { name, cells };
}

const FILL = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' } as const;
/** PhuLuc's comments begin so, and one is removed only if it is exactly what PhuLuc wrote. */
const COMMENT_PREFIX = 'PhuLuc: ';

/** A short digest of a comment's text (53-bit FNV-style): enough to tell PhuLuc's own comment from another. */
export function commentDigest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

const SINGLE_CELL = /^[A-Z]{1,3}[1-9][0-9]{0,6}$/;
const COLOUR = /^#[0-9A-F]{6}$/i;
const OUR_FILLS: readonly string[] = Object.values(FILL);

/**
 * The highlight record kept in the workbook's settings, read as data and never trusted: a received
 * workbook can carry any record. Only entries of PhuLuc's own shape survive — single cells, colours,
 * a fill PhuLuc uses — and clearing then touches a cell only while it still has that fill.
 */
export function readHighlightRecord(stored: unknown): Highlighting[] {
  if (!Array.isArray(stored)) return [];
  const out: Highlighting[] = [];
  for (const entry of stored) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { sheet, cells, comments } = entry as Record<string, unknown>;
    if (typeof sheet !== 'string' || !sheet || sheet.length > 31 || !Array.isArray(cells)) continue;
    const kept: SavedFill[] = [];
    for (const cell of cells) {
      if (typeof cell !== 'object' || cell === null) continue;
      const { address, fill, set, comment } = cell as Record<string, unknown>;
      if (typeof address !== 'string' || !SINGLE_CELL.test(address)) continue;
      if (!(fill === null || (typeof fill === 'string' && COLOUR.test(fill)))) continue;
      if (typeof set !== 'string' || !OUR_FILLS.includes(set)) continue;
      if (comment !== undefined && (typeof comment !== 'string' || !/^[0-9a-f]{1,16}$/.test(comment))) continue;
      kept.push({ address, fill, set, ...(comment !== undefined ? { comment } : {}) });
    }
    if (kept.length) out.push({ sheet, cells: kept, comments: comments === true });
  }
  return out;
}

/**
 * Text PhuLuc writes through `Range.values`, which Excel parses as if typed: "=…", "+…", "-…", "@…"
 * would become formulas (a unit named =HYPERLINK(…) a live link), "001" a number, "1/2" a date.
 * The leading apostrophe makes Excel keep any text as the text it is (Excel shows it without the
 * apostrophe); the text is cut to what a cell holds.
 */
export const asText = (text: string) => `'${fitCellText(text)}`;

/** A grid for `Range.values`: every text kept as text, numbers as numbers, nothing as blank. */
const asValues = (rows: readonly (readonly (string | number | null | undefined)[])[]) => rows.map((row) => row.map((v) => (v === null || v === undefined || v === '' ? '' : typeof v === 'string' ? asText(v) : v)));

/**
 * What to write back through `Range.formulas` to give cells what they held: a formula as itself,
 * a text that only looks like one (read back as its own "formula") marked as text.
 */
function formulasToRestore(values: unknown[][], formulas: unknown[][]): unknown[][] {
  return formulas.map((row, i) => row.map((f, j) => (typeof f === 'string' && f !== '' && values[i]?.[j] === f ? asText(f) : f)));
}

function writeEdit(ws: WorksheetApi, e: PlannedEdit): void {
  const range = ws.getRange(cellAddress(e.row, e.col));
  if (e.formula !== undefined) range.formulas = [[`=${e.formula}`]];
  else range.values = [[e.value]];
  range.numberFormat = [[e.numberFormat]];
}

const rangeOf = (top: number, left: number, rows: number, cols: number) => `${cellAddress(top, left)}:${cellAddress(top + rows - 1, left + cols - 1)}`;

/** Excel on the web refused a request or response over its size limit. */
function isPayloadTooLarge(e: unknown): boolean {
  return (e as { code?: string })?.code === 'RequestPayloadSizeLimitExceeded';
}

/** A rough size of one cell in a read: value, format and formula as JSON. */
const BYTES_PER_CELL_READ = 100;
const BYTES_PER_EDIT = 160;
/** Without per-cell bold (before ExcelApi 1.9), rows of mixed bold are read cell by cell in their first columns, where names are. */
const BOLD_COLUMNS = 8;

/** Splits edits into batches whose request stays under the size limit. */
function batches<T>(items: T[], limit: number): T[][] {
  const size = Math.max(1, Math.floor(limit / BYTES_PER_EDIT));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** "'PL VII'!A1:B2,'PL VII'!C3" → the areas; a comma inside a quoted sheet name is not a separator. */
function mergedAreasOf(address: string): CellRange[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts.map(parseRangeAddress);
}

export function createExcelHost(run: ExcelRun, options: HostOptions = {}): ExcelHost {
  const supports = options.supports ?? (() => false);
  const has = (feature: Feature) => supports('ExcelApi', FEATURES[feature]);
  const limit = (options.payloadLimit ?? 5 * 1024 * 1024) * 0.9;

  /** The features a read goes without in this Excel. */
  const readUnavailable = (): Feature[] => (['cellProperties', 'mergedAreas', 'hiddenRows', 'protection'] as Feature[]).filter((f) => !has(f));

  const usedRange = (ws: WorksheetApi) => (has('valuesOnlyUsedRange') ? ws.getUsedRange(true) : ws.getUsedRange());

  /** Queues the load of a range's cells, with bold when Excel gives it per cell. */
  function queueCells(range: RangeApi) {
    range.load(['values', 'numberFormat', 'formulas', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    return { range, bold: has('cellProperties') ? range.getCellProperties({ format: { font: { bold: true } } }) : undefined };
  }

  /** Queues what a sheet says about itself: visibility, merged areas, hidden rows, protection. */
  function queueSheetFacts(ws: WorksheetApi, used: RangeApi) {
    return {
      sheet: ws.load('visibility'),
      merged: has('mergedAreas') ? used.getMergedAreasOrNullObject().load(['address', 'isNullObject']) : undefined,
      // The first column's visible cells: the rows missing from it are hidden.
      visible: has('hiddenRows') ? used.getColumn(0).getVisibleView().load('cellAddresses') : undefined,
      protection: has('protection') ? ws.protection.load('protected') : undefined,
    };
  }

  /** Bold without per-cell properties: each row at once, then the first columns of rows that mix. */
  async function boldByRows(context: ContextApi, ws: WorksheetApi, used: RangeApi): Promise<BoldGrid> {
    const rows = Array.from({ length: used.rowCount }, (_, r) => ws.getRange(rangeOf(used.rowIndex + r, used.columnIndex, 1, used.columnCount)).format.font.load('bold'));
    await context.sync();
    const width = Math.min(used.columnCount, BOLD_COLUMNS);
    const mixed = rows.map((font, r) => (font.bold === null ? Array.from({ length: width }, (_, c) => ws.getRange(cellAddress(used.rowIndex + r, used.columnIndex + c)).format.font.load('bold')) : undefined));
    if (mixed.some(Boolean)) await context.sync();
    return rows.map((font, r) => {
      const cells = mixed[r];
      return Array.from({ length: used.columnCount }, (_, c) => (cells ? c < width && cells[c].bold === true : font.bold === true));
    });
  }

  function snapshotOf(name: string, read: RangeRead, facts: ReturnType<typeof queueSheetFacts>): SheetSnapshot {
    const snapshot = snapshotFromRange(name, read.origin, read.values, read.formats, read.bold, read.formulas);
    const rows = read.values.length;
    if (facts.merged) snapshot.merges = facts.merged.isNullObject ? [] : mergedAreasOf(facts.merged.address);
    if (facts.visible) snapshot.hiddenRows = hiddenRows(read.origin.row, rows, facts.visible);
    if (facts.protection) snapshot.protected = facts.protection.protected;
    const visibility = String(facts.sheet.visibility);
    if (visibility === 'Hidden') snapshot.visibility = 'hidden';
    else if (visibility === 'VeryHidden') snapshot.visibility = 'veryHidden';
    return snapshot;
  }

  /** Reads one sheet in one round trip (two or three without per-cell bold). */
  async function readSheet(context: ContextApi, ws: WorksheetApi, name: () => string): Promise<SheetSnapshot> {
    const used = usedRange(ws);
    const { bold } = queueCells(used);
    const facts = queueSheetFacts(ws, used);
    await context.sync();
    const boldGrid = bold ? bold.value : await boldByRows(context, ws, used);
    return snapshotOf(name(), { origin: { row: used.rowIndex, col: used.columnIndex }, values: used.values, formats: used.numberFormat, formulas: used.formulas, bold: boldGrid }, facts);
  }

  /**
   * Reads a sheet in blocks of rows small enough for the size limit: one round trip for the size
   * of the used range and what the sheet says of itself, then one per block. Used only after a
   * one-trip read was refused.
   */
  async function readInBlocks(sheetName: string): Promise<SheetSnapshot> {
    return run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      const used = usedRange(ws);
      used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      const facts = queueSheetFacts(ws, used);
      await context.sync();
      const rowsPerBlock = Math.max(1, Math.floor(limit / (used.columnCount * BYTES_PER_CELL_READ)));
      const read: RangeRead = { origin: { row: used.rowIndex, col: used.columnIndex }, values: [], formats: [], formulas: [], bold: [] };
      for (let start = 0; start < used.rowCount; start += rowsPerBlock) {
        const count = Math.min(rowsPerBlock, used.rowCount - start);
        const block = ws.getRange(rangeOf(used.rowIndex + start, used.columnIndex, count, used.columnCount));
        const { range, bold } = queueCells(block);
        await context.sync();
        const boldGrid = bold ? bold.value : await boldByRows(context, ws, range);
        for (let r = 0; r < range.values.length; r++) {
          read.values.push(range.values[r]);
          read.formats.push(range.numberFormat[r]);
          read.formulas!.push(range.formulas[r]);
          read.bold!.push(boldGrid[r]);
        }
      }
      return snapshotOf(sheetName, read, facts);
    });
  }

  /** Loads the sheet names and, where Excel has it, the protection of one sheet. */
  function queueNames(context: ContextApi) {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    return sheets;
  }

  return {
    async readWorkbook() {
      return run(async (context) => {
        const sheets = queueNames(context);
        const active = sheets.getActiveWorksheet();
        active.load('name');
        await context.sync();
        const names = sheets.items.map((s) => s.name);
        const snapshots: SheetSnapshot[] = [];
        // All sheets in one round trip when per-cell bold is there; otherwise one sheet after another.
        if (has('cellProperties')) {
          const reads = names.map((n) => {
            const ws = sheets.getItem(n);
            const used = usedRange(ws);
            return { used, bold: queueCells(used).bold!, facts: queueSheetFacts(ws, used) };
          });
          await context.sync();
          reads.forEach(({ used, bold, facts }, i) =>
            snapshots.push(snapshotOf(names[i], { origin: { row: used.rowIndex, col: used.columnIndex }, values: used.values, formats: used.numberFormat, formulas: used.formulas, bold: bold.value }, facts)),
          );
        } else {
          for (const n of names) snapshots.push(await readSheet(context, sheets.getItem(n), () => n));
        }
        return { sheets: snapshots, active: active.name, unavailable: readUnavailable() };
      });
    },

    loadSettings<T>(name: string) {
      return options.settings?.get(name) as T | undefined;
    },

    async saveSettings(name, value) {
      if (!options.settings) return;
      options.settings.set(name, value);
      await options.settings.save();
    },

    async readActiveSheet() {
      try {
        return await run(async (context) => {
          const ws = context.workbook.worksheets.getActiveWorksheet();
          ws.load('name');
          const sheets = queueNames(context);
          const snapshot = await readSheet(context, ws, () => ws.name);
          return { snapshot, sheetNames: sheets.items.map((s) => s.name), unavailable: readUnavailable() };
        });
      } catch (e) {
        if (!isPayloadTooLarge(e)) throw e;
        // Too large for one request: the names first, then the sheet in blocks.
        const { name, sheetNames } = await run(async (context) => {
          const ws = context.workbook.worksheets.getActiveWorksheet();
          ws.load('name');
          const sheets = queueNames(context);
          await context.sync();
          return { name: ws.name, sheetNames: sheets.items.map((s) => s.name) };
        });
        return { snapshot: await readInBlocks(name), sheetNames, unavailable: readUnavailable() };
      }
    },

    async activeSheetName() {
      return run(async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet().load('name');
        await context.sync();
        return ws.name;
      });
    },

    async selectCell(sheetName, address) {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      });
    },

    async applyPlan(plan) {
      return run(async (context) => {
        const sheets = queueNames(context);
        const ws = sheets.getItem(plan.sheet);
        const protection: WorksheetProtectionApi | undefined = has('protection') ? ws.protection.load('protected') : undefined;
        // Where the change log ends, read in the same round trip when Excel can say a sheet is missing.
        const logUsed = has('nullObjects') ? sheets.getItemOrNullObject(LOG_SHEET).getUsedRangeOrNullObject(true).load(['rowIndex', 'rowCount', 'isNullObject']) : undefined;
        // Without sheet copy, the backup is made from the sheet's formulas and number formats.
        const source = has('sheetCopy') ? undefined : ws.getUsedRange().load(['values', 'formulas', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
        // What each cell to change holds now, so a failed write can be undone (in reads under the size limit).
        const before: RangeApi[] = [];
        for (const [i, batch] of batches(plan.edits, limit).entries()) {
          if (i > 0) await context.sync();
          for (const e of batch) before.push(ws.getRange(cellAddress(e.row, e.col)).load(['values', 'formulas', 'numberFormat']));
        }
        await context.sync();
        const names = sheets.items.map((s) => s.name);
        const hasLog = names.includes(LOG_SHEET);
        let logEnd = 0;
        if (logUsed) logEnd = logUsed.isNullObject ? 0 : logUsed.rowIndex + logUsed.rowCount;
        else if (hasLog && !protection?.protected) {
          const used = sheets.getItem(LOG_SHEET).getUsedRange().load(['rowIndex', 'rowCount']);
          await context.sync();
          logEnd = used.rowIndex + used.rowCount;
        }

        // The steps, queued in the order the shared use case gives them, then written in requests under the size limit.
        const work: { bytes: number; write: () => void }[] = [];
        // New entries go below the old ones: the log keeps its history. It is written last, once every change is in.
        const firstLogRow = logEnd + 1;
        let logRows = 0;
        const log = () => sheets.getItem(LOG_SHEET);
        const writer: RecomputeWriter = {
          sheetNames: [...names],
          isProtected: () => Boolean(protection?.protected),
          copySheet: (_sheet, name) => {
            if (!source) {
              work.push({ bytes: BYTES_PER_EDIT, write: () => (ws.copy('End').name = name) });
              return;
            }
            // Without sheet copy, the backup is made from the sheet's formulas and number formats.
            const copy = sheets.add(name);
            const rowsPerBlock = Math.max(1, Math.floor(limit / 2 / (source.columnCount * BYTES_PER_CELL_READ)));
            for (let start = 0; start < source.rowCount; start += rowsPerBlock) {
              const count = Math.min(rowsPerBlock, source.rowCount - start);
              const address = rangeOf(source.rowIndex + start, source.columnIndex, count, source.columnCount);
              const formulas = formulasToRestore(source.values.slice(start, start + count), source.formulas.slice(start, start + count));
              const formats = source.numberFormat.slice(start, start + count);
              work.push({
                bytes: JSON.stringify(formulas).length + JSON.stringify(formats).length,
                write: () => {
                  const target = copy.getRange(address);
                  target.formulas = formulas;
                  target.numberFormat = formats;
                },
              });
            }
          },
          // Loops, not push(...): a plan of 250,000 edits is more arguments than a call can take.
          writeEdits: (_sheet, edits) => {
            for (const e of edits) work.push({ bytes: BYTES_PER_EDIT, write: () => writeEdit(ws, e) });
          },
          appendLog: (entries) => {
            const rows = asValues(hasLog ? entries : [LOG_HEADER, ...entries]);
            if (!hasLog) {
              work.push({ bytes: 100, write: () => void sheets.add(LOG_SHEET) });
            }
            let at = firstLogRow;
            for (const chunk of batches(rows, limit / 2)) {
              const top = at;
              work.push({ bytes: JSON.stringify(chunk).length, write: () => (log().getRange(`A${top}:F${top + chunk.length - 1}`).values = chunk) });
              at += chunk.length;
            }
            logRows = rows.length;
          },
        };
        const { backup = '' } = applyRecompute(writer, plan, logStamp());
        try {
          // Usually everything goes in this round trip; a larger plan goes in requests under the size limit.
          let pending = 0;
          for (const item of work) {
            if (pending && pending + item.bytes > limit) {
              await context.sync();
              pending = 0;
            }
            item.write();
            pending += item.bytes;
          }
          ws.activate();
          await context.sync();
        } catch (e) {
          // All or nothing, as the user sees it: the changed cells get back what they held, and
          // what this recompute added (its backup, its log) goes again.
          const restored = await undo(context, ws, plan, before, { sheetsBefore: names, log: hasLog ? { from: firstLogRow, rows: logRows } : undefined }, limit).then(
            () => true,
            () => false,
          );
          throw new WriteFailedError(plan.sheet, e, restored, backup);
        }
        return { backup };
      });
    },

    async addSheet(draft) {
      /**
       * The ranking's bar chart beside its table (ExcelApi 1.1): names and values side by side are one
       * source; apart, the values are the source and the names set as its axis (ExcelApi 1.7, else no
       * chart). Bars run best first from the top where the axis can be reversed (ExcelApi 1.7).
       */
      const addChart = (ws: WorksheetApi, sheet: SheetDraft, top: number) => {
        const chart = sheet.chart!;
        const first = top + 1;
        const last = top + chart.rows;
        const column = (c: number) => `${columnLetters(c)}${first}:${columnLetters(c)}${last}`;
        const adjacent = chart.values === chart.categories + 1;
        if (!adjacent && !has('chartSeries')) return;
        const made = ws.charts.add('BarClustered', ws.getRange(adjacent ? `${columnLetters(chart.categories)}${first}:${columnLetters(chart.values)}${last}` : column(chart.values)), 'Columns');
        if (!adjacent) made.series.getItemAt(0).setXAxisValues(ws.getRange(column(chart.categories)));
        made.title.text = chart.title;
        made.legend.visible = false;
        made.dataLabels.showValue = true;
        if (has('chartSeries')) made.axes.categoryAxis.reversePlotOrder = true;
        const beside = columnLetters(sheet.header.length + 1);
        made.setPosition(`${beside}${top}`, `${columnLetters(sheet.header.length + 9)}${top + Math.max(15, chart.rows * 2 + 4)}`);
      };
      await run(async (context) => {
        const ws = context.workbook.worksheets.add(draft.name);
        const width = draft.header.length;
        const last = columnLetters(width - 1);
        const lines: (string | number | null)[][] = [[draft.title], ...draft.info.map((l) => [l]), ...(draft.warning ? [[draft.warning]] : []), []];
        const top = lines.length + 1;
        const grid = asValues([...lines.map((l) => [...l, ...new Array(width - l.length).fill('')]), draft.header, ...draft.rows]);
        ws.getRange(`A1:${last}${grid.length}`).values = grid;
        ws.getRange('A1').format.font.bold = true;
        draft.formats.forEach((fmt, c) => {
          if (!fmt || !draft.rows.length) return;
          const col = columnLetters(c);
          ws.getRange(`${col}${top + 1}:${col}${top + draft.rows.length}`).numberFormat = draft.rows.map(() => [fmt]);
        });
        const table = ws.tables.add(`A${top}:${last}${top + Math.max(draft.rows.length, 1)}`, true);
        table.style = 'TableStyleMedium2';
        // What a newer Excel adds: a colour scale, frozen headers, a landscape page, fitted columns.
        if (has('conditionalFormats') && draft.measureColumn !== undefined && draft.rows.length) {
          const col = columnLetters(draft.measureColumn);
          const cf = ws.getRange(`${col}${top + 1}:${col}${top + draft.rows.length}`).conditionalFormats.add('ColorScale');
          const [low, high] = draft.better === 'higher' ? ['#F8696B', '#63BE7B'] : ['#63BE7B', '#F8696B'];
          cf.colorScale.criteria = { minimum: { type: 'LowestValue', color: low }, midpoint: { type: 'Percentile', formula: '50', color: '#FFEB84' }, maximum: { type: 'HighestValue', color: high } };
        }
        if (draft.chart && draft.chart.rows > 0) addChart(ws, draft, top);
        if (has('freezePanes')) ws.freezePanes.freezeRows(top);
        if (has('pageLayout')) ws.pageLayout.orientation = 'Landscape';
        if (has('autofit')) ws.getRange(`A${top}:${last}${top + draft.rows.length}`).format.autofitColumns();
        ws.activate();
        await context.sync();
      });
    },

    async highlight(sheetName, cells) {
      return run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        const withPattern = has('cellProperties');
        const withComments = has('comments');
        // The fill each cell has now, so removing the highlight gives it back.
        const before = cells.map((c) => ws.getRange(c.address).format.fill.load(withPattern ? ['color', 'pattern'] : 'color'));
        // A cell keeps a comment it has (a person's): Excel allows one per cell.
        const existing = withComments ? context.workbook.comments.load('items/content') : undefined;
        await context.sync();
        const commented = existing?.items.length ? await commentedCells(context, existing.items) : new Set<string>();
        const saved: SavedFill[] = cells.map((c, i) => {
          const fill = before[i];
          // Before ExcelApi 1.9 no fill and a white fill read alike: both come back as no fill.
          const none = withPattern ? fill.pattern === 'None' : fill.color === null || fill.color.toUpperCase() === '#FFFFFF';
          ws.getRange(c.address).format.fill.color = FILL[c.severity];
          const saved: SavedFill = { address: c.address, fill: none ? null : fill.color, set: FILL[c.severity] };
          if (withComments && c.message && !commented.has(cellKey(sheetName, c.address))) {
            const content = `${COMMENT_PREFIX}${c.message}`;
            context.workbook.comments.add(`'${sheetName.replace(/'/g, "''")}'!${c.address}`, content);
            saved.comment = commentDigest(content);
          }
          return saved;
        });
        await context.sync();
        return { sheet: sheetName, cells: saved, comments: withComments };
      });
    },

    async clearHighlight({ sheet: sheetName, cells, comments }) {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        // A cell gets its old fill back only while it still has PhuLuc's: a fill someone set since stays.
        const now = cells.map((c) => ws.getRange(c.address).format.fill.load('color'));
        const all = comments && has('comments') ? context.workbook.comments.load('items/content') : undefined;
        await context.sync();
        if (all) {
          // Only the comment PhuLuc wrote on a cell, word for word, goes; a person's comments stay.
          const written = new Map(cells.filter((c) => c.comment).map((c) => [cellKey(sheetName, c.address), c.comment]));
          const ours = all.items.filter((c) => c.content.startsWith(COMMENT_PREFIX));
          const at = ours.length ? await locations(context, ours) : [];
          ours.forEach((comment, i) => written.has(at[i]) && written.get(at[i]) === commentDigest(comment.content) && comment.delete());
        }
        cells.forEach(({ address, fill, set }, i) => {
          if (now[i].color?.toUpperCase() !== set.toUpperCase()) return;
          const format = ws.getRange(address).format;
          if (fill === null) format.fill.clear();
          else format.fill.color = fill;
        });
        await context.sync();
      });
    },
  };
}

/**
 * Undoes a recompute that failed part-way: each changed cell gets back its formula (or value) and
 * number format, in requests under the size limit; the sheets it added (its backup, a copy not yet
 * renamed, a new log) go again, and rows it added to an existing log are blanked.
 */
async function undo(
  context: ContextApi,
  ws: WorksheetApi,
  plan: EditPlan,
  before: RangeApi[],
  added: { sheetsBefore: string[]; log?: { from: number; rows: number } },
  limit: number,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  let at = 0;
  for (const batch of batches(plan.edits, limit)) {
    for (const e of batch) {
      const cell = ws.getRange(cellAddress(e.row, e.col));
      cell.formulas = formulasToRestore(before[at].values, before[at].formulas);
      cell.numberFormat = before[at].numberFormat;
      at++;
    }
    await context.sync();
  }
  for (const name of names) if (!added.sheetsBefore.includes(name)) sheets.getItem(name).delete();
  if (added.log?.rows) sheets.getItem(LOG_SHEET).getRange(`A${added.log.from}:F${added.log.from + added.log.rows - 1}`).values = Array.from({ length: added.log.rows }, () => ['', '', '', '', '', '']);
  await context.sync();
}

/** A cell as "PL VII!B42", upper case: how cells with comments are compared. */
const cellKey = (sheet: string, address: string) => `${sheet}!${address.replace(/\$/g, '')}`.toUpperCase();

/** "'PL VII'!B42" (as Excel gives a comment's place) → cellKey form. */
function placeKey(address: string): string {
  const bang = address.lastIndexOf('!');
  return cellKey(address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'"), address.slice(bang + 1));
}

/** Where each comment sits: one round trip. */
async function locations(context: ContextApi, comments: CommentApi[]): Promise<string[]> {
  const places = comments.map((c) => c.getLocation().load('address'));
  await context.sync();
  return places.map((p) => placeKey(p.address));
}

async function commentedCells(context: ContextApi, comments: CommentApi[]): Promise<Set<string>> {
  return new Set(await locations(context, comments));
}

/** The rows of the used range missing from its first column's visible cells. */
function hiddenRows(top: number, count: number, visible: RangeViewApi): number[] {
  const shown = new Set(visible.cellAddresses.map((row) => parseAddress(String(row[0]).replace(/^.*!/, '').replace(/\$/g, '')).row));
  const out: number[] = [];
  for (let r = top; r < top + count; r++) if (!shown.has(r)) out.push(r);
  return out;
}

/** The host inside Office: Excel.run from office.js, the document's settings, its requirement sets. */
export function officeHost(): ExcelHost {
  const settings = Office.context.document.settings;
  return createExcelHost(officeRun, {
    settings: {
      get: (name) => settings.get(name),
      set: (name, value) => settings.set(name, value),
      save: () => new Promise((resolve) => settings.saveAsync(() => resolve())),
    },
    supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
  });
}

