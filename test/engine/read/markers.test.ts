import fc from 'fast-check';
import { isRoman, Marker, MarkerKind, parseMarker } from '../../../src/engine/read/markers';

describe('parseMarker', () => {
  test.each([
    ['12', { kind: 'num', depth: 1, text: '12' }, ''],
    ['7.', { kind: 'num', depth: 1, text: '7' }, ''],
    ['1.2. Sở Tư pháp', { kind: 'num', depth: 2, text: '1.2' }, 'Sở Tư pháp'],
    ['3.4.1.1', { kind: 'num', depth: 4, text: '3.4.1.1' }, ''],
    ['IV. Huyện', { kind: 'roman', depth: 1, text: 'IV' }, 'Huyện'],
    ['B', { kind: 'letter', depth: 1, text: 'B' }, ''],
    ['- Xã An Phú', { kind: 'dash', depth: 1, text: '-' }, 'Xã An Phú'],
    ['+ Thôn 1', { kind: 'plus', depth: 1, text: '+' }, 'Thôn 1'],
  ])('%s', (text, marker, rest) => {
    expect(parseMarker(text)).toEqual({ marker, rest });
  });

  test('names and numbers that are not numbering carry no marker', () => {
    expect(parseMarker('Xã Ninh Hòa').marker).toBeUndefined();
    expect(parseMarker('1.234,5').marker?.text).not.toBe('1.234,5');
    expect(parseMarker('').marker).toBeUndefined();
  });

  test('a number alone, with or without its dot, is a first-level number whatever its digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,7}$/), fc.boolean(), fc.constantFrom('', ' ', '  '), (digits, dot, pad) => {
        expect(parseMarker(`${pad}${digits}${dot ? '.' : ''}${pad}`)).toEqual({ marker: { kind: 'num', depth: 1, text: digits }, rest: '' });
      }),
    );
  });
});

/** The reading by regular expressions alone: what the shortcuts for dotted numbers and names must agree with. */
function parseMarkerByExpressions(text: string): { marker?: Marker; rest: string } {
  const t = text.trim();
  const first = t.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const m = /^(\d+(?:\.\d+)*)\.?(?:\s+|$|(?=[^\d.]))/.exec(t);
    if (!m) return { rest: t };
    return { marker: { kind: 'num', depth: m[1].split('.').length, text: m[1] }, rest: t.slice(m[0].length).trim() };
  }
  if (first >= 65 && first <= 90) {
    const m = /^([IVXLC]+|[A-Z])[.)]?(?:\s+|$)/.exec(t);
    if (!m) return { rest: t };
    const kind: MarkerKind = m[1].length > 1 || isRoman(m[1]) ? 'roman' : 'letter';
    return { marker: { kind, depth: 1, text: m[1] }, rest: t.slice(m[0].length).trim() };
  }
  return parseMarker(text);
}

test('the shortcuts read numbering and names exactly as the regular expressions do', () => {
  const piece = fc.constantFrom('1', '2', '12', '.', '..', ' ', '\u00a0', '\u3000', ')', 'I', 'V', 'X', 'L', 'C', 'IV', 'B', 'H', 'a', 'ã', 'Ư', 'ệ', 'Xã', '-', ',', '%');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const text = pieces.join('');
      expect(parseMarker(text)).toEqual(parseMarkerByExpressions(text));
    }),
    { numRuns: 3000 },
  );
});
