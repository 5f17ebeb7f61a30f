import { columnLetters } from '../engine/address';
import { evaluateFormula } from './formula';

/**
 * An in-memory stand-in for the part of the Excel JavaScript API that PhuLuc uses. It behaves like
 * the real one where it matters to the adapter: writes are queued and take effect at sync(),
 * loaded properties can be read only after sync(), and every sync() is counted as a round trip
 * (with the size of what it carried). Tests use it to count round trips; the demo runs on it.
 */

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  tables: { address: string; style?: string }[];
  frozenRows: number;
  orientation?: string;
  conditionalFormats: string[];
  merges: string[];
}

/** What Excel on the web answers to a request or response over its 5 MB limit. */
export class PayloadTooLargeError extends Error {
  readonly code = 'RequestPayloadSizeLimitExceeded';
  constructor() {
    super('RequestPayloadSizeLimitExceeded: the request payload size has exceeded the limit');
  }
}

export class PropertyNotLoadedError extends Error {
  constructor(property: string) {
    super(`PropertyNotLoaded: "${property}" was read before load() and sync()`);
  }
}

const key = (r: number, c: number) => `${r},${c}`;

function parseCell(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase().replace(/^.*!/, ''));
  if (!m) throw new Error(`Bad address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const letters = columnLetters;

function parseRange(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = address.replace(/^.*!/, '').split(':');
  const s = parseCell(a);
  const e = parseCell(b ?? a);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeSheet = '';
  selection = '';
  syncs = 0;
  /** Like Excel on the web, a request or response over this many bytes fails (5 MB by default). */
  payloadLimit = 5 * 1024 * 1024;
  /** Bytes of the JSON each sync carried, both ways. */
  payloads: number[] = [];
  settings = new Map<string, unknown>();
  /** Cell comments by "'Sheet'!A1". */
  comments = new Map<string, string>();

  /** The settings store a host uses, saved with the workbook. */
  settingsStore = {
    get: (name: string) => this.settings.get(name),
    set: (name: string, value: unknown) => void this.settings.set(name, value),
    save: async () => undefined,
  };

  addSheet(name: string, rows: (string | number | null)[][] = []): FakeSheet {
    const sheet: FakeSheet = { name, cells: new Map(), tables: [], frozenRows: 0, conditionalFormats: [], merges: [] };
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== '' && sheet.cells.set(key(i, j), { value: v })));
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: worksheet "${name}"`);
    return s;
  }

  /** Shown text of a cell as Excel would show it, for the demo grid and for reads. */
  text(cell: FakeCell | undefined): string {
    if (!cell || cell.value === null) return '';
    if (typeof cell.value === 'number' && cell.numberFormat?.includes('%')) {
      const d = /\.(0+)/.exec(cell.numberFormat)?.[1].length ?? 0;
      return `${(cell.value * 100).toFixed(d)}%`;
    }
    if (typeof cell.value === 'number' && cell.numberFormat?.startsWith('#,##0')) return cell.value.toLocaleString('en-US');
    return String(cell.value);
  }

  /** Computes every formula, as Excel does after a change. */
  recalculate(): void {
    for (const sheet of this.sheets) {
      const memo = new Map<string, number>();
      const lookup = (address: string): number => {
        const { row, col } = parseCell(address);
        const k = key(row, col);
        if (memo.has(k)) return memo.get(k)!;
        memo.set(k, 0); // a circular reference reads as 0
        const cell = sheet.cells.get(k);
        const v = cell?.formula ? evaluateFormula(cell.formula, lookup) : typeof cell?.value === 'number' ? cell.value : 0;
        memo.set(k, v);
        return v;
      };
      sheet.cells.forEach((cell, k) => {
        if (!cell.formula) return;
        const [r, c] = k.split(',').map(Number);
        cell.value = lookup(`${letters(c)}${r + 1}`);
      });
    }
  }

  private stale = false;

  /** Something was written: formulas must be computed again before they are read. */
  changed(): void {
    this.stale = true;
  }

  /** Computes the formulas if a write came since the last time. */
  settle(): void {
    if (!this.stale) return;
    this.stale = false;
    this.recalculate();
  }

  /** Excel.run for this workbook; when it ends, every formula shows its value. */
  run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    try {
      return await batch(new FakeContext(this));
    } finally {
      this.settle();
    }
  };
}

type Pending = () => void;

