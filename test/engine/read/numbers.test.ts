import { commaGroupsThousands, decimalComma, parseCount, parseRate, rateAgrees } from '../../../src/engine/read/numbers';

const text = (value: string) => ({ value });

describe('parseCount', () => {
  test.each([
    ['17256', 17256],
    ['346.143', 346143],
    ['1.562', 1562],
    ['5840', 5840],
    ['04', 4],
    ['1.234.567', 1234567],
  ])('reads %s as %d', (input, expected) => {
    expect(parseCount(text(input))).toMatchObject({ status: 'number', value: expected, isText: true });
  });

  test('a dash is zero and a blank is nothing reported', () => {
    expect(parseCount(text('-'))).toMatchObject({ status: 'dash', value: 0 });
    expect(parseCount(undefined)).toMatchObject({ status: 'blank', value: 0 });
  });

  test('a count with its unit word', () => {
    expect(parseCount(text('23 nhiệm vụ'))).toMatchObject({ value: 23, unit: 'nhiệm vụ' });
    expect(parseCount(text('08 đơn vị'))).toMatchObject({ value: 8, unit: 'đơn vị' });
  });

  test('Excel turned the text 1.234 into the decimal 1.234: read as 1234 and flagged', () => {
    expect(parseCount({ value: 1.234 })).toMatchObject({ value: 1234, issue: 'decimal-separator', isText: false });
    expect(parseCount({ value: 346.143 })).toMatchObject({ value: 346143, issue: 'decimal-separator' });
    // "1.500" became 1.5: the trailing zeros are gone, the thousands are not.
    expect(parseCount({ value: 1.5 })).toMatchObject({ value: 1500, issue: 'decimal-separator' });
  });

  test('fractions, negatives and words are not counts', () => {
    expect(parseCount({ value: 1.2345 })).toMatchObject({ issue: 'not-a-count' });
    expect(parseCount(text('1,5'))).toMatchObject({ value: 1.5, issue: 'not-a-count' });
    expect(parseCount({ value: -3 })).toMatchObject({ issue: 'not-a-count' });
    expect(parseCount(text('không có'))).toMatchObject({ status: 'invalid', issue: 'not-a-number' });
    expect(parseCount(text('#REF!'))).toMatchObject({ status: 'invalid' });
  });

  test('leftover HTML from the conversion is ignored', () => {
    expect(parseCount(text('<b>1.059</b>'))).toMatchObject({ value: 1059 });
  });
});

describe('parseRate', () => {
  test.each([
    ['89.95%', 89.95, 2],
    ['2,33%', 2.33, 2],
    ['94.3%', 94.3, 1],
    ['100%', 100, 0],
    ['0%', 0, 0],
  ])('reads the text %s as %d %% with %d decimals', (input, value, decimals) => {
    expect(parseRate(text(input))).toMatchObject({ value, decimals, explicitPercent: true });
  });

  test('a number formatted as percent', () => {
    expect(parseRate({ value: 0.8995, numberFormat: '0.00%' })).toMatchObject({ value: 89.95, decimals: 2, explicitPercent: true });
  });

  test('a plain 96.31 under a (%) header is a percentage; a plain 0.1257 may be a fraction', () => {
    expect(parseRate({ value: 96.31 })).toMatchObject({ value: 96.31, asFraction: undefined });
    expect(parseRate(text('0.1257'))).toMatchObject({ value: 0.1257, asFraction: 12.57 });
  });

  test('149/149 is a fraction, worth 100 %', () => {
    expect(parseRate(text('149/149'))).toMatchObject({ value: 100, issue: 'fraction-text' });
  });
});

describe('rateAgrees', () => {
  test('within ±0.01 percentage point', () => {
    expect(rateAgrees(89.95, (15522 / 17256) * 100)).toBe(true);
    expect(rateAgrees(94.89, (370 / 392) * 100)).toBe(false);
  });
  test('rounded or truncated to the decimals written', () => {
    expect(rateAgrees(33.9, (18 / 53) * 100, 1)).toBe(true); // truncation of 33.96
    expect(rateAgrees(34, (18 / 53) * 100, 0)).toBe(true);
    expect(rateAgrees(72, (1499 / 2082) * 100, 0)).toBe(true);
    expect(rateAgrees(33.8, (18 / 53) * 100, 1)).toBe(false);
  });
});

test('thousands grouped by commas are a column\'s form: read as thousands where the column says so, as decimals where it does not', () => {
  expect(commaGroupsThousands('64,524')).toBe(true);
  expect(commaGroupsThousands('1,234,567')).toBe(true);
  expect(commaGroupsThousands('12,5')).toBe(false);
  expect(decimalComma('12,5')).toBe(true);
  expect(decimalComma('64,524')).toBe(false);
  expect(parseCount({ value: '64,524' }, true)).toMatchObject({ status: 'number', value: 64524, issue: undefined });
  expect(parseCount({ value: '1,234,567' }, true)).toMatchObject({ status: 'number', value: 1234567, issue: undefined });
  expect(parseCount({ value: '64,524' })).toMatchObject({ value: 64.524, issue: 'not-a-count' });
  // A decimal comma is never thousands, whatever the column says.
  expect(parseCount({ value: '12,5' }, true)).toMatchObject({ value: 12.5, issue: 'not-a-count' });
});
