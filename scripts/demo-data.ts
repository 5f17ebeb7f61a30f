/**
 * Turns the shipped sample workbook into the demo's simulated workbook (cells with their number
 * formats and bold), so the demo runs in any browser without Excel: npm run demo.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../src/cli/xlsx-reader';

const SAMPLE = path.resolve(__dirname, '..', 'samples', 'bao-cao-cchc-quy-1-2017.xlsx');
const TARGET = path.resolve(__dirname, '..', 'dist', 'demo-data', 'sample-workbook.json');

(async () => {
  const sheets = await readWorkbook(SAMPLE);
  const data = sheets.map((s) => ({
    name: s.name,
    cells: s.cells.flatMap((row, r) => (row ?? []).flatMap((c, col) => (c ? [[r, col, c.value, c.numberFormat ?? null, c.bold ? 1 : 0]] : []))),
  }));
  // A table in a shape PhuLuc does not read (units across the columns): the demo shows how the pane
  // says that its figures were not checked, rather than calling them correct.
  const across = [
    ['KẾT QUẢ GIẢI QUYẾT HỒ SƠ THEO ĐƠN VỊ (bảng ngang)'],
    [],
    ['Chỉ tiêu', 'Huyện Vạn Ninh', 'Thị xã Ninh Hòa', 'Huyện Diên Khánh', 'Tổng'],
    ['Tiếp nhận', 1240, 4758, 2210, 8208],
    ['Đã giải quyết', 1180, 4516, 2105, 7801],
    ['Chưa giải quyết', 60, 242, 105, 407],
  ];
  data.push({ name: 'Bảng ngang', cells: across.flatMap((row, r) => row.map((value, col) => [r, col, value, null, r === 0 || r === 2 ? 1 : 0])) });
  fs.mkdirSync(path.dirname(TARGET), { recursive: true });
  fs.writeFileSync(TARGET, JSON.stringify(data));
  console.log(`wrote ${path.relative(process.cwd(), TARGET)} (${data.length} sheets)`);
})();
