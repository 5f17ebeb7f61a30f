/**
 * Row numbering as written in appendices: 1, 1., 1.1., 3.4.1.1 (dotted), I, II (Roman),
 * A, B, C (letters), "-" and "+" items; in an STT cell or at the start of the name.
 */
export type MarkerKind = 'num' | 'roman' | 'letter' | 'dash' | 'plus';

export interface Marker {
  kind: MarkerKind;
  /** For dotted numbers: how many parts (1 for "1.", 2 for "1.1."). */
  depth: number;
  /** The numbering as written, without trailing dot: "1.1", "IV", "B". */
  text: string;
}

const DOTTED = /^(\d+(?:\.\d+)*)\.?(?:\s+|$|(?=[^\d.]))/;
const ROMAN_OR_LETTER = /^([IVXLC]+|[A-Z])[.)]?(?:\s+|$)/;
const DASH = /^[-–—]\s*/;
const PLUS = /^\+\s*/;
// Up to 89 sections; a lone C or L is taken for a letter.
const ROMAN = /^(XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

export function isRoman(text: string): boolean {
  return text.length > 0 && text !== 'L' && ROMAN.test(text);
}

/** "12" or "12.": what nearly every STT cell holds, read without a regular expression. */
function plainNumber(t: string): string | undefined {
  let end = t.length;
  if (t.charCodeAt(end - 1) === 46) end--;
  for (let i = 0; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return end === t.length ? t : t.slice(0, end);
}

/** "1.2" or "3.4.1.": dotted numbering alone in its cell, read without a regular expression; its depth, or 0. */
function dottedDepth(t: string): number {
  let depth = 0;
  let digits = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && digits > 0) {
      depth++;
      digits = 0;
    } else return 0;
  }
  return digits > 0 ? depth + 1 : depth;
}

const isRomanLetter = (c: number) => c === 73 || c === 86 || c === 88 || c === 76 || c === 67;

/**
 * Whether an upper-case first letter is followed by a letter or digit of its word (as in a name:
 * "Xã", "UBND", "Huyện"), which no numbering is; other cases are left to the regular expression.
 */
function startsAWord(t: string): boolean {
  let end = 1;
  if (isRomanLetter(t.charCodeAt(0))) while (end < t.length && isRomanLetter(t.charCodeAt(end))) end++;
  const c = t.charCodeAt(end);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1ea0 && c <= 0x1eff);
}

/** Reads a marker at the start of the text; returns it with the rest of the text. */
export function parseMarker(text: string): { marker?: Marker; rest: string } {
  const t = text.trim();
  // Each kind of marker starts with its own kind of character: most names start with none of them.
  const first = t.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const plain = plainNumber(t);
    if (plain !== undefined) return { marker: { kind: 'num', depth: 1, text: plain }, rest: '' };
    const depth = dottedDepth(t);
    if (depth) return { marker: { kind: 'num', depth, text: t.charCodeAt(t.length - 1) === 46 ? t.slice(0, -1) : t }, rest: '' };
    const m = DOTTED.exec(t);
    if (m) {
      const parts = m[1].split('.');
      return { marker: { kind: 'num', depth: parts.length, text: m[1] }, rest: t.slice(m[0].length).trim() };
    }
    return { rest: t };
  }
  if (first >= 65 && first <= 90) {
    if (startsAWord(t)) return { rest: t };
    const m = ROMAN_OR_LETTER.exec(t);
    if (m) {
      const word = m[1];
      const kind: MarkerKind = word.length > 1 || isRoman(word) ? 'roman' : 'letter';
      return { marker: { kind, depth: 1, text: word }, rest: t.slice(m[0].length).trim() };
    }
    return { rest: t };
  }
  let m = DASH.exec(t);
  if (m && t.length > 0) return { marker: { kind: 'dash', depth: 1, text: '-' }, rest: t.slice(m[0].length).trim() };
  m = PLUS.exec(t);
  if (m) return { marker: { kind: 'plus', depth: 1, text: '+' }, rest: t.slice(m[0].length).trim() };
  return { rest: t };
}

/**
 * A single letter that is also a Roman numeral (I, V, X, L, C) is a letter when it follows the
 * previous letter at that level (A, B → C), and a Roman numeral otherwise.
 */
export function disambiguate(marker: Marker, previousLetter: string | undefined): Marker {
  if (marker.text.length !== 1 || !isRoman(marker.text)) return marker;
  if (previousLetter && previousLetter.charCodeAt(0) + 1 === marker.text.charCodeAt(0)) {
    return { ...marker, kind: 'letter' };
  }
  return { ...marker, kind: 'roman' };
}

/** The key that tells levels apart: dotted numbers nest by depth, other kinds by first appearance. */
export function levelKey(marker: Marker): string {
  return marker.kind === 'num' ? `num:${marker.depth}` : marker.kind;
}
