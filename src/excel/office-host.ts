/**
 * The Office.js host: the only place that calls Excel. Every command costs a fixed number of round
 * trips: reading the active sheet 1, applying an edit plan 2 (names and log, then all writes),
 * adding a sheet 1, selecting or highlighting 1. `run` is Excel.run, or the fake's in tests and the demo.
 */
import { EditPlan, PlannedEdit, REASON_TEXT } from '../engine/edit-plan';
import { SheetDraft } from '../engine/ranking-sheet';
import { backupName, existingBackup, LOG_SHEET } from '../engine/sheet-names';
import { CellSnapshot, SheetSnapshot } from '../engine/snapshot';
import { columnLetters } from '../engine/address';

/* eslint-disable @typescript-eslint/no-explicit-any -- the Excel proxy objects, real or fake */
export type ExcelRun = <T>(batch: (context: any) => Promise<T>) => Promise<T>;

export interface ActiveSheet {
  snapshot: SheetSnapshot;
  sheetNames: string[];
}

export interface Highlight {
  address: string;
  severity: 'error' | 'warning' | 'info';
  /** Written as a comment on the cell where the host supports comments (ExcelApi 1.10). */
  message?: string;
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
  /** Whether an Excel API requirement set is available (Office.context.requirements.isSupported). */
  supports?: (set: string, version: string) => boolean;
}

export interface ExcelHost {
  readActiveSheet(): Promise<ActiveSheet>;
  /** Every sheet's used range: two round trips (the names, then all ranges at once). */
  readWorkbook(): Promise<{ sheets: SheetSnapshot[]; active: string }>;
  loadSettings<T>(name: string): T | undefined;
  saveSettings(name: string, value: unknown): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  applyPlan(plan: EditPlan): Promise<{ backup: string }>;
  addSheet(draft: SheetDraft): Promise<void>;
  highlight(sheet: string, cells: Highlight[]): Promise<void>;
  clearHighlight(sheet: string, addresses: string[]): Promise<void>;
}

type BoldGrid = { format?: { font?: { bold?: boolean } } }[][];

/** Builds a snapshot from what one load of the used range returned; offsets keep A1 addressing. */
export function snapshotFromRange(
  name: string,
  origin: { row: number; col: number },
  values: unknown[][],
  text: string[][],
  formats: string[][],
  bold: BoldGrid | undefined,
  formulas?: unknown[][],
): SheetSnapshot {
  const cells: (CellSnapshot | undefined)[][] = [];
  for (let r = 0; r < origin.row; r++) cells.push([]);
  values.forEach((row, i) => {
    const out: (CellSnapshot | undefined)[] = [];
    row.forEach((v, j) => {
      if (v === '' || v === null || v === undefined) return;
      const value = typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      const formula = formulas?.[i]?.[j];
      out[origin.col + j] = {
        value,
        text: text[i]?.[j],
        numberFormat: formats[i]?.[j],
        bold: Boolean(bold?.[i]?.[j]?.format?.font?.bold),
        // Always present, so every cell has the same shape (the engine reads such cells faster).
        formula: typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined,
      };
    });
    cells.push(out);
  });
  return { name, cells };
}

const FILL = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' } as const;

function shown(e: PlannedEdit): string {
  if (e.formula !== undefined) return `=${e.formula}`;
  return e.numberFormat.includes('%') ? `${Math.round(e.value * 10000) / 100}%` : String(e.value);
}

function writeEdit(ws: any, e: PlannedEdit): void {
  const range = ws.getRange(`${columnLetters(e.col)}${e.row + 1}`);
  if (e.formula !== undefined) range.formulas = [[`=${e.formula}`]];
  else range.values = [[e.value]];
  range.numberFormat = [[e.numberFormat]];
}

function loadUsed(sheet: any, range?: any): { used: any; bold: any } {
  const used = range ?? sheet.getUsedRangeOrNullObject(true);
  used.load(['values', 'text', 'numberFormat', 'formulas', 'rowIndex', 'columnIndex', 'isNullObject']);
  return { used, bold: used.getCellProperties({ format: { font: { bold: true } } }) };
}

/** Excel on the web refused a request or response over its size limit. */
function isPayloadTooLarge(e: unknown): boolean {
  return (e as { code?: string })?.code === 'RequestPayloadSizeLimitExceeded';
}

/** A rough size of one cell in a read: value, text, format and formula as JSON. */
const BYTES_PER_CELL_READ = 120;
const BYTES_PER_EDIT = 160;

