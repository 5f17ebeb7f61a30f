import { checkSheet } from '../../src/engine/check';
import { gridTable, injectTypos, typosFor, ShapeKind } from '../../test/fixtures/grid-shapes';
import { proposedFor } from '../../test/fixtures/presentations';
const kind = (process.argv[2] ?? 'small-two-typos') as ShapeKind;
for (let i = 1; i <= 100; i++) {
  const table = gridTable(kind, i * 31 + 7);
  const typos = injectTypos(table, typosFor(kind), i * 17 + 3);
  const res = checkSheet(table.sheet);
  const found = res.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
  for (const t of typos) {
    const p = proposedFor(found as any, t);
    if (p === undefined || p === null || Math.abs(p - t.expected) >= 0.011) {
      console.log(`#${i} miss ${t.address} ${t.kind} written ${t.written} expected ${t.expected}; tables=${res.tables.length} unchecked=${JSON.stringify((res as any).unchecked ?? '')}`);
      for (const f of found) console.log('   ', f.cell, f.expected, f.message?.slice(0, 140));
      const rows = table.sheet.cells.slice(3, 14).map((r) => (r ?? []).map((c) => c?.text ?? c?.value ?? '').join(' | '));
      console.log(rows.join('\n'));
    }
  }
}