/** Proxy objects share this: queued writes, loads filled in at sync. */
class ClientObject {
  protected loaded = new Map<string, unknown>();
  protected toLoad = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === 'string' ? props.split(',').map((p) => p.trim()) : Array.isArray(props) ? props : Object.keys(props ?? {});
    list.forEach((p) => this.toLoad.add(p));
    this.ctx.track(this);
    return this;
  }

  /** Called by sync(): fills in what was asked for. */
  fill(): number {
    let bytes = 0;
    for (const p of this.toLoad) {
      const v = this.read(p);
      this.loaded.set(p, v);
      bytes += JSON.stringify(v ?? null).length;
    }
    this.toLoad.clear();
    return bytes;
  }

  protected read(_prop: string): unknown {
    return undefined;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoadedError(prop);
    return this.loaded.get(prop) as T;
  }
}

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  private pending: Pending[] = [];
  private tracked = new Set<ClientObject>();
  private queuedBytes = 0;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  queue(action: Pending, payload: unknown = null): void {
    this.pending.push(action);
    this.queuedBytes += JSON.stringify(payload).length;
  }

  track(o: ClientObject): void {
    this.tracked.add(o);
  }

  async sync(): Promise<void> {
    this.book.syncs++;
    const actions = this.pending;
    this.pending = [];
    const request = this.queuedBytes;
    this.queuedBytes = 0;
    if (request > this.book.payloadLimit) {
      this.tracked.clear();
      throw new PayloadTooLargeError();
    }
    actions.forEach((a) => a());
    if (actions.length) this.book.changed();
    // Formulas are computed before anything is read back, as Excel does; not after each write batch.
    if (this.tracked.size) this.book.settle();
    let bytes = request;
    for (const o of this.tracked) bytes += o.fill();
    this.tracked.clear();
    if (bytes - request > this.book.payloadLimit) throw new PayloadTooLargeError();
    this.book.payloads.push(bytes);
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheets;
  readonly comments: { add: (address: string, content: string) => void; getItemByCellOrNullObject: (address: string) => { delete: () => void } };
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.comments = {
      add: (address, content) => ctx.queue(() => ctx.book.comments.set(address, content), content),
      getItemByCellOrNullObject: (address) => ({ delete: () => ctx.queue(() => ctx.book.comments.delete(address)) }),
    };
  }
}

class FakeWorksheets extends ClientObject {
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.activeSheet);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => name);
  }
  /** A worksheet that may not exist: its ranges are null objects then. */
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => name, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.queue(() => this.ctx.book.addSheet(name), name);
    return new FakeWorksheet(this.ctx, () => name);
  }
  get items(): { name: string }[] {
    return this.get<string[]>('items').map((name) => ({ name }));
  }
  protected read(prop: string): unknown {
    if (prop === 'items' || prop === 'items/name') return this.ctx.book.sheets.map((s) => s.name);
    return undefined;
  }
  load(props?: string | string[]): this {
    return super.load(props === 'items/name' ? 'items' : props);
  }
}

class FakeWorksheet extends ClientObject {
  readonly freezePanes = { freezeRows: (n: number) => this.ctx.queue(() => (this.sheet().frozenRows = n), n) };
  readonly tables = {
    add: (address: string, _hasHeaders: boolean) => {
      const table = { address, style: undefined as string | undefined };
      this.ctx.queue(() => this.sheet().tables.push(table), address);
      return {
        set style(s: string) {
          table.style = s;
        },
      };
    },
  };
  readonly pageLayout = {
    set orientation(o: string) {
      // applied at once; Office.js would queue it, the difference is invisible here
      void o;
    },
  };

  constructor(
    ctx: FakeContext,
    private readonly nameOf: () => string,
    readonly orNull = false,
  ) {
    super(ctx);
    const self = this;
    this.pageLayout = {
      set orientation(o: string) {
        self.ctx.queue(() => (self.sheet().orientation = o), o);
      },
    };
  }

  sheet(): FakeSheet {
    return this.ctx.book.sheet(this.nameOf());
  }

  sheetName(): string {
    return this.nameOf();
  }

  get name(): string {
    return this.get<string>('name');
  }
  set name(value: string) {
    const current = this.nameOf;
    this.ctx.queue(() => (this.ctx.book.sheet(current()).name = value), value);
  }
  protected read(prop: string): unknown {
    if (prop === 'name') return this.sheet().name;
    return undefined;
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this, address);
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this, undefined);
  }

  /** Worksheet.getRangeByIndexes (ExcelApi 1.7). */
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, `${letters(col)}${row + 1}:${letters(col + cols - 1)}${row + rows}`);
  }

  activate(): void {
    this.ctx.queue(() => (this.ctx.book.activeSheet = this.nameOf()));
  }

  /** Worksheet.copy (ExcelApi 1.7): the copy goes to the end, named by Excel until renamed. */
  copy(): FakeWorksheet {
    let copyName = '';
    this.ctx.queue(() => {
      const source = this.sheet();
      copyName = `${source.name} (2)`;
      const copy = this.ctx.book.addSheet(copyName);
      source.cells.forEach((c, k) => copy.cells.set(k, { ...c }));
      copy.merges = [...source.merges];
    });
    return new FakeWorksheet(this.ctx, () => copyName);
  }
}

