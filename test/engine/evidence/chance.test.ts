/** The test that makes matches a rule: evidence grows with how unlikely each match is by chance. */
import fc from 'fast-check';
import { beatsChance, breaksAllowed, rateEvidence, sumEvidence } from '../../../src/engine/evidence/chance';

test('a match of small numbers says nothing; a larger total says more', () => {
  expect(sumEvidence(0)).toBe(0);
  expect(sumEvidence(1)).toBe(0);
  fc.assert(fc.property(fc.integer({ min: 2, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }), (a, more) => sumEvidence(a + more) > sumEvidence(a) && sumEvidence(-a) === sumEvidence(a)));
});

test('0 % and 100 % say nothing; a rate with more decimals says more', () => {
  expect(rateEvidence(0, 2)).toBe(0);
  expect(rateEvidence(100, 2)).toBe(0);
  expect(rateEvidence(87.65, 2)).toBeCloseTo(Math.log10(5000));
  fc.assert(fc.property(fc.double({ min: 0.01, max: 99.99, noNaN: true }), (rate) => rateEvidence(rate, 0) < rateEvidence(rate, 1) && rateEvidence(rate, 1) < rateEvidence(rate, 2) && rateEvidence(rate, 3) === rateEvidence(rate, 2)));
});

test('the more relations were tried, the more evidence a rule needs', () => {
  expect(beatsChance(3, 1)).toBe(true);
  expect(beatsChance(3, 10)).toBe(false);
  expect(beatsChance(4.1, 10)).toBe(true);
});

test('two rows may break a rule in any table, one in ten in a large one', () => {
  expect(breaksAllowed(5)).toBe(2);
  expect(breaksAllowed(40)).toBe(4);
});
