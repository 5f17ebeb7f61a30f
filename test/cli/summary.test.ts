import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { TEXT_SHEETS } from '../fixtures/seed-sheets';
import { writeWorkbook } from '../fixtures/workbook-writer';

let input: string;

beforeAll(async () => {
  input = await writeWorkbook([TEXT_SHEETS.find((s) => s.id === '002-01')!.spec(), TEXT_SHEETS.find((s) => s.id === '000-02')!.spec()]);
});

async function summarise(sheet: string): Promise<{ out: string; wb: ExcelJS.Workbook }> {
  let out = '';
  const file = input.replace('.xlsx', `-${sheet.replace(/\s/g, '')}.xlsx`);
  const code = await run(['summary', input, '--sheet', sheet, '-o', file], { out: (t) => (out += t), err: (t) => (out += t) });
  expect(code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { out, wb };
}

test('a task table gets a formatted summary per section and overall', async () => {
  const { out, wb } = await summarise('PL 1');
  expect(out).toBe('Đã thêm trang "Tổng hợp – PL 1" vào ' + input.replace('.xlsx', '-PL1.xlsx') + '.');
  const ws = wb.getWorksheet('Tổng hợp – PL 1')!;
  expect(ws.getCell('A1').value).toBe('TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ');
  const header = (ws.getRow(5).values as ExcelJS.CellValue[]).slice(1);
  expect(header).toEqual(['Mục', 'Số nhiệm vụ', 'Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Chưa đến hạn', 'Chưa báo cáo', 'Tỉ lệ hoàn thành']);
  const row = (r: number) => (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1);
  expect(row(6)).toEqual(['I. Cải cách thể chế', 9, 8, 1, 0, 0, 0, 8 / 9]);
  expect(row(13)).toEqual(['Tổng cộng', 60, 52, 4, 4, 0, 0, 52 / 60]);
  expect(ws.getCell('H13').numFmt).toBe('0.00%');
});

test('a checklist gets its compliance ranking', async () => {
  const { wb } = await summarise('PL II');
  const ws = wb.getWorksheet('Tổng hợp – PL II')!;
  expect(String(ws.getCell('A5').value)).toContain('Có Báo cáo CCHC Quý I/2017: 40 đã có, 5 trễ, 0 chưa có.');
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((r, i) => i > 8 && rows.push((r.values as ExcelJS.CellValue[]).slice(1)));
  expect(rows).toHaveLength(45);
  // 28 units met all three on time (24 of the first block: 27 with an outreach plan less 3 late reports;
  // 4 of the second: 5 less 1) and share rank 1, in Vietnamese name order.
  expect(rows[0]).toEqual([1, 'Ban QL KDL Bán đảo Cam Ranh', 'Đã có', 'Đã có', 'Đã có', 3]);
  expect(rows.filter((r) => r[0] === 1)).toHaveLength(28);
  expect(rows[44]).toEqual([45, 'Trường Chính trị tỉnh', 'Chưa có', 'Chưa có', 'Đã có', 1]);
});

test('a sheet with neither is refused with a message', async () => {
  const file = await writeWorkbook([{ name: 'Khac', title: [], header: [['Họ và tên', 'Số điện thoại']], rows: [['A', '1']] }]);
  let err = '';
  expect(await run(['summary', file, '--sheet', 'Khac', '-o', file.replace('.xlsx', '-o.xlsx')], { out: () => undefined, err: (t) => (err += t) })).toBe(2);
  expect(err).toContain('không có bảng tiến độ nhiệm vụ hay bảng tình hình báo cáo');
});
