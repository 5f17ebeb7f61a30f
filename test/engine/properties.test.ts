/**
 * Properties that must hold for any sheet, checked on random and mutilated grids (fast-check):
 * the checker never crashes, never reports a cell outside its table, its corrections mend what
 * they claim to mend, and a consistent table stays consistent whatever the order of its rows
 * and columns.
 */
import fc from 'fast-check';
import { parseAddress } from '../../src/engine/read/address';
import { checkSheet } from '../../src/engine/check';
import { SheetReport } from '../../src/engine/findings/report';
import { CellSnapshot, SheetSnapshot } from '../../src/engine/read/snapshot';
import { generateAppendix, GeneratedLayout } from '../fixtures/generator';
import { snapshotOfSpec } from '../fixtures/spec-snapshot';
import { FixtureCell, SheetSpec } from '../fixtures/workbook-writer';

const RUNS = { numRuns: 60, seed: 20261123 };

/** Words of real headers, so random grids are sometimes recognised as tables. */
const HEADER_WORDS = ['STT', 'Tên đơn vị', 'Hồ sơ nhận', 'Hồ sơ tiếp nhận', 'Đã giải quyết', 'Tỉ lệ', 'Tỷ lệ (%)', 'Đúng hạn', 'Trễ hạn', 'Trước hạn', 'Số lượng', 'Tổng số', 'Chưa giải quyết', 'Trực tuyến', 'Cộng', 'TỔNG', 'Ghi chú'];

const anyCell: fc.Arbitrary<CellSnapshot | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -5, max: 100000 }).map((value) => ({ value })),
  fc.double({ min: -1, max: 2, noNaN: true }).map((value) => ({ value, numberFormat: '0.00%' })),
  fc.double({ noNaN: true }).map((value) => ({ value })),
  fc.constantFrom(...HEADER_WORDS).map((value) => ({ value, bold: true })),
  fc.constantFrom('#REF!', '#DIV/0!', '#VALUE!', '-', '1.234', '2,33%', '45%', '3/4', '23 nhiệm vụ', '<b>x</b>', '&nbsp;', 'I', 'A', '1.', '1.1.', '-', '+', 'x', '').map((value) => ({ value })),
  fc.boolean().map((value) => ({ value })),
  fc.string({ maxLength: 12 }).map((value) => ({ value })),
);

const anyGrid = fc.record({
  cells: fc.array(fc.array(anyCell, { maxLength: 14 }), { maxLength: 40 }),
  merges: fc.array(fc.record({ top: fc.nat(40), left: fc.nat(14), height: fc.nat(3), width: fc.nat(3) }), { maxLength: 4 }),
  hidden: fc.array(fc.nat(40), { maxLength: 4 }),
});

function inside(report: SheetReport): boolean {
  return report.tables.every((t) =>
    t.findings.every((f) => {
      const { row, col } = parseAddress(f.cell);
      const r = t.model.range;
      return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
    }),
  );
}

test('a random grid never crashes the checker, and every finding lies inside its table', () => {
  fc.assert(
    fc.property(anyGrid, ({ cells, merges, hidden }) => {
      const sheet: SheetSnapshot = {
        name: 'Random',
        cells,
        merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.height, right: m.left + m.width })),
        hiddenRows: hidden,
      };
      expect(inside(checkSheet(sheet))).toBe(true);
    }),
    RUNS,
  );
});

/** A small consistent appendix: three groups of eight units and a total. */
function baseSpec(layout: GeneratedLayout): SheetSpec {
  return generateAppendix(layout, 27, 0, 9, 8).spec;
}

const layoutArb = fc.constantFrom<GeneratedLayout>('L4', 'L5', 'L8');

type Mutation = { kind: 'value'; row: number; col: number; value: FixtureCell } | { kind: 'drop'; row: number } | { kind: 'copy'; row: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('value' as const),
    row: fc.nat(30),
    col: fc.nat(17),
    value: fc.oneof(fc.integer({ min: 0, max: 99999 }), fc.constantFrom<FixtureCell>(null, '#REF!', 'abc', '-', '1.234', '12,5%')),
  }),
  fc.record({ kind: fc.constant('drop' as const), row: fc.nat(30) }),
  fc.record({ kind: fc.constant('copy' as const), row: fc.nat(30) }),
);

function mutate(spec: SheetSpec, mutations: Mutation[]): SheetSpec {
  const rows = spec.rows.map((r) => [...r]);
  for (const m of mutations) {
    const row = m.row % rows.length;
    if (m.kind === 'value') rows[row][m.col % rows[row].length] = m.value;
    else if (m.kind === 'drop' && rows.length > 2) rows.splice(row, 1);
    else if (m.kind === 'copy') rows.splice(row, 0, [...rows[row]]);
  }
  return { ...spec, rows, boldRows: [] };
}

