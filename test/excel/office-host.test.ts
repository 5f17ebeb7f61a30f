import { checkSheet } from '../../src/engine/check';
import { snapshotFromRange } from '../../src/excel/office-host';

test('the used range becomes a snapshot addressed from A1, keeping text, formats and bold', () => {
  // A used range starting at C5, as Excel returns it: values, text, formats, cell properties.
  const values = [
    ['STT', 'Cơ quan, đơn vị', 'Số hồ sơ trực tuyến mức độ 3 (trở lên)'],
    [1, 'Sở A', 10],
    [2, 'Sở B', 25],
    ['Cộng:', '', 36],
  ];
  const text = values.map((r) => r.map(String));
  const formats = values.map((r) => r.map(() => 'General'));
  const bold = values.map((r, i) => r.map(() => ({ format: { font: { bold: i === 0 || i === 3 } } })));
  const snapshot = snapshotFromRange('PL III', { row: 4, col: 2 }, values, text, formats, bold);
  expect(snapshot.cells[4][2]).toMatchObject({ value: 'STT', bold: true });
  expect(snapshot.cells[5][4]).toMatchObject({ value: 10, text: '10', numberFormat: 'General', bold: false });
  const report = checkSheet(snapshot);
  expect(report.tables[0].range).toBe('C5:E8');
  expect(report.tables[0].findings.map((f) => [f.cell, f.rule])).toEqual([['E8', 'ambiguous-mismatch']]);
});
