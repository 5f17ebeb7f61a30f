/**
 * What the task pane does, without React and without Excel: each action asks the host for data,
 * runs the engine, and publishes the new state. The view dispatches actions and renders state.
 */
import type { CrossSheetLink } from '../engine/findings/cross-sheet';
import type { EditPlan } from '../engine/output/edit-plan';
import { MEASURE_IDS, MeasureId } from '../engine/layouts/types';
import { TIER_MODES, TierMode } from '../engine/output/ranking-options';
import { PresetId, PRESETS } from '../engine/layouts/class-presets';
import { ExcelHost, Highlighting, readHighlightRecord, WriteFailedError } from '../excel/office-host';
import { ProtectedSheetError } from '../usecases/apply-recompute';
import { PaneError, PaneMessage } from './messages';
import { EngineClient, localEngine, SheetView } from './engine-client';

export interface PaneSettings {
  wholeWorkbook: boolean;
  applySuggestions: boolean;
  measure: MeasureId;
  tier: TierMode;
  /** A preset, no classes, or the bands typed in `bands`. */
  preset: PresetId | 'none' | 'typed';
  /** Bands as the user typed them ("Xuất sắc ≥ 90; Tốt ≥ 80; Khá ≥ 70; Yếu"), kept with the workbook. */
  bands: string;
}

export const DEFAULT_SETTINGS: PaneSettings = { wholeWorkbook: false, applySuggestions: false, measure: 'on-time', tier: 'groups', preset: 'khanh-hoa', bands: '' };
/** Longest band text kept: a received workbook's settings are data, not trusted to be small. */
const MAX_BANDS_TEXT = 300;
const SETTINGS_KEY = 'phuluc.settings';


/** The choices a workbook carries, read as data: a received workbook's settings keep only values the pane offers. */
export function readPaneSettings(stored: unknown): PaneSettings {
  const saved = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const pick = <T>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  return {
    wholeWorkbook: pick(saved.wholeWorkbook, [true, false], DEFAULT_SETTINGS.wholeWorkbook),
    applySuggestions: pick(saved.applySuggestions, [true, false], DEFAULT_SETTINGS.applySuggestions),
    measure: pick(saved.measure, MEASURE_IDS, DEFAULT_SETTINGS.measure),
    tier: pick(saved.tier, TIER_MODES, DEFAULT_SETTINGS.tier),
    preset: pick(saved.preset, [...(Object.keys(PRESETS) as PresetId[]), 'none' as const, 'typed' as const], DEFAULT_SETTINGS.preset),
    bands: typeof saved.bands === 'string' && saved.bands.length <= MAX_BANDS_TEXT ? saved.bands : DEFAULT_SETTINGS.bands,
  };
}
/** Highlights outlive the pane (a ribbon button, a closed pane): what they changed is kept with the workbook. */
const HIGHLIGHTS_KEY = 'phuluc.highlights';
/** The sheets PhuLuc added, each with the sheet it was made from: marked in the workbook, not told by name. */
const ADDED_KEY = 'phuluc.addedSheets';
const MAX_ADDED = 500;

/** The record of added sheets a workbook carries, read as data: names to names, bounded. */
export function readAddedSheets(stored: unknown): Record<string, string> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const entries = Object.entries(stored as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0].length <= 31 && e[1].length <= 31);
  return Object.fromEntries(entries.slice(0, MAX_ADDED));
}

export interface PaneState {
  busy?: PaneMessage;
  error?: PaneMessage;
  /** Excel's own words for the error, shown behind "chi tiết". */
  errorDetail?: string;
  notice?: PaneMessage;
  settings: PaneSettings;
  /** The sheet that recompute and ranking act on. */
  activeSheet?: string;
  sheetNames: string[];
  reports: SheetView[];
  crossSheet: CrossSheetLink[];
  /** What "Tính lại" would change, shown before it is applied. */
  preview?: EditPlan;
  /** What highlighting changed, per sheet, to be undone exactly; kept with the workbook. */
  highlighted: Highlighting[];
  /** Sheets PhuLuc added (rankings), each with its source sheet; kept with the workbook. */
  added: Record<string, string>;
}

export class PaneController {
  private state: PaneState;
  private listeners = new Set<() => void>();

