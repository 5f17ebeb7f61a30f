import { checkSheet } from '../../src/engine/check';
import { scoreTable, plantError, errorKindsOf, ScoreShape } from '../../test/fixtures/score-tables';
const shape = process.argv[2] as ScoreShape; const kinds = errorKindsOf(shape);
for (let i = 1; i <= 60; i++) {
  const table = scoreTable(shape, i * 37 + 11);
  const p = plantError(table, kinds[i % kinds.length], i * 13 + 5)!;
  const fl = checkSheet(table.sheet).tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
  const bad = fl.filter((f) => !(f.cell === p.address || f.candidates?.some((c) => c.cell === p.address)));
  if (bad.length) { console.log('#', i, JSON.stringify(p)); for (const f of bad) console.log('   ', f.cell, f.expected, f.message.slice(0, 250)); }
}
