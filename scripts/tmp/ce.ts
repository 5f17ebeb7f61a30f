import { checkSheet } from '../../src/engine/check';
import { planSheet } from '../../src/engine/output/edit-plan';
import { scoreTable, plantError, errorKindsOf } from '../../test/fixtures/score-tables';
const [shape, seed, plant] = ['header-maxima', 1073741798, 411052567] as const;
const table = scoreTable(shape, seed);
const kinds = errorKindsOf(shape);
console.log(plantError(table, kinds[plant % kinds.length], plant));
const report = checkSheet(table.sheet);
for (const t of report.tables) for (const f of t.findings) console.log(f.severity, f.cell, f.expected, f.message.slice(0, 200));
console.log(planSheet(table.sheet, report, { applySuggestions: true, values: false }).edits.filter((e) => e.changesValue).map((e) => [e.cell, e.old, e.value]));
for (const r of table.sheet.cells.slice(2, 12)) console.log((r ?? []).map((c) => c?.value ?? '').join(' | '));
for (const t of report.tables) console.log(t.notices.map((n) => n.message), [...t.model.columns.values()].map((c) => c.key + ':' + c.col), t.model.layout.columns.map((c) => c.key + ':' + c.role));
import { ranksOf } from '../../src/engine/tables/rank-columns';
const t0 = report.tables[0];
const written = [7,2,3,4,8,4,6,1];
for (const c of [2,3,4,5,6,7]) { const vals = t0.model.rows.map((r) => t0.relations.cells.figureAt(r.row, c)); for (const hf of [true,false]) for (const st of ['competition','dense'] as const) { const e = ranksOf(vals, hf, st); const fails = e.filter((x, i) => x !== written[i]).length; if (fails <= 2) console.log(c, hf, st, fails, e.join(',')); } }
