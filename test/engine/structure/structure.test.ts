/**
 * Structure proven by the numbers: random consistent hierarchical tables (1–3 levels, 1–300 units)
 * in every way received tables show their structure, and in combinations of them, check clean and
 * `fix` changes no value; one keystroke typo (in a unit, a group row or a rate) is found at its cell
 * with its value, and nothing else is flagged.
 */
import fc from 'fast-check';
import { checkSheet } from '../../../src/engine/check';
import { planSheet } from '../../../src/engine/output/edit-plan';
import { Finding } from '../../../src/engine/findings/finding';
import { SheetReport } from '../../../src/engine/findings/report';
import { keyOf } from '../../../src/engine/relations/relations';
import { SheetSnapshot } from '../../../src/engine/read/snapshot';
import { GridCell, L4_HEADER, l4Row, sheetOf } from '../../fixtures/grid';
import { presentationArb, shapeArb } from '../../fixtures/presentation-arbitraries';
import { injectTypo, present, PresentedTable, proposedFor, random } from '../../fixtures/presentations';
import { snapshotOfSpec } from '../../fixtures/spec-snapshot';

// Mostly small tables, sometimes up to 300 units.
const shapes = shapeArb(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 300 })));
const presentations = presentationArb();

const RUNS = { numRuns: Number(process.env.RUNS ?? 120), seed: Number(process.env.SEED ?? 20261124) };

const flagged = (report: SheetReport): Finding[] => report.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');

/** Edits of the plan that would change a value no finding names (rates compared in percent). */
function unexplainedChanges(sheet: SheetSnapshot, report: SheetReport): string[] {
  const named = new Set(flagged(report).flatMap((f) => [f.cell, ...(f.carried ?? []).map((c) => c.cell), ...(f.candidates ?? []).map((c) => c.cell)]));
  const out: string[] = [];
  for (const e of planSheet(sheet, report, { applySuggestions: false, values: false }).edits) {
    if (named.has(e.cell)) continue;
    const cells = report.tables.find((t) => t.relations.cells.indexOf(keyOf(e.row, e.col)) >= 0)?.relations.cells;
    const before = cells?.value(keyOf(e.row, e.col));
    const rate = e.numberFormat.includes('%');
    const after = rate ? e.value * 100 : e.value;
    if (before === undefined || Math.abs(before - after) > (rate ? 0.0051 : 1e-9)) out.push(`${e.cell}: ${before} → ${after}`);
  }
  return out;
}

/**
 * Units whose on-time rate differs by definition (over resolved or over received): with fewer than
 * two, a table cannot show which definition it follows, and one such row reads as a typo; with a
 * typo in a count of one of them, it takes three.
 */
function tellingRows(table: PresentedTable): number {
  const rows = new Map<number, number[]>();
  for (const f of table.figures) if (f.level === 'unit') rows.set(f.bodyIndex, [...(rows.get(f.bodyIndex) ?? []), f.value]);
  return [...rows.values()].filter(([received, resolved, , , , onTime]) => received && resolved && Math.abs((100 * onTime) / received - (100 * onTime) / resolved) > 0.02).length;
}

test('a consistent table checks clean and fix changes no value, however its structure is shown', () => {
  fc.assert(
    fc.property(shapes, presentations, (shape, how) => {
      const table = present(shape, how);
      fc.pre(how.definitions !== 'on-time-over-received' || tellingRows(table) >= 2);
      const sheet = snapshotOfSpec(table.spec);
      const report = checkSheet(sheet);
      expect(report.tables.map((t) => t.layout)).toEqual(['L4']);
      expect(flagged(report)).toEqual([]);
      const codes = report.tables[0].notices.map((n) => n.code);
      expect(codes).not.toContain('unconfirmed-grouping');
      expect(codes).not.toContain('rate-not-confirmed');
      expect(unexplainedChanges(sheet, report)).toEqual([]);
    }),
    RUNS,
  );
});

test('one keystroke typo is found at its cell with its value, and nothing else is flagged', () => {
  fc.assert(
    fc.property(shapes, presentations, fc.double({ min: 0, max: 0.999, noNaN: true }), (shape, how, pick) => {
      const table = present(shape, how);
      fc.pre(how.definitions !== 'on-time-over-received' || tellingRows(table) >= 3);
      const typo = injectTypo(table, pick, random(shape.seed + 1), how.textNumbers);
      fc.pre(typo !== undefined);
      // Without the row identity and without any sum, a wrong count and a wrong rate over it are
      // one relation apart: nothing can tell which is the typo.
      fc.pre(how.definitions !== 'returned-missing' || shape.levels > 1 || how.total !== 'none');
      const sheet = snapshotOfSpec(table.spec);
      const report = checkSheet(sheet);
      const found = flagged(report);
      expect(found).toHaveLength(1);
      expect(proposedFor(found, typo!)).toBeCloseTo(typo!.expected, 2);
      expect(unexplainedChanges(sheet, report)).toEqual([]);
    }),
    RUNS,
  );
});

