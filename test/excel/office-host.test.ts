import { checkSheet } from '../../src/engine/check';
import { changeLogRows } from '../../src/engine/output/change-log';
import { planSheet } from '../../src/engine/output/edit-plan';
import { rankTable } from '../../src/engine/output/ranking';
import { rankingSheet } from '../../src/engine/output/ranking-sheet';
import { FakeWorkbook, PropertyNotLoadedError } from '../../src/demo/fake-excel';
import { createExcelHost, snapshotFromRange, WriteFailedError } from '../../src/excel/office-host';
import { ProtectedSheetError } from '../../src/usecases/apply-recompute';
import { loadIntoFake } from '../fixtures/fake-workbooks';
import { openInFake } from '../fixtures/xlsx-into-fake';
import { SEED_SHEETS } from '../fixtures/seed-sheets';

function communes(apiVersion = 17): FakeWorkbook {
  const book = new FakeWorkbook();
  book.apiVersion = apiVersion;
  loadIntoFake(book, SEED_SHEETS.find((s) => s.id === '000-08')!.spec()); // 148 rows of communes
  return book;
}

test('the used range becomes a snapshot addressed from A1, keeping formats and bold as the file reader does', () => {
  const values = [
    ['STT', 'Cơ quan, đơn vị', 'Số hồ sơ trực tuyến mức độ 3 (trở lên)'],
    [1, 'Sở A', 10],
    [2, 'Sở B', 25],
    ['Cộng:', '', 36],
  ];
  const formats = values.map((r) => r.map(() => 'General'));
  const bold = values.map((r, i) => r.map(() => ({ format: { font: { bold: i === 0 || i === 3 } } })));
  const snapshot = snapshotFromRange('PL III', { row: 4, col: 2 }, values, formats, bold);
  expect(snapshot.cells[4][2]).toMatchObject({ value: 'STT', bold: true });
  expect(snapshot.cells[5][4]).toEqual({ value: 10, numberFormat: undefined, bold: undefined, formula: undefined });
  const report = checkSheet(snapshot);
  expect(report.tables[0].range).toBe('C5:E8');
  expect(report.tables[0].findings.map((f) => [f.cell, f.rule])).toEqual([['E8', 'ambiguous-mismatch']]);
});

test('checking a 150-row appendix costs one round trip and finds what the file check finds', async () => {
  const book = communes();
  const host = createExcelHost(book.run, { supports: book.supports });
  const { snapshot, sheetNames } = await host.readActiveSheet();
  expect(book.syncs).toBe(1);
  expect(sheetNames).toEqual(['PL VII']);
  const errors = checkSheet(snapshot).tables[0].findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => [f.cell, f.expected])).toEqual([
    ['D27', 94.39],
    ['B42', 82],
  ]);
  expect(book.payloads[0]).toBeGreaterThan(10000); // values, text, formats and bold came back in one trip
});

