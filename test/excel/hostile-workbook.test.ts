/**
 * A received workbook comes from outside the office: nothing in it may become a live formula on a
 * sheet PhuLuc writes, and nothing it carries (its settings) is taken as an instruction.
 */
import { FakeWorkbook } from '../../src/demo/fake-excel';
import { commentDigest, createExcelHost, readHighlightRecord } from '../../src/excel/office-host';
import { MAX_CELL_TEXT } from '../../src/engine/read/cell-text';
import { SheetDraft } from '../../src/engine/output/ranking-sheet';
import { PaneController, readPaneSettings, DEFAULT_SETTINGS } from '../../src/taskpane/controller';
import { loadIntoFake } from '../fixtures/fake-workbooks';
import { SEED_SHEETS } from '../fixtures/seed-sheets';

const HOSTILE = ['=HYPERLINK("http://x","a")', '=1+1', '+1+1', '-2+A1', '@SUM(A1:A3)', '\t=1+1', '\r=1+1', "'quoted", '001', '1/2'];

function communes(): FakeWorkbook {
  const book = new FakeWorkbook();
  loadIntoFake(book, SEED_SHEETS.find((s) => s.id === '000-08')!.spec());
  return book;
}

function draftNaming(names: string[]): SheetDraft {
  return {
    name: 'Xếp hạng',
    title: '=TITLE()',
    info: ['+info'],
    header: ['Hạng', 'Đơn vị', 'Tỉ lệ'],
    rows: names.map((name, i) => [i + 1, name, 50]),
    formats: [undefined, undefined, '0.00'],
    widths: [6, 30, 10],
    measureColumn: 2,
    better: 'higher',
  };
}

test('the fake takes "=", "+", "-" and "@" texts for formulas, as Excel does when they are typed', async () => {
  const book = new FakeWorkbook();
  book.addSheet('S');
  await book.run(async (context) => {
    context.workbook.worksheets.getItem('S').getRange('A1:D1').values = [['=1+1', '+1+1', '@A1', '-5']];
    await context.sync();
  });
  const cells = book.sheet('S').cells;
  expect([cells.get('0,0')?.formula, cells.get('0,1')?.formula, cells.get('0,2')?.formula, cells.get('0,3')?.formula]).toEqual(['1+1', '+1+1', '@A1', undefined]);
});

test('an added sheet holds every text as text, whatever its first character, and long texts cut with "…"', async () => {
  const book = communes();
  const host = createExcelHost(book.run, { settings: book.settingsStore, supports: book.supports });
  const long = 'Xã '.repeat(20000);
  await host.addSheet(draftNaming([...HOSTILE, long]));
  const cells = [...book.sheet('Xếp hạng').cells.values()];
  expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
  const texts = cells.map((c) => c.value);
  for (const name of HOSTILE) expect(texts).toContain(name);
  expect(texts).toContain('=TITLE()');
  const cut = texts.find((t) => typeof t === 'string' && t.startsWith('Xã Xã')) as string;
  expect(cut).toHaveLength(MAX_CELL_TEXT);
  expect(cut.endsWith('…')).toBe(true);
});

test('the highlight record is read as data: only single cells, colours and PhuLuc\'s own fills survive', () => {
  const record = [
    { sheet: 'PL VII', comments: true, cells: [{ address: 'A1:Z100', fill: null, set: '#FFC7CE' }, { address: 'B42', fill: null, set: '#FFC7CE', comment: 'abc123' }, { address: 'C3', fill: 'red', set: '#FFC7CE' }, { address: 'C4', fill: null, set: '#000000' }] },
    { sheet: 42, cells: [] },
    'junk',
  ];
  expect(readHighlightRecord(record)).toEqual([{ sheet: 'PL VII', comments: true, cells: [{ address: 'B42', fill: null, set: '#FFC7CE', comment: 'abc123' }] }]);
  expect(readHighlightRecord({ not: 'a list' })).toEqual([]);
  expect(readHighlightRecord(undefined)).toEqual([]);
});

test('a crafted highlight record in a received workbook clears no fill and deletes no comment PhuLuc did not write', async () => {
  const book = communes();
  const sheet = book.sheet('PL VII');
  // The sender's own work: a green cell, a red-filled cell of PhuLuc's colour, a comment beginning "PhuLuc:".
  sheet.cells.get('26,3')!.fill = '#00B050';
  sheet.cells.get('41,1')!.fill = '#FFC7CE';
  book.comments.set("'PL VII'!D27", 'PhuLuc: ghi chú của người gửi');
  book.comments.set("'PL VII'!B42", 'PhuLuc: ghi chú khác');
  book.settings.set('phuluc.highlights', [
    {
      sheet: 'PL VII',
      comments: true,
      cells: [
        { address: 'D27', fill: null, set: '#FFC7CE', comment: commentDigest('PhuLuc: một câu khác') },
        { address: 'B42', fill: '#FFFFFF', set: '#FFC7CE', comment: 'ffff' },
        { address: 'A1:Z200', fill: null, set: '#FFC7CE' },
      ],
    },
  ]);
  const controller = new PaneController(createExcelHost(book.run, { settings: book.settingsStore, supports: book.supports }));
  await controller.toggleHighlight(); // the record says something is highlighted: this removes it
  expect(sheet.cells.get('26,3')!.fill).toBe('#00B050'); // not PhuLuc's fill: left alone
  expect(sheet.cells.get('41,1')!.fill).toBe('#FFFFFF'); // PhuLuc's colour: given the recorded fill back (it is only a colour)
  expect([...book.comments].sort()).toEqual([
    ["'PL VII'!B42", 'PhuLuc: ghi chú khác'],
    ["'PL VII'!D27", 'PhuLuc: ghi chú của người gửi'],
  ]);
  expect(controller.getState().error).toBeUndefined();
});

test('highlighting then removing it deletes exactly the comments PhuLuc wrote and keeps a fill someone set since', async () => {
  const book = communes();
  const host = createExcelHost(book.run, { settings: book.settingsStore, supports: book.supports });
  const highlighting = await host.highlight('PL VII', [
    { address: 'B42', severity: 'error', message: 'đúng ra là 82' },
    { address: 'D27', severity: 'warning', message: 'đúng ra là 94,39%' },
  ]);
  book.sheet('PL VII').cells.get('26,3')!.fill = '#FFFF00'; // the user coloured D27 after the check
  await host.clearHighlight(readHighlightRecord(JSON.parse(JSON.stringify([highlighting])))[0]);
  expect(book.comments.size).toBe(0);
  expect(book.sheet('PL VII').cells.get('41,1')?.fill).toBeUndefined();
  expect(book.sheet('PL VII').cells.get('26,3')?.fill).toBe('#FFFF00');
});

test('pane settings from a workbook keep only the values the pane offers', () => {
  expect(readPaneSettings({ measure: '<img onerror=x>', tier: 'all', preset: 'bnv', wholeWorkbook: 'yes', applySuggestions: true })).toEqual({ ...DEFAULT_SETTINGS, tier: 'all', preset: 'bnv', applySuggestions: true });
  expect(readPaneSettings('junk')).toEqual(DEFAULT_SETTINGS);
});