/** received, early, on time, late; resolved and unresolved follow. */
const row = (stt: string, name: string, counts: [number, number, number, number], bold = false): GridCell[] =>
  l4Row(stt, name, ...counts).map((c, i) => (bold && i < 2 && typeof c === 'string' ? { value: c, bold: true } : c));

test('numbering that says otherwise is overruled by the numbers, and the table says so', () => {
  // The district's number stands in the STT column, its communes are numbered 1, 2 as if they were
  // districts: by numbering the communes are siblings of their district; by the numbers, its children.
  const sheet = sheetOf([
    ...L4_HEADER,
    row('1', 'Huyện A', [30, 15, 3, 2], true),
    row('2', 'Xã A1', [10, 6, 1, 1]),
    row('3', 'Xã A2', [20, 9, 2, 1]),
    row('4', 'Huyện B', [7, 4, 1, 0], true),
    row('5', 'Xã B1', [7, 4, 1, 0]),
    row('', 'Tổng cộng', [37, 19, 4, 2], true),
  ]);
  const report = checkSheet(sheet);
  expect(flagged(report)).toEqual([]);
  expect(report.tables[0].notices.map((n) => n.code)).toEqual(['grouping-from-numbers']);
  const model = report.tables[0].model;
  expect(model.roots.map((r) => [r.label, r.children.map((c) => c.label)])).toEqual([
    ['Huyện A', ['Xã A1', 'Xã A2']],
    ['Huyện B', ['Xã B1']],
  ]);
  expect(model.totals[0].covers?.map((r) => r.label)).toEqual(['Huyện A', 'Huyện B']);
});

test('a grouping the numbers do not bear out is said once and its sums are not checked', () => {
  // Bold rows that are not the sum of the rows under them in any column: not a group at all.
  const sheet = sheetOf([
    ...L4_HEADER,
    row('1', 'Sở A', [50, 30, 5, 3], true),
    row('2', 'Sở B', [10, 6, 1, 1]),
    row('3', 'Sở C', [20, 9, 2, 1]),
    row('4', 'Sở D', [15, 10, 3, 1], true),
    row('5', 'Sở E', [7, 4, 1, 0]),
  ]);
  sheet.cells[2][0] = undefined;
  sheet.cells[5][0] = undefined;
  const report = checkSheet(sheet);
  expect(flagged(report)).toEqual([]);
  expect(report.tables[0].notices.map((n) => n.code)).toEqual(['unconfirmed-grouping']);
  expect(report.tables[0].notices[0].message).toContain('Không xác nhận được cách nhóm của 2 dòng');
  expect(planSheet(sheet, report, { applySuggestions: false, values: false }).edits.filter((e) => e.reason === 'sum-formula')).toEqual([]);
});

test('a typo in a group row is found at the group row, however the group is shown', () => {
  // Subtotal rows after their communes, no heading row: "Cộng huyện A" breaks in one column only.
  const sheet = sheetOf([
    ...L4_HEADER,
    row('1', 'Xã A1', [10, 6, 1, 1]),
    row('2', 'Xã A2', [20, 9, 2, 1]),
    row('', 'Cộng huyện A', [30, 15, 3, 2], true),
    row('1', 'Xã B1', [7, 4, 1, 0]),
    row('', 'Cộng huyện B', [7, 4, 1, 0], true),
    row('', 'Tổng cộng', [37, 19, 4, 2], true),
  ]);
  sheet.cells[4][5] = { value: 155 }; // early of "Cộng huyện A": 15 typed 155
  const report = checkSheet(sheet);
  expect(flagged(report).map((f) => [f.cell, f.expected])).toEqual([['F5', 15]]);
});

test('in a table of one count column, a "Cộng" row that does not add up is still reported', () => {
  const sheet = sheetOf([
    ['STT', 'Cơ quan, đơn vị', 'Số hồ sơ trực tuyến mức độ 3 (trở lên)'],
    [1, 'Sở A', 10],
    [2, 'Sở B', 25],
    ['Cộng:', '', 36],
  ]);
  expect(flagged(checkSheet(sheet)).map((f) => f.cell)).toEqual(['C4']);
});
