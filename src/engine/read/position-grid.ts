/**
 * Where each cell of a table sits, by row and column: one flat array over the rectangle the cells
 * occupy, grown as cells arrive. A province-wide appendix has hundreds of thousands of cells in a
 * few columns; one array per row would leave as many small arrays for the garbage collector.
 */
const NONE = -1;
/** Beyond this many places (a table of figures both far apart and far down), cells are kept in a map instead. */
const MAX_PLACES = 1 << 25;
const WIDTH = 16384;

export class PositionGrid {
  private cells = new Int32Array(0);
  private top = 0;
  private left = 0;
  private height = 0;
  private width = 0;
  private sparse?: Map<number, number>;

  /** The number stored for the cell, or -1. */
  get(row: number, col: number): number {
    if (this.sparse) return this.sparse.get(row * WIDTH + col) ?? NONE;
    const r = row - this.top;
    const c = col - this.left;
    if (r < 0 || r >= this.height || c < 0 || c >= this.width) return NONE;
    return this.cells[r * this.width + c];
  }

  set(row: number, col: number, value: number): void {
    if (this.sparse) {
      this.sparse.set(row * WIDTH + col, value);
      return;
    }
    const outside = row < this.top || row >= this.top + this.height || col < this.left || col >= this.left + this.width;
    if (outside && !this.cover(row, col)) this.set(row, col, value);
    else this.cells[(row - this.top) * this.width + (col - this.left)] = value;
  }

  private toSparse(): void {
    const sparse = new Map<number, number>();
    for (let r = 0; r < this.height; r++) {
      for (let c = 0; c < this.width; c++) {
        const value = this.cells[r * this.width + c];
        if (value !== NONE) sparse.set((r + this.top) * WIDTH + c + this.left, value);
      }
    }
    this.sparse = sparse;
    this.cells = new Int32Array(0);
  }

  /**
   * Grows the rectangle to take the cell in: rows with room to spare (they come one after another),
   * columns exactly. False when the cells move to a map instead.
   */
  private cover(row: number, col: number): boolean {
    const empty = this.height === 0;
    const top = empty ? row : Math.min(this.top, row);
    const left = empty ? col : Math.min(this.left, col);
    const bottom = empty ? row + 1 : Math.max(this.top + this.height, row + 1);
    const right = empty ? col + 1 : Math.max(this.left + this.width, col + 1);
    const width = right - left;
    const height = row >= this.top + this.height && !empty ? Math.max(bottom - top, 2 * this.height) : bottom - top;
    if (height * width > MAX_PLACES) {
      this.toSparse();
      return false;
    }
    const grown = new Int32Array(height * width).fill(NONE);
    for (let r = 0; r < this.height; r++) {
      const from = r * this.width;
      grown.set(this.cells.subarray(from, from + this.width), (r + this.top - top) * width + (this.left - left));
    }
    this.cells = grown;
    this.top = top;
    this.left = left;
    this.height = height;
    this.width = width;
    return true;
  }
}