  constructor(
    private readonly host: ExcelHost,
    /** The engine: in a Web Worker in the pane, in this thread in tests. */
    private readonly engine: EngineClient = localEngine(),
  ) {
    // Settings are remembered per workbook.
    this.state = {
      settings: readPaneSettings(host.loadSettings<unknown>(SETTINGS_KEY)),
      sheetNames: [],
      reports: [],
      crossSheet: [],
      highlighted: readHighlightRecord(host.loadSettings<unknown>(HIGHLIGHTS_KEY)),
      added: readAddedSheets(host.loadSettings<unknown>(ADDED_KEY)),
    };
  }

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** The report of the sheet that recompute and ranking act on. */
  activeReport(): SheetView | undefined {
    return this.state.reports.find((r) => r.sheet === this.state.activeSheet);
  }

  /** Runs an action with a progress label; any failure becomes a message a person understands. */
  private async act(label: PaneMessage, action: () => Promise<void>): Promise<void> {
    this.set({ busy: label, error: undefined, errorDetail: undefined, notice: undefined });
    try {
      await action();
    } catch (e) {
      this.set(failure(e));
    } finally {
      this.set({ busy: undefined });
    }
  }

  updateSettings = (patch: Partial<PaneSettings>) =>
    this.act({ code: 'saving-choices' }, async () => {
      const settings = { ...this.state.settings, ...patch };
      this.set({ settings });
      await this.host.saveSettings(SETTINGS_KEY, settings);
    });

  /** Lets the pane paint (progress, a click) before the next stretch of work. */
  private pause = (busy?: PaneMessage): Promise<void> => {
    if (busy) this.set({ busy });
    return new Promise((resolve) => setTimeout(resolve, 0));
  };

  check = () => this.act({ code: 'reading' }, () => this.checkNow());

  private async checkNow(): Promise<void> {
    const progress = (done: number, total: number) => this.pause({ code: 'checking-sheets', done, total });
    if (this.state.settings.wholeWorkbook) {
      const { sheets: all, active, unavailable } = await this.host.readWorkbook();
      // Rankings PhuLuc added are not received tables: never checked as such.
      const sheets = all.filter((s) => !(s.name in this.state.added));
      await progress(0, sheets.length);
      const { reports, crossSheet } = await this.engine.check(sheets, progress);
      this.set({ activeSheet: this.state.added[active] ?? active, sheetNames: all.map((s) => s.name), reports, crossSheet, preview: undefined, notice: unavailable.length ? { code: 'unavailable', features: unavailable } : undefined });
      return;
    }
    const { snapshot, sheetNames, unavailable } = await this.host.readActiveSheet();
    await this.pause({ code: 'checking-rows', sheet: snapshot.name, rows: snapshot.cells.length });
    const { reports } = await this.engine.check([snapshot]);
    this.set({ activeSheet: snapshot.name, sheetNames, reports, crossSheet: [], preview: undefined, notice: unavailable.length ? { code: 'unavailable', features: unavailable } : undefined });
  }

  /**
   * Recompute and ranking act on the sheet on screen. If it is not the one checked, it is checked
   * first (or, after a whole-workbook check, its report is taken) and the pane says so.
   */
  private async onShownSheet(): Promise<SheetView> {
    const onScreen = await this.host.activeSheetName();
    // A sheet PhuLuc added (a ranking) is not a received table: the next action is on its source.
    const source = this.state.added[onScreen];
    const shown = source && this.state.reports.some((r) => r.sheet === source) ? source : onScreen;
    if (shown !== onScreen) {
      this.set({ activeSheet: shown });
      return this.onShownReport(shown);
    }
    const checked = this.state.activeSheet;
    if (shown !== checked) {
      const known = this.state.reports.find((r) => r.sheet === shown);
      if (known && this.state.settings.wholeWorkbook) this.set({ activeSheet: shown });
      else {
        const { snapshot, sheetNames } = await this.host.readActiveSheet();
        const { reports } = await this.engine.check([snapshot]);
        this.set({ activeSheet: snapshot.name, sheetNames, reports: [...this.state.reports.filter((r) => r.sheet !== snapshot.name), ...reports] });
      }
      if (checked) this.set({ notice: { code: 'sheet-changed', shown, checked } });
    }
    return this.onShownReport(shown);
  }

  private onShownReport(shown: string): SheetView {
    const report = this.activeReport();
    if (!report || !report.tables.length) throw new PaneError({ code: 'no-table', sheet: shown });
    return report;
  }

  select = (sheet: string, cell: string) => this.act({ code: 'selecting' }, () => this.host.selectCell(sheet, cell));

  /** Gives every highlighted cell back its fill and removes PhuLuc's comments (a person's stay). */
  private async removeHighlights(): Promise<void> {
    for (const highlighting of this.state.highlighted) await this.host.clearHighlight(highlighting);
    this.set({ highlighted: [] });
    await this.host.saveSettings(HIGHLIGHTS_KEY, []);
  }

