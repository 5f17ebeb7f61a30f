import { isOneKeystroke } from '../../../src/engine/diagnose/keystroke';

test.each([
  [14758, 4758, true], // a digit added
  [182, 82, true],
  [1562, 1526, true], // neighbours swapped
  [1242, 242, true],
  [4, 1, true], // one digit mistyped
  [7814, 8990, false],
  [8184, 16163, false],
  [100, 100, false],
])('%d → %d is one keystroke: %s', (a, b, expected) => {
  expect(isOneKeystroke(a, b)).toBe(expected);
});

test('rates compare their written digits', () => {
  expect(isOneKeystroke(94.89, 94.39, 2)).toBe(true);
  expect(isOneKeystroke(94.89, 92.39, 2)).toBe(false);
});

test('a rate is also compared as it is usually typed, without trailing zeros: 0 % for 30 % drops one digit', () => {
  expect(isOneKeystroke(0, 30, 2)).toBe(true);
  expect(isOneKeystroke(5, 50, 2)).toBe(true);
  expect(isOneKeystroke(0, 37.5, 2)).toBe(false);
});
