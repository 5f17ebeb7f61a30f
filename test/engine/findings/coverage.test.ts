/**
 * Coverage: every figure on a sheet is checked by a relation, or reported in a region that was not
 * checked — never passed over as correct.
 */
import { checkSheet } from '../../../src/engine/check';
import { uncheckedRegions } from '../../../src/engine/findings/coverage';
import { RelationList } from '../../../src/engine/relations/relation-list';
import { L4_HEADER, l4Row, pct, sheetOf } from '../../fixtures/grid';

const L4_BODY = [l4Row('1', 'Huyện A', 120, 30, 80, 5), l4Row('2', 'Huyện B', 95, 20, 60, 10), l4Row('3', 'Huyện C', 40, 10, 25, 0)];
const total = (): (string | number | null | ReturnType<typeof pct>)[] => {
  const sum = (c: number) => L4_BODY.reduce((s, r) => s + (r[c] as number), 0);
  return l4Row('', 'Tổng cộng', sum(2), sum(5), sum(7), sum(9));
};

test('a known layout whose every figure is in a checked relation leaves nothing unchecked, numbering and title numbers included', () => {
  const sheet = sheetOf([['Phụ lục VI'], ['Số liệu quý 1 năm', 2017], [], ...L4_HEADER, ['(1)', '(2)', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], ...L4_BODY, total()]);
  const report = checkSheet(sheet);
  expect(report.tables.map((t) => t.layout)).toEqual(['L4']);
  expect(report.unchecked).toEqual([]);
});

test('figures no relation ties together (survey votes, units across the columns, no total) are one region not checked', () => {
  const units = ['Huyện A', 'Huyện B', 'Huyện C', 'Huyện D'];
  const sheet = sheetOf([['Khảo sát mức độ hài lòng'], [], ['Mức độ', ...units], ['Rất hài lòng', 412, 1290, 655, 387], ['Hài lòng', 230, 874, 402, 219], ['Chưa hài lòng', 17, 58, 31, 12]]);
  const report = checkSheet(sheet);
  expect(report.tables.flatMap((t) => t.findings)).toEqual([]);
  expect(report.unchecked.map((u) => [u.range, u.cells, u.reason])).toEqual([['B4:E6', 12, report.tables.length ? 'no-relation' : 'no-table']]);
  expect(report.unchecked[0].message).toContain('12 số');
  expect(report.unchecked[0].messageEn).toContain('12 figures');
});

test('a second table beside a recognised one is named as not checked when nothing reads it', () => {
  const scores = [
    ['Đơn vị', 'Tiêu chí 1', 'Tiêu chí 2', 'Tổng điểm'],
    ['Sở A', 8.5, 7.25, 15.75],
    ['Sở B', 9, 6.5, 15.5],
    ['Sở C', 7, 8, 15],
  ];
  // The scores' header beside the L4 header's second row, an empty column between.
  const rows = [...L4_HEADER, ...L4_BODY, total()].map((r, i) => [...r, null, ...(scores[i - 1] ?? [])]);
  const report = checkSheet(sheetOf(rows, 'A4'));
  expect(report.tables.map((t) => t.layout)).toContain('L4');
  expect(report.tables.flatMap((t) => t.findings)).toEqual([]);
  expect(report.unchecked.map((u) => [u.range, u.reason])).toEqual([['P6:R8', 'no-table']]);
});

test('rates of a table whose headers no layout knows, no pair of its counts explaining them, are reported as not checked, inside that table', () => {
  const header = [['STT', 'Địa bàn', 'Tổng lượt tiếp nhận', 'Lượt đã xong', 'Phần trăm hài lòng', 'Còn tồn']];
  const body = [
    [1, 'Xã A', 100, 90, pct(71.3), 10],
    [2, 'Xã B', 50, 45, pct(88.15), 5],
    [3, 'Xã C', 80, 60, pct(64.2), 20],
    ['', 'Tổng', 230, 195, pct(77.9), 35],
  ];
  const report = checkSheet(sheetOf([...header, ...body], 'A4'));
  expect(report.tables.map((t) => t.layout)).toEqual(['L0']);
  const rates = report.unchecked.find((u) => u.range === 'E5:E8');
  expect(rates).toMatchObject({ cells: 4, reason: 'outside-relations', table: report.tables[0].range });
});

test('a lone number outside any table is not a region; a table whose relations are taken away is reported whole as not checked', () => {
  const sheet = sheetOf([['Báo cáo', 2017], [], ...L4_HEADER, ...L4_BODY]);
  const report = checkSheet(sheet);
  expect(report.unchecked).toEqual([]);
  const { tables } = report;
  // Without its relations the same figures are all unchecked, table by table.
  const bare = uncheckedRegions(sheet, tables.map((t) => ({ model: t.model, relations: { cells: t.relations.cells, relations: new RelationList(t.relations.cells), open: [] } })));
  expect(bare.map((u) => u.reason)).toEqual(['no-relation']);
  expect(bare[0].cells).toBe(3 * 11);
});
