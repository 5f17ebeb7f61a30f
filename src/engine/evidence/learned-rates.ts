/**
 * The definition of a rate column no declaration names, learned from the numbers: the pair of
 * count columns a / b whose 100 × a / b the written rates agree with, to the decimals each shows,
 * in rows whose matches beat chance (chance.ts). A rate column no pair explains is left unchecked.
 */
import { beatsChance, breaksAllowed, rateEvidence } from './chance';
import { rateAgrees, rateFromCounts } from '../read/numbers';

/** One row: its counts (NaN where unreadable) and its written rates in percent with their decimals. */
export interface RateCase {
  counts: number[];
  rates: number[];
  decimals: number[];
}

export interface LearnedRate {
  /** Indexes into the rows' rates and counts. */
  rate: number;
  numerator: number;
  denominator: number;
  holds: number;
  fails: number;
}

const SCREEN_ROWS = 300;

export function learnRates(rows: RateCase[], countWidth: number, rateWidth: number): LearnedRate[] {
  const tried = Math.max(1, rateWidth * countWidth * (countWidth - 1));
  const out: LearnedRate[] = [];
  const screen = rows.slice(0, SCREEN_ROWS);
  for (let r = 0; r < rateWidth; r++) {
    let best: (LearnedRate & { evidence: number }) | undefined;
    for (let n = 0; n < countWidth; n++) {
      for (let d = 0; d < countWidth; d++) {
        if (n === d) continue;
        // Screened on the first rows: nearly every pair breaks at once.
        if (rows.length > SCREEN_ROWS && !tally(screen, r, n, d, breaksAllowed(SCREEN_ROWS))) continue;
        const t = tally(rows, r, n, d, breaksAllowed(rows.length));
        if (!t || t.fails > breaksAllowed(t.holds + t.fails) || !beatsChance(t.evidence, tried)) continue;
        if (!best || t.fails < best.fails || (t.fails === best.fails && t.evidence > best.evidence)) best = { rate: r, numerator: n, denominator: d, ...t };
      }
    }
    if (best) out.push({ rate: best.rate, numerator: best.numerator, denominator: best.denominator, holds: best.holds, fails: best.fails });
  }
  return out;
}

/** How the pair fares; undefined once it breaks in more than `allowed` rows. */
function tally(rows: RateCase[], r: number, n: number, d: number, allowed: number): { holds: number; fails: number; evidence: number } | undefined {
  const t = { holds: 0, fails: 0, evidence: 0 };
  for (const row of rows) {
    const written = row.rates[r];
    const truth = rateFromCounts(row.counts[n], row.counts[d]);
    if (Number.isNaN(written) || truth === undefined || Number.isNaN(truth)) continue;
    if (rateAgrees(written, truth, row.decimals[r])) {
      t.holds++;
      t.evidence += rateEvidence(written, row.decimals[r]);
    } else if (++t.fails > allowed) return undefined;
  }
  return t;
}
