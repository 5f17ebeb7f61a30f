/**
 * What the task pane does, without React and without Excel: each action asks the host for data,
 * runs the engine, and publishes the new state. The view dispatches actions and renders state.
 */
import { checkSheet, checkWorkbookInSteps } from '../engine/check';
import { CrossSheetLink } from '../engine/cross-sheet';
import { EditPlan, planSheet } from '../engine/edit-plan';
import { MeasureId } from '../engine/layouts';
import { SheetReport } from '../engine/report';
import { rankTable, TierMode } from '../engine/ranking';
import { PresetId } from '../engine/ranking-presets';
import { rankingSheet } from '../engine/ranking-sheet';
import { SheetSnapshot } from '../engine/snapshot';
import { ExcelHost, Highlighting } from '../excel/office-host';

export interface PaneSettings {
  wholeWorkbook: boolean;
  applySuggestions: boolean;
  measure: MeasureId;
  tier: TierMode;
  preset: PresetId | 'none';
}

export const DEFAULT_SETTINGS: PaneSettings = { wholeWorkbook: false, applySuggestions: false, measure: 'on-time', tier: 'groups', preset: 'khanh-hoa' };
const SETTINGS_KEY = 'phuluc.settings';
/** Highlights outlive the pane (a ribbon button, a closed pane): what they changed is kept with the workbook. */
const HIGHLIGHTS_KEY = 'phuluc.highlights';

export interface PaneState {
  busy?: string;
  error?: string;
  notice?: string;
  settings: PaneSettings;
  /** The sheet that recompute and ranking act on. */
  activeSheet?: string;
  snapshots: Map<string, SheetSnapshot>;
  sheetNames: string[];
  reports: SheetReport[];
  crossSheet: CrossSheetLink[];
  /** What "Tính lại" would change, shown before it is applied. */
  preview?: EditPlan;
  /** What highlighting changed, per sheet, to be undone exactly; kept with the workbook. */
  highlighted: Highlighting[];
}

export class PaneController {
  private state: PaneState;
  private listeners = new Set<() => void>();

  constructor(private readonly host: ExcelHost) {
    // Settings are remembered per workbook.
    const saved = host.loadSettings<Partial<PaneSettings>>(SETTINGS_KEY);
    this.state = { settings: { ...DEFAULT_SETTINGS, ...saved }, snapshots: new Map(), sheetNames: [], reports: [], crossSheet: [], highlighted: host.loadSettings<Highlighting[]>(HIGHLIGHTS_KEY) ?? [] };
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
  activeReport(): SheetReport | undefined {
    return this.state.reports.find((r) => r.sheet === this.state.activeSheet);
  }

  /** Runs an action with a progress label; any failure becomes a message a person understands. */
  private async act(label: string, action: () => Promise<void>): Promise<void> {
    this.set({ busy: label, error: undefined, notice: undefined });
    try {
      await action();
    } catch (e) {
      this.set({ error: `Không thực hiện được: ${(e as Error).message}` });
    } finally {
      this.set({ busy: undefined });
    }
  }

  updateSettings = (patch: Partial<PaneSettings>) =>
    this.act('Đang lưu lựa chọn…', async () => {
      const settings = { ...this.state.settings, ...patch };
      this.set({ settings });
      await this.host.saveSettings(SETTINGS_KEY, settings);
    });

  /** Lets the pane paint (progress, a click) before the next stretch of work. */
  private pause = (busy?: string): Promise<void> => {
    if (busy) this.set({ busy });
    return new Promise((resolve) => setTimeout(resolve, 0));
  };

  check = () =>
    this.act('Đang đọc và kiểm tra…', async () => {
      if (this.state.settings.wholeWorkbook) {
        const { sheets, active } = await this.host.readWorkbook();
        await this.pause(`Đang kiểm tra ${sheets.length} trang tính…`);
        const workbook = await checkWorkbookInSteps(sheets, (done, total) => this.pause(`Đã kiểm tra ${done}/${total} trang tính…`));
        this.set({
          activeSheet: active,
          snapshots: new Map(sheets.map((s) => [s.name, s])),
          sheetNames: sheets.map((s) => s.name),
          reports: workbook.sheets,
          crossSheet: workbook.crossSheet,
          preview: undefined,
        });
        return;
      }
      const { snapshot, sheetNames } = await this.host.readActiveSheet();
      await this.pause(`Đang kiểm tra ${snapshot.cells.length.toLocaleString('vi-VN')} dòng…`);
      this.set({ activeSheet: snapshot.name, snapshots: new Map([[snapshot.name, snapshot]]), sheetNames, reports: [checkSheet(snapshot)], crossSheet: [], preview: undefined });
    });

  select = (sheet: string, cell: string) => this.act('Đang chọn ô…', () => this.host.selectCell(sheet, cell));

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

  toggleHighlight = () => this.act('Đang tô màu…', () => (this.state.highlighted.length ? this.removeHighlights() : this.highlightFindings()));

  /** The highlights of the last check replaced by those of this one. */
  refreshHighlights = () =>
    this.act('Đang tô màu…', async () => {
      await this.removeHighlights();
      await this.highlightFindings();
    });

  previewFix = () => {
    const report = this.activeReport();
    const sheet = report && this.state.snapshots.get(report.sheet);
    if (!report || !sheet) return;
    this.set({ preview: planSheet(sheet, report, { applySuggestions: this.state.settings.applySuggestions, values: false }) });
  };

  applyFix = () =>
    this.act('Đang tính lại…', async () => {
      const plan = this.state.preview;
      if (!plan) return;
      const { backup } = await this.host.applyPlan(plan);
      const { snapshot, sheetNames } = await this.host.readActiveSheet();
      const reports = this.state.reports.map((r) => (r.sheet === snapshot.name ? checkSheet(snapshot) : r));
      this.set({ preview: undefined, sheetNames, reports, snapshots: new Map([...this.state.snapshots, [snapshot.name, snapshot]]), notice: `Đã sửa ${plan.edits.length} ô; bản gốc giữ ở trang "${backup}".` });
    });

  rank = () =>
    this.act('Đang lập bảng xếp hạng…', async () => {
      const { measure, tier, preset } = this.state.settings;
      const report = this.activeReport();
      const table = report?.tables.find((t) => t.model.layout.measures?.some((m) => m.id === measure)) ?? report?.tables.find((t) => t.model.layout.measures?.length);
      if (!report || !table) throw new Error('bảng này không có tiêu chí để xếp hạng.');
      const chosen = table.model.layout.measures!.some((m) => m.id === measure) ? measure : table.model.layout.measures![0].id;
      const ranking = rankTable(table, { measure: chosen, tier, preset: preset === 'none' ? undefined : preset });
      const draft = rankingSheet(ranking, { sheet: report.sheet, range: table.range, layout: table.layout, date: new Date() }, this.state.sheetNames);
      await this.host.addSheet(draft);
      this.set({ sheetNames: [...this.state.sheetNames, draft.name], notice: `Đã thêm trang "${draft.name}".` });
    });
}
