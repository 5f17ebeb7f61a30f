import { scoreTable } from '../../test/fixtures/score-tables';
import { extractTables } from '../../src/engine/tables/tables';
import { readScoreCells } from '../../src/engine/structure/score-cells';
import { proveScoreStructure } from '../../src/engine/structure/score-structure';
const t = scoreTable(process.argv[2] as any, Number(process.argv[3]) * 37 + 11);
for (const m of extractTables(t.sheet)) { if (!m.scores) { console.log('not score', m.layout.id); continue; } const cells = readScoreCells(t.sheet, m); const s = proveScoreStructure(m, cells); console.log(JSON.stringify(s.sums), [...s.maxima].map(([c, v]) => c + ':' + v.value).join(' '), JSON.stringify(s.indices)); console.log([...m.columns.values()].map((c) => c.col + ' ' + c.headerText).join('\n')); }
for (const r of t.sheet.cells.slice(2, 9)) console.log((r ?? []).map((c) => c?.value ?? '').join(' | '));
