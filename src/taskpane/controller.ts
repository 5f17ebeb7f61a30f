/**
 * What the task pane does, without React and without Excel: each action asks the host for data,
 * runs the engine, and publishes the new state. The view dispatches actions and renders state.
 */
import { checkSheet } from '../engine/check';
import { EditPlan, planSheet } from '../engine/edit-plan';
import { MeasureId } from '../engine/layouts';
import { SheetReport } from '../engine/model';
import { rankTable, TierMode } from '../engine/ranking';
import { PresetId } from '../engine/ranking-presets';
import { rankingSheet } from '../engine/ranking-sheet';
import { SheetSnapshot } from '../engine/snapshot';
import { ExcelHost } from '../excel/office-host';

export interface PaneState {
  busy?: string;
  error?: string;
  notice?: string;
  sheet?: SheetSnapshot;
  sheetNames: string[];
  report?: SheetReport;
  /** What "Tính lại" would change, shown before it is applied. */
  preview?: EditPlan;
  highlighted: string[];
}

export class PaneController {
  private state: PaneState = { sheetNames: [], highlighted: [] };
  private listeners = new Set<() => void>();

  constructor(private readonly host: ExcelHost) {}

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
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

  check = () =>
    this.act('Đang đọc và kiểm tra trang tính…', async () => {
      const { snapshot, sheetNames } = await this.host.readActiveSheet();
      this.set({ sheet: snapshot, sheetNames, report: checkSheet(snapshot), preview: undefined });
    });

  select = (cell: string) =>
    this.act('Đang chọn ô…', async () => {
      if (this.state.report) await this.host.selectCell(this.state.report.sheet, cell);
    });

  toggleHighlight = () =>
    this.act('Đang tô màu…', async () => {
      const report = this.state.report;
      if (!report) return;
      if (this.state.highlighted.length) {
        await this.host.clearHighlight(report.sheet, this.state.highlighted);
        this.set({ highlighted: [] });
        return;
      }
      const cells = report.tables.flatMap((t) => t.findings.map((f) => ({ address: f.cell, severity: f.severity })));
      await this.host.highlight(report.sheet, cells);
      this.set({ highlighted: cells.map((c) => c.address) });
    });

  previewFix = (applySuggestions: boolean) => {
    const { sheet, report } = this.state;
    if (!sheet || !report) return;
    this.set({ preview: planSheet(sheet, report, { applySuggestions, values: false }) });
  };

  applyFix = () =>
    this.act('Đang tính lại…', async () => {
      const plan = this.state.preview;
      if (!plan) return;
      const { backup } = await this.host.applyPlan(plan);
      this.set({ preview: undefined, notice: `Đã sửa ${plan.edits.length} ô; bản gốc giữ ở trang "${backup}".` });
      const { snapshot, sheetNames } = await this.host.readActiveSheet();
      this.set({ sheet: snapshot, sheetNames, report: checkSheet(snapshot) });
    });

  rank = (measure: MeasureId, tier: TierMode, preset: PresetId | undefined) =>
    this.act('Đang lập bảng xếp hạng…', async () => {
      const report = this.state.report;
      const table = report?.tables.find((t) => t.model.layout.measures?.some((m) => m.id === measure));
      if (!report || !table) throw new Error('bảng này không có tiêu chí xếp hạng đã chọn.');
      const draft = rankingSheet(rankTable(table, { measure, tier, preset }), { sheet: report.sheet, range: table.range, layout: table.layout, date: new Date() }, this.state.sheetNames);
      await this.host.addSheet(draft);
      this.set({ sheetNames: [...this.state.sheetNames, draft.name], notice: `Đã thêm trang "${draft.name}".` });
    });
}
