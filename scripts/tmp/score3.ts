// over-max with the total carried
import { checkSheet } from '../../src/engine/check';
import { sheetOf } from '../../test/fixtures/grid';
const header = ['STT', 'Đơn vị', 'Tiêu chí 1 (10 điểm)', 'Tiêu chí 2 (10 điểm)', 'Tiêu chí 3 (10 điểm)', 'Tổng điểm'];
const rows = [[1, 'Sở A', 8.5, 7.25, 9, 24.75], [2, 'Sở B', 6, 50, 8.5, 64.5], [3, 'Sở C', 9.5, 8, 7.75, 25.25], [4, 'Sở D', 7, 6.5, 8, 21.5], [5, 'Sở E', 5.5, 9.25, 6, 20.75]];
const rep = checkSheet(sheetOf([header, ...rows], 'A3'));
for (const t of rep.tables) { console.log(t.range, t.layout, t.notices.map((n) => n.message)); for (const f of t.findings) console.log(' ', f.severity, f.cell, f.expected, JSON.stringify(f.carried), f.message.slice(0, 260)); }
console.log(JSON.stringify(rep.unchecked));
