/**
 * The date rule every host reads cells by: a number whose format shows a day, a month name or a
 * year is a date (given as its day); a time of day, an elapsed time or a plain number is not.
 */
import { isDateFormat, serialDay } from '../../../src/engine/read/snapshot';

test.each([
  ['dd/mm/yyyy', true],
  ['mm-dd-yy', true],
  ['d-mmm', true],
  ['mmm-yy', true],
  ['[$-42A]dd/mm/yyyy', true],
  ['h:mm', false],
  ['[h]:mm:ss', false],
  ['mm:ss', false],
  ['0.00%', false],
  ['#,##0 "ngày"', false],
  ['"Năm" 0', false],
  ['[Red]#,##0', false],
])('%s shows a date: %s', (format, date) => {
  expect(isDateFormat(format)).toBe(date);
});

test('a day number reads as the day Excel shows, in either date system', () => {
  expect(serialDay(42825)).toBe('31/03/2017');
  expect(serialDay(42825 - 1462, true)).toBe('31/03/2017');
});
