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
        ...(typeof formula === 'string' && formula.startsWith('=') ? { formula: formula.slice(1) } : {}),
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

function loadUsed(sheet: any): { used: any; bold: any } {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(['values', 'text', 'numberFormat', 'formulas', 'rowIndex', 'columnIndex', 'isNullObject']);
  return { used, bold: used.getCellProperties({ format: { font: { bold: true } } }) };
}

function toSnapshot(name: string, { used, bold }: { used: any; bold: any }): SheetSnapshot {
  if (used.isNullObject) return { name, cells: [] };
  return snapshotFromRange(name, { row: used.rowIndex, col: used.columnIndex }, used.values, used.text, used.numberFormat, bold.value as BoldGrid, used.formulas);
}

export function createExcelHost(run: ExcelRun, options: HostOptions = {}): ExcelHost {
  const supports = options.supports ?? (() => false);
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
      return run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load('name');
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        const load = loadUsed(sheet);
        await context.sync();
        const sheetNames = sheets.items.map((s: { name: string }) => s.name);
        return { snapshot: toSnapshot(sheet.name, load), sheetNames };
      });
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
        plan.edits.forEach((e) => writeEdit(ws, e));
        const stamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
        const rows = plan.edits.map((e) => [stamp, plan.sheet, e.cell, e.old, shown(e), REASON_TEXT[e.reason].vi]);
        const log = names.includes(LOG_SHEET) ? sheets.getItem(LOG_SHEET) : sheets.add(LOG_SHEET);
        if (!names.includes(LOG_SHEET)) rows.unshift(['Thời điểm', 'Trang tính', 'Ô', 'Giá trị cũ', 'Giá trị mới', 'Lý do']);
        // New entries go below the old ones: the log keeps its history.
        const start = logUsed.isNullObject ? 'A1' : `A${logUsed.rowIndex + logUsed.rowCount + 1}`;
        if (rows.length) log.getRange(`${start}:F${Number(start.slice(1)) + rows.length - 1}`).values = rows;
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
