/**
 * The engine as the pane uses it: check, plan a recompute, draft a ranking sheet. The full reports
 * (cells, relations) stay with the engine; the pane gets plain views of them to show. In Office and
 * the demo the engine runs in a Web Worker (engine-worker.ts), so a 100,000-row check never freezes
 * the pane; tests use the same engine in-process.
 */
import { UncheckedRegion } from '../engine/findings/coverage';
import { checkWorkbookInSteps } from '../engine/check';
import { CrossSheetLink } from '../engine/findings/cross-sheet';
import { EditPlan, PlanOptions, planSheet } from '../engine/output/edit-plan';
import { Finding, TableNotice } from '../engine/findings/finding';
import { MeasureId } from '../engine/layouts';
import { defaultMeasure, RankingError, TierMode } from '../engine/output/ranking';
import { PresetId } from '../engine/layouts/class-presets';
import { SheetDraft } from '../engine/output/ranking-sheet';
import { rankSheet } from '../usecases/add-sheets';
import { Notice, SheetReport } from '../engine/findings/report';
import { SheetSnapshot } from '../engine/read/snapshot';
import { PaneError } from './messages';

/** A checked table as the pane shows it. */
export interface TableView {
  range: string;
  layoutName: string;
  layoutNameEn: string;
  findings: Finding[];
  notices: TableNotice[];
  /** The measures units can be ranked by in this table, the one it is ranked by by default first. */
  measures: MeasureOption[];
}

/** A measure as the pane offers it: its id, and its name (a declared measure's is in the pane's strings). */
export interface MeasureOption {
  id: MeasureId;
  title: string;
  titleEn: string;
}

export interface SheetView {
  sheet: string;
  notices: Notice[];
  tables: TableView[];
  /** Regions of figures no checked relation covers: shown as their own state, never as "0 lỗi". */
  unchecked: UncheckedRegion[];
}

export interface CheckResult {
  reports: SheetView[];
  crossSheet: CrossSheetLink[];
}

export interface RankRequest {
  sheet: string;
  measure?: MeasureId;
  tier: TierMode;
  preset?: PresetId;
  sheetNames: string[];
  date: Date;
}

export interface EngineClient {
  /** Checks the sheets (and the relations between them when there are several). */
  check(sheets: SheetSnapshot[], progress?: (done: number, total: number) => void | Promise<void>): Promise<CheckResult>;
  /** What recomputing a checked sheet would change. */
  plan(sheet: string, options: PlanOptions): Promise<EditPlan>;
  /** The ranking sheet of a checked sheet's first table with the measure (or any measure). */
  rank(request: RankRequest): Promise<{ draft: SheetDraft; range: string }>;
}

export function viewOf(report: SheetReport): SheetView {
  return {
    sheet: report.sheet,
    notices: report.notices,
    unchecked: report.unchecked,
    tables: report.tables.map((t) => ({
      range: t.range,
      layoutName: t.model.layout.name,
      layoutNameEn: t.model.layout.nameEn,
      findings: t.findings,
      notices: t.notices,
      measures: measureOptions(t),
    })),
  };
}

function measureOptions(table: SheetReport['tables'][number]): MeasureOption[] {
  const first = defaultMeasure(table);
  const all = table.model.layout.measures ?? [];
  return [...(first ? [first] : []), ...all.filter((m) => m !== first)].map(({ id, title, titleEn }) => ({ id, title, titleEn }));
}

