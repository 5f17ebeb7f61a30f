import { checkSheet } from '../../src/engine/check';
import { planSheet } from '../../src/engine/output/edit-plan';
import { scoreTable, plantError, errorKindsOf, SCORE_SHAPES } from '../../test/fixtures/score-tables';
let fails = 0; let total = 0; const kinds: Record<string, number> = {};
for (let i = 0; i < 3000; i++) {
  const shape = SCORE_SHAPES[i % 6]; const seed = 1 + ((i * 7919) % 1000003); const plant = 3 + ((i * 104729) % 999983);
  const table = scoreTable(shape, seed); const k = errorKindsOf(shape); const p = plantError(table, k[plant % k.length], plant); if (!p) continue; total++;
  const report = checkSheet(table.sheet);
  const findings = report.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
  const named = new Set(findings.flatMap((f) => [f.cell, ...(f.carried ?? []).map((c) => c.cell), ...(f.candidates ?? []).map((c) => c.cell)]));
  const changed = planSheet(table.sheet, report, { applySuggestions: true, values: false }).edits.filter((e) => e.changesValue && !named.has(e.cell));
  if (changed.length || !named.has(p.address)) { fails++; const key = `${shape}/${p.kind}/${changed.length ? 'changed' : 'unnamed'}`; kinds[key] = (kinds[key] ?? 0) + 1; if (fails <= 4) console.log(shape, seed, plant, JSON.stringify(p), changed.map((e) => e.cell), findings.map((f) => f.cell + ' ' + f.message.slice(0, 90))); }
}
console.log(fails, '/', total, kinds);
