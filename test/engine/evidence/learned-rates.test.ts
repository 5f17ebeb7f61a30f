/** Rate definitions learned from the numbers: the pair a / b the written rates agree with, beyond chance. */
import fc from 'fast-check';
import { learnRates, RateCase } from '../../../src/engine/evidence/learned-rates';

const row = (counts: number[], rate: number, decimals = 2): RateCase => ({ counts, rates: [rate], decimals: [decimals] });

test('the rate is found as the second count over the first, with the row that breaks it', () => {
  const rows = [row([175, 139], 79.43), row([2270, 2175], 95.81), row([3825, 2715], 70.98), row([1, 1], 100), row([3673, 2129], 57.96), row([1132, 1000], 88.43), row([4447, 4000], 89.95)];
  expect(learnRates(rows, 2, 1)).toEqual([{ rate: 0, numerator: 1, denominator: 0, holds: 6, fails: 1 }]);
});

test('rounded to one decimal or truncated, the rates still tell their definition', () => {
  const rows = [row([432, 364], 84.2, 1), row([2154, 1406], 65.2, 1), row([1335, 678], 50.7, 1), row([1642, 1000], 60.9, 1), row([4832, 2635], 54.5, 1)];
  expect(learnRates(rows, 2, 1)).toMatchObject([{ numerator: 1, denominator: 0, fails: 0 }]);
});

test('0 % and 100 % alone prove nothing', () => {
  const rows = [row([5, 5], 100), row([3, 0], 0), row([8, 8], 100), row([2, 0], 0), row([9, 9], 100)];
  expect(learnRates(rows, 2, 1)).toEqual([]);
});

test('rates no pair of counts explains are never given a definition', () => {
  const rows = fc.array(
    fc.record({ a: fc.integer({ min: 1, max: 5000 }), b: fc.integer({ min: 1, max: 5000 }), c: fc.integer({ min: 0, max: 5000 }), rate: fc.integer({ min: 1, max: 9999 }) }),
    { minLength: 3, maxLength: 40 },
  );
  fc.assert(
    fc.property(rows, (list) => {
      expect(learnRates(list.map((r) => row([r.a, r.b, r.c], r.rate / 100)), 3, 1)).toEqual([]);
    }),
    { numRuns: 200, seed: 11 },
  );
});
