/**
 * Issue 7's acceptance: 000 Phụ lục V by on-time rate and 000 Phụ lục VII by late rate within each
 * district, against orders computed by hand from the seed numbers; and the sheet as printed.
 */
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { rankWorkbook, RankResult } from '../../src/cli/xlsx-ranking';
import { SEED_SHEETS } from '../fixtures/seed-sheets';
import { writeWorkbook } from '../fixtures/workbook-writer';

let input: string;
const spec = (id: string) => SEED_SHEETS.find((s) => s.id === id)!.spec();

beforeAll(async () => {
  input = await writeWorkbook([spec('000-06'), spec('000-08')]);
});

test('000 Phụ lục V by on-time rate ((early + on time) / resolved), Khánh Hòa classes', async () => {
  const { ranking } = await rankWorkbook(input, input.replace('.xlsx', '-v.xlsx'), 'PL V', { measure: 'on-time', preset: 'khanh-hoa' });
  expect(ranking.groups).toHaveLength(1);
  // Six departments resolved everything on time: one shared rank 1, ordered by resolved dossiers
  // (3525, 364, 288, 171, 25, 18); the next rank is 7. By hand from the seed.
  expect(ranking.groups[0].units.map((u) => [u.rank, u.name, u.className])).toEqual([
    [1, 'Sở Công thương', 'Tốt'],
    [1, 'Sở Lao động - Thương binh và Xã hội', 'Tốt'],
    [1, 'Văn phòng UBND tỉnh', 'Tốt'],
    [1, 'Sở Giáo dục và Đào tạo', 'Tốt'],
    [1, 'Sở Thông tin và Truyền thông', 'Tốt'],
    [1, 'Sở Khoa học và Công nghệ', 'Tốt'],
    [7, 'Sở Giao thông Vận tải', 'Tốt'], // 2927 / 2928 = 99.97 %
    [8, 'Sở Tư pháp', 'Tốt'], // 1316 / 1318
    [9, 'Sở Tài chính', 'Tốt'], // 477 / 478
    [10, 'Sở Y tế', 'Tốt'], // 537 / 542 = 99.08 %
    [11, 'Sở Tài nguyên và Môi trường', 'Tốt'], // 1392 / 1405 = 99.07 %
    [12, 'Sở Nội vụ', 'Tốt'],
    [13, 'Sở Nông nghiệp và Phát triển NT', 'Tốt'],
    [14, 'Ban Quản lý KKT Vân Phong', 'Tốt'],
    [15, 'Sở Xây dựng', 'Tốt'],
    [16, 'Sở Văn hóa - Thể thao và DL', 'Tốt'],
    [17, 'Sở Ngoại vụ', 'Tốt'], // 30 / 32 = 93.75 %
    [18, 'Sở Kế hoạch và Đầu tư', 'Trung bình'], // 1301 / 1680 = 77.44 %
  ]);
});

