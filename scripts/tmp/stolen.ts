import { checkSheet } from '../../src/engine/check';
import { gridTable, SHAPE_KINDS } from '../../test/fixtures/grid-shapes';
for (const kind of SHAPE_KINDS) { let n = 0; let ex = ''; for (let i = 1; i <= 100; i++) { const t = gridTable(kind, i * 31 + 7); const rep = checkSheet(t.sheet); const sc = rep.tables.filter((x) => x.layout === 'SC'); if (sc.length) { n++; if (!ex) ex = sc[0].model.headerRows.map((r) => (t.sheet.cells[r] ?? []).map((c) => c?.value).join('|')).join(' // '); } } console.log(kind, n, ex); }
