import { checkSheet } from '../../src/engine/check';
import { scoreTable, plantError, errorKindsOf, ScoreShape } from '../../test/fixtures/score-tables';
const shape = process.argv[2] as ScoreShape; const clean = process.argv[3] === 'clean';
const kinds = errorKindsOf(shape); let shown = 0;
for (let i = 1; i <= 60 && shown < 6; i++) {
  const table = scoreTable(shape, i * 37 + 11);
  if (clean) { const fl = checkSheet(table.sheet).tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info'); if (fl.length) { shown++; console.log('#', i, fl.map((f) => `${f.cell} ${f.expected} ${f.message.slice(0, 200)}`)); } continue; }
  const p = plantError(table, kinds[i % kinds.length], i * 13 + 5)!;
  const rep = checkSheet(table.sheet);
  const fl = rep.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
  const ok = fl.some((f) => f.cell === p.address || f.candidates?.some((c) => c.cell === p.address));
  if (!ok || process.argv[3] === 'all') { shown++; console.log('#', i, JSON.stringify(p), rep.tables.map((t) => t.layout + ' ' + t.notices.map((n) => n.message.slice(0, 150)).join(' | '))); for (const f of fl) console.log('   ', f.cell, f.expected, f.message.slice(0, 200)); }
}
