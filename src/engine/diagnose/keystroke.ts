/**
 * Typos are nearly always one keystroke: a digit dropped, doubled, swapped with its neighbour or
 * mistyped. This tells whether two written numbers are one such keystroke apart.
 */
function digits(value: number, decimals: number): string {
  return value.toFixed(decimals).replace('.', '').replace(/^0+(?=\d)/, '');
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
