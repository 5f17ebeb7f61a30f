import { float64List, int32List, uint8List } from '../../../src/engine/read/typed-list';

test('grows from any capacity, keeping every value', () => {
  for (const list of [int32List(0), int32List(3), float64List(1), uint8List()]) {
    for (let i = 0; i < 1000; i++) list.push(i % 200);
    expect(list.length).toBe(1000);
    expect([list.at(0), list.at(199), list.at(200), list.at(999)]).toEqual([0, 199, 0, 199]);
  }
});

test('each kind keeps what its type can hold', () => {
  const doubles = float64List(1);
  doubles.push(200_001 * 16384 + 3);
  doubles.push(12.5);
  expect([doubles.at(0), doubles.at(1)]).toEqual([200_001 * 16384 + 3, 12.5]);
  const ints = int32List(1);
  ints.push(-7);
  expect(ints.at(0)).toBe(-7);
});

test('room reserved for a record is made at once, and what was there stays', () => {
  const list = int32List(2);
  list.push(5);
  const data = list.reserve(100);
  expect(data.length).toBeGreaterThanOrEqual(101);
  for (let i = 0; i < 100; i++) data[list.length++] = i;
  expect([list.length, list.at(0), list.at(1), list.at(100)]).toEqual([101, 5, 0, 99]);
  // Room already there is not made again.
  expect(list.reserve(0)).toBe(data);
});
