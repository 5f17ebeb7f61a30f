import fc from 'fast-check';
import { fitCellText, MAX_CELL_TEXT } from '../../../src/engine/read/cell-text';
import { inlineText } from '../../../src/cli/xlsx/xml-splice';

test('a text a cell can hold is kept as it is; a longer one is cut to 32,767 characters ending "…", never inside a surrogate pair', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: 0, max: 40000 }), (tail, extra) => {
      const text = 'a'.repeat(extra) + tail;
      const fitted = fitCellText(text);
      if (text.length <= MAX_CELL_TEXT) return fitted === text;
      const body = fitted.slice(0, -1);
      const last = body.charCodeAt(body.length - 1);
      return fitted.length <= MAX_CELL_TEXT && fitted.endsWith('…') && text.startsWith(body) && !(last >= 0xd800 && last <= 0xdbff);
    }),
    { numRuns: 200 },
  );
  expect(fitCellText(`${'a'.repeat(MAX_CELL_TEXT - 2)}😀b`)).toBe(`${'a'.repeat(MAX_CELL_TEXT - 2)}…`);
});

test('the command line writes a cell\'s text inline, escaped and cut', () => {
  expect(inlineText('=1+1 & <b>')).toBe('<is><t xml:space="preserve">=1+1 &amp; &lt;b&gt;</t></is>');
  expect(inlineText('x'.repeat(40000), 'x:')).toBe(`<x:is><x:t xml:space="preserve">${'x'.repeat(MAX_CELL_TEXT - 1)}…</x:t></x:is>`);
});