/** The engine in this thread: what the worker runs, and what tests use. */
export function localEngine(): EngineClient {
  const checked = new Map<string, { snapshot: SheetSnapshot; report: SheetReport }>();
  const find = (sheet: string) => {
    const known = checked.get(sheet);
    if (!known) throw new PaneError({ code: 'no-table', sheet });
    return known;
  };
  return {
    async check(sheets, progress) {
      const workbook = await checkWorkbookInSteps(sheets, async (done, total) => {
        await progress?.(done, total);
      });
      sheets.forEach((snapshot, i) => checked.set(snapshot.name, { snapshot, report: workbook.sheets[i] }));
      return { reports: workbook.sheets.map(viewOf), crossSheet: sheets.length > 1 ? workbook.crossSheet : [] };
    },

    async plan(sheet, options) {
      const { snapshot, report } = find(sheet);
      return planSheet(snapshot, report, options);
    },

    async rank({ sheet, measure, tier, preset, sheetNames, date }) {
      const { report } = find(sheet);
      let ranked: ReturnType<typeof rankSheet>;
      try {
        ranked = rankSheet(report, { measure, tier, preset }, { sheet, date }, sheetNames);
      } catch (e) {
        // The same rule as the command line: a sheet whose tables lack the measure asked for says which they have.
        if (e instanceof RankingError) throw new PaneError({ code: 'cannot-rank', sheet, vi: e.messageVi, en: e.messageEn });
        throw e;
      }
      if (!ranked) throw new PaneError({ code: 'no-measure', sheet });
      return { draft: ranked.draft, range: ranked.range };
    },
  };
}

/** What goes to the worker and back. */
export type EngineCall = { op: 'check'; sheets: SheetSnapshot[] } | { op: 'plan'; sheet: string; options: PlanOptions } | { op: 'rank'; request: RankRequest };
export type EngineRequest = { id: number } & EngineCall;
export type EngineResponse = { id: number } & ({ ok: true; value: unknown } | { ok: false; pane?: PaneError['pane']; message: string } | { progress: [number, number] });

/** Minimal view of a Worker, so this module compiles without the DOM worker types in every host. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  onmessage: ((event: { data: EngineResponse }) => void) | null;
}

/** The engine in a Web Worker: each call is a message, answered by id. */
export function workerEngine(worker: WorkerLike): EngineClient {
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; progress?: (done: number, total: number) => unknown }>();
  worker.onmessage = ({ data }) => {
    const call = waiting.get(data.id);
    if (!call) return;
    if ('progress' in data) {
      call.progress?.(...data.progress);
      return;
    }
    waiting.delete(data.id);
    if (data.ok) call.resolve(data.value);
    else call.reject(data.pane ? new PaneError(data.pane) : new Error(data.message));
  };
  const ask = <T>(request: EngineCall, progress?: (done: number, total: number) => unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      worker.postMessage({ ...request, id });
    });
  return {
    check: (sheets, progress) => ask({ op: 'check', sheets }, progress),
    plan: (sheet, options) => ask({ op: 'plan', sheet, options }),
    rank: (request) => ask({ op: 'rank', request }),
  };
}

/** The worker's side: runs the local engine on each message. */
export function serveEngine(post: (response: EngineResponse) => void): (request: EngineRequest) => Promise<void> {
  const engine = localEngine();
  return async (request) => {
    try {
      const value =
        request.op === 'check'
          ? await engine.check(request.sheets, (done, total) => post({ id: request.id, progress: [done, total] }))
          : request.op === 'plan'
            ? await engine.plan(request.sheet, request.options)
            : await engine.rank(request.request);
      post({ id: request.id, ok: true, value });
    } catch (e) {
      post({ id: request.id, ok: false, pane: e instanceof PaneError ? e.pane : undefined, message: String((e as Error)?.message ?? e) });
    }
  };
}

/**
 * The engine for the pane: in a Web Worker loaded from `url` (built as engine-worker.js beside the
 * pane), or in this thread where workers cannot be made.
 */
export function paneEngine(url = 'engine-worker.js'): EngineClient {
  if (typeof Worker === 'undefined') return localEngine();
  try {
    const worker = new Worker(url);
    const like: WorkerLike = { postMessage: (message) => worker.postMessage(message), onmessage: null };
    worker.onmessage = (event: MessageEvent<EngineResponse>) => like.onmessage?.({ data: event.data });
    return workerEngine(like);
  } catch {
    return localEngine();
  }
}
