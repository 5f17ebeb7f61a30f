/**
 * Unit names as reports write them: "UBND huyện X", "Huyện X" and "Thuộc huyện X"
 * are one unit; tone marks move ("Thủy"/"Thuỷ"); abbreviations stand for long names. Matching is
 * by the normalised name; when several units fit equally, the match is reported as ambiguous.
 */
import { foldText, tokens } from './text';

/** Folded abbreviations and what they stand for (folded, "&" already a space). */
const ABBREVIATIONS: [string, string][] = [
  ['ld tb xh', 'lao dong thuong binh va xa hoi'],
  ['tb xh', 'thuong binh va xa hoi'],
  ['nn ptnt', 'nong nghiep va phat trien nong thon'],
  ['ptnt', 'phat trien nong thon'],
  ['tn mt', 'tai nguyen va moi truong'],
  ['tt tt', 'thong tin va truyen thong'],
  ['kh cn', 'khoa hoc va cong nghe'],
  ['khdt', 'ke hoach va dau tu'],
  ['cnvpdkdd', 'chi nhanh van phong dang ky dat dai'],
  ['vpdkdd', 'van phong dang ky dat dai'],
  ['bql', 'ban quan ly'],
  ['kkt', 'khu kinh te'],
  ['kdl', 'khu du lich'],
  ['tp', 'thanh pho'],
  ['tx', 'thi xa'],
  ['tt', 'thi tran'],
];

/** Words that say how a unit is referred to, not which unit it is. */
const REFERRING_WORDS = new Set(['ubnd', 'thuoc', 'tai']);

export function normaliseUnitName(name: string): string[] {
  let folded = ` ${foldText(name.replace(/^\s*(\d+(\.\d+)*\.?|[IVX]+\.|[A-Z]\.)\s+/, '')).replace(/\buy ban nhan dan\b/g, 'ubnd')} `;
  for (const [short, long] of ABBREVIATIONS) folded = folded.replace(new RegExp(` ${short} `, 'g'), ` ${long} `);
  return tokens(folded.trim()).filter((t) => !REFERRING_WORDS.has(t));
}

function contains(haystack: string[], needle: string[]): boolean {
  if (!needle.length || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export type UnitMatch = { kind: 'match'; index: number } | { kind: 'ambiguous'; indexes: number[] } | { kind: 'none' };

/** Finds a name among candidates: the same normalised name, else the one candidate containing it. */
export function matchUnitName(name: string, candidates: string[]): UnitMatch {
  const wanted = normaliseUnitName(name);
  const normalised = candidates.map(normaliseUnitName);
  const equal = normalised.map((c, i) => (c.join(' ') === wanted.join(' ') ? i : -1)).filter((i) => i >= 0);
  const fits = equal.length ? equal : normalised.map((c, i) => (contains(c, wanted) || contains(wanted, c) ? i : -1)).filter((i) => i >= 0);
  if (fits.length === 1) return { kind: 'match', index: fits[0] };
  if (fits.length > 1) return { kind: 'ambiguous', indexes: fits };
  return { kind: 'none' };
}

/** True when a text (an appendix title) names the unit, in any of its written forms. */
export function textNamesUnit(text: string, name: string): boolean {
  return contains(normaliseUnitName(text), normaliseUnitName(name));
}
