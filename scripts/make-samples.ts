/**
 * Builds the sample workbooks shipped in samples/ from the seed tables (needs ../shared):
 *   npm run samples
 */
import * as path from 'path';
import { SEED_SHEETS, TEXT_SHEETS } from '../test/fixtures/seed-sheets';
import { FixtureCell, SheetSpec, writeWorkbook } from '../test/fixtures/workbook-writer';

/**
 * A provincial administrative-reform index of departments, as an office receives it: five areas
 * with their maxima in the header, the total, the index, rank and class, the bands in a note and
 * the highest, lowest and average below. Two errors as published tables have them: an area scored
 * with its decimal mark one place late (above its maximum), and a class that does not follow its band.
 */
const SCORES: [string, number[]][] = [
  ['Sở Tư pháp', [16.5, 17.25, 20.5, 19.75, 15.5]],
  ['Sở Y tế', [15.75, 16.5, 18.25, 17.5, 14.25]],
  ['Sở Xây dựng', [14.25, 15.5, 17.75, 16.25, 13.5]],
  ['Sở Nội vụ', [17.5, 18.75, 21.25, 20.5, 16.75]],
  ['Sở Tài chính', [16.25, 17.75, 19.5, 19.25, 15.75]],
  ['Sở Công Thương', [13.5, 14.25, 16.5, 15.75, 12.5]],
  ['Sở Giáo dục và Đào tạo', [15.5, 16.25, 18.75, 18.25, 14.75]],
  ['Sở Khoa học và Công nghệ', [12.75, 13.5, 15.25, 14.5, 11.25]],
];
const MAXIMA = [18, 20, 22, 22, 18];
function indexSheet(): SheetSpec {
  const totals = SCORES.map(([, s]) => s.reduce((a, b) => a + b, 0));
  const rank = (t: number) => 1 + totals.filter((x) => x > t).length;
  const band = (v: number) => (v >= 90 ? 'Xuất sắc' : v >= 80 ? 'Tốt' : v >= 70 ? 'Khá' : v >= 50 ? 'Trung bình' : 'Yếu');
  const two = { numFmt: '0.00' };
  const rows: FixtureCell[][] = SCORES.map(([name, s], i) => [i + 1, name, ...s.map((v) => ({ value: v, ...two })), { value: totals[i], ...two }, { value: totals[i], ...two }, rank(totals[i]), band(totals[i])]);
  // Published with two errors: Sở Xây dựng's third area typed 177,5 for 17,75, and Sở Khoa học và
  // Công nghệ, at 67,25, classed "Khá" (its band is "Trung bình").
  rows[2][4] = { value: 177.5, ...two };
  rows[7][10] = 'Khá';
  const stat = (label: string, f: (v: number[]) => number): FixtureCell[] => ['', label, ...[0, 1, 2, 3, 4].map((k) => ({ value: Math.round(f(SCORES.map(([, s]) => s[k])) * 100) / 100, ...two })), { value: Math.round(f(totals) * 100) / 100, ...two }];
  rows.push(stat('Điểm cao nhất', (v) => Math.max(...v)), stat('Điểm thấp nhất', (v) => Math.min(...v)), stat('Điểm trung bình', (v) => v.reduce((a, b) => a + b, 0) / v.length));
  const areas = ['Công khai, minh bạch', 'Tiến độ giải quyết', 'Số hóa hồ sơ', 'Dịch vụ công trực tuyến', 'Mức độ hài lòng'];
  return {
    name: 'Chỉ số CCHC',
    title: ['KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC SỞ, BAN, NGÀNH NĂM 2025'],
    header: [['STT', 'Đơn vị', ...areas.map((a, k) => `${a} (${MAXIMA[k]} điểm)`), 'Tổng điểm', 'Chỉ số (%)', 'Xếp hạng', 'Xếp loại']],
    rows,
    notesBelow: ['Ghi chú: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90 điểm; Khá từ 70 đến dưới 80 điểm; Trung bình từ 50 đến dưới 70 điểm; Yếu dưới 50 điểm.'],
  };
}

const SAMPLES: { file: string; ids: string[]; sheets?: () => SheetSpec[] }[] = [
  { file: 'chi-so-cchc-2025.xlsx', ids: [], sheets: () => [indexSheet()] },
  // The 2017 Q1 report of the provincial Department of Home Affairs: appendices I–VII (the task
  // table and the checklist of reports received, then the tables of figures).
  { file: 'bao-cao-cchc-quy-1-2017.xlsx', ids: ['000-01', '000-02', '000-04', '000-05', '000-06', '000-07', '000-08'] },
];

(async () => {
  for (const sample of SAMPLES) {
    const specs = [...sample.ids.map((id) => [...TEXT_SHEETS, ...SEED_SHEETS].find((s) => s.id === id)!.spec()), ...(sample.sheets?.() ?? [])];
    const target = path.resolve(__dirname, '..', 'samples', sample.file);
    await writeWorkbook(specs, target);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
})();
