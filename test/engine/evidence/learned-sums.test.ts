/** Additive relations learned from the numbers: kept when they beat chance, typos and all. */
import fc from 'fast-check';
import { learnSums } from '../../../src/engine/evidence/learned-sums';

/** A matrix of rows for learnSums from arrays of rows. */
function matrix(rows: number[][]) {
  const width = rows[0].length;
  const data = Float64Array.from(rows.flat());
  return { width, count: rows.length, rows: (limit?: number) => data.slice(0, (limit ?? rows.length) * width) };
}
const untied = () => false;

test('four quarter columns summing to the year are found as a run of neighbours', () => {
  const rows = [
    [58, 45, 81, 33, 217],
    [43, 49, 68, 63, 223],
    [78, 42, 87, 22, 229],
    [38, 98, 36, 76, 248],
    [50, 85, 2, 0, 137],
  ];
  const m = matrix(rows);
  expect(learnSums(m.width, m.count, m.rows, untied)).toEqual([{ total: 4, parts: [0, 1, 2, 3], holds: 5, fails: 0 }]);
});

test('a small table with two typos keeps its relation, and the two rows are its breaks', () => {
  const rows = [
    [1298, 647, 651],
    [843, 187, 656],
    [1004, 466, 538],
    [880, 734, 146],
    [1336, 616, 720],
    [555, 398, 157],
  ];
  rows[1][1] = 178; // a swapped pair of digits
  rows[4][0] = 1346; // a mistyped digit
  const m = matrix(rows);
  expect(learnSums(m.width, m.count, m.rows, untied)).toEqual([{ total: 0, parts: [1, 2], holds: 4, fails: 2 }]);
});

test('columns already tied by declared identities give nothing new', () => {
  const m = matrix([
    [30, 10, 20],
    [70, 30, 40],
    [90, 45, 45],
    [110, 60, 50],
  ]);
  expect(learnSums(m.width, m.count, m.rows, () => true)).toEqual([]);
});

test('independent columns of counts never make a rule', () => {
  const table = fc.integer({ min: 3, max: 8 }).chain((width) => fc.array(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: width, maxLength: width }), { minLength: 3, maxLength: 40 }));
  fc.assert(
    fc.property(table, (rows) => {
      const m = matrix(rows);
      expect(learnSums(m.width, m.count, m.rows, untied)).toEqual([]);
    }),
    { numRuns: 200, seed: 7 },
  );
});
