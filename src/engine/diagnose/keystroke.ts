/**
 * Typos are nearly always one keystroke: a digit dropped, doubled, swapped with its neighbour or
 * mistyped. This tells whether two written numbers are one such keystroke apart.
 */
function digits(value: number, decimals: number): string {
  // Leading zeros are not typed, but the one before a decimal mark is: 0,39 is "039" (40,39 less its 4).
  let text = value.toFixed(decimals).replace('.', '');
  while (text.length > decimals + 1 && text[0] === '0') text = text.slice(1);
  return text;
}

/** Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or adjacent swap). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < longer.length; i++) {
    if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}

/** The digits as a rate is usually typed, without trailing zeros: 30 % is "30", not "3000". */
function shortDigits(value: number, decimals: number): string {
  return value.toFixed(decimals).replace(/\.?0+$/, '').replace('.', '').replace(/^0+(?=\d)/, '');
}

export function isOneKeystroke(written: number, corrected: number, decimals = 0): boolean {
  if (withinOneEdit(digits(written, decimals), digits(corrected, decimals))) return true;
  return decimals > 0 && withinOneEdit(shortDigits(written, decimals), shortDigits(corrected, decimals));
}

/** The values one dropped digit or one swap of neighbours away from a written one, in its decimals. */
export function keystrokeVariants(written: number, decimals = 0): number[] {
  const text = digits(written, decimals);
  const out = new Set<number>();
  const read = (d: string) => Number(d) / 10 ** decimals;
  for (let i = 0; i < text.length; i++) {
    if (text.length > 1) out.add(read(text.slice(0, i) + text.slice(i + 1)));
    if (i + 1 < text.length && text[i] !== text[i + 1]) out.add(read(text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2)));
  }
  out.delete(written);
  return [...out];
}
