/** Text normalisation for matching headers and labels written by hand. */

const HTML_TAG = /<\/?[a-z][^>]*>/gi;
const HTML_ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

const NEEDS_CLEANING = /[<&\u00a0\t\n\r]| {2}/;

/** Removes leftover HTML (from Word/PDF conversion) and collapses white space. */
export function cleanText(text: string): string {
  // Most cells are plain: skip the regular expressions for them.
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text
    .replace(HTML_TAG, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot);/g, (m) => HTML_ENTITIES[m] ?? ' ')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

/**
 * Folds Vietnamese text for comparison: lower case, tone marks and other diacritics removed,
 * đ → d, punctuation turned into spaces. "Tỉ lệ (%)" and "ty le %" fold to near-equal forms.
 */
export function foldText(text: string): string {
  let folded = folds.get(text);
  if (folded === undefined) {
    folded = cleanText(text)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9%]+/g, ' ')
      .trim();
    // The same headers, units and words come back in every sheet and file: each is folded once.
    if (folds.size >= MAX_FOLDS) folds.clear();
    folds.set(text, folded);
  }
  return folded;
}

/** Texts folded so far (at most MAX_FOLDS, then started afresh). */
const folds = new Map<string, string>();
const MAX_FOLDS = 100_000;

/** Spelling variants that fold differently but mean the same (ti/ty in "tỉ lệ"). */
const TOKEN_VARIANTS: Record<string, string> = { ty: 'ti' };

/** The words of a folded text; the same array for the same text (shared: never changed by a caller). */
export function tokens(folded: string): readonly string[] {
  let words = wordLists.get(folded);
  if (words === undefined) {
    words = Object.freeze(folded ? folded.split(' ').map((t) => TOKEN_VARIANTS[t] ?? t) : []);
    if (wordLists.size >= MAX_FOLDS) wordLists.clear();
    wordLists.set(folded, words);
  }
  return words;
}

const wordLists = new Map<string, readonly string[]>();

/**
 * How well a phrase matches a header: 0 when the phrase's tokens do not appear contiguously,
 * otherwise the share of the header's tokens that the phrase covers (1 = exact).
 */
export function phraseScore(headerTokens: readonly string[], phraseTokens: readonly string[]): number {
  if (phraseTokens.length === 0 || headerTokens.length < phraseTokens.length) return 0;
  outer: for (let i = 0; i + phraseTokens.length <= headerTokens.length; i++) {
    for (let j = 0; j < phraseTokens.length; j++) if (headerTokens[i + j] !== phraseTokens[j]) continue outer;
    return phraseTokens.length / headerTokens.length;
  }
  return 0;
}