describe('000 Phụ lục VII by late rate, communes within each district', () => {
  let result: RankResult;
  beforeAll(async () => {
    result = await rankWorkbook(input, input.replace('.xlsx', '-vii.xlsx'), 'PL VII', { measure: 'late', preset: 'khanh-hoa' });
  });
  const group = (title: string) => result.ranking.groups.find((g) => g.title === title)!;

  test('one ranking per district, in the table\'s order', () => {
    expect(result.ranking.groups.map((g) => g.title)).toEqual([
      'Thành phố Nha Trang',
      'Huyện Cam Lâm',
      'Huyện Khánh Vĩnh',
      'Huyện Vạn Ninh',
      'Huyện Khánh Sơn',
      'Huyện Diên Khánh',
      'Thị xã Ninh Hòa',
      'Thành phố Cam Ranh',
    ]);
  });

  test('Huyện Cam Lâm, by hand', () => {
    expect(group('Huyện Cam Lâm').units.map((u) => `${u.rank} ${u.name}`)).toEqual([
      '1 UBND xã Cam Hiệp Nam', // 0 / 521
      '1 UBND xã Sơn Tân', // 0 / 6
      '3 UBND xã Cam Hòa', // 3 / 455
      '4 UBND xã Cam Hiệp Bắc', // 4 / 235
      '5 UBND xã Cam An Bắc', // 11 / 355
      '6 UBND xã Suối Tân', // 18 / 439
      '7 UBND xã Cam Hải Đông', // 5 / 81
      '8 UBND thị trấn Cam Đức', // 21 / 245
      '9 UBND xã Cam Thành Bắc', // 29 / 249
      '10 UBND xã Suối Cát', // 17 / 133
      '11 UBND xã Cam Tân', // 23 / 142
      '12 UBND xã Cam An Nam', // 20 / 76
      '13 UBND xã Cam Phước Tây', // 42 / 130
      '14 UBND xã Cam Hải Tây', // 53 / 92
    ]);
  });

  test('Huyện Khánh Vĩnh: eleven communes without a late dossier share rank 1, the next is 12', () => {
    const units = group('Huyện Khánh Vĩnh').units;
    expect(units.filter((u) => u.rank === 1)).toHaveLength(11);
    expect(units.slice(0, 3).map((u) => u.name)).toEqual(['UBND xã Khánh Thượng', 'UBND xã Khánh Phú', 'UBND xã Khánh Nam']);
    expect(units.slice(11).map((u) => `${u.rank} ${u.name}`)).toEqual(['12 UBND Thị trấn Khánh Vĩnh', '13 UBND xã Cầu Bà', '14 UBND xã Khánh Hiệp']);
  });

  test('Thành phố Nha Trang starts and ends as computed by hand', () => {
    const names = group('Thành phố Nha Trang').units.map((u) => `${u.rank} ${u.name}`);
    expect(names.slice(0, 6)).toEqual([
      '1 UBND phường Phước Hòa',
      '1 UBND phường Phước Tân',
      '1 UBND xã Vĩnh Ngọc',
      '1 UBND xã Vĩnh Trung',
      '5 UBND phường Ngọc Hiệp', // 1 / 449
      '6 UBND phường Vạn Thắng', // 4 / 1616
    ]);
    expect(names.slice(-2)).toEqual(['26 UBND phường Phước Tiến', '27 UBND phường Vĩnh Trường']); // 16/210, 44/370
  });

  test('UBND xã Ninh Phước (nothing received) is listed apart, not ranked', () => {
    const ninhHoa = group('Thị xã Ninh Hòa');
    expect(ninhHoa.units.map((u) => u.name)).not.toContain('UBND xã Ninh Phước');
    expect(ninhHoa.unranked.map((u) => u.name)).toEqual(['UBND xã Ninh Phước']);
  });

  test('the source still has errors, and the ranking says so', () => {
    expect(result.ranking.sourceErrors).toEqual(['D27', 'B42']);
  });
});

test('on-time within each district: Cam Phú at 90.00 % with 10 % late is not "Tốt"', async () => {
  const { ranking } = await rankWorkbook(input, input.replace('.xlsx', '-vii-on-time.xlsx'), 'PL VII', { measure: 'on-time', preset: 'khanh-hoa' });
  const camPhu = ranking.groups.find((g) => g.title === 'Thành phố Cam Ranh')!.units.find((u) => u.name === 'UBND phường Cam Phú')!;
  expect([camPhu.value, camPhu.className, camPhu.note]).toEqual([90, 'Khá', 'Trễ hạn 10,00% ≥ 10%: không xếp loại Tốt']);
});

test('the sheet a person prints: an Excel table, percent format, colour scale, frozen header, landscape, header on each page', async () => {
  let out = '';
  const file = input.replace('.xlsx', '-cli.xlsx');
  const code = await run(['rank', input, '--sheet', 'PL VII', '--measure', 'late', '-o', file], { out: (t) => (out += t), err: (t) => (out += t) });
  expect(code).toBe(0);
  expect(out).toContain('Đã thêm trang "Xếp hạng – Tỉ lệ trễ hạn"');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['PL V', 'PL VII', 'Xếp hạng – Tỉ lệ trễ hạn']);
  const ws = wb.getWorksheet('Xếp hạng – Tỉ lệ trễ hạn')!;
  expect(ws.getCell('A1').value).toBe('XẾP HẠNG – TỈ LỆ TRỄ HẠN');
  // Title, three lines of source and rules (no classes for a late rate), the warning, a blank row.
  expect(String(ws.getCell('A5').value)).toContain('lỗi chưa sửa (D27, B42)');
  const header = ws.getRow(7).values as ExcelJS.CellValue[];
  expect(header.slice(1)).toEqual(['Nhóm', 'Hạng', 'Đơn vị', 'HS trễ hạn', 'HS đã giải quyết', 'Tỉ lệ trễ hạn', 'Xếp loại', 'Ghi chú']);
  expect([ws.getCell('B8').value, ws.getCell('C8').value, ws.getCell('F8').numFmt]).toEqual([1, 'UBND phường Phước Hòa', '0.00%']);
  const tables = (ws as unknown as { tables: Record<string, unknown> }).tables;
  expect(Object.keys(tables)).toHaveLength(1);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
  expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '7:7' });
  const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
  // 137 communes below the header.
  expect(cf.map((c) => [c.ref, c.rules[0].type])).toEqual([['F8:F144', 'colorScale']]);
});