test('a mutilated appendix never crashes the checker, and every finding lies inside its table', () => {
  fc.assert(
    fc.property(layoutArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (layout, mutations) => {
      expect(inside(checkSheet(snapshotOfSpec(mutate(baseSpec(layout), mutations))))).toBe(true);
    }),
    RUNS,
  );
});

const ARITHMETIC = new Set(['value-mismatch', 'sum-mismatch', 'rate-mismatch']);
const UNRESOLVED = new Set(['ambiguous-mismatch', 'relation-broken']);

/** Writes a finding's expected value into the cell, as a person accepting it would. */
function accept(sheet: SheetSnapshot, address: string, expected: number): void {
  const { row, col } = parseAddress(address);
  const cell = sheet.cells[row][col];
  const percent = cell?.numberFormat?.includes('%') ?? false;
  sheet.cells[row][col] = { value: percent ? expected / 100 : expected, numberFormat: cell?.numberFormat };
}

test('accepting every correction the checker proposes leaves no arithmetic error', () => {
  const countCell = fc.record({ unit: fc.nat(100), col: fc.integer({ min: 2, max: 12 }), value: fc.integer({ min: 0, max: 5000 }) });
  fc.assert(
    fc.property(layoutArb, fc.array(countCell, { minLength: 1, maxLength: 3 }), (layout, typos) => {
      const spec = baseSpec(layout);
      const rows = spec.rows.map((r) => [...r]);
      // Counts of unit rows only (not group or total rows), changed to another value.
      const unitRows = rows.map((_, i) => i).filter((i) => /^\d+\.\d+\.$/.test(String(rows[i][0])));
      for (const t of typos) {
        const row = unitRows[t.unit % unitRows.length];
        const cell = rows[row][t.col] as { value: number; numFmt?: string };
        if (cell.numFmt?.includes('%')) continue;
        rows[row][t.col] = { ...cell, value: t.value };
      }
      const sheet = snapshotOfSpec({ ...spec, rows });
      const findings = checkSheet(sheet).tables.flatMap((t) => t.findings);
      fc.pre(!findings.some((f) => UNRESOLVED.has(f.rule)));
      for (const f of findings.filter((x) => ARITHMETIC.has(x.rule))) {
        accept(sheet, f.cell, f.expected!);
        for (const c of f.carried ?? []) accept(sheet, c.cell, c.expected!);
      }
      const after = checkSheet(sheet).tables.flatMap((t) => t.findings);
      expect(after.filter((f) => ARITHMETIC.has(f.rule) || UNRESOLVED.has(f.rule))).toEqual([]);
    }),
    RUNS,
  );
});

test('a consistent appendix stays consistent whatever the order of its units and of its columns', () => {
  fc.assert(
    fc.property(layoutArb, fc.integer(), fc.integer(), (layout, rowSeed, colSeed) => {
      const spec = baseSpec(layout);
      // Units are shuffled within their group (a group row keeps its own units).
      const rows = spec.rows.map((r) => [...r]);
      const shuffle = <T>(list: T[], seed: number) => {
        let s = seed >>> 0;
        for (let i = list.length - 1; i > 0; i--) {
          s = (s * 1664525 + 1013904223) >>> 0;
          const j = s % (i + 1);
          [list[i], list[j]] = [list[j], list[i]];
        }
        return list;
      };
      for (let start = 0; start < rows.length; start++) {
        if (!/^\d+\.$/.test(String(rows[start][0]))) continue;
        let end = start + 1;
        while (end < rows.length && /^\d+\.\d+\.$/.test(String(rows[end][0]))) end++;
        rows.splice(start + 1, end - start - 1, ...shuffle(rows.slice(start + 1, end), rowSeed + start));
      }
      // Every column after STT and name moves as a whole. Scattered columns cannot share merged
      // group headers, so each column's header carries its full wording on one row.
      const width = spec.header[0].length;
      const paths = Array.from({ length: width }, (_, c) => {
        const words: string[] = [];
        spec.header.forEach((line, i) => {
          let j = c;
          // A blank cell under a group header belongs to that group.
          if (i < spec.header.length - 1) while (j > 0 && !line[j] && spec.header[i + 1][j]) j--;
          if (line[j] && (j === c || spec.header[i + 1]?.[c])) words.push(line[j]);
        });
        return words.join(' ');
      });
      const order = [0, 1, ...shuffle(Array.from({ length: width - 2 }, (_, i) => i + 2), colSeed)];
      const permute = <T>(r: T[]) => order.map((c) => r[c]);
      const shuffled: SheetSpec = { ...spec, header: [permute(paths)], rows: rows.map(permute) };
      const report = checkSheet(snapshotOfSpec(shuffled));
      expect(report.tables.map((t) => t.layout)).toEqual([layout]);
      expect(report.tables[0].findings).toEqual([]);
    }),
    { ...RUNS, numRuns: 40 },
  );
});
