import { columnLetters } from '../engine/read/address';
import type {
  ChartApi,
  ChartAxisApi,
  ChartCollectionApi,
  ChartDataLabelsApi,
  ChartLegendApi,
  ChartTitleApi,
  ApiVersion,
  ColorScaleApi,
  CommentApi,
  CommentCollectionApi,
  ConditionalFormatApi,
  ConditionalFormatCollectionApi,
  ContextApi,
  FreezePanesApi,
  PageLayoutApi,
  RangeApi,
  RangeAreasApi,
  RangeFillApi,
  RangeFontApi,
  RangeFormatApi,
  RangeViewApi,
  TableApi,
  TableCollectionApi,
  WorkbookApi,
  WorksheetApi,
  WorksheetCollectionApi,
  WorksheetProtectionApi,
} from '../excel/excel-api';
import { evaluateFormula } from './formula';

/**
 * An in-memory Excel that implements the subset of Office.js PhuLuc uses (src/excel/excel-api.ts,
 * itself checked against @types/office-js), so the host cannot call what Excel lacks. It behaves
 * like the real one where it matters to the host: writes are queued and take effect at sync(), in
 * order, and a failing one stops the rest of its batch while those before it stay done; loaded
 * properties can be read only after sync(); every sync() is a counted round trip with the size of
 * what it carried; an API above the workbook's requirement-set version fails at sync, as in an
 * older Excel. Tests count round trips with it; the demo runs on it.
 */

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  /** The fill colour; no fill when absent. */
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
  /** 0-based rows hidden by hand or by a filter. */
  hiddenRows: Set<number>;
  protected: boolean;
  visibility?: 'Hidden' | 'VeryHidden';
  charts: FakeChartRecord[];
}

/** A chart as Excel keeps it: what it plots, where it stands and how it is labelled. */
export interface FakeChartRecord {
  type: string;
  /** The source range: with one column, the values; with two, names then values. */
  source: string;
  /** The names along the axis, when set apart from the source (ExcelApi 1.7). */
  xValues?: string;
  title: string;
  legend: boolean;
  showValue: boolean;
  reversed: boolean;
  position?: [string, string | undefined];
}

/** An error as Office.js reports it: a code and a message. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** What Excel on the web answers to a request or response over its 5 MB limit. */
export class PayloadTooLargeError extends FakeExcelError {
  constructor() {
    super('RequestPayloadSizeLimitExceeded', 'the request payload size has exceeded the limit');
  }
}

export class PropertyNotLoadedError extends FakeExcelError {
  constructor(property: string) {
    super('PropertyNotLoaded', `"${property}" was read before load() and sync()`);
  }
}

const key = (r: number, c: number) => `${r},${c}`;

