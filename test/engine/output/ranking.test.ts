import { checkSheet } from '../../../src/engine/check';
import { rankTable, RankingError } from '../../../src/engine/output/ranking';
import { rankingSheet } from '../../../src/engine/output/ranking-sheet';
import { GridCell, L4_HEADER, l4Row, sheetOf } from '../../fixtures/grid';

/** An L4 table: two districts with their communes, each row consistent. */
function table(rows: GridCell[][]) {
  return checkSheet(sheetOf([...L4_HEADER, ...rows])).tables[0];
}

const COMMUNES: GridCell[][] = [
  l4Row('1', 'Huyện Một', 330, 200, 80, 20), // group row: sum of 1.1–1.3
  l4Row('1.1', 'Xã Dương', 100, 60, 30, 10), // late 10/100 = 10 %
  l4Row('1.2', 'Xã Đông', 200, 130, 50, 10), // late 10/190 ≈ 5.26 %
  l4Row('1.3', 'Xã Diên', 30, 10, 0, 0), // resolved 10 of 30, none late
  l4Row('2', 'Huyện Hai', 160, 95, 45, 0),
  l4Row('2.1', 'Xã An', 80, 50, 30, 0),
  l4Row('2.2', 'Xã Bình', 80, 45, 15, 0),
];

test('ranks within the table\'s own groups; equal measures share a rank; ties ordered by dossiers then name', () => {
  const t = table(COMMUNES);
  expect(t.findings).toEqual([]);
  const r = rankTable(t, { measure: 'late' });
  expect(r.groups.map((g) => [g.title, g.units.map((u) => [u.rank, u.name])])).toEqual([
    ['Huyện Một', [[1, 'Xã Diên'], [2, 'Xã Đông'], [3, 'Xã Dương']]],
    // 0 % late twice: one rank, the one with more resolved dossiers first, then by name.
    ['Huyện Hai', [[1, 'Xã An'], [1, 'Xã Bình']]],
  ]);
});

test('standard competition ranking: 1, 2, 2, 4', () => {
  const rows = [l4Row('1', 'Sở A', 100, 90, 0, 10), l4Row('2', 'Sở B', 100, 80, 0, 20), l4Row('3', 'Sở C', 50, 40, 0, 10), l4Row('4', 'Sở D', 100, 70, 0, 30)];
  const r = rankTable(table(rows), { measure: 'on-time' });
  expect(r.groups[0].units.map((u) => [u.rank, u.name])).toEqual([[1, 'Sở A'], [2, 'Sở B'], [2, 'Sở C'], [4, 'Sở D']]);
});

test('Vietnamese name order breaks exact ties: D before Đ', () => {
  const rows = [l4Row('1', 'Xã Đông Hải', 10, 10, 0, 0), l4Row('2', 'Xã Dương', 10, 10, 0, 0), l4Row('3', 'Xã Diên', 10, 10, 0, 0)];
  expect(rankTable(table(rows), { measure: 'on-time' }).groups[0].units.map((u) => u.name)).toEqual(['Xã Diên', 'Xã Dương', 'Xã Đông Hải']);
});

test('a unit with nothing resolved is listed apart, not ranked first or last', () => {
  const rows = [l4Row('1', 'Sở A', 100, 90, 0, 10), l4Row('2', 'Sở Trống', 0, 0, 0, 0), l4Row('3', 'Sở B', 100, 80, 0, 20)];
  const g = rankTable(table(rows), { measure: 'late' }).groups[0];
  expect(g.units.map((u) => u.name)).toEqual(['Sở A', 'Sở B']);
  expect(g.unranked.map((u) => [u.name, u.rank, u.note])).toEqual([['Sở Trống', null, 'Không có hồ sơ trong kỳ: không xếp hạng']]);
});

test('other tiers: every unit together, or the top-level rows', () => {
  const t = table(COMMUNES);
  expect(rankTable(t, { measure: 'late', tier: 'all' }).groups.map((g) => g.units.map((u) => u.name))).toEqual([['Xã An', 'Xã Bình', 'Xã Diên', 'Xã Đông', 'Xã Dương']]);
  expect(rankTable(t, { measure: 'late', tier: 'top' }).groups.map((g) => g.units.map((u) => [u.rank, u.name]))).toEqual([[[1, 'Huyện Hai'], [2, 'Huyện Một']]]);
});

