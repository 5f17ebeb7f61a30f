import { checkSheet } from '../../src/engine/check';
import { sortOf } from '../../src/engine/read/cell-sort';
import { sheetOf } from '../../test/fixtures/grid';
const sheet = sheetOf([['STT', 'Đơn vị', 'Công khai (30 điểm)', 'Tiến độ (30 điểm)', 'Số hóa (40 điểm)', 'Tổng điểm', 'Xếp loại'], [1, 'Sở A', 27.5, 26, 36.25, 89.75, 'Tốt'], [2, 'Sở B', 25, 24.5, 31, 80.5, 'Tốt'], [3, 'Sở C', 29, 28.75, 38, 95.75, 'Xuất sắc'], [7, 'Ban Dân tộc', 'N/A', 'N/A', 'N/A', 'N/A', '']], 'A3');
console.log([0,1,2,3,4,5].map((c) => sortOf(sheet, 6, c)));
const t = checkSheet(sheet).tables[0]; console.log(t.range, t.model.rows.map((r) => r.label));
