import { float64List, int32List, uint8List } from '../../src/engine/typed-list';

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