test('classes from a preset; 10 % or more late rules out "Tốt"', () => {
  const r = rankTable(table(COMMUNES), { measure: 'on-time', preset: 'khanh-hoa' });
  const byName = Object.fromEntries(r.groups.flatMap((g) => g.units).map((u) => [u.name, [u.className, u.note ?? '']]));
  expect(byName['Xã Dương']).toEqual(['Khá', 'Trễ hạn 10,00% ≥ 10%: không xếp loại Tốt']); // 90 % on time, 10 % late
  expect(byName['Xã Đông']).toEqual(['Tốt', '']); // 94.74 %
  expect(byName['Xã An']).toEqual(['Tốt', '']);
  const bnv = rankTable(table(COMMUNES), { measure: 'on-time', preset: 'bnv' });
  expect(bnv.groups[0].units.find((u) => u.name === 'Xã Dương')!.className).toBe('Nhóm A');
});

test('a measure the layout does not have is refused with a message', () => {
  expect(() => rankTable(table(COMMUNES), { measure: 'online' })).toThrow(RankingError);
});

test('the sheet states source, measure, date and rules, and warns when the source has errors', () => {
  const rows = COMMUNES.map((r) => [...r]);
  rows[1][2] = 1000; // Xã Dương received: a typo
  const t = table(rows);
  const draft = rankingSheet(rankTable(t, { measure: 'on-time', preset: 'khanh-hoa' }), { sheet: 'PL VII', range: t.range, layout: 'L4', date: new Date(2026, 10, 23) }, ['PL VII']);
  expect(draft.name).toBe('Xếp hạng – Tỉ lệ đúng hạn');
  expect(draft.title).toBe('XẾP HẠNG – TỈ LỆ ĐÚNG HẠN');
  expect(draft.info[0]).toContain('"PL VII"');
  expect(draft.info[0]).toContain('23/11/2026');
  expect(draft.info.join(' ')).toContain('Tốt ≥ 90%');
  expect(draft.warning).toContain('C4');
  expect(draft.header).toEqual(['Nhóm', 'Hạng', 'Đơn vị', 'HS trước hạn', 'HS đúng hạn', 'HS đã giải quyết', 'Tỉ lệ đúng hạn', 'Xếp loại', 'Ghi chú']);
  expect(draft.formats[6]).toBe('0.00%');
  expect(rankingSheet(rankTable(t, { measure: 'late' }), { sheet: 'x', range: t.range, layout: 'L4', date: new Date() }, ['Xếp hạng – Tỉ lệ trễ hạn']).name).toBe('Xếp hạng – Tỉ lệ trễ hạn (2)');
});

test('ranked by a measure where lower is better, a preset still classes each unit by its own rule (the on-time rate)', () => {
  const r = rankTable(table(COMMUNES), { measure: 'late', preset: 'khanh-hoa' });
  const units = r.groups.flatMap((g) => g.units);
  expect(r.classMeasure?.id).toBe('on-time');
  // Xã Dương: on time 90/100 = 90 % but 10 % late → not Tốt; Xã Đông: 180/190 ≈ 94.7 %, 5.3 % late → Tốt.
  expect(Object.fromEntries(units.map((u) => [u.name, u.className]))).toEqual({ 'Xã Diên': 'Tốt', 'Xã Đông': 'Tốt', 'Xã Dương': 'Khá', 'Xã An': 'Tốt', 'Xã Bình': 'Tốt' });
  const draft = rankingSheet(r, { sheet: 'PL VII', range: 'A4:L10', layout: 'L4', date: new Date(2026, 10, 23) }, []);
  expect(draft.info.join(' ')).toContain('Xếp loại (Khánh Hòa (Tốt / Khá / Trung bình / Yếu)) theo tỉ lệ đúng hạn của từng đơn vị');
});

test('classes that cannot be given leave no silent empty column: the sheet says why', () => {
  const r = rankTable(table(COMMUNES), { measure: 'received', bands: [{ label: 'Cao', labelEn: 'High', min: 100 }, { label: 'Thấp', labelEn: 'Low', min: 0 }] });
  expect(r.groups.flatMap((g) => g.units).every((u) => u.className === undefined)).toBe(true);
  expect(r.classesNotGiven?.vi).toContain('không phải tỉ lệ');
  const draft = rankingSheet(r, { sheet: 'PL VII', range: 'A4:L10', layout: 'L4', date: new Date(2026, 10, 23) }, []);
  expect(draft.info).toContain(r.classesNotGiven!.vi);
});