class FakeRange extends ClientObject {
  readonly format: { fill: { color: string; clear: () => void }; font: { bold: boolean }; autofitColumns: () => void };
  readonly conditionalFormats = {
    add: (type: string) => {
      this.ctx.queue(() => this.sheetData().conditionalFormats.push(`${type}@${this.address}`), type);
      return { colorScale: { criteria: {} as unknown } };
    },
  };

  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly fixed: string | undefined,
  ) {
    super(ctx);
    const self = this;
    this.format = {
      fill: {
        set color(c: string) {
          self.each((cell) => (cell.fill = c), c);
        },
        get color(): string {
          return '';
        },
        clear: () => self.each((cell) => delete cell.fill),
      },
      font: {
        set bold(b: boolean) {
          self.each((cell) => (cell.bold = b), b);
        },
        get bold(): boolean {
          return false;
        },
      },
      autofitColumns: () => undefined,
    };
  }

  private sheetData(): FakeSheet {
    return this.ws.sheet();
  }

  private box?: { at: number; value: ReturnType<FakeRange['measure']> };

  /** The range's rectangle; a used range is measured once per round trip, not once per property. */
  private bounds() {
    if (this.box?.at !== this.ctx.book.syncs) this.box = { at: this.ctx.book.syncs, value: this.measure() };
    return this.box.value;
  }

  private measure() {
    if (this.ws.orNull && !this.ctx.book.sheets.some((x) => x.name === this.ws.sheetName())) return undefined;
    if (this.fixed) return parseRange(this.fixed);
    // A loop, not Math.min(...cells): a sheet of 100k cells would overflow the stack.
    let box: { top: number; left: number; bottom: number; right: number } | undefined;
    for (const [k, c] of this.sheetData().cells) {
      if (c.value === null || c.value === '') continue;
      const [r, col] = k.split(',').map(Number);
      if (!box) box = { top: r, left: col, bottom: r, right: col };
      else {
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, col);
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, col);
      }
    }
    return box;
  }

  get address(): string {
    const b = this.bounds();
    return b ? `${letters(b.left)}${b.top + 1}:${letters(b.right)}${b.bottom + 1}` : '';
  }

  private grid<T>(f: (cell: FakeCell | undefined) => T): T[][] {
    const b = this.bounds();
    if (!b) return [];
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(f(this.sheetData().cells.get(key(r, c))));
      out.push(row);
    }
    return out;
  }

  /** Queues a change to every cell of the range. */
  private each(f: (cell: FakeCell) => void, payload: unknown = null): void {
    this.ctx.queue(() => {
      const b = this.bounds()!;
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          const k = key(r, c);
          const cell = this.sheetData().cells.get(k) ?? { value: null };
          f(cell);
          this.sheetData().cells.set(k, cell);
        }
      }
    }, payload);
  }

  private write(grid: unknown[][], set: (cell: FakeCell, v: unknown) => void): void {
    this.ctx.queue(() => {
      const b = this.bounds()!;
      grid.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = key(b.top + i, b.left + j);
          const cell = this.sheetData().cells.get(k) ?? { value: null };
          set(cell, v);
          this.sheetData().cells.set(k, cell);
        }),
      );
    }, grid);
  }

  set values(grid: unknown[][]) {
    this.write(grid, (cell, v) => {
      cell.value = v === '' ? null : (v as FakeCell['value']);
      delete cell.formula;
    });
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set formulas(grid: unknown[][]) {
    this.write(grid, (cell, v) => {
      const text = String(v);
      if (text.startsWith('=')) cell.formula = text.slice(1);
      else cell.value = v as FakeCell['value'];
    });
  }
  set numberFormat(grid: unknown[][]) {
    this.write(grid, (cell, v) => (cell.numberFormat = String(v)));
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }

  protected read(prop: string): unknown {
    const b = this.bounds();
    switch (prop) {
      case 'values':
        return this.grid((c) => (c ? c.value ?? '' : ''));
      case 'text':
        return this.grid((c) => this.ctx.book.text(c));
      case 'numberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
      case 'formulas':
        return this.grid((c) => (c?.formula ? `=${c.formula}` : c?.value ?? ''));
      case 'rowIndex':
        return b?.top ?? 0;
      case 'rowCount':
        return b ? b.bottom - b.top + 1 : 0;
      case 'columnCount':
        return b ? b.right - b.left + 1 : 0;
      case 'columnIndex':
        return b?.left ?? 0;
      case 'isNullObject':
        return !b;
      case 'address':
        return this.address;
      default:
        return undefined;
    }
  }

  getCellProperties(_spec: unknown): { value: { format: { font: { bold: boolean } } }[][] } {
    const result = { value: [] as { format: { font: { bold: boolean } } }[][] };
    const holder = new (class extends ClientObject {
      fill(): number {
        result.value = (this as unknown as { outer: FakeRange }).outer.grid((c) => ({ format: { font: { bold: Boolean(c?.bold) } } }));
        return JSON.stringify(result.value).length;
      }
    })(this.ctx);
    (holder as unknown as { outer: FakeRange }).outer = this;
    this.ctx.track(holder);
    return result;
  }

  select(): void {
    this.ctx.queue(() => {
      this.ctx.book.activeSheet = this.sheetData().name;
      this.ctx.book.selection = this.fixed ?? this.address;
    });
  }

  merge(): void {
    this.ctx.queue(() => this.sheetData().merges.push(this.fixed ?? this.address));
  }
}
