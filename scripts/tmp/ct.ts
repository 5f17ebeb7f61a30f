import { checkWorkbook } from '../../src/engine/check';
import { gridTable } from '../../test/fixtures/grid-shapes';
const table = gridTable('next-sheet', 38);
const totals = table.figures.filter((f) => f.sheet && !f.unit && f.kind === 'count');
const cell = totals[0];
console.log(cell);
table.sheets[1].cells[cell.row][cell.col] = { value: cell.value + 100 };
for (const f of checkWorkbook(table.sheets).sheets[1].tables[0].findings) console.log(f.cell, f.expected, f.message);
for (const r of table.sheets[1].cells.slice(0, 12)) console.log((r ?? []).map((c) => c?.value ?? '').join(' | '));
