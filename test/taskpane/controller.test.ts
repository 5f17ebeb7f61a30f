import { FakeWorkbook } from '../../src/demo/fake-excel';
import { createExcelHost } from '../../src/excel/office-host';
import { messageText } from '../../src/taskpane/messages';
import { PaneController, readAddedSheets, readPaneSettings } from '../../src/taskpane/controller';
import { loadIntoFake } from '../fixtures/fake-workbooks';
import { SEED_SHEETS } from '../fixtures/seed-sheets';
import { openInFake } from '../fixtures/xlsx-into-fake';

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
    const text = busy && messageText(busy, 'vi');
    if (text && shown[shown.length - 1] !== text) shown.push(text);
  });
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  await c.check();
  clearInterval(timer);
  expect(shown).toEqual(['Đang đọc trang tính…', 'Đã kiểm tra 0/4 trang tính…', 'Đã kiểm tra 1/4 trang tính…', 'Đã kiểm tra 2/4 trang tính…', 'Đã kiểm tra 3/4 trang tính…', 'Đã kiểm tra 4/4 trang tính…']);
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
  await c.previewFix();
  const count = c.getState().preview!.edits.length;
  expect(count).toBeGreaterThan(40);
  await c.applyFix();
  expect(c.getState().notice).toEqual({ code: 'fixed', cells: count, sheet: 'PL VI', backup: 'PL VI (gốc)' });
  expect(messageText(c.getState().notice!, 'vi')).toContain(`Đã sửa ${count} ô trên trang "PL VI"; bản gốc giữ ở trang "PL VI (gốc)"`);
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
  expect(c.getState().error).toEqual({ code: 'no-table', sheet: 'Trống' });
  expect(messageText(c.getState().error!, 'vi')).toBe('Trang "Trống" không có bảng phụ lục nào PhuLuc nhận ra.');
  expect(messageText(c.getState().error!, 'en')).toBe('Sheet "Trống" has no appendix table PhuLuc recognises.');
});

test('recompute and ranking act on the sheet on screen: switched after the check, it is checked again and said', async () => {
  const book = report2017();
  const c = controllerFor(book);
  book.activeSheet = 'PL VII';
  await c.check();
  expect(c.getState().activeSheet).toBe('PL VII');
  book.activeSheet = 'PL IV';
  await c.previewFix();
  expect(c.getState().preview!.sheet).toBe('PL IV');
  expect(c.getState().notice).toEqual({ code: 'sheet-changed', shown: 'PL IV', checked: 'PL VII' });
  // The preview of PL IV is not applied to PL VII: switched again, it is made anew and nothing is written.
  book.activeSheet = 'PL VII';
  const sheetsBefore = book.sheets.map((s) => s.name);
  await c.applyFix();
  expect(c.getState().notice).toEqual({ code: 'preview-stale', shown: 'PL VII', previewed: 'PL IV' });
  expect(c.getState().preview!.sheet).toBe('PL VII');
  expect(book.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  book.activeSheet = 'PL V';
  await c.rank();
  expect(c.getState().notice).toEqual({ code: 'sheet-changed', shown: 'PL V', checked: 'PL VII' });
  const ranking = book.sheets[book.sheets.length - 1];
  expect(ranking.name).toMatch(/^Xếp hạng/);
  expect(String(ranking.cells.get('1,0')?.value ?? '') + String(ranking.cells.get('2,0')?.value ?? '')).toContain('PL V');
});

test('a protected sheet is refused in the pane\'s words, with nothing written', async () => {
  const book = report2017();
  const c = controllerFor(book);
  book.activeSheet = 'PL VI';
  await c.check();
  book.sheet('PL VI').protected = true;
  await c.previewFix();
  await c.applyFix();
  expect(c.getState().error).toEqual({ code: 'protected', sheet: 'PL VI' });
  expect(book.sheets.map((s) => s.name)).not.toContain('PL VI (gốc)');
});

test('class bands typed in the pane are kept with the workbook and class the ranking; bands it cannot read say how to write them', async () => {
  const book = await openInFake(require('path').resolve(__dirname, '../../samples/chi-so-cchc-2025.xlsx'));
  const c = controllerFor(book);
  await c.updateSettings({ preset: 'typed', bands: 'Đạt ≥ 80; Chưa đạt' });
  expect(controllerFor(book).getState().settings).toMatchObject({ preset: 'typed', bands: 'Đạt ≥ 80; Chưa đạt' });
  await c.check();
  await c.rank();
  expect(c.getState().error).toBeUndefined();
  const ranking = book.sheet('Xếp hạng – Tổng điểm');
  const classOf = (name: string) => [...ranking.cells].find(([, cell]) => cell.value === name)?.[0].split(',')[0];
  const row = (name: string) => [...ranking.cells].filter(([k]) => k.split(',')[0] === classOf(name)).map(([, cell]) => cell.value);
  expect(row('Sở Nội vụ')).toContain('Đạt');
  expect(row('Sở Xây dựng')).toContain('Chưa đạt');

  await c.updateSettings({ bands: 'Đạt ≥ 80; Khá ≥ 80' });
  await c.rank();
  expect(c.getState().error?.code).toBe('bands-unreadable');
  expect(messageText(c.getState().error!, 'vi')).toContain('ví dụ "Xuất sắc ≥ 90; Tốt ≥ 80; Khá ≥ 70; Yếu"');
});

test('settings a received workbook carries are read as data: an unknown preset or an oversized band text is dropped', () => {
  expect(readPaneSettings({ preset: 'typed', bands: 'x'.repeat(400) })).toMatchObject({ preset: 'typed', bands: '' });
  expect(readPaneSettings({ preset: '<script>', bands: 42 })).toMatchObject({ preset: 'khanh-hoa', bands: '' });
});

test('two rankings in a row: the ranking sheet on screen is known as PhuLuc\'s (a mark kept in the workbook), the next acts on its source', async () => {
  const book = await openInFake(require('path').resolve(__dirname, '../../samples/chi-so-cchc-2025.xlsx'));
  const c = controllerFor(book);
  await c.check();
  await c.rank();
  expect(book.activeSheet).toBe('Xếp hạng – Tổng điểm');
  await c.updateSettings({ measure: 'col:E' });
  await c.rank();
  expect(c.getState().error).toBeUndefined();
  expect(book.sheets.map((s) => s.name)).toEqual(['Chỉ số CCHC', 'Xếp hạng – Tổng điểm', expect.stringMatching(/^Xếp hạng – Số hóa hồ sơ/)]);
  // Another pane on the same workbook (Excel reopened) knows both sheets as PhuLuc's, and a whole-workbook check leaves them out.
  const again = controllerFor(book);
  expect(Object.values(again.getState().added)).toEqual(['Chỉ số CCHC', 'Chỉ số CCHC']);
  await again.updateSettings({ wholeWorkbook: true });
  await again.check();
  expect(again.getState().reports.map((r) => r.sheet)).toEqual(['Chỉ số CCHC']);
  expect(readAddedSheets({ a: 'b', c: 3, ['x'.repeat(40)]: 'y' })).toEqual({ a: 'b' });
});
