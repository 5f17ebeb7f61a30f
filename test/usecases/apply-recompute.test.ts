/**
 * The recompute use case every host runs: refuse a protected sheet before any step, copy a sheet
 * before its first change (and reuse that copy later), write the cells, then the log — in that order.
 */
import { EditPlan } from '../../src/engine/output/edit-plan';
import { applyRecompute, ProtectedSheetError, RecomputeWriter } from '../../src/usecases/apply-recompute';

const plan = (edits: number): EditPlan => ({
  sheet: 'PL VII',
  notices: [],
  edits: Array.from({ length: edits }, (_, i) => ({ cell: `E${i + 5}`, row: i + 4, col: 4, formula: `IFERROR(D${i + 5}/C${i + 5},0)`, value: 0.5, numberFormat: '0.00%', reason: 'rate-formula' as const, old: '50%', changesValue: false })),
});

function writer(sheetNames: string[], isProtected = false): { writer: RecomputeWriter; steps: string[] } {
  const steps: string[] = [];
  return {
    steps,
    writer: {
      sheetNames,
      isProtected: () => isProtected,
      copySheet: (sheet, name) => steps.push(`copy ${sheet} → ${name}`),
      writeEdits: (sheet, edits) => steps.push(`write ${edits.length} in ${sheet}`),
      appendLog: (rows) => steps.push(`log ${rows.length}`),
    },
  };
}

test('a protected sheet is refused before any step', () => {
  const { writer: w, steps } = writer(['PL VII'], true);
  expect(() => applyRecompute(w, plan(3), '2026-11-23 10:00:00')).toThrow(ProtectedSheetError);
  expect(steps).toEqual([]);
});

test('the first change copies the sheet, then writes the cells, then the log', () => {
  const names = ['PL VII'];
  const { writer: w, steps } = writer(names);
  expect(applyRecompute(w, plan(3), '2026-11-23 10:00:00')).toEqual({ backup: 'PL VII (gốc)' });
  expect(steps).toEqual(['copy PL VII → PL VII (gốc)', 'write 3 in PL VII', 'log 1']);
  expect(names).toEqual(['PL VII', 'PL VII (gốc)']);
});

test('a later run keeps the first copy', () => {
  const { writer: w, steps } = writer(['PL VII', 'PL VII (gốc)']);
  expect(applyRecompute(w, plan(1), '2026-11-23 10:00:00')).toEqual({ backup: 'PL VII (gốc)' });
  expect(steps).toEqual(['write 1 in PL VII', 'log 1']);
});

test('nothing to change: no step at all, protected or not', () => {
  for (const isProtected of [false, true]) {
    const { writer: w, steps } = writer(['PL VII'], isProtected);
    expect(applyRecompute(w, plan(0), '2026-11-23 10:00:00')).toEqual({});
    expect(steps).toEqual([]);
  }
});