function parseCell(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase().replace(/^.*!/, ''));
  if (!m) throw new FakeExcelError('InvalidArgument', `bad address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const letters = columnLetters;

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(address: string): Box {
  const [a, b] = address.replace(/^.*!/, '').split(':');
  const s = parseCell(a);
  const e = parseCell(b ?? a);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

const boxAddress = (b: Box) => (b.top === b.bottom && b.left === b.right ? `${letters(b.left)}${b.top + 1}` : `${letters(b.left)}${b.top + 1}:${letters(b.right)}${b.bottom + 1}`);

/** "'PL VII'!B42": how comments are keyed, as Excel names a cell in another sheet. */
export const commentKey = (sheet: string, address: string) => `'${sheet}'!${address.replace(/\$/g, '')}`;

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
  /** The highest ExcelApi version this Excel supports: 1.1 is Excel 2016, 1.8 Excel 2019. */
  apiVersion = 17;
  /** Fails the write that would make the n-th change from now (a lost connection, a full workbook): for tests. */
  failAfterWrites?: number;

  /** The settings store a host uses, saved with the workbook. */
  settingsStore = {
    get: (name: string) => this.settings.get(name),
    set: (name: string, value: unknown) => void this.settings.set(name, value),
    save: async () => undefined,
  };

  /** Office.context.requirements.isSetSupported for this Excel. */
  supports = (set: string, version: string): boolean => set === 'ExcelApi' && minor(version) <= this.apiVersion;

  addSheet(name: string, rows: (string | number | null)[][] = []): FakeSheet {
    const sheet: FakeSheet = { name, cells: new Map(), tables: [], frozenRows: 0, conditionalFormats: [], merges: [], hiddenRows: new Set(), protected: false, charts: [] };
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== '' && sheet.cells.set(key(i, j), { value: v })));
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new FakeExcelError('ItemNotFound', `worksheet "${name}"`);
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
        try {
          cell.value = lookup(`${letters(c)}${r + 1}`);
        } catch {
          // A formula the fake cannot compute (a function it does not know) shows an error, as Excel would.
          cell.value = '#NAME?';
        }
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
  run = async <T>(batch: (context: ContextApi) => Promise<T>): Promise<T> => {
    try {
      return await batch(new FakeContext(this));
    } finally {
      this.settle();
    }
  };
}

const minor = (version: string) => Number(version.split('.')[1] ?? 0);

type Pending = () => void;

/** Proxy objects share this: queued writes, loads filled in at sync. */
class ClientObject {
  protected loaded = new Map<string, unknown>();
  protected toLoad = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}

  load(props?: string | string[]): this {
    const list = typeof props === 'string' ? props.split(',').map((p) => p.trim()) : Array.isArray(props) ? props : [];
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

export class FakeContext implements ContextApi {
  readonly workbook: FakeWorkbookProxy;
  private pending: { action: Pending; write: boolean }[] = [];
  private tracked = new Set<ClientObject>();
  private queuedBytes = 0;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** Queues a change to the workbook, done at the next sync. */
  queue(action: Pending, payload: unknown = null): void {
    this.pending.push({ action, write: true });
    this.queuedBytes += JSON.stringify(payload).length;
  }

  /** Queues a check done at sync in its place among the writes (an API the Excel lacks, a protected sheet). */
  check(action: Pending): void {
    this.pending.push({ action, write: false });
  }

  /** An API of this requirement set fails at sync in an Excel that lacks it. */
  requires(version: ApiVersion, api: string): void {
    if (minor(version) > this.book.apiVersion) this.check(() => fail('ApiNotFound', `${api} needs ExcelApi ${version}`));
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
    try {
      // In order; what ran before a failure stays done, as in Excel.
      for (const { action, write } of actions) {
        if (write && this.book.failAfterWrites !== undefined && this.book.failAfterWrites-- <= 0) {
          this.book.failAfterWrites = undefined;
          throw new FakeExcelError('GeneralException', 'the write could not be completed');
        }
        action();
        if (write) this.book.changed();
      }
    } catch (e) {
      this.tracked.clear();
      throw e;
    }
    // Formulas are computed before anything is read back, as Excel does; not after each write batch.
    if (this.tracked.size) this.book.settle();
    let bytes = request;
    for (const o of this.tracked) bytes += o.fill();
    this.tracked.clear();
    if (bytes - request > this.book.payloadLimit) throw new PayloadTooLargeError();
    this.book.payloads.push(bytes);
  }
}

function fail(code: string, message: string): never {
  throw new FakeExcelError(code, message);
}

class FakeWorkbookProxy implements WorkbookApi {
  readonly worksheets: FakeWorksheets;
  readonly comments: FakeComments;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.comments = new FakeComments(ctx);
  }
}

class FakeComment extends ClientObject implements CommentApi {
  constructor(
    ctx: FakeContext,
    private readonly at: string,
  ) {
    super(ctx);
  }
  get content(): string {
    return this.get('content');
  }
  protected read(prop: string): unknown {
    return prop === 'content' ? this.ctx.book.comments.get(this.at) : undefined;
  }
  getLocation(): FakeRange {
    const [, sheet, address] = /^'(.*)'!(.*)$/.exec(this.at)!;
    return new FakeWorksheet(this.ctx, () => sheet.replace(/''/g, "'")).getRange(address);
  }
  delete(): void {
    this.ctx.queue(() => this.ctx.book.comments.delete(this.at));
  }
}

class FakeComments extends ClientObject implements CommentCollectionApi {
  get items(): FakeComment[] {
    return this.get<string[]>('items').map((at) => {
      const comment = new FakeComment(this.ctx, at);
      comment.load('content');
      comment.fill();
      return comment;
    });
  }
  load(props?: string | string[]): this {
    this.ctx.requires('1.10', 'CommentCollection.load');
    return super.load(typeof props === 'string' && props.startsWith('items') ? 'items' : props);
  }
  protected read(prop: string): unknown {
    return prop === 'items' ? [...this.ctx.book.comments.keys()] : undefined;
  }
  add(cellAddress: string, content: string): FakeComment {
    this.ctx.requires('1.10', 'CommentCollection.add');
    const at = cellAddress.replace(/\$/g, '');
    this.ctx.queue(() => {
      if (this.ctx.book.comments.has(at)) fail('InvalidArgument', `the cell ${at} already has a comment`);
      this.ctx.book.comments.set(at, content);
    }, content);
    return new FakeComment(this.ctx, at);
  }
}

class FakeWorksheets extends ClientObject implements WorksheetCollectionApi {
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.activeSheet);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => name);
  }
  /** A worksheet that may not exist: its ranges are null objects then. */
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.requires('1.4', 'WorksheetCollection.getItemOrNullObject');
    return new FakeWorksheet(this.ctx, () => name, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.queue(() => {
      if (this.ctx.book.findSheet(name)) fail('ItemAlreadyExists', `a worksheet named "${name}"`);
      this.ctx.book.addSheet(name);
    }, name);
    return new FakeWorksheet(this.ctx, () => name);
  }
  get items(): FakeWorksheet[] {
    return this.get<string[]>('items').map((name) => {
      const ws = new FakeWorksheet(this.ctx, () => name);
      ws.load('name');
      ws.fill();
      return ws;
    });
  }
  protected read(prop: string): unknown {
    if (prop === 'items') return this.ctx.book.sheets.map((s) => s.name);
    return undefined;
  }
  load(props?: string | string[]): this {
    return super.load(props === 'items/name' ? 'items' : props);
  }
}

class FakeTables implements TableCollectionApi {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {}
  add(address: string, _hasHeaders: boolean): TableApi {
    const table = { address, style: undefined as string | undefined };
    this.ctx.queue(() => this.ws.sheet().tables.push(table), address);
    const ctx = this.ctx;
    return {
      get style(): string {
        return table.style ?? '';
      },
      set style(s: string) {
        ctx.queue(() => (table.style = s), s);
      },
    };
  }
}

class FakeCharts implements ChartCollectionApi {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {}
  add(type: 'BarClustered', sourceData: RangeApi, _seriesBy?: 'Auto' | 'Columns' | 'Rows'): ChartApi {
    const ctx = this.ctx;
    const source = sourceData as FakeRange;
    const chart: FakeChartRecord = { type, source: '', title: '', legend: true, showValue: false, reversed: false };
    ctx.queue(() => {
      chart.source = boxAddress(source.box()!);
      this.ws.sheet().charts.push(chart);
    }, type);
    // An object with one property kept in the record: read at once, written at sync (as Office.js queues it).
    const property = <T>(name: string, k: keyof FakeChartRecord, needs?: ApiVersion): T =>
      Object.defineProperty({}, name, {
        enumerable: true,
        get: () => chart[k],
        set: (v: unknown) => {
          if (needs) ctx.requires(needs, `Chart.${name}`);
          ctx.queue(() => ((chart as unknown as Record<string, unknown>)[k] = v), v);
        },
      }) as T;
    return {
      title: property<ChartTitleApi>('text', 'title'),
      axes: { categoryAxis: property<ChartAxisApi>('reversePlotOrder', 'reversed', '1.7') },
      legend: property<ChartLegendApi>('visible', 'legend'),
      dataLabels: property<ChartDataLabelsApi>('showValue', 'showValue'),
      series: {
        getItemAt: (index: number) => ({
          setXAxisValues: (range: RangeApi) => {
            ctx.requires('1.7', 'ChartSeries.setXAxisValues');
            if (index !== 0) ctx.check(() => fail('InvalidArgument', `no series ${index}`));
            ctx.queue(() => (chart.xValues = boxAddress((range as FakeRange).box()!)), index);
          },
        }),
      },
      setPosition: (start: RangeApi | string, end?: RangeApi | string) => {
        const at = (r: RangeApi | string) => (typeof r === 'string' ? r : boxAddress((r as FakeRange).box()!));
        ctx.queue(() => (chart.position = [at(start), end === undefined ? undefined : at(end)]), start);
      },
    };
  }
}

class FakeProtection extends ClientObject implements WorksheetProtectionApi {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.get('protected');
  }
  load(props?: string | string[]): this {
    this.ctx.requires('1.2', 'WorksheetProtection');
    return super.load(props);
  }
  protected read(prop: string): unknown {
    return prop === 'protected' ? this.ws.sheet().protected : undefined;
  }
}

export class FakeWorksheet extends ClientObject implements WorksheetApi {
  readonly tables: FakeTables;
  readonly charts: FakeCharts;
  readonly freezePanes: FreezePanesApi;
  readonly pageLayout: PageLayoutApi;
  readonly protection: FakeProtection;

  constructor(
    ctx: FakeContext,
    private readonly nameOf: () => string,
    readonly orNull = false,
  ) {
    super(ctx);
    const self = this;
    this.tables = new FakeTables(ctx, this);
    this.charts = new FakeCharts(ctx, this);
    this.protection = new FakeProtection(ctx, this);
    this.freezePanes = {
      freezeRows: (n = 1) => {
        ctx.requires('1.7', 'WorksheetFreezePanes.freezeRows');
        ctx.queue(() => (self.sheet().frozenRows = n), n);
      },
    };
    this.pageLayout = {
      get orientation(): 'Portrait' | 'Landscape' {
        return (self.sheet().orientation as 'Landscape') ?? 'Portrait';
      },
      set orientation(o: PageLayoutApi['orientation']) {
        ctx.requires('1.9', 'PageLayout.orientation');
        ctx.queue(() => (self.sheet().orientation = String(o)), o);
      },
    };
  }

  exists(): boolean {
    return Boolean(this.ctx.book.findSheet(this.nameOf()));
  }

  sheet(): FakeSheet {
    return this.ctx.book.sheet(this.nameOf());
  }

  sheetName(): string {
    return this.nameOf();
  }

  get visibility(): 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.get('visibility');
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }

  get name(): string {
    return this.get<string>('name');
  }
  set name(value: string) {
    const current = this.nameOf;
    this.ctx.queue(() => {
      if (this.ctx.book.findSheet(value)) fail('ItemAlreadyExists', `a worksheet named "${value}"`);
      this.ctx.book.sheet(current()).name = value;
    }, value);
  }
  protected read(prop: string): unknown {
    if (prop === 'isNullObject') return !this.exists();
    if (prop === 'name') return this.exists() ? this.sheet().name : undefined;
    if (prop === 'visibility') return this.exists() ? (this.sheet().visibility ?? 'Visible') : undefined;
    return undefined;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, address ?? 'A1:XFD1048576');
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.requires('1.2', 'Worksheet.getUsedRange(valuesOnly)');
    return new FakeRange(this.ctx, this, undefined, 'top-left');
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    this.ctx.requires('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return new FakeRange(this.ctx, this, undefined, 'null');
  }

  activate(): void {
    this.ctx.queue(() => (this.ctx.book.activeSheet = this.sheet().name));
  }

  /** Worksheet.copy (ExcelApi 1.7): the copy goes to the end, named by Excel until renamed. */
  copy(_position?: 'End'): FakeWorksheet {
    this.ctx.requires('1.7', 'Worksheet.copy');
    let copyName = '';
    this.ctx.queue(() => {
      const source = this.sheet();
      copyName = `${source.name} (2)`;
      const copy = this.ctx.book.addSheet(copyName);
      source.cells.forEach((c, k) => copy.cells.set(k, { ...c }));
      copy.merges = [...source.merges];
      copy.hiddenRows = new Set(source.hiddenRows);
    });
    return new FakeWorksheet(this.ctx, () => copyName);
  }

  delete(): void {
    this.ctx.queue(() => {
      const sheet = this.sheet();
      this.ctx.book.sheets = this.ctx.book.sheets.filter((s) => s !== sheet);
      if (this.ctx.book.activeSheet === sheet.name) this.ctx.book.activeSheet = this.ctx.book.sheets[0]?.name ?? '';
    });
  }
}

/** A proxy that belongs to a range: its fill, font, visible view, merged areas. */
class RangePart extends ClientObject {
  constructor(
    ctx: FakeContext,
    protected readonly range: FakeRange,
  ) {
    super(ctx);
  }
}

class FakeFill extends RangePart implements RangeFillApi {
  get color(): string {
    return this.get('color');
  }
  set color(c: string) {
    this.range.each((cell) => (cell.fill = c), c);
  }
  get pattern(): RangeFillApi['pattern'] {
    return this.get('pattern');
  }
  set pattern(p: RangeFillApi['pattern']) {
    this.ctx.requires('1.9', 'RangeFill.pattern');
    this.range.each((cell) => {
      if (p === 'None') delete cell.fill;
    }, p);
  }
  clear(): void {
    this.range.each((cell) => delete cell.fill);
  }
  load(props?: string | string[]): this {
    if ((Array.isArray(props) ? props : [props]).some((p) => p?.includes('pattern'))) this.ctx.requires('1.9', 'RangeFill.pattern');
    return super.load(props);
  }
  /** One colour when the cells share it (no fill reads as white, as in Excel), null when they differ. */
  protected read(prop: string): unknown {
    const fills = this.range.cellsOf((c) => c?.fill);
    const same = fills.every((f) => f === fills[0]);
    if (prop === 'color') return same ? fills[0] ?? '#FFFFFF' : null;
    if (prop === 'pattern') return same ? (fills[0] ? 'Solid' : 'None') : null;
    return undefined;
  }
}

class FakeFont extends RangePart implements RangeFontApi {
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(b: boolean) {
    this.range.each((cell) => (cell.bold = b), b);
  }
  /** True or false when every cell agrees, null when they differ. */
  protected read(prop: string): unknown {
    if (prop !== 'bold') return undefined;
    const bold = this.range.cellsOf((c) => Boolean(c?.bold));
    return bold.every((b) => b === bold[0]) ? bold[0] ?? false : null;
  }
}

class FakeVisibleView extends RangePart implements RangeViewApi {
  get cellAddresses(): string[][] {
    return this.get('cellAddresses');
  }
  protected read(prop: string): unknown {
    if (prop !== 'cellAddresses') return undefined;
    const b = this.range.box();
    if (!b) return [];
    const hidden = this.range.worksheet.sheet().hiddenRows;
    const out: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      if (hidden.has(r)) continue;
      const row: string[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(`${letters(c)}${r + 1}`);
      out.push(row);
    }
    return out;
  }
}

class FakeMergedAreas extends RangePart implements RangeAreasApi {
  get address(): string {
    return this.get('address');
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  private inside(): string[] {
    const b = this.range.box();
    const sheet = this.range.worksheet.sheet();
    if (!b) return [];
    return sheet.merges.filter((m) => {
      const area = parseRange(m);
      return area.top <= b.bottom && area.bottom >= b.top && area.left <= b.right && area.right >= b.left;
    });
  }
  protected read(prop: string): unknown {
    const areas = this.inside();
    if (prop === 'isNullObject') return areas.length === 0;
    if (prop === 'address') return areas.length ? areas.map((a) => `${this.range.worksheet.sheet().name}!${a}`).join(',') : undefined;
    return undefined;
  }
}

/** The formula Excel makes of a typed text, if it makes one: "=1+1" → "1+1", "+A1" → "+A1", "-5" → none (a number). */
function typedFormula(text: string): string | undefined {
  if (text.startsWith('=')) return text.slice(1);
  if (!/^[+\-@]/.test(text)) return undefined;
  return /^[+-]\s*\d+(?:[.,]\d+)?%?$/.test(text) ? undefined : text;
}

class FakeRange extends ClientObject implements RangeApi {
  readonly format: RangeFormatApi;
  readonly conditionalFormats: ConditionalFormatCollectionApi;

  constructor(
    ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
    /** An address, a rectangle worked out at sync (a column of another range), or the used range. */
    private readonly fixed: string | (() => Box | undefined) | undefined,
    /** For a used range: what it is on a blank sheet. */
    private readonly whenBlank: 'top-left' | 'null' = 'null',
  ) {
    super(ctx);
    const fill = new FakeFill(ctx, this);
    const font = new FakeFont(ctx, this);
    this.format = {
      fill,
      font,
      autofitColumns: () => ctx.requires('1.2', 'RangeFormat.autofitColumns'),
    };
    const self = this;
    this.conditionalFormats = {
      add: (type: 'ColorScale'): ConditionalFormatApi => {
        ctx.requires('1.6', 'ConditionalFormatCollection.add');
        ctx.queue(() => self.worksheet.sheet().conditionalFormats.push(`${type}@${boxAddress(self.box()!)}`), type);
        const colorScale: ColorScaleApi = { criteria: { minimum: { type: 'LowestValue' }, maximum: { type: 'HighestValue' } } };
        return { colorScale };
      },
    };
  }

  private cache?: { at: number; value: Box | undefined };

  /** The range's rectangle; a used range is measured once per round trip, not once per property. */
  box(): Box | undefined {
    if (this.cache?.at !== this.ctx.book.syncs) this.cache = { at: this.ctx.book.syncs, value: this.measure() };
    return this.cache.value;
  }

  private measure(): Box | undefined {
    if (!this.worksheet.exists()) return this.worksheet.orNull ? undefined : fail('ItemNotFound', `worksheet "${this.worksheet.sheetName()}"`);
    if (typeof this.fixed === 'function') return this.fixed();
    if (this.fixed) return parseRange(this.fixed);
    // A loop, not Math.min(...cells): a sheet of 100k cells would overflow the stack.
    let box: Box | undefined;
    for (const [k, c] of this.worksheet.sheet().cells) {
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
    return box ?? (this.whenBlank === 'top-left' ? { top: 0, left: 0, bottom: 0, right: 0 } : undefined);
  }

  get address(): string {
    return this.get('address');
  }

  /** Every cell of the range, row by row, through `f`. */
  cellsOf<T>(f: (cell: FakeCell | undefined) => T): T[] {
    return this.grid(f).flat();
  }

  private grid<T>(f: (cell: FakeCell | undefined) => T): T[][] {
    const b = this.box();
    if (!b) return [];
    const cells = this.worksheet.sheet().cells;
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(f(cells.get(key(r, c))));
      out.push(row);
    }
    return out;
  }

  /** Refuses, at sync, a change to a protected sheet, as Excel does. */
  private guard(): void {
    this.ctx.check(() => {
      if (this.worksheet.sheet().protected) fail('AccessDenied', `the sheet "${this.worksheet.sheetName()}" is protected`);
    });
  }

  /** Queues a change to every cell of the range. */
  each(f: (cell: FakeCell) => void, payload: unknown = null): void {
    this.guard();
    this.ctx.queue(() => {
      const b = this.box()!;
      const cells = this.worksheet.sheet().cells;
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          const k = key(r, c);
          const cell = cells.get(k) ?? { value: null };
          f(cell);
          cells.set(k, cell);
        }
      }
    }, payload);
  }

  private write(grid: unknown[][], set: (cell: FakeCell, v: unknown) => void): void {
    this.guard();
    this.ctx.queue(() => {
      const b = this.box()!;
      if (grid.length !== b.bottom - b.top + 1 || grid.some((row) => row.length !== b.right - b.left + 1)) fail('InvalidArgument', `the values do not fit ${boxAddress(b)}`);
      const cells = this.worksheet.sheet().cells;
      grid.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = key(b.top + i, b.left + j);
          const cell = cells.get(k) ?? { value: null };
          set(cell, v);
          cells.set(k, cell);
        }),
      );
    }, grid);
  }

  /**
   * As in Excel, a string is entered as if typed: one beginning "=" is a formula, and so is one
   * beginning "+", "-" or "@" that is not a plain number (Excel makes "+A1" the formula =+A1);
   * one beginning with an apostrophe is the text after it.
   */
  set values(grid: unknown[][]) {
    this.write(grid, (cell, v) => {
      const formula = typeof v === 'string' ? typedFormula(v) : undefined;
      if (formula !== undefined) {
        cell.formula = formula;
        return;
      }
      cell.value = v === '' ? null : typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (v as FakeCell['value']);
      delete cell.formula;
    });
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set formulas(grid: unknown[][]) {
    this.write(grid, (cell, v) => {
      const formula = typeof v === 'string' ? typedFormula(v) : undefined;
      if (formula !== undefined) cell.formula = formula;
      else {
        cell.value = v === '' ? null : typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (v as FakeCell['value']);
        delete cell.formula;
      }
    });
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
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
    const b = this.box();
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
        return b ? `${this.worksheet.sheetName()}!${boxAddress(b)}` : '';
      default:
        return undefined;
    }
  }

  getCellProperties(_options: Excel.CellPropertiesLoadOptions): OfficeExtension.ClientResult<Excel.CellProperties[][]> {
    this.ctx.requires('1.9', 'Range.getCellProperties');
    const result = { value: [] as Excel.CellProperties[][] };
    const range = this;
    const holder = new (class extends ClientObject {
      fill(): number {
        result.value = range.grid((c) => ({ format: { font: { bold: Boolean(c?.bold) } } }));
        return JSON.stringify(result.value).length;
      }
    })(this.ctx);
    this.ctx.track(holder);
    return result;
  }

  getColumn(column: number): FakeRange {
    return new FakeRange(this.ctx, this.worksheet, () => {
      const b = this.box();
      return b && { top: b.top, bottom: b.bottom, left: b.left + column, right: b.left + column };
    });
  }

  getVisibleView(): FakeVisibleView {
    this.ctx.requires('1.3', 'Range.getVisibleView');
    return new FakeVisibleView(this.ctx, this);
  }

  getMergedAreasOrNullObject(): FakeMergedAreas {
    this.ctx.requires('1.13', 'Range.getMergedAreasOrNullObject');
    return new FakeMergedAreas(this.ctx, this);
  }

  select(): void {
    this.ctx.queue(() => {
      this.ctx.book.activeSheet = this.worksheet.sheet().name;
      this.ctx.book.selection = boxAddress(this.box()!);
    });
  }
}