  private async highlightFindings(): Promise<void> {
    const highlighted: Highlighting[] = [];
    for (const report of this.state.reports) {
      const cells = report.tables.flatMap((t) => t.findings.map((f) => ({ address: f.cell, severity: f.severity, message: f.message })));
      if (!cells.length) continue;
      highlighted.push(await this.host.highlight(report.sheet, cells));
      // Saved after each sheet, so what was changed can be undone even if a later sheet fails.
      this.set({ highlighted: [...highlighted] });
      await this.host.saveSettings(HIGHLIGHTS_KEY, highlighted);
    }
  }

  toggleHighlight = () => this.act({ code: 'highlighting' }, () => (this.state.highlighted.length ? this.removeHighlights() : this.highlightFindings()));

  /** The highlights of the last check replaced by those of this one. */
  refreshHighlights = () =>
    this.act({ code: 'highlighting' }, async () => {
      await this.removeHighlights();
      await this.highlightFindings();
    });

  /** What recomputing the sheet on screen would change, shown before anything is written. */
  previewFix = () =>
    this.act({ code: 'reading' }, async () => {
      const report = await this.onShownSheet();
      this.set({ preview: await this.planFor(report) });
    });

  private planFor(report: SheetView): Promise<EditPlan> {
    return this.engine.plan(report.sheet, { applySuggestions: this.state.settings.applySuggestions, values: false });
  }

  applyFix = () =>
    this.act({ code: 'recomputing', sheet: this.state.preview?.sheet ?? '' }, async () => {
      const plan = this.state.preview;
      if (!plan) return;
      // A preview of another sheet is never applied to the one on screen: it is made again, and shown.
      const shown = await this.host.activeSheetName();
      if (shown !== plan.sheet) {
        const report = await this.onShownSheet();
        this.set({ preview: await this.planFor(report), notice: { code: 'preview-stale', shown, previewed: plan.sheet } });
        return;
      }
      const { backup } = await this.host.applyPlan(plan);
      const { snapshot, sheetNames } = await this.host.readActiveSheet();
      const { reports } = await this.engine.check([snapshot]);
      this.set({ preview: undefined, sheetNames, reports: this.state.reports.map((r) => (r.sheet === snapshot.name ? reports[0] : r)), notice: { code: 'fixed', cells: plan.edits.length, sheet: plan.sheet, backup } });
    });

  rank = () =>
    this.act({ code: 'ranking', sheet: this.state.activeSheet ?? '' }, async () => {
      const { tier, preset } = this.state.settings;
      const report = await this.onShownSheet();
      // The measure the pane shows: the one chosen where the table has it, else the table's own first.
      const offered = report.tables.flatMap((t) => t.measures);
      const measure = offered.some((m) => m.id === this.state.settings.measure) ? this.state.settings.measure : offered[0]?.id;
      const changed = this.state.notice;
      const typed = preset === 'typed';
      const { draft, range } = await this.engine.rank({
        sheet: report.sheet,
        measure,
        tier,
        preset: preset === 'none' || typed ? undefined : preset,
        ...(typed ? { bands: this.state.settings.bands } : {}),
        sheetNames: this.state.sheetNames,
        date: new Date(),
      });
      await this.host.addSheet(draft);
      const added = { ...this.state.added, [draft.name]: report.sheet };
      this.set({ added, sheetNames: [...this.state.sheetNames, draft.name], notice: { code: 'sheet-added', name: draft.name, sheet: report.sheet, range } });
      await this.host.saveSettings(ADDED_KEY, added);
      // Saying the sheet was checked again matters more than saying what was added.
      if (changed?.code === 'sheet-changed') this.set({ notice: changed });
    });
}

/** A failure as the pane shows it: its own words first, Excel's behind "chi tiết". */
function failure(e: unknown): Pick<PaneState, 'error' | 'errorDetail'> {
  if (e instanceof PaneError) return { error: e.pane };
  if (e instanceof ProtectedSheetError) return { error: { code: 'protected', sheet: e.sheet } };
  if (e instanceof WriteFailedError) {
    const detail = String((e.cause as Error)?.message ?? e.cause);
    return { error: e.restored ? { code: 'write-undone', sheet: e.sheet } : { code: 'write-not-undone', sheet: e.sheet, backup: e.backup }, errorDetail: detail };
  }
  const detail = String((e as Error)?.message ?? e);
  return { error: { code: 'excel-failed', detail }, errorDetail: detail };
}
