/**
 * An unreadable cell (#REF!, #DIV/0!, a word) is reported with the value its relations give,
 * when they all give the same one.
 */
import { checkSheet } from '../../../src/engine/check';
import { Finding } from '../../../src/engine/findings/finding';
import { snapshotFromGrid } from '../../../src/engine/read/snapshot';

const header = [['STT', 'Đơn vị', 'Tổng số đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Trễ hạn', 'Tỉ lệ đúng hạn (%)']];

function findings(rows: (string | number)[][]): Pick<Finding, 'cell' | 'rule' | 'expected'>[] {
  const report = checkSheet(snapshotFromGrid('PL', [...header, ...rows]));
  expect(report.tables.map((t) => t.layout)).toEqual(['L4']);
  return report.tables[0].findings.filter((f) => f.severity === 'error').map((f) => ({ cell: f.cell, rule: f.rule, expected: f.expected }));
}

// Resolved = early + on time + late in each row; the group row is the sum of the two districts.
const consistent = () => [
  ['I', 'Khối huyện', 150, 20, 100, 30, 66.67],
  ['1', 'Huyện A', 100, 10, 80, 10, 80],
  ['2', 'Huyện B', 50, 10, 20, 20, 40],
];

test('the consistent table has nothing to report', () => {
  expect(findings(consistent())).toEqual([]);
});

test('a #REF! total is given the sum of its parts, which its column agrees with', () => {
  const rows = consistent();
  rows[1][2] = '#REF!';
  expect(findings(rows)).toEqual([{ cell: 'C3', rule: 'excel-error', expected: 100 }]);
});

test('a #DIV/0! rate is given the rate of its counts', () => {
  const rows = consistent();
  rows[2][6] = '#DIV/0!';
  expect(findings(rows)).toEqual([{ cell: 'G4', rule: 'excel-error', expected: 40 }]);
});

test('a #DIV/0! rate over no dossiers is given 0 %, as the checker reads 0 of 0 everywhere', () => {
  const rows = consistent();
  rows[0] = ['I', 'Khối huyện', 100, 10, 80, 10, 80];
  rows[2] = ['2', 'Huyện B', 0, 0, 0, 0, '#DIV/0!'];
  expect(findings(rows)).toEqual([{ cell: 'G4', rule: 'excel-error', expected: 0 }]);
});

test('a word where a part belongs is given what the total leaves for it', () => {
  const rows = consistent();
  rows[2][5] = 'hai mươi';
  expect(findings(rows)).toEqual([{ cell: 'F4', rule: 'not-a-number', expected: 20 }]);
});

test('when its relations disagree, no value is made up', () => {
  const rows = consistent();
  rows[1][3] = '#REF!';
  // Its row gives 100 - 80 - 10 = 10; the group row, once its early count says 25, gives 15.
  rows[0][3] = 25;
  expect(findings(rows).find((f) => f.cell === 'D3')).toEqual({ cell: 'D3', rule: 'excel-error', expected: null });
});
