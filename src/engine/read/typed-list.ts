/**
 * A growable typed array. Hundreds of thousands of cells and relations are kept as numbers in
 * these: unboxed, and nothing for the garbage collector to walk.
 */
type NumberArray = Int32Array | Float64Array | Uint8Array;

export class TypedList<T extends NumberArray> {
  length = 0;

  constructor(
    /** The values; entries from `length` on are unused room. */
    public data: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.data.length) this.grow(1);
    this.data[this.length++] = value;
  }

  /**
   * Room for `extra` more values, made at once, for a caller that then writes `data` from
   * `length` on itself (one check for a whole record instead of one per value).
   */
  reserve(extra: number): T {
    if (this.length + extra > this.data.length) this.grow(extra);
    return this.data;
  }

  private grow(extra: number): void {
    const grown = this.make(Math.max(16, this.data.length * 2, this.length + extra));
    grown.set(this.data);
    this.data = grown;
  }

  at(i: number): number {
    return this.data[i];
  }
}

export const int32List = (capacity = 256) => new TypedList(new Int32Array(capacity), (n) => new Int32Array(n));
export const float64List = (capacity = 256) => new TypedList(new Float64Array(capacity), (n) => new Float64Array(n));
export const uint8List = (capacity = 256) => new TypedList(new Uint8Array(capacity), (n) => new Uint8Array(n));
