/**
 * The engine as the pane uses it: check, plan a recompute, draft a ranking sheet. The full reports
 * (cells, relations) stay with the engine; the pane gets plain views of them to show. In Office and
 * the demo the engine runs in a Web Worker (engine-worker.ts), so a 100,000-row check never freezes
 * the pane; tests use the same engine in-process.
 */
import type { UncheckedRegion } from '../engine/findings/coverage';
import type { CrossSheetLink } from '../engine/findings/cross-sheet';
import type { EditPlan, PlanOptions } from '../engine/output/edit-plan';
import type { Finding, TableNotice } from '../engine/findings/finding';
import type { MeasureId } from '../engine/layouts';
import type { TierMode } from '../engine/output/ranking';
import type { PresetId } from '../engine/layouts/class-presets';
import type { SheetDraft } from '../engine/output/ranking-sheet';
import type { Notice } from '../engine/findings/report';
import type { SheetSnapshot } from '../engine/read/snapshot';
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
  /** Bands the user typed, read by the engine (typedBands). */
  bands?: string;
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

/**
 * The engine in this thread (tests, and a pane without workers): loaded on first use, so the pane's
 * own bundle stays small — in Office the engine runs in the worker.
 */
export function localEngine(): EngineClient {
  let loaded: Promise<EngineClient> | undefined;
  const engine = () => (loaded ??= import(/* webpackChunkName: "engine" */ './local-engine').then((m) => m.inThreadEngine()));
  return {
    check: async (sheets, progress) => (await engine()).check(sheets, progress),
    plan: async (sheet, options) => (await engine()).plan(sheet, options),
    rank: async (request) => (await engine()).rank(request),
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