test('applying the fix costs two more round trips, keeps the original and logs every change', async () => {
  const book = communes();
  const host = createExcelHost(book.run, { supports: book.supports });
  const { snapshot } = await host.readActiveSheet();
  const plan = planSheet(snapshot, checkSheet(snapshot), { applySuggestions: true, values: false });
  const before = book.syncs;
  const original = new Map([...book.sheet('PL VII').cells].map(([k, c]) => [k, { ...c }]));
  const { backup } = await host.applyPlan(plan);
  expect(book.syncs - before).toBe(2);
  expect(backup).toBe('PL VII (gốc)');
  expect([...book.sheet(backup).cells.entries()]).toEqual([...original.entries()]);
  expect(book.sheet('PL VII').cells.get('26,3')).toMatchObject({ formula: 'IFERROR(C27/B27,0)', numberFormat: '0.00%' });
  expect(book.sheet('PL VII').cells.get('41,1')).toMatchObject({ value: 82 });
  const log = book.sheet('Nhật ký PhuLuc');
  const logRows = new Set([...log.cells.keys()].map((k) => k.split(',')[0]));
  // One row per changed value, one per run of cells that only became formulas, and the header.
  expect(logRows.size).toBe(changeLogRows(plan, '').length + 1);
  expect(logRows.size).toBeLessThan(plan.edits.length / 5);
  // "=SUM(…)" in the log is text, not a formula Excel would compute on the log's own cells.
  expect([...log.cells.values()].filter((c) => c.formula)).toEqual([]);
  expect([...log.cells.values()].some((c) => String(c.value).startsWith('=IFERROR('))).toBe(true);

  // Checked again, the sheet is clean; a second fix has nothing to do, and appends nothing.
  const again = await host.readActiveSheet();
  const report = checkSheet(again.snapshot);
  expect(report.tables[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(planSheet(again.snapshot, report, { applySuggestions: true, values: false }).edits).toEqual([]);
});

test('a second fix appends to the log below the first, still in two round trips', async () => {
  const book = communes();
  const host = createExcelHost(book.run, { supports: book.supports });
  const first = await host.readActiveSheet();
  await host.applyPlan(planSheet(first.snapshot, checkSheet(first.snapshot), { applySuggestions: false, values: false }));
  const rowsAfterFirst = new Set([...book.sheet('Nhật ký PhuLuc').cells.keys()].map((k) => k.split(',')[0])).size;
  const second = await host.readActiveSheet();
  const report = checkSheet(second.snapshot);
  const before = book.syncs;
  await host.applyPlan(planSheet(second.snapshot, report, { applySuggestions: true, values: false }));
  expect(book.syncs - before).toBe(2);
  const rows = [...book.sheet('Nhật ký PhuLuc').cells.keys()].map((k) => Number(k.split(',')[0]));
  expect(Math.max(...rows) + 1).toBeGreaterThan(rowsAfterFirst);
  expect(book.sheets.map((s) => s.name)).toEqual(['PL VII', 'PL VII (gốc)', 'Nhật ký PhuLuc']);
});

test('a ranking sheet is added in one round trip: a styled table, a colour scale, the header frozen, landscape', async () => {
  const book = communes();
  const host = createExcelHost(book.run, { supports: book.supports });
  const { snapshot, sheetNames } = await host.readActiveSheet();
  const table = checkSheet(snapshot).tables[0];
  const draft = rankingSheet(rankTable(table, { measure: 'late' }), { sheet: 'PL VII', range: table.range, layout: 'L4', date: new Date(2026, 10, 23) }, sheetNames);
  const before = book.syncs;
  await host.addSheet(draft);
  expect(book.syncs - before).toBe(1);
  const ws = book.sheet('Xếp hạng – Tỉ lệ trễ hạn');
  expect(ws.cells.get('0,0')?.value).toBe('XẾP HẠNG – TỈ LỆ TRỄ HẠN');
  expect(ws.tables).toEqual([{ address: 'A7:H144', style: 'TableStyleMedium2' }]);
  expect(ws.conditionalFormats).toEqual(['ColorScale@F8:F144']);
  expect([ws.frozenRows, ws.orientation]).toEqual([7, 'Landscape']);
  expect(book.activeSheet).toBe('Xếp hạng – Tỉ lệ trễ hạn');
});

test('selecting costs one round trip; highlighting two, and removing it gives every cell its own fill back', async () => {
  const book = communes();
  const host = createExcelHost(book.run, { supports: book.supports });
  await host.selectCell('PL VII', 'B42');
  expect([book.syncs, book.selection]).toEqual([1, 'B42']);
  book.sheet('PL VII').cells.get('26,3')!.fill = '#00B050'; // D27: filled green by the sender
  const highlighting = await host.highlight('PL VII', [{ address: 'B42', severity: 'error' }, { address: 'D27', severity: 'warning' }]);
  expect(book.sheet('PL VII').cells.get('41,1')?.fill).toBe('#FFC7CE');
  expect(book.sheet('PL VII').cells.get('26,3')?.fill).toBe('#FFEB9C');
  expect(highlighting.cells).toEqual([
    { address: 'B42', fill: null, set: '#FFC7CE' },
    { address: 'D27', fill: '#00B050', set: '#FFEB9C' },
  ]);
  await host.clearHighlight(highlighting);
  expect(book.sheet('PL VII').cells.get('41,1')?.fill).toBeUndefined();
  expect(book.sheet('PL VII').cells.get('26,3')?.fill).toBe('#00B050');
});

test('the fake enforces load and sync like Excel', async () => {
  const book = communes();
  await book.run(async (context) => {
    const range = context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
    expect(() => range.values).toThrow(PropertyNotLoadedError);
    range.load('values');
    expect(() => range.values).toThrow(PropertyNotLoadedError);
    await context.sync();
    expect(range.values.length).toBeGreaterThan(150);
  });
});

test('the whole workbook is read in two round trips, whatever the number of sheets', async () => {
  const book = new FakeWorkbook();
  for (const id of ['000-04', '000-05', '000-06', '000-07', '000-08']) loadIntoFake(book, SEED_SHEETS.find((s) => s.id === id)!.spec());
  const host = createExcelHost(book.run, { supports: book.supports });
  const { sheets, active } = await host.readWorkbook();
  expect(book.syncs).toBe(2);
  expect([sheets.map((s) => s.name), active]).toEqual([['PL III', 'PL IV', 'PL V', 'PL VI', 'PL VII'], 'PL III']);
});

test('highlighting writes the message as a comment where Excel has comments, and removes only its own', async () => {
  const book = communes();
  book.comments.set("'PL VII'!D27", 'Anh Tuấn: số này đã hỏi lại huyện');
  const host = createExcelHost(book.run, { supports: book.supports });
  const highlighting = await host.highlight('PL VII', [
    { address: 'B42', severity: 'error', message: 'đúng ra là 82' },
    { address: 'D27', severity: 'warning', message: 'đúng ra là 94,39%' },
  ]);
  expect(book.comments.get("'PL VII'!B42")).toBe('PhuLuc: đúng ra là 82');
  // A cell holds one comment: the person's stays, the cell is only coloured.
  expect(book.comments.get("'PL VII'!D27")).toBe('Anh Tuấn: số này đã hỏi lại huyện');
  expect(book.sheet('PL VII').cells.get('26,3')?.fill).toBe('#FFEB9C');
  await host.clearHighlight(highlighting);
  expect([...book.comments]).toEqual([["'PL VII'!D27", 'Anh Tuấn: số này đã hỏi lại huyện']]);
});

test('without comments (before ExcelApi 1.10) the cells are only coloured', async () => {
  const book = communes(9);
  const host = createExcelHost(book.run, { supports: book.supports });
  const highlighting = await host.highlight('PL VII', [{ address: 'B42', severity: 'error', message: 'x' }]);
  expect(highlighting.comments).toBe(false);
  expect(book.comments.size).toBe(0);
  expect(book.sheet('PL VII').cells.get('41,1')?.fill).toBe('#FFC7CE');
  await host.clearHighlight(highlighting);
  expect(book.sheet('PL VII').cells.get('41,1')?.fill).toBeUndefined();
});

test('over the size limit, reads go in blocks and writes in batches, each request under the limit', async () => {
  const normal = communes();
  const expected = (await createExcelHost(normal.run, { supports: normal.supports }).readActiveSheet()).snapshot;

  const book = communes();
  book.payloadLimit = 20000; // bytes: far below the sheet (about 60 kB), as a large sheet is to 5 MB
  const host = createExcelHost(book.run, { payloadLimit: book.payloadLimit, supports: book.supports });
  const { snapshot, sheetNames } = await host.readActiveSheet();
  expect(sheetNames).toEqual(['PL VII']);
  expect(snapshot).toEqual(expected);
  expect(book.syncs).toBeGreaterThan(4); // refused once, names, size, then blocks
  expect(Math.max(...book.payloads)).toBeLessThanOrEqual(book.payloadLimit);

  const plan = planSheet(snapshot, checkSheet(snapshot), { applySuggestions: true, values: false });
  const before = book.syncs;
  await host.applyPlan(plan);
  expect(book.syncs - before).toBeGreaterThan(2);
  expect(Math.max(...book.payloads.slice(-(book.syncs - before)))).toBeLessThanOrEqual(book.payloadLimit);
  const after = await host.readActiveSheet();
  expect(checkSheet(after.snapshot).tables[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
});

describe.each([
  ['Excel 2016 (ExcelApi 1.1)', 1],
  ['Excel 2019 (ExcelApi 1.8)', 8],
])('the core on %s: every call it makes exists there (the fake fails any newer one)', (_name, version) => {
  test('check, highlight, recompute with a backup and a log, insert a ranking', async () => {
    const book = communes(version);
    const host = createExcelHost(book.run, { supports: book.supports });
    const { snapshot, sheetNames, unavailable } = await host.readActiveSheet();
    expect(unavailable).toEqual(expect.arrayContaining(['cellProperties', 'mergedAreas']));
    // Bold read row by row gives what per-cell bold gives: the same findings.
    const current = communes();
    const expected = (await createExcelHost(current.run, { supports: current.supports }).readActiveSheet()).snapshot;
    const report = checkSheet(snapshot);
    const findings = (r: typeof report) => r.tables.flatMap((t) => t.findings.map((f) => [f.cell, f.rule, f.expected]));
    expect(findings(report)).toEqual(findings(checkSheet(expected)));
    expect(findings(report).length).toBeGreaterThan(0);

    const highlighting = await host.highlight('PL VII', [{ address: 'B42', severity: 'error', message: 'đúng ra là 82' }]);
    await host.clearHighlight(highlighting);
    expect(book.sheet('PL VII').cells.get('41,1')?.fill).toBeUndefined();

    const original = new Map([...book.sheet('PL VII').cells].map(([k, c]) => [k, { ...c }]));
    const plan = planSheet(snapshot, report, { applySuggestions: true, values: false });
    const { backup } = await host.applyPlan(plan);
    // Without sheet copy the backup holds the same values, formulas and number formats.
    const kept = book.sheet(backup).cells;
    for (const [k, c] of original) expect(kept.get(k)).toMatchObject({ value: c.value, ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}) });
    expect(book.sheet('PL VII').cells.get('41,1')).toMatchObject({ value: 82 });
    expect(new Set([...book.sheet('Nhật ký PhuLuc').cells.keys()].map((k) => k.split(',')[0])).size).toBe(changeLogRows(plan, '').length + 1);

    const table = checkSheet((await host.readActiveSheet()).snapshot).tables[0];
    const draft = rankingSheet(rankTable(table, { measure: 'late' }), { sheet: 'PL VII', range: table.range, layout: 'L4', date: new Date(2026, 10, 23) }, sheetNames);
    await host.addSheet(draft);
    expect(book.sheet(draft.name).tables).toHaveLength(1);
    expect(book.sheet(draft.name).conditionalFormats).toEqual(version >= 6 ? [expect.stringContaining('ColorScale')] : []);
  });
});

test('a protected sheet is refused before anything is written', async () => {
  const book = communes();
  const host = createExcelHost(book.run, { supports: book.supports });
  const { snapshot } = await host.readActiveSheet();
  book.sheet('PL VII').protected = true;
  const before = JSON.stringify([...book.sheet('PL VII').cells]);
  await expect(host.applyPlan(planSheet(snapshot, checkSheet(snapshot), { applySuggestions: true, values: false }))).rejects.toThrow(ProtectedSheetError);
  expect(book.sheets.map((s) => s.name)).toEqual(['PL VII']);
  expect(JSON.stringify([...book.sheet('PL VII').cells])).toBe(before);
});

test('merged areas, hidden rows and protection are read with the cells, in the same round trip', async () => {
  const book = communes();
  const sheet = book.sheet('PL VII');
  sheet.merges.push('A3:A4');
  sheet.hiddenRows.add(10);
  sheet.protected = true;
  const { snapshot, unavailable } = await createExcelHost(book.run, { supports: book.supports }).readActiveSheet();
  expect(book.syncs).toBe(1);
  expect(unavailable).toEqual([]);
  expect(snapshot.merges).toEqual([{ top: 2, left: 0, bottom: 3, right: 0 }]);
  expect(snapshot.hiddenRows).toEqual([10]);
  expect(snapshot.protected).toBe(true);
});

describe('a recompute is all or nothing: a write failing part-way is undone', () => {
  test.each([
    ['in one request', undefined],
    ['in requests under a small size limit', 20000],
  ])('%s', async (_how, payloadLimit) => {
    let failed = 0;
    for (const failAt of [0, 1, 7, 120, 400, 800, 1400, 5000]) {
      const book = communes();
      if (payloadLimit) book.payloadLimit = payloadLimit;
      const host = createExcelHost(book.run, { supports: book.supports, payloadLimit });
      const { snapshot } = await host.readActiveSheet();
      const plan = planSheet(snapshot, checkSheet(snapshot), { applySuggestions: true, values: false });
      const original = JSON.stringify([...book.sheet('PL VII').cells]);
      book.failAfterWrites = failAt;
      const outcome = await host.applyPlan(plan).then(
        () => 'done',
        (e: unknown) => e,
      );
      if (outcome === 'done') {
        // The failure point lay beyond the last write: the recompute is whole.
        expect(book.sheets.map((s) => s.name)).toEqual(['PL VII', 'PL VII (gốc)', 'Nhật ký PhuLuc']);
        expect(book.sheet('PL VII').cells.get('41,1')).toMatchObject({ value: 82 });
        continue;
      }
      failed++;
      expect(outcome).toBeInstanceOf(WriteFailedError);
      expect((outcome as WriteFailedError).restored).toBe(true);
      expect([failAt, JSON.stringify([...book.sheet('PL VII').cells])]).toEqual([failAt, original]);
      expect([failAt, book.sheets.map((s) => s.name)]).toEqual([failAt, ['PL VII']]);
    }
    expect(failed).toBeGreaterThanOrEqual(5);
  });
});

describe('a ranking sheet carries a bar chart of its measure by unit, best at the top', () => {
  const scoreBook = async (apiVersion: number) => {
    const book = await openInFake(require('path').resolve(__dirname, '../../samples/chi-so-cchc-2025.xlsx'));
    book.apiVersion = apiVersion;
    return book;
  };
  const rankShown = async (book: FakeWorkbook, measure?: string, tier?: 'all') => {
    const host = createExcelHost(book.run, { supports: book.supports });
    const { snapshot, sheetNames } = await host.readActiveSheet();
    const table = checkSheet(snapshot).tables[0];
    const draft = rankingSheet(rankTable(table, { measure, tier }), { sheet: snapshot.name, range: table.range, layout: table.layout, date: new Date(2026, 11, 8) }, sheetNames);
    const before = book.syncs;
    await host.addSheet(draft);
    return Object.assign(book.sheet(draft.name), { addedIn: book.syncs - before });
  };

  test('a score table: names and totals side by side are the source, in one round trip, on Excel 2019', async () => {
    const ws = await rankShown(await scoreBook(8));
    expect(ws.addedIn).toBe(1);
    expect(ws.charts).toEqual([{ type: 'BarClustered', source: 'B9:C16', title: 'Tổng điểm', legend: false, showValue: true, reversed: true, position: ['G8', 'O28'] }]);
  });

  test('on Excel 2016 the chart is there, its bars in the table\'s order from the bottom (no reversed axis before ExcelApi 1.7)', async () => {
    const ws = await rankShown(await scoreBook(1));
    expect(ws.charts).toEqual([expect.objectContaining({ source: 'B9:C16', reversed: false })]);
  });

  test('a rate ranking: the rate is the source and the names its axis (ExcelApi 1.7); on Excel 2016, no chart', async () => {
    const rates = (version: number) => {
      const book = new FakeWorkbook();
      book.apiVersion = version;
      loadIntoFake(book, SEED_SHEETS.find((s) => s.id === '000-06')!.spec());
      return book;
    };
    const ws = await rankShown(rates(8), 'on-time', 'all');
    expect(ws.charts).toHaveLength(1);
    const [chart] = ws.charts;
    expect(chart.source).toMatch(/^F\d+:F\d+$/);
    expect(chart.xValues).toBe(chart.source.replace(/F/g, 'B'));
    expect((await rankShown(rates(1), 'on-time', 'all')).charts).toEqual([]);
  });
});
