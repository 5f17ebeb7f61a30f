import { foldText, phraseScore, tokens } from '../../../src/engine/read/text';

test('folding removes tone marks wherever they sit, and đ', () => {
  expect(foldText('Hòa')).toBe(foldText('Hoà'));
  expect(foldText('Thủy')).toBe(foldText('Thuỷ'));
  expect(foldText('Đồng ý giải quyết')).toBe('dong y giai quyet');
  expect(foldText('Tỉ lệ (%)')).toBe('ti le %');
});

test('tỉ and tỷ are one word', () => {
  expect(tokens(foldText('Tỷ lệ'))).toEqual(tokens(foldText('Tỉ lệ')));
});

test('a phrase matches contiguous words only', () => {
  expect(phraseScore(tokens('ho so da giai quyet'), tokens('da giai quyet'))).toBeCloseTo(0.6);
  expect(phraseScore(tokens('ho so da giai quyet'), tokens('ho so giai quyet'))).toBe(0);
});
