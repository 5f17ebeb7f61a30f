/**
 * Turns the shipped sample workbook into the demo's simulated workbook (cells with their number
 * formats and bold), so the demo runs in any browser without Excel: npm run demo.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../src/cli/xlsx-reader';

const SAMPLE = path.resolve(__dirname, '..', 'samples', 'bao-cao-cchc-quy-1-2017.xlsx');
// A table of index scores, to rank with one click (its total, its classes, a chart).
const SCORES = path.resolve(__dirname, '..', 'samples', 'chi-so-cchc-2025.xlsx');
const TARGET = path.resolve(__dirname, '..', 'dist', 'demo-data', 'sample-workbook.json');

(async () => {
  const sheets = [...(await readWorkbook(SAMPLE)), ...(await readWorkbook(SCORES))];
  const data = sheets.map((s) => ({
    name: s.name,
    cells: s.cells.flatMap((row, r) => (row ?? []).flatMap((c, col) => (c ? [[r, col, c.value, c.numberFormat ?? null, c.bold ? 1 : 0]] : []))),
  }));
  // Figures no relation ties together (votes of a survey, units across the columns, no total): the
  // demo shows how the pane says that they were not checked, rather than calling them correct.
  const survey = [
    ['KHẢO SÁT MỨC ĐỘ HÀI LÒNG THEO ĐƠN VỊ'],
    [],
    ['Mức độ', 'Huyện Vạn Ninh', 'Thị xã Ninh Hòa', 'Huyện Diên Khánh', 'Huyện Cam Lâm'],
    ['Rất hài lòng', 412, 1290, 655, 387],
    ['Hài lòng', 230, 874, 402, 219],
    ['Chưa hài lòng', 17, 58, 31, 12],
  ];
  data.push({ name: 'Khảo sát', cells: survey.flatMap((row, r) => row.map((value, col) => [r, col, value, null, r === 0 || r === 2 ? 1 : 0])) });
  fs.mkdirSync(path.dirname(TARGET), { recursive: true });
  fs.writeFileSync(TARGET, JSON.stringify(data));
  console.log(`wrote ${path.relative(process.cwd(), TARGET)} (${data.length} sheets)`);
})();