/**
 * Reads a sheet in blocks of rows small enough for the size limit: one round trip for the size of
 * the used range, then one per block. Only used after a one-trip read was refused.
 */
async function readInBlocks(run: ExcelRun, sheetName: string, limit: number): Promise<SheetSnapshot> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'isNullObject']);
    await context.sync();
    if (used.isNullObject) return { name: sheetName, cells: [] };
    const rowsPerBlock = Math.max(1, Math.floor(limit / (used.columnCount * BYTES_PER_CELL_READ)));
    const cells: SheetSnapshot['cells'] = [];
    for (let start = 0; start < used.rowCount; start += rowsPerBlock) {
      const count = Math.min(rowsPerBlock, used.rowCount - start);
      const block = loadUsed(ws, ws.getRangeByIndexes(used.rowIndex + start, used.columnIndex, count, used.columnCount));
      await context.sync();
      const part = snapshotFromRange(sheetName, { row: used.rowIndex + start, col: used.columnIndex }, block.used.values, block.used.text, block.used.numberFormat, block.bold.value, block.used.formulas);
      part.cells.forEach((row, r) => row.length && (cells[r] = row));
    }
    for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
    return { name: sheetName, cells };
  });
}

/** Splits edits into batches whose request stays under the size limit. */
function batches<T>(items: T[], limit: number): T[][] {
  const size = Math.max(1, Math.floor(limit / BYTES_PER_EDIT));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function toSnapshot(name: string, { used, bold }: { used: any; bold: any }): SheetSnapshot {
  if (used.isNullObject) return { name, cells: [] };
  return snapshotFromRange(name, { row: used.rowIndex, col: used.columnIndex }, used.values, used.text, used.numberFormat, bold.value as BoldGrid, used.formulas);
}

export function createExcelHost(run: ExcelRun, options: HostOptions = {}): ExcelHost {
  const supports = options.supports ?? (() => false);
  const limit = (options.payloadLimit ?? 5 * 1024 * 1024) * 0.9;
  return {
    async readWorkbook() {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        const active = sheets.getActiveWorksheet();
        active.load('name');
        await context.sync();
        const names: string[] = sheets.items.map((s: { name: string }) => s.name);
        const loads = names.map((n) => loadUsed(sheets.getItem(n)));
        await context.sync();
        return { sheets: names.map((n, i) => toSnapshot(n, loads[i])), active: active.name };
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
          const sheet = context.workbook.worksheets.getActiveWorksheet();
          sheet.load('name');
          const sheets = context.workbook.worksheets;
          sheets.load('items/name');
          const load = loadUsed(sheet);
          await context.sync();
          const sheetNames = sheets.items.map((s: { name: string }) => s.name);
          return { snapshot: toSnapshot(sheet.name, load), sheetNames };
        });
      } catch (e) {
        if (!isPayloadTooLarge(e)) throw e;
        // Too large for one request: the names first, then the sheet in blocks.
        const { name, sheetNames } = await run(async (context) => {
          const sheet = context.workbook.worksheets.getActiveWorksheet();
          sheet.load('name');
          const sheets = context.workbook.worksheets;
          sheets.load('items/name');
          await context.sync();
          return { name: sheet.name as string, sheetNames: sheets.items.map((s: { name: string }) => s.name) };
        });
        return { snapshot: await readInBlocks(run, name, limit), sheetNames };
      }
    },

    async selectCell(sheetName, address) {
      await run(async (context) => {
        context.workbook.worksheets.getItem(sheetName).getRange(address).select();
        await context.sync();
      });
    },

    async applyPlan(plan) {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        // Where the change log ends, read in the same round trip in case the log exists.
        const logUsed = sheets.getItemOrNullObject(LOG_SHEET).getUsedRangeOrNullObject(true);
        logUsed.load(['rowIndex', 'rowCount', 'isNullObject']);
        await context.sync();
        const names: string[] = sheets.items.map((s: { name: string }) => s.name);
        let backup = existingBackup(plan.sheet, names);
        if (!backup) {
          // The first change to a sheet keeps it as received.
          backup = backupName(plan.sheet, names);
          sheets.getItem(plan.sheet).copy().name = backup;
        }
        const ws = sheets.getItem(plan.sheet);
        const stamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
        const rows = plan.edits.map((e) => [stamp, plan.sheet, e.cell, e.old, shown(e), REASON_TEXT[e.reason].vi]);
        const log = names.includes(LOG_SHEET) ? sheets.getItem(LOG_SHEET) : sheets.add(LOG_SHEET);
        if (!names.includes(LOG_SHEET)) rows.unshift(['Thời điểm', 'Trang tính', 'Ô', 'Giá trị cũ', 'Giá trị mới', 'Lý do']);
        // New entries go below the old ones: the log keeps its history.
        const firstLogRow = logUsed.isNullObject ? 1 : logUsed.rowIndex + logUsed.rowCount + 1;
        // Usually everything goes in this round trip; a larger plan goes in requests under the size limit.
        const work: { bytes: number; write: () => void }[] = [
          ...plan.edits.map((e) => ({ bytes: BYTES_PER_EDIT, write: () => writeEdit(ws, e) })),
          ...batches(rows, limit / 2).map((chunk, i, all) => {
            const at = firstLogRow + all.slice(0, i).reduce((n, c) => n + c.length, 0);
            return { bytes: JSON.stringify(chunk).length, write: () => (log.getRange(`A${at}:F${at + chunk.length - 1}`).values = chunk) };
          }),
        ];
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
        return { backup };
      });
    },

    async addSheet(draft) {
      await run(async (context) => {
        const ws = context.workbook.worksheets.add(draft.name);
        const width = draft.header.length;
        const last = columnLetters(width - 1);
        const lines: (string | number | null)[][] = [[draft.title], ...draft.info.map((l) => [l]), ...(draft.warning ? [[draft.warning]] : []), []];
        const top = lines.length + 1;
        const grid = [...lines.map((l) => [...l, ...new Array(width - l.length).fill('')]), draft.header, ...draft.rows.map((r) => r.map((v) => v ?? ''))];
        ws.getRange(`A1:${last}${grid.length}`).values = grid;
        ws.getRange('A1').format.font.bold = true;
        draft.formats.forEach((fmt, c) => {
          if (!fmt || !draft.rows.length) return;
          const col = columnLetters(c);
          ws.getRange(`${col}${top + 1}:${col}${top + draft.rows.length}`).numberFormat = draft.rows.map(() => [fmt]);
        });
        const table = ws.tables.add(`A${top}:${last}${top + Math.max(draft.rows.length, 1)}`, true);
        table.style = 'TableStyleMedium2';
        if (draft.measureColumn !== undefined && draft.rows.length) {
          const col = columnLetters(draft.measureColumn);
          const cf = ws.getRange(`${col}${top + 1}:${col}${top + draft.rows.length}`).conditionalFormats.add('ColorScale');
          const [low, high] = draft.better === 'higher' ? ['#F8696B', '#63BE7B'] : ['#63BE7B', '#F8696B'];
          cf.colorScale.criteria = { minimum: { type: 'lowestValue', color: low }, midpoint: { type: 'percentile', formula: '50', color: '#FFEB84' }, maximum: { type: 'highestValue', color: high } };
        }
        ws.freezePanes.freezeRows(top);
        ws.pageLayout.orientation = 'Landscape';
        ws.getRange(`A${top}:${last}${top + draft.rows.length}`).format.autofitColumns();
        ws.activate();
        await context.sync();
      });
    },

    async highlight(sheetName, cells) {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        const withComments = supports('ExcelApi', '1.10');
        cells.forEach((c) => {
          ws.getRange(c.address).format.fill.color = FILL[c.severity];
          if (withComments && c.message) context.workbook.comments.add(`'${sheetName}'!${c.address}`, `PhuLuc: ${c.message}`);
        });
        await context.sync();
      });
    },

    async clearHighlight(sheetName, addresses) {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetName);
        const withComments = supports('ExcelApi', '1.10');
        addresses.forEach((a) => {
          ws.getRange(a).format.fill.clear();
          if (withComments) context.workbook.comments.getItemByCellOrNullObject(`'${sheetName}'!${a}`).delete();
        });
        await context.sync();
      });
    },
  };
}

/** The host inside Office: Excel.run from office.js, the document's settings, its requirement sets. */
export function officeHost(): ExcelHost {
  const settings = Office.context.document.settings;
  return createExcelHost((batch) => Excel.run(batch as never) as never, {
    settings: {
      get: (name) => settings.get(name),
      set: (name, value) => settings.set(name, value),
      save: () => new Promise((resolve) => settings.saveAsync(() => resolve())),
    },
    supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
  });
}
