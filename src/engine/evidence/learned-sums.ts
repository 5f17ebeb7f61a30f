/**
 * Additive relations among a table's count columns that no declaration names but its numbers
 * show: a total column the sum of two or three others anywhere in the row, or of a run of
 * neighbouring columns (four quarters summing to the year). A relation is kept when its matches beat
 * chance (chance.ts); the rows breaking it are then typos, up to the share a typo could explain.
 */
import { beatsChance, breaksAllowed, sumEvidence } from './chance';

export interface LearnedSum {
  /** Indexes into the columns given. */
  total: number;
  parts: number[];
  holds: number;
  fails: number;
}

/** Rows read to screen candidates before a full count; enough to reject nearly all of them. */
const SCREEN_ROWS = 300;
/** Most columns a run of neighbours may hold. */
const MAX_RUN = 12;

interface Tally {
  holds: number;
  fails: number;
  evidence: number;
  /** Whether each part is other than 0 in two rows where the relation holds, so each is needed. */
  needed: boolean;
}

/**
 * `width` columns, `rows(limit)` their figures row after row (NaN where unreadable) for the first
 * `limit` rows or all; `tied(a, b)`: whether declared identities already relate the two columns;
 * `affinity(total, parts)`: how many parts the headers tie to the total, tried first.
 */
export function learnSums(width: number, rowCount: number, rows: (limit?: number) => Float64Array, tied: (a: number, b: number) => boolean, affinity: (total: number, parts: number[]) => number = () => 0): LearnedSum[] {
  if (width < 3 || width > 20) return [];
  const candidates: { total: number; parts: number[] }[] = [];
  for (let a = 0; a < width; a++) {
    for (let b = 0; b < width; b++) {
      for (let c = b + 1; c < width; c++) {
        if (a === b || a === c) continue;
        candidates.push({ total: a, parts: [b, c] });
        for (let d = c + 1; d < width; d++) if (d !== a) candidates.push({ total: a, parts: [b, c, d] });
      }
    }
    // Runs of four neighbours or more beside the total, on either side.
    for (let length = 4; length <= MAX_RUN; length++) {
      if (a - length >= 0) candidates.push({ total: a, parts: Array.from({ length }, (_, i) => a - length + i) });
      if (a + length < width) candidates.push({ total: a, parts: Array.from({ length }, (_, i) => a + 1 + i) });
    }
  }
  const tried = candidates.length;
  const screen = rows(SCREEN_ROWS);
  const screenRows = Math.min(rowCount, SCREEN_ROWS);
  let all: Float64Array | undefined;
  const passing: (LearnedSum & { evidence: number })[] = [];
  for (const candidate of candidates) {
    const cols = [candidate.total, ...candidate.parts];
    if (cols.every((c) => tied(c, cols[0]))) continue;
    const quick = tally(screen, width, candidate.total, candidate.parts, breaksAllowed(screenRows));
    if (!quick) continue;
    const full = rowCount > SCREEN_ROWS ? tally((all ??= rows()), width, candidate.total, candidate.parts, breaksAllowed(rowCount)) : quick;
    if (!full || !full.needed || full.fails > breaksAllowed(full.holds + full.fails) || !beatsChance(full.evidence, tried)) continue;
    passing.push({ ...candidate, holds: full.holds, fails: full.fails, evidence: full.evidence });
  }
  // The relations that fit best first: fewest breaks, then fewest parts; one that only adds
  // columns to a kept one (zeros where it holds) or relates columns already related is not news.
  // Where the headers tell (a total "thẩm định" over the columns "thẩm định"), what they say comes first.
  passing.sort((x, y) => affinity(y.total, y.parts) - affinity(x.total, x.parts) || x.fails - y.fails || x.parts.length - y.parts.length || y.evidence - x.evidence);
  const group = Array.from({ length: width }, (_, i) => i);
  const find = (c: number): number => (group[c] === c ? c : (group[c] = find(group[c])));
  const kept: LearnedSum[] = [];
  for (const p of passing) {
    const cols = [p.total, ...p.parts];
    if (cols.every((c) => find(c) === find(cols[0]) || tied(c, cols[0]))) continue;
    if (kept.some((k) => [k.total, ...k.parts].every((c) => cols.includes(c)))) continue;
    // A total has several breakdowns only with no part in common (by channel, by level); one that
    // shares parts with the kept one swaps the others for columns often equal to them (a
    // self-assessed score and its appraisal): the first kept is the rule.
    if (kept.some((k) => k.total === p.total && k.parts.some((c) => p.parts.includes(c)))) continue;
    for (const c of p.parts) group[find(c)] = find(p.total);
    kept.push({ total: p.total, parts: p.parts, holds: p.holds, fails: p.fails });
  }
  return kept;
}

/** How a relation fares over the rows; undefined once it breaks in more than `allowed` rows. */
function tally(values: Float64Array, width: number, total: number, parts: number[], allowed: number): Tally | undefined {
  const t: Tally = { holds: 0, fails: 0, evidence: 0, needed: false };
  const nonZero = new Array<number>(parts.length).fill(0);
  for (let at = 0; at < values.length; at += width) {
    const a = values[at + total];
    let s = 0;
    let given = 0;
    for (let i = 0; i < parts.length; i++) {
      const v = values[at + parts[i]];
      s += v;
      if (v !== 0 && !Number.isNaN(v)) given++;
    }
    if (Number.isNaN(a) || Number.isNaN(s) || (a === 0 && s === 0)) continue;
    if (Math.abs(a - s) < 1e-6) {
      t.holds++;
      // A match says something only where two parts or more are given (a = b + 0 is a = b).
      if (given >= 2) {
        t.evidence += sumEvidence(a);
        for (let i = 0; i < parts.length; i++) if (values[at + parts[i]] !== 0) nonZero[i]++;
      }
    } else if (++t.fails > allowed) return undefined;
  }
  t.needed = nonZero.every((n) => n >= 2);
  return t;
}