test('bad ranking requests get a clear message', async () => {
  let err = '';
  const io = { out: () => undefined, err: (t: string) => (err += t) };
  expect(await run(['rank', input, '--sheet', 'PL V', '--measure', 'online', '-o', input.replace('.xlsx', '-x.xlsx')], io)).toBe(2);
  expect(err).toContain('không xếp hạng được theo "online"');
  expect(await run(['rank', input, '--sheet', 'PL V', '--measure', 'speed', '-o', input.replace('.xlsx', '-y.xlsx')], io)).toBe(2);
  expect(err).toContain('không xếp hạng được theo "speed". Các tiêu chí có: on-time');
});

test('a score table is ranked by its total with no measure named, classed by the bands its note states', async () => {
  const sample = require('path').resolve(__dirname, '../../samples/chi-so-cchc-2025.xlsx');
  const output = input.replace('.xlsx', '-scores.xlsx');
  let out = '';
  expect(await run(['rank', sample, '--sheet', 'chỉ số cchc', '-o', output], { out: (t) => (out += t), err: () => undefined })).toBe(0);
  expect(out).toContain('Đã thêm trang "Xếp hạng – Tổng điểm"');
  expect(out).toContain('1  Sở Nội vụ — Xuất sắc');
  expect(out).toContain('8  Sở Khoa học và Công nghệ — Trung bình');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const sheet = wb.getWorksheet('Xếp hạng – Tổng điểm')!;
  const values = sheet.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : r));
  expect(values.some((r) => Array.isArray(r) && r[1] === 'Sở Nội vụ' && r[2] === 94.75 && r[3] === 'Xuất sắc')).toBe(true);
});

test('--previous: the previous period\'s file gives each unit its move, matched by name', async () => {
  const sample = require('path').resolve(__dirname, '../../samples/chi-so-cchc-2025.xlsx');
  // Last year's file: Sở Tư pháp and Sở Nội vụ in each other's places, Sở Khoa học và Công nghệ not scored.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const ws = wb.getWorksheet('Chỉ số CCHC')!;
  const names = [ws.getCell('B4').value, ws.getCell('B7').value];
  [ws.getCell('B4').value, ws.getCell('B7').value] = [names[1], names[0]];
  ws.getRow(11).eachCell((c, n) => void (n > 2 && (c.value = 'N/A')));
  const lastYear = input.replace('.xlsx', '-2024.xlsx');
  await wb.xlsx.writeFile(lastYear);
  let out = '';
  const io = { out: (t: string) => (out += t), err: () => undefined };
  expect(await run(['rank', sample, '--sheet', 'Chỉ số CCHC', '--previous', lastYear, '-o', input.replace('.xlsx', '-moves.xlsx')], io)).toBe(0);
  expect(out).toContain('1 ↑1    Sở Nội vụ — Xuất sắc');
  expect(out).toContain('2 ↓1    Sở Tư pháp — Tốt');
  expect(out).toContain('3 =     Sở Tài chính');
  expect(out).toContain('8 mới   Sở Khoa học và Công nghệ — Trung bình');
  // The previous file is an input: never written over.
  let err = '';
  expect(await run(['rank', sample, '--sheet', 'Chỉ số CCHC', '--previous', lastYear, '-o', lastYear, '--force'], { out: () => undefined, err: (t) => (err += t) })).toBe(2);
  expect(err.length).toBeGreaterThan(0);
});
