/**
 * Issue 5's acceptance: the seed task tables (000 Phụ lục I, 002 Phụ lục 1, 003's task table) and the
 * checklist (000 Phụ lục II) give the summaries counted by hand; the 2017 appendices IV–VII agree
 * across sheets, and a changed total is pinpointed at both ends.
 */
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/cli/xlsx-reader';
import { checkSheet, checkWorkbook } from '../../src/engine/check';
import { ChecklistSummary } from '../../src/engine/findings/checklist';
import { SheetReport } from '../../src/engine/findings/report';
import { TaskSummary } from '../../src/engine/findings/tasks';
import { SEED_SHEETS, TEXT_SHEETS } from '../fixtures/seed-sheets';
import { writeWorkbook } from '../fixtures/workbook-writer';

const reports = new Map<string, SheetReport>();

beforeAll(async () => {
  const file = await writeWorkbook(TEXT_SHEETS.map((s) => ({ ...s.spec(), name: s.id })));
  for (const sheet of await readWorkbook(file)) reports.set(sheet.name, checkSheet(sheet));
});

function summary<T>(id: string): T {
  const tables = reports.get(id)!.tables;
  expect(tables).toHaveLength(1);
  return tables[0].summary as T;
}

const counts = (s: TaskSummary) => ({ sections: s.sections, tasks: s.tasks, done: s.done, inProgress: s.inProgress, notStarted: s.notStarted, notYetDue: s.notYetDue, noReport: s.noReport });

test.each(TEXT_SHEETS.map((s) => [s.id, s.layout]))('%s is recognised as %s', (id, layout) => {
  expect(reports.get(id)!.tables.map((t) => t.layout)).toEqual([layout]);
});

test('000 Phụ lục I (Q1 2017): 40 tasks in 7 sections, most not reported yet', () => {
  // By hand: done I.3, I.5, IV.2, VII.7; in progress I.2, II.1, IV.3, V.1–3, VII.2–3;
  // not started I.7 ("Chưa thực hiện"), IV.1 ("Chưa có Nghị định mới"); the other 26 blank or "chưa nhận báo cáo".
  const s = summary<TaskSummary>('000-01');
  expect(counts(s)).toEqual({ sections: 7, tasks: 40, done: 4, inProgress: 8, notStarted: 2, notYetDue: 0, noReport: 26 });
  expect(s.completionRate).toBe(10);
  expect(s.bySection.map((b) => [b.number, b.tasks])).toEqual([['I', 7], ['II', 5], ['III', 4], ['IV', 3], ['V', 4], ['VI', 6], ['VII', 11]]);
  // Task I.2 continues on the next page: its text is joined.
  expect(s.items[1].text).toContain('nhiệm vụ về phát triển kết cấu hạ tầng');
});

test('002 Phụ lục 1 (2022): 60 tasks, 52 done', () => {
  // By hand: in progress I.1 (awaiting the ministry), III.8 (blocked), III.10 (central plan being drafted),
  // VI.12 (ministry still collecting comments); not started II.4 (on hold until guidance), V.3 (nothing arose),
  // VI.2 (suspended for 2022), VI.14 (no guidance yet); every other task reports what was done.
  const s = summary<TaskSummary>('002-01');
  expect(counts(s)).toEqual({ sections: 7, tasks: 60, done: 52, inProgress: 4, notStarted: 4, notYetDue: 0, noReport: 0 });
  expect(s.bySection.map((b) => b.number)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']); // "VI I" read as VII
  expect(s.items.every((i) => !/<\/?[a-z]/i.test(i.result))).toBe(true); // HTML remnants removed
});

test('003 task table (2019): 25 tasks numbered straight through 8 sections, one without a numeral', () => {
  const s = summary<TaskSummary>('003-02');
  expect(counts(s)).toEqual({ sections: 8, tasks: 25, done: 22, inProgress: 0, notStarted: 1, notYetDue: 1, noReport: 1 });
  expect(s.bySection[4]).toMatchObject({ number: '', title: 'XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC', tasks: 3 });
  expect(s.items.find((i) => i.number === '22')!.status).toBe('notYetDue');
  expect(reports.get('003-02')!.tables[0].findings).toEqual([]);
});

test('000 Phụ lục II: 45 units in two blocks; who is missing, who was late', () => {
  const s = summary<ChecklistSummary>('000-02');
  expect(s.units).toBe(45);
  expect(s.columns.map((c) => [c.key, c.done, c.late, c.missing])).toEqual([
    ['plan', 44, 0, 1], // Trường Chính trị tỉnh has no date
    ['outreach', 32, 0, 13],
    ['report', 40, 5, 0],
  ]);
  expect(s.late.map((l) => l.split(':')[0])).toEqual(['Sở Xây dựng', 'Ban Dân tộc', 'Công an tỉnh', 'UBND huyện Khánh Vĩnh', 'Ban QLDA Phát triển tinh']);
  expect(s.missing).toContain('Trường Chính trị tỉnh: Kế hoạch CCHC');
  // Compliance: all three on time first; Trường Chính trị tỉnh (one of three, two missing) last.
  expect(s.ranking[0]).toMatchObject({ rank: 1, onTime: 3 });
  expect(s.ranking[s.ranking.length - 1]).toMatchObject({ name: 'Trường Chính trị tỉnh', onTime: 1, missing: 2 });
});

describe('000 Phụ lục IV–VII across sheets', () => {
  const ids = ['000-05', '000-06', '000-07', '000-08'];

  async function workbook(edit?: (wb: ExcelJS.Workbook) => void) {
    const file = await writeWorkbook(ids.map((id) => SEED_SHEETS.find((s) => s.id === id)!.spec()));
    if (edit) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      edit(wb);
      await wb.xlsx.writeFile(file);
    }
    return checkWorkbook(await readWorkbook(file));
  }

  test('each tier of Phụ lục IV equals the total of its appendix', async () => {
    const report = await workbook();
    expect(report.crossSheet.map((l) => [l.from.label, l.to.sheet, l.holds, l.columns.length])).toEqual([
      ['Khối Sở, ngành', 'PL V', true, 6],
      ['UBND cấp huyện', 'PL VI', true, 6],
      ['UBND cấp xã', 'PL VII', true, 6],
    ]);
    expect(report.sheets.flatMap((s) => s.tables.flatMap((t) => t.findings)).filter((f) => f.rule === 'cross-sheet-mismatch')).toEqual([]);
  });

  test('a changed total is pinpointed at both ends', async () => {
    const report = await workbook((wb) => {
      wb.getWorksheet('PL VI')!.getCell('H14').value = 2239; // on-time total 2329 → 2239
    });
    const link = report.crossSheet.find((l) => l.to.sheet === 'PL VI')!;
    expect(link.holds).toBe(false);
    expect(link.columns.filter((c) => !c.holds).map((c) => [c.from, c.to, c.fromValue, c.toValue])).toEqual([['H7', 'H14', 2329, 2239]]);
    const at = (sheet: string) => report.sheets.find((s) => s.sheet === sheet)!.tables[0].findings.filter((f) => f.rule === 'cross-sheet-mismatch').map((f) => [f.cell, f.expected]);
    expect(at('PL IV')).toEqual([['H7', 2239]]);
    expect(at('PL VI')).toEqual([['H14', 2329]]);
    expect(report.crossSheet.filter((l) => l.to.sheet !== 'PL VI').every((l) => l.holds)).toBe(true);
  });
});
