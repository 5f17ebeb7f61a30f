import { checkSheet } from '../../src/engine/check';
import { sheetOf } from '../../test/fixtures/grid';
const rows = [
  ['Khối sở, ban, ngành', '', '', 'Khối UBND cấp xã', ''],
  ['Đơn vị', 'Điểm', '', 'Đơn vị', 'Điểm'],
  ['Sở Nội vụ', '94,75', '', 'Xã Cam Hải', '91,20'],
  ['Sở Tư pháp', '89,50', '', 'Xã Diên Lạc', '88,75'],
  ['Sở Tài chính', '88,50', '', 'Phường Bắc Nha Trang', '86,10'],
  ['Sở Y tế', '82,25', '', 'Xã Ninh Hòa', '84,00'],
  ['Sở Xây dựng', '77,25', '', 'Xã Cam Lâm', '80,50'],
];
const rep = checkSheet(sheetOf(rows, 'A3'));
for (const t of rep.tables) { console.log(t.range, t.layout, t.notices.map((n) => n.code)); for (const f of t.findings) console.log(' ', f.cell, f.message.slice(0, 100)); }
console.log(JSON.stringify(rep.unchecked.map((u) => [u.range, u.reason])), rep.notices.map((n) => n.code));
