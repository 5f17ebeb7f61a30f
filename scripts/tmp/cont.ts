import { checkWorkbook } from '../../src/engine/check';
import { gridTable } from '../../test/fixtures/grid-shapes';
const t = gridTable('page-break', Number(process.argv[2] ?? 38));
// split the sheet at the second header into two sheets
const cells = t.sheet.cells;
const headerRows = cells.map((r, i) => ((r ?? []).some((c) => c?.bold && typeof c.value === 'string' && /đơn vị|Cơ quan/i.test(String(c.value))) ? i : -1)).filter((i) => i >= 0);
const cut = headerRows[1];
const a = { name: 'Bảng', cells: cells.slice(0, cut) };
const b = { name: 'Bảng (tiếp)', cells: cells.slice(cut) };
const rep = checkWorkbook([a, b]);
for (const s of rep.sheets) { console.log('SHEET', s.sheet, JSON.stringify(s.unchecked.map((u) => [u.range, u.reason])), s.notices.map((n) => n.code)); for (const tb of s.tables) { console.log(' ', tb.range, tb.layout, tb.notices.map((n) => n.code), tb.model.rows.map((r) => r.kind[0]).join('')); for (const f of tb.findings) console.log('   ', f.severity, f.cell, f.message.slice(0, 100)); } }
