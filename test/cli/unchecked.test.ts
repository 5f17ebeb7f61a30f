/**
 * Figures PhuLuc could not check are never reported as correct: `check` exits 3, names each region
 * in the text, in --json and in the batch summary, and says "không phát hiện sai sót" only when
 * every figure was checked.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { writeWorkbook } from '../fixtures/workbook-writer';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/bao-cao-cchc-quy-1-2017.xlsx');

async function phuluc(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') });
  return { code, stdout, stderr };
}

/** A grid of figures no relation ties together: survey votes, units across the columns, no total. */
async function unreadable(): Promise<string> {
  return writeWorkbook([
    {
      name: 'Khảo sát',
      title: ['KHẢO SÁT MỨC ĐỘ HÀI LÒNG THEO ĐƠN VỊ'],
      header: [['Mức độ', 'Huyện A', 'Huyện B', 'Huyện C', 'Huyện D']],
      rows: [
        ['Rất hài lòng', 412, 1290, 655, 387],
        ['Hài lòng', 230, 874, 402, 219],
        ['Chưa hài lòng', 17, 58, 31, 12],
      ],
    },
  ]);
}

test('a grid of figures in no shape PhuLuc reads exits 3 and names its range; never "không phát hiện sai sót"', async () => {
  const file = await unreadable();
  const text = await phuluc(['check', file]);
  expect(text.code).toBe(3);
  expect(text.stdout).toContain('Chưa kiểm tra được 1 vùng số liệu:');
  expect(text.stdout).toContain('Chưa kiểm tra được số nào của bảng này.');
  expect(text.stdout).toMatch(/\? B4:E6 +12 số/);
  expect(text.stdout).toContain('Tổng kết: 1 vùng số liệu chưa kiểm tra được');
  expect(text.stdout.toLowerCase()).not.toContain('không phát hiện sai sót');

  const json = await phuluc(['check', file, '--json']);
  expect(json.code).toBe(3);
  const doc = JSON.parse(json.stdout);
  expect(doc.sheets[0].unchecked).toEqual([expect.objectContaining({ range: 'B4:E6', cells: 12 })]);
  expect(doc.sheets[0].unchecked[0].messageEn).toContain('12 figures');
});

test('the sample, every figure of which is checked, keeps exit 1 for its errors and lists nothing unchecked', async () => {
  const { code, stdout } = await phuluc(['check', SAMPLE, '--json']);
  expect(code).toBe(1);
  expect(JSON.parse(stdout).sheets.flatMap((s: { unchecked: unknown[] }) => s.unchecked)).toEqual([]);
});

test('many files: the summary counts regions not checked per file, and 3 ranks between clean and errors', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-unchecked-'));
  fs.copyFileSync(await unreadable(), path.join(dir, 'ngang.xlsx'));
  const alone = await phuluc(['check', dir]);
  expect(alone.code).toBe(3);
  expect(alone.stdout).toContain(`${path.join(dir, 'ngang.xlsx')} | L0 | 0 | 0 | 1 |`);
  expect(alone.stdout).toContain('1 tệp không thấy lỗi nhưng còn số chưa kiểm tra được');
  expect(alone.stderr).toContain('1 vùng chưa kiểm tra được');
  fs.copyFileSync(SAMPLE, path.join(dir, 'mau.xlsx'));
  expect((await phuluc(['check', dir])).code).toBe(1);
  const json = JSON.parse((await phuluc(['check', dir, '--json'])).stdout);
  expect(json.files.map((f: { unchecked: number }) => f.unchecked)).toEqual([0, 1]);
});
