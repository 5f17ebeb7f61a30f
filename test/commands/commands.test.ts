import { COMMANDS, ribbonReport } from '../../src/commands/commands';
import { FakeWorkbook } from '../../src/demo/fake-excel';
import { createExcelHost } from '../../src/excel/office-host';
import { DEFAULT_SETTINGS, PaneController, PaneState } from '../../src/taskpane/controller';
import { loadIntoFake } from '../fixtures/fake-workbooks';
import { SEED_SHEETS } from '../fixtures/seed-sheets';

function setup() {
  const book = new FakeWorkbook();
  loadIntoFake(book, SEED_SHEETS.find((s) => s.id === '000-07')!.spec());
  return { book, controller: new PaneController(createExcelHost(book.run, { settings: book.settingsStore, supports: book.supports })) };
}

test('Kiểm tra: the wrong cells are highlighted, with the message as a comment', async () => {
  const { book, controller } = setup();
  await COMMANDS.checkSheet(controller);
  expect(book.sheet('PL VI').cells.get('11,2')?.fill).toBe('#FFC7CE'); // C12
  expect(book.comments.get("'PL VI'!C12")).toContain('đúng ra là 4.758');
});

test('Tính lại: recomputed without opening the pane, the original kept', async () => {
  const { book, controller } = setup();
  await COMMANDS.recomputeSheet(controller);
  expect(book.sheets.map((s) => s.name)).toEqual(['PL VI', 'PL VI (gốc)', 'Nhật ký PhuLuc']);
  expect(book.sheet('PL VI').cells.get('6,4')?.formula).toBe('IFERROR(D7/C7,0)');
});

test('Xếp hạng: a ranking sheet with the saved measure', async () => {
  const { book, controller } = setup();
  await controller.updateSettings({ measure: 'late' });
  await COMMANDS.rankSheet(controller);
  expect(book.sheets.map((s) => s.name)).toContain('Xếp hạng – Tỉ lệ trễ hạn');
});

test('each button reports what it did, or why not, in the display language', async () => {
  const { controller } = setup();
  await COMMANDS.checkSheet(controller);
  expect(ribbonReport(controller.getState(), 'vi')).toBe('"PL VI": 2 lỗi, 0 cảnh báo.');
  expect(ribbonReport(controller.getState(), 'en')).toBe('"PL VI": 2 errors, 0 warnings.');
  await COMMANDS.recomputeSheet(controller);
  expect(ribbonReport(controller.getState(), 'vi')).toMatch(/^Đã sửa \d+ ô trên trang "PL VI"; bản gốc giữ ở trang "PL VI \(gốc\)"/);
  const empty = new FakeWorkbook();
  empty.addSheet('Trống', [['Ghi chú']]);
  const other = new PaneController(createExcelHost(empty.run, { settings: empty.settingsStore, supports: empty.supports }));
  await COMMANDS.rankSheet(other);
  expect(ribbonReport(other.getState(), 'vi')).toBe('Trang "Trống" không có bảng phụ lục nào PhuLuc nhận ra.');
});

test('the ribbon says what could not be checked alongside the counts, never "0 lỗi" alone', () => {
  const region = { range: 'B4:E6', cells: 12, reason: 'no-table' as const, message: '12 số …', messageEn: '12 figures …' };
  const state: PaneState = { settings: DEFAULT_SETTINGS, sheetNames: ['S'], activeSheet: 'S', crossSheet: [], highlighted: [], added: {}, reports: [{ sheet: 'S', notices: [], tables: [], unchecked: [region] }] };
  expect(ribbonReport(state, 'vi')).toBe('"S": 0 lỗi, 0 cảnh báo, 1 vùng số liệu chưa kiểm tra được.');
  expect(ribbonReport(state, 'en')).toBe('"S": 0 errors, 0 warnings, 1 region of figures not checked.');
});
