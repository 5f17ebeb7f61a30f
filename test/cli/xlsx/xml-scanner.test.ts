/**
 * The scanner's one-step reading of an element that holds plain text: taken where the bytes are
 * exactly that, declined (with nothing moved) wherever the token-by-token path has to judge.
 */
import { CLOSE, END, OPEN, TEXT, XmlScanner } from '../../../src/cli/xlsx/xml-scanner';

const scanner = (xml: string) => new XmlScanner(new TextEncoder().encode(xml));

/** Moves to the first start tag named `name` and tries the one-step reading there. */
function plainAt(xml: string, name: string): { taken: boolean; text?: string; after: string[] } {
  const x = scanner(xml);
  while (!(x.next() === OPEN && x.name === name));
  const taken = x.plainContent();
  const text = taken ? x.text() : undefined;
  const after: string[] = [];
  for (let t = x.next(); t !== END; t = x.next()) after.push(t === OPEN ? `<${x.name}>` : t === CLOSE ? `</${x.name}>` : t === TEXT ? x.text() : '?');
  return { taken, text, after };
}

test('a value with its end tag is read in one step, and scanning goes on after the end tag', () => {
  expect(plainAt('<c><v>12.5</v></c>', 'v')).toEqual({ taken: true, text: '12.5', after: ['</c>'] });
  expect(plainAt('<x:c><x:v>7</x:v></x:c>', 'v')).toEqual({ taken: true, text: '7', after: ['</c>'] });
  expect(plainAt('<c><v></v></c>', 'v')).toEqual({ taken: true, text: '', after: ['</c>'] });
});

test.each([
  ['a reference', '<c><v>a&amp;b</v></c>', 'a&b'],
  ['a carriage return', '<c><v>1\r\n2</v></c>', '1\n2'],
  ['markup inside', '<c><v>1<!-- x -->2</v></c>', '1'],
  ['an end tag with a space', '<c><v>3</v ></c>', '3'],
  ['an end tag spelled with another prefix', '<c><x:v>4</y:v></c>', '4'],
])('with %s it declines, and the token path reads the same element', (_, xml, firstText) => {
  const declined = plainAt(xml, 'v');
  expect(declined.taken).toBe(false);
  expect(declined.after[0]).toBe(firstText);
});

test('a self-closing element is never read in one step', () => {
  expect(plainAt('<c><v/></c>', 'v').taken).toBe(false);
});
