/**
 * Rank columns told by their numbers: whole numbers 1…n that form a ranking (ties included), under
 * a header that says rank or blank on the rows that are not ranked (a total, a group). Such a
 * column is never summed; ranks.ts checks it against the order it follows.
 */
import { breaksAllowed } from '../evidence/chance';
import { matchScore } from './header';

/** Header words of a rank column (folded). */
export const RANK_WORDS = ['xep hang', 'thu hang', 'hang', 'xep thu', 'rank', 'ranking'];

export type TieStyle = 'competition' | 'dense';

/** Whether whole numbers form a ranking of their own count: 1, 2, 2, 4 (competition) or 1, 2, 2, 3 (dense). */
export function formsRanking(values: number[]): boolean {
  if (values.length < 3 || values.some((v) => !Number.isInteger(v) || v < 1 || v > values.length)) return false;
  const sorted = [...values].sort((a, b) => a - b);
  const competition = sorted.every((v, i) => v === (i > 0 && sorted[i - 1] === v ? v : i + 1));
  const distinct = [...new Set(sorted)];
  const dense = distinct.every((v, i) => v === i + 1);
  return competition || dense;
}

/**
 * Whether a column of whole numbers is a rank column: under a header that says rank, whole numbers
 * from 1 to their count; otherwise numbers forming a ranking, blank on rows that carry figures but
 * are not ranked (a total, a group).
 */
export function isRankColumn(values: (number | undefined)[], header: string): boolean {
  const given = values.filter((v): v is number => v !== undefined);
  // Under a header that says rank, whole numbers from 1 to their count are ranks, a typo and all.
  if (matchScore(header, RANK_WORDS) > 0) {
    const outside = given.filter((v) => !Number.isInteger(v) || v < 1 || v > given.length).length;
    return given.length >= 3 && outside <= breaksAllowed(given.length) && outside * 2 < given.length;
  }
  return formsRanking(given) && given.length >= 5 && given.length < values.length;
}

/** The ranks of values, high first or low first, ties as `style` writes them. */
export function ranksOf(values: number[], highFirst: boolean, style: TieStyle): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => (highFirst ? b.v - a.v : a.v - b.v));
  const out = new Array<number>(values.length);
  let rank = 0;
  let distinct = 0;
  order.forEach(({ v, i }, k) => {
    if (k === 0 || v !== order[k - 1].v) {
      rank = k + 1;
      distinct++;
    }
    out[i] = style === 'competition' ? rank : distinct;
  });
  return out;
}
