/**
 * The numeric cells of a table by key. A province-wide appendix has hundreds of thousands of
 * them; an array per row is several times faster to fill and read than one Map.
 */
import type { CellInfo, CellKey } from './relations';

const WIDTH = 16384;

export class CellTable {
  /** Position in `list` of each cell, by row then column. */
  private readonly grid: number[][] = [];
  private readonly list: CellInfo[] = [];

  get size(): number {
    return this.list.length;
  }

  /** A dense number for the cell, 0 … size-1, or -1 when the table does not hold it. */
  indexOf(key: CellKey): number {
    const i = this.grid[Math.floor(key / WIDTH)]?.[key % WIDTH];
    return i === undefined ? -1 : i;
  }

  get(key: CellKey): CellInfo | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.list[i];
  }

  has(key: CellKey): boolean {
    return this.indexOf(key) >= 0;
  }

  set(key: CellKey, info: CellInfo): this {
    const i = this.indexOf(key);
    if (i >= 0) {
      this.list[i] = info;
      return this;
    }
    const row = Math.floor(key / WIDTH);
    (this.grid[row] ??= [])[key % WIDTH] = this.list.length;
    this.list.push(info);
    return this;
  }

  values(): CellInfo[] {
    return this.list;
  }

  entries(): [CellKey, CellInfo][] {
    return this.list.map((info) => [info.key, info]);
  }

  [Symbol.iterator](): IterableIterator<[CellKey, CellInfo]> {
    return this.entries()[Symbol.iterator]();
  }
}
