import { CellTable } from '../../../src/engine/read/cell-table';
import { ColumnDeclaration } from '../../../src/engine/layouts';
import { RelationList } from '../../../src/engine/relations/relation-list';
import { keyOf } from '../../../src/engine/relations/relations';

const count: ColumnDeclaration = { key: 'received', role: 'count', title: 'Tổng số', titleEn: 'Received', header: [], weight: 1 };

/** Cells 0..5: row 0 holds 10, 4, 6 (total, on time, late); row 1 holds 20, 15, 5. */
function table(): CellTable {
  const cells = new CellTable();
  [
    [10, 4, 6],
    [20, 15, 5],
  ].forEach((values, row) => values.forEach((v, col) => cells.addPlainCount(keyOf(row, col), count, v)));
  return cells;
}

describe('RelationList', () => {
  const cells = table();
  const list = new RelationList(cells);
  list.addSum('row', 0, 0, [1, 2]);
  list.addRate(1, 4, [4], [3]);
  list.addBound(1, [5], [3]);
  list.addSum('total', 1, 3, [0]);

  test('gives each relation back as an object of cell keys', () => {
    expect(list.length).toBe(4);
    expect(list.at(0)).toEqual({ id: 0, kind: 'sum', scope: 'row', row: 0, total: keyOf(0, 0), parts: [keyOf(0, 1), keyOf(0, 2)] });
    expect(list.at(1)).toEqual({ id: 1, kind: 'rate', row: 1, rate: keyOf(1, 1), numerator: [keyOf(1, 1)], denominator: [keyOf(1, 0)] });
    expect(list.at(2)).toEqual({ id: 2, kind: 'bound', row: 1, part: [keyOf(1, 2)], whole: [keyOf(1, 0)] });
    expect(list.at(3)).toMatchObject({ kind: 'sum', scope: 'total', total: keyOf(1, 0), parts: [keyOf(0, 0)] });
  });

  test('the same object each time, so relations can be kept in sets', () => {
    expect(list.at(2)).toBe(list.at(2));
    expect([...list].map((r) => r.id)).toEqual([0, 1, 2, 3]);
    expect([...list].filter((r) => r.kind === 'sum').map((r) => r.id)).toEqual([0, 3]);
  });

  test('adds up each side without making objects', () => {
    const value = (i: number) => cells.valueAt(i);
    expect([list.sideTotal(0, 0, value), list.sideTotal(0, 1, value), list.sideTotal(0, 2, value)]).toEqual([10, 10, 0]);
    expect([list.sideTotal(1, 1, value), list.sideTotal(1, 2, value)]).toEqual([15, 20]);
    expect(list.first(1, 0)).toBe(4);
    expect(list.kindOf(2)).toBe('bound');
  });

  test('lists every cell of a relation, all sides', () => {
    const members = (id: number) => {
      const out: number[] = [];
      for (let j = list.membersStart(id); j < list.membersEnd(id); j++) out.push(list.member(j));
      return out;
    };
    expect(members(0)).toEqual([0, 1, 2]);
    expect(members(1)).toEqual([4, 4, 3]);
    expect(members(2)).toEqual([5, 3]);
  });

  test('grows past its first arrays', () => {
    const big = new RelationList(cells);
    for (let i = 0; i < 1000; i++) big.addSum('group', i, 0, [1, 2, 3, 4, 5]);
    expect(big.length).toBe(1000);
    expect(big.at(999)).toMatchObject({ row: 999, scope: 'group', parts: [1, 2, 3, 4, 5].map((i) => cells.keyAt(i)) });
    expect(big.sideTotal(999, 1, (i) => cells.valueAt(i))).toBe(4 + 6 + 20 + 15 + 5);
  });
});
