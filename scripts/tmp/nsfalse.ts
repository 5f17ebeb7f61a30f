import { checkWorkbook } from '../../src/engine/check';
import { gridTable, injectTypos } from '../../test/fixtures/grid-shapes';
let shown = 0;
for (let i = 1; i <= 100 && shown < 6; i++) {
  const t = gridTable('next-sheet', i * 31 + 7);
  const typos = injectTypos(t, 1, i * 17 + 3);
  const rep = checkWorkbook(t.sheets);
  const fl = rep.sheets.flatMap((s) => s.tables.flatMap((x) => x.findings).filter((f) => f.severity !== 'info').map((f) => ({ ...f, sheet: s.sheet })));
  const bad = fl.filter((f) => !typos.some((ty) => (ty.sheet ?? 'Bảng') === f.sheet && (f.cell === ty.address || f.candidates?.some((c) => c.cell === ty.address))));
  if (bad.length) { shown++; console.log('#', i, JSON.stringify(typos)); for (const f of fl) console.log('   ', f.sheet, f.cell, f.expected, f.candidates ? 'cands' : '', f.message.slice(0, 150)); }
}
