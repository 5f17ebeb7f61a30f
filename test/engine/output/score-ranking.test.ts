/**
 * Ranking a score table: by its total without being told which column that is, classes by the
 * bands its note states (of the total, whatever the ranking is by), any score column by its letter
 * or header, a unit not scored listed apart.
 */
import { checkSheet } from '../../../src/engine/check';
import { defaultMeasure, rankTable, typedBands } from '../../../src/engine/output/ranking';
import { rankingSheet } from '../../../src/engine/output/ranking-sheet';
import { sheetOf } from '../../fixtures/grid';

const HEADER = ['STT', 'Đơn vị', 'Công khai (30 điểm)', 'Tiến độ (30 điểm)', 'Số hóa (40 điểm)', 'Tổng điểm', 'Xếp loại'];
const UNITS: [string, number, number, number][] = [
  ['Sở Tư pháp', 27.5, 26, 36.25],
  ['Sở Y tế', 25, 24.5, 31],
  ['Sở Nội vụ', 29, 28.75, 38],
  ['Sở Tài chính', 22.25, 20, 28],
  ['Sở Xây dựng', 25, 24.5, 31],
  ['Sở Công Thương', 18, 16.5, 22],
];
const NOTE = 'Ghi chú: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90 điểm; Khá từ 70 đến dưới 80 điểm; Yếu dưới 70 điểm.';
const band = (v: number) => (v >= 90 ? 'Xuất sắc' : v >= 80 ? 'Tốt' : v >= 70 ? 'Khá' : 'Yếu');

function table(extra: (string | number)[][] = []) {
  const rows = UNITS.map(([name, a, b, c], i) => [i + 1, name, a, b, c, a + b + c, band(a + b + c)]);
  return checkSheet(sheetOf([HEADER, ...rows, ...extra, [], ['', NOTE]], 'A3')).tables[0];
}

test('a score table is ranked by its total by default, ties shared, classes by the bands its note states', () => {
  const checked = table();
  expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(defaultMeasure(checked)?.title).toBe('Tổng điểm');
  // The rule its numbers proved, said in its own columns.
  expect(checked.notices[0].message).toContain('Tổng điểm (F) = C + D + E');
  const ranking = rankTable(checked, {});
  expect(ranking.groups[0].units.map((u) => [u.rank, u.name, u.value, u.className])).toEqual([
    [1, 'Sở Nội vụ', 95.75, 'Xuất sắc'],
    [2, 'Sở Tư pháp', 89.75, 'Tốt'],
    [3, 'Sở Xây dựng', 80.5, 'Tốt'],
    [3, 'Sở Y tế', 80.5, 'Tốt'],
    [5, 'Sở Tài chính', 70.25, 'Khá'],
    [6, 'Sở Công Thương', 56.5, 'Yếu'],
  ]);
  const sheet = rankingSheet(ranking, { sheet: 'Chỉ số', range: checked.range, layout: checked.layout, date: new Date(2026, 0, 5) }, []);
  expect(sheet.header).toEqual(['Hạng', 'Đơn vị', 'Tổng điểm', 'Xếp loại', 'Ghi chú']);
  expect(sheet.formats[2]).toBe('0.00');
  expect(sheet.info.join('\n')).toContain('Xếp loại (theo khung ghi trong bảng nguồn): Xuất sắc ≥ 90 điểm, Tốt ≥ 80 điểm, Khá ≥ 70 điểm, Yếu < 70 điểm.');
});

test('ranked by a criterion, named by its letter or its header, the classes still follow the total', () => {
  const checked = table();
  for (const asked of ['E', 'số hóa', 'col:E']) {
    const ranking = rankTable(checked, { measure: asked });
    expect(ranking.measure.title).toBe('Số hóa (40 điểm)');
    expect(ranking.groups[0].units.map((u) => [u.name, u.className])).toEqual([
      ['Sở Nội vụ', 'Xuất sắc'],
      ['Sở Tư pháp', 'Tốt'],
      ['Sở Xây dựng', 'Tốt'],
      ['Sở Y tế', 'Tốt'],
      ['Sở Tài chính', 'Khá'],
      ['Sở Công Thương', 'Yếu'],
    ]);
  }
});

test('a unit not scored ("N/A") is listed apart, not ranked last', () => {
  const checked = table([[7, 'Ban Dân tộc', 'N/A', 'N/A', 'N/A', 'N/A', '']]);
  const ranking = rankTable(checked, {});
  expect(ranking.groups[0].units).toHaveLength(6);
  expect(ranking.groups[0].unranked.map((u) => [u.name, u.note])).toEqual([['Ban Dân tộc', 'Không có điểm: không xếp hạng']]);
});

test('the same total of an earlier year in the table gives each unit its move: ↑, ↓, =, and "mới" for one not scored then', () => {
  const header = ['STT', 'Đơn vị', 'Công khai (30 điểm)', 'Tiến độ (30 điểm)', 'Số hóa (40 điểm)', 'Tổng điểm 2025', 'Tổng điểm 2024'];
  const before = [84.5, 80.5, 96, 90, 81, 'N/A'];
  const rows = UNITS.map(([name, a, b, c], i) => [i + 1, name, a, b, c, a + b + c, before[i]]);
  const checked = checkSheet(sheetOf([header, ...rows], 'A3')).tables[0];
  const ranking = rankTable(checked, {});
  expect(ranking.measure.title).toBe('Tổng điểm 2025');
  expect(ranking.previous?.label).toBe('năm 2024 (cột "Tổng điểm 2024")');
  // 2024 ranks, by hand: Nội vụ 1 (96), Tài chính 2 (90), Tư pháp 3 (84,5), Xây dựng 4 (81), Y tế 5 (80,5).
  expect(ranking.groups[0].units.map((u) => [u.rank, u.name, u.change])).toEqual([
    [1, 'Sở Nội vụ', '='],
    [2, 'Sở Tư pháp', '↑1'],
    [3, 'Sở Xây dựng', '↑1'],
    [3, 'Sở Y tế', '↑2'],
    [5, 'Sở Tài chính', '↓3'],
    [6, 'Sở Công Thương', 'mới'],
  ]);
  const sheet = rankingSheet(ranking, { sheet: 'Chỉ số', range: checked.range, layout: checked.layout, date: new Date(2026, 0, 5) }, []);
  expect(sheet.header.slice(0, 3)).toEqual(['Hạng', 'Tăng/giảm', 'Đơn vị']);
  expect(sheet.rows[3].slice(0, 3)).toEqual([3, '↑2', 'Sở Y tế']);
  expect(sheet.info.join('\n')).toContain('So với năm 2024 (cột "Tổng điểm 2024"): ↑ lên hạng');
});

test('bands typed by a person are read in the forms people write them, or refused', () => {
  const read = (text: string) => typedBands(text)?.map((b) => [b.label, b.min]);
  expect(read('Xuất sắc ≥ 90; Tốt ≥ 80; Khá ≥ 70; Yếu')).toEqual([['Xuất sắc', 90], ['Tốt', 80], ['Khá', 70], ['Yếu', 0]]);
  expect(read('Tốt: từ 80 điểm trở lên; Khá: từ 65,5; Trung bình: 50; Yếu')).toEqual([['Tốt', 80], ['Khá', 65.5], ['Trung bình', 50], ['Yếu', 0]]);
  expect(read('Đạt >= 50\nKhông đạt')).toEqual([['Đạt', 50], ['Không đạt', 0]]);
  for (const bad of ['Tốt ≥ 80; Khá ≥ 80; Yếu', 'Tốt', 'abc 12 def', '']) expect(read(bad)).toBeUndefined();
});
