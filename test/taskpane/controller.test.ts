import { FakeWorkbook } from '../../src/demo/fake-excel';
import { createExcelHost } from '../../src/excel/office-host';
import { PaneController } from '../../src/taskpane/controller';
import { loadIntoFake } from '../fixtures/fake-workbooks';
import { SEED_SHEETS } from '../fixtures/seed-sheets';

function report2017(): FakeWorkbook {
  const book = new FakeWorkbook();
  for (const id of ['000-05', '000-06', '000-07', '000-08']) loadIntoFake(book, SEED_SHEETS.find((s) => s.id === id)!.spec());
  book.activeSheet = 'PL VI';
  return book;
}

const controllerFor = (book: FakeWorkbook) => new PaneController(createExcelHost(book.run, { settings: book.settingsStore, supports: book.supports }));

test('checking the active sheet lists its findings; a finding selects its cell', async () => {
  const book = report2017();
  const c = controllerFor(book);
  await c.check();
  const s = c.getState();
  expect(s.error).toBeUndefined();
  expect(s.reports.map((r) => r.sheet)).toEqual(['PL VI']);
  expect(s.reports[0].tables[0].findings.map((f) => f.cell)).toEqual(['C12', 'J12']);
  await c.select('PL VI', 'J12');
  expect(book.selection).toBe('J12');
});

test('the whole workbook: every sheet and the relations between them', async () => {
  const c = controllerFor(report2017());
  await c.updateSettings({ wholeWorkbook: true });
  await c.check();
  const s = c.getState();
  expect(s.reports.map((r) => r.sheet)).toEqual(['PL IV', 'PL V', 'PL VI', 'PL VII']);
  expect(s.crossSheet.map((l) => [l.from.label, l.to.sheet, l.holds])).toEqual([
    ['Khối Sở, ngành', 'PL V', true],
    ['UBND cấp huyện', 'PL VI', true],
    ['UBND cấp xã', 'PL VII', true],
  ]);
});

test('a whole-workbook check hands control back between sheets and shows how far it is', async () => {
  const c = controllerFor(report2017());
  await c.updateSettings({ wholeWorkbook: true });
  const shown: string[] = [];
  c.subscribe(() => {
    const busy = c.getState().busy;
    if (busy && shown[shown.length - 1] !== busy) shown.push(busy);
  });
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  await c.check();
  clearInterval(timer);
  expect(shown).toEqual(['Đang đọc và kiểm tra…', 'Đang kiểm tra 4 trang tính…', 'Đã kiểm tra 1/4 trang tính…', 'Đã kiểm tra 2/4 trang tính…', 'Đã kiểm tra 3/4 trang tính…', 'Đã kiểm tra 4/4 trang tính…']);
  // Other work (a timer here, the pane's rendering in Excel) ran while the check went on.
  expect(ticks).toBeGreaterThan(0);
  expect(c.getState().busy).toBeUndefined();
});

test('settings are remembered in the workbook', async () => {
  const book = report2017();
  await controllerFor(book).updateSettings({ measure: 'late', preset: 'bnv', applySuggestions: true });
  expect(controllerFor(book).getState().settings).toMatchObject({ measure: 'late', preset: 'bnv', applySuggestions: true, tier: 'groups' });
});

test('recompute with a preview, then a ranking sheet; highlighting on and off', async () => {
  const book = report2017();
  const c = controllerFor(book);
  await c.updateSettings({ applySuggestions: true });
  await c.check();
  await c.toggleHighlight();
  expect(book.sheet('PL VI').cells.get('11,2')?.fill).toBe('#FFC7CE');
  await c.toggleHighlight();
  expect(book.sheet('PL VI').cells.get('11,2')?.fill).toBeUndefined();
  c.previewFix();
  const count = c.getState().preview!.edits.length;
  expect(count).toBeGreaterThan(40);
  await c.applyFix();
  expect(c.getState().notice).toBe(`Đã sửa ${count} ô; bản gốc giữ ở trang "PL VI (gốc)".`);
  expect(c.getState().reports[0].tables[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
  await c.rank();
  expect(book.sheets.map((s) => s.name)).toContain('Xếp hạng – Tỉ lệ đúng hạn');
  expect(c.getState().error).toBeUndefined();
});

test('a failure becomes a message, never an exception', async () => {
  const book = new FakeWorkbook();
  book.addSheet('Trống');
  const c = controllerFor(book);
  await c.check();
  await c.rank();
  expect(c.getState().error).toBe('Không thực hiện được: bảng này không có tiêu chí để xếp hạng.');
});
