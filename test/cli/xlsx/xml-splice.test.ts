/**
 * Splicing an XML part: changes applied in byte order however they were made, insertions at one
 * place in the order made; escaping as Excel reads it back, the quick path agreeing with the full one.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { escapeXml, XmlSplice } from '../../../src/cli/xlsx/xml-splice';
import { unescapeExcelText } from '../../../src/cli/xlsx/shared-strings';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

test('changes made out of order are applied in byte order; insertions at one place keep their order', () => {
  const splice = new XmlSplice(bytes('<a><b/><c/></a>'));
  splice.replace(7, 11, '<C/>');
  splice.insert(3, '1');
  splice.replace(3, 7, '<B/>');
  splice.insert(11, 'é');
  expect(text(splice.result())).toBe('<a>1<B/><C/>é</a>');
});

test('overlapping changes are refused', () => {
  const splice = new XmlSplice(bytes('<a><b/></a>'));
  splice.replace(3, 7, 'x');
  splice.replace(5, 9, 'y');
  expect(() => splice.result()).toThrow('overlapping');
});

test('nothing changed gives the very bytes back', () => {
  const data = bytes('<a/>');
  expect(new XmlSplice(data).result()).toBe(data);
});

test('escaped text reads back, through a real XML parser and Excel’s _xHHHH_ rule, as the text written', () => {
  const piece = fc.constantFrom('a', 'Tỉ lệ', '&', '<', '>', '"', "'", '_x', '_x0041_', '_x005F_', '\u0001', '\t', '\n', '\ufffe', 'SUM(D5:D9)', ' ');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
      const written = pieces.join('');
      let read = '';
      const parser = new SaxesParser();
      parser.on('text', (t) => (read += t));
      parser.write(`<t>${escapeXml(written)}</t>`).close();
      expect(unescapeExcelText(read)).toBe(written);
    }),
    { numRuns: 2000 },
  );
});
