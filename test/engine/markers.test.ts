import fc from 'fast-check';
import { parseMarker } from '../../src/engine/markers';

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
