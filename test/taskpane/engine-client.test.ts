import { EngineRequest, EngineResponse, localEngine, workerEngine, WorkerLike } from '../../src/taskpane/engine-client';
import { serveEngine } from '../../src/taskpane/local-engine';
import { PaneError } from '../../src/taskpane/messages';
import { snapshotOfSpec } from '../fixtures/spec-snapshot';
import { SEED_SHEETS } from '../fixtures/seed-sheets';

/** A worker in this thread: messages cross asynchronously and as structured clones, as to a real one. */
function channel(): WorkerLike {
  const like: WorkerLike = {
    postMessage: (message: EngineRequest) => setTimeout(() => void serve(structuredClone(message))),
    onmessage: null,
  };
  const serve = serveEngine((response: EngineResponse) => setTimeout(() => like.onmessage?.({ data: structuredClone(response) })));
  return like;
}

const sheets = ['000-06', '000-07'].map((id) => snapshotOfSpec(SEED_SHEETS.find((s) => s.id === id)!.spec()));

test('the engine behind messages answers as the engine in this thread does: check, plan, rank, and its errors', async () => {
  const local = localEngine();
  const remote = workerEngine(channel());
  const progress: string[] = [];
  const [a, b] = await Promise.all([local.check(sheets), remote.check(sheets, (done, total) => void progress.push(`${done}/${total}`))]);
  expect(b).toEqual(a);
  expect(b.reports.flatMap((r) => r.tables.flatMap((t) => t.findings)).length).toBeGreaterThan(0);
  expect(progress).toEqual(['1/2', '2/2']);
  const options = { applySuggestions: true, values: false };
  expect(await remote.plan('PL VI', options)).toEqual(await local.plan('PL VI', options));
  const request = { sheet: 'PL VI', measure: 'late' as const, tier: 'groups' as const, preset: 'khanh-hoa' as const, sheetNames: ['PL V', 'PL VI'], date: new Date(2026, 10, 23) };
  expect(await remote.rank(request)).toEqual(await local.rank(request));
  await expect(remote.plan('PL IX', options)).rejects.toBeInstanceOf(PaneError);
  await expect(remote.plan('PL IX', options)).rejects.toMatchObject({ pane: { code: 'no-table', sheet: 'PL IX' } });
});
