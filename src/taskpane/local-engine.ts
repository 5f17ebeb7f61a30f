/**
 * The engine run in this thread, behind the pane's EngineClient: checks keep their full reports
 * here, and the pane gets plain views. The worker serves it (engine-worker.ts); a pane without
 * workers loads it on demand (engine-client.ts).
 */
import { checkWorkbookInSteps } from '../engine/check';
import { planSheet } from '../engine/output/edit-plan';
import { defaultMeasure, RankingError, typedBands } from '../engine/output/ranking';
import { rankSheet } from '../usecases/add-sheets';
import { SheetReport } from '../engine/findings/report';
import { SheetSnapshot } from '../engine/read/snapshot';
import { EngineClient, EngineRequest, EngineResponse, MeasureOption, SheetView } from './engine-client';
import { PaneError } from './messages';

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
export function inThreadEngine(): EngineClient {
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

    async rank({ sheet, measure, tier, preset, bands: typed, sheetNames, date }) {
      const { report } = find(sheet);
      const bands = typed === undefined ? undefined : typedBands(typed);
      if (typed !== undefined && !bands) throw new PaneError({ code: 'bands-unreadable', text: typed });
      let ranked: ReturnType<typeof rankSheet>;
      try {
        ranked = rankSheet(report, { measure, tier, preset, bands }, { sheet, date }, sheetNames);
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

/** The worker's side: runs the local engine on each message. */
export function serveEngine(post: (response: EngineResponse) => void): (request: EngineRequest) => Promise<void> {
  const engine = inThreadEngine();
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

