/**
 * The test that makes a relation seen in a table's numbers the table's rule: its exact matches
 * could not plausibly be coincidences. Each row where it holds is evidence weighed by how unlikely
 * the match would be by chance (a total of 1,234 equal to its parts' sum: about 1 in 600; a rate
 * of 87,65 % agreeing to two decimals with a / b: about 1 in 5,000); the evidence of all rows must
 * beat the number of relations tried, with a margin. Rows that break an accepted relation are then
 * typos to report, not a reason to drop it — up to a share a typo could explain.
 */

/** The family-wise chance below which matches are taken for a rule: one in a thousand. */
export const MARGIN = 3;

/** −log10 of the chance that a whole number equals another sum of its size by coincidence. */
export function sumEvidence(total: number): number {
  const size = Math.abs(total);
  return size < 2 ? 0 : Math.log10((1 + size) / 2);
}

/**
 * −log10 of the chance that a rate written with `decimals` agrees with a / b by coincidence:
 * within a unit of its last decimal, among the values from 0 to 100. 0 % and 100 % say nothing
 * (a = 0 and a = b make them for any definition of the pair).
 */
export function rateEvidence(rate: number, decimals: number): number {
  if (rate <= 0 || rate === 100) return 0;
  // Agreeing is within a unit of the last decimal shown (two at most: see rateAgrees).
  return Math.max(0, Math.log10(Math.max(100, rate) / (2 * 10 ** -Math.min(decimals, 2))));
}

/** Whether matches worth `evidence` beat chance among `tried` relations. */
export function beatsChance(evidence: number, tried: number): boolean {
  return evidence >= Math.log10(Math.max(1, tried)) + MARGIN;
}

/**
 * Rows that may break a rule and still leave it the rule: two in any table (two typos in a small
 * one), one in ten in a large one.
 */
export function breaksAllowed(rows: number): number {
  return Math.max(2, Math.floor(0.1 * rows));
}

/** log10(k!): the chance of one arrangement among k! is one in 10 to that. */
export function log10Factorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i++) sum += Math.log10(i);
  return sum;
}
