/**
 * The numeric cells of a table. A province-wide appendix has hundreds of thousands of them, nearly
 * all plain whole numbers or rates under a percent format: those are kept as a key and a value in
 * flat arrays, and their reading is made again from the sheet on the rare occasion a message needs
 * it. Only cells with something to say (fractions, text, blanks, form problems) keep their reading object.
 */
import { ColumnDeclaration } from '../layouts';
import { NumberStatus, parseCount, ParsedNumber, parseRate } from './numbers';
import { CellKey, SHEET_WIDTH as WIDTH } from './address';
import { cellAt, SheetSnapshot } from './snapshot';
import { float64List, TypedList, uint8List } from './typed-list';
import { PositionGrid } from './position-grid';


/** A whole count, a percentage, or a score on a scale (decimals, at most its maximum). */
export type ValueKind = 'count' | 'rate' | 'score';

export interface CellInfo {
  key: CellKey;
  row: number;
  col: number;
  column: ColumnDeclaration;
  parsed: ParsedNumber;
  /** What the value is: a whole count, a percentage or a score. */
  kind: ValueKind;
}

const STATUSES: NumberStatus[] = ['blank', 'number', 'dash', 'invalid'];
const STATUS_CODE: Record<NumberStatus, number> = { blank: 0, number: 1, dash: 2, invalid: 3 };
const RATE = 4;
/** A score: its reading is always kept (scores are rare and written every which way). */
const SCORE = 128;
/** The decimals of a plain rate, plus one, sit above the status and rate bits (0: none kept there). */
const DECIMALS_SHIFT = 3;
const MAX_KEPT_DECIMALS = 14;

export class CellTable {
  /** Position of each cell by row then column: a dense number 0 … size-1. */
  private readonly grid = new PositionGrid();
  private readonly keys: TypedList<Float64Array>;
  private readonly numbers: TypedList<Float64Array>;
  /** Status code, plus RATE for percentages. */
  private readonly flags: TypedList<Uint8Array>;
  /** The reading of every cell that is not a plain count. */
  private readonly details: (ParsedNumber | undefined)[] = [];
  /** Positions of the cells that have a reading, in order. */
  private readonly unusualCells: number[] = [];
  private readonly columnOf: ColumnDeclaration[] = [];

  /** `expected`: how many cells are coming, when known, so the arrays are made once. */
  constructor(
    private readonly sheet?: SheetSnapshot,
    expected = 0,
  ) {
    this.keys = float64List(expected);
    this.numbers = float64List(expected);
    this.flags = uint8List(expected);
  }

  get size(): number {
    return this.keys.length;
  }

  /** A dense number for the cell, 0 … size-1, or -1 when the table does not hold it. */
  indexOf(key: CellKey): number {
    return this.grid.get(Math.floor(key / WIDTH), key % WIDTH);
  }

  /** The same by row and column. */
  positionOf(row: number, col: number): number {
    return this.grid.get(row, col);
  }

  /** The value for arithmetic at a row and column: 0 where the table holds no cell, NaN where it cannot be read. */
  figureAt(row: number, col: number): number {
    const i = this.grid.get(row, col);
    return i < 0 ? 0 : this.figureAtPosition(i);
  }

  /** The figures of one row at the given columns, written into `out` from `at` (as `figureAt`). */
  rowFigures(row: number, cols: ArrayLike<number>, out: Float64Array, at: number): void {
    const flags = this.flags.data;
    const numbers = this.numbers.data;
    for (let c = 0; c < cols.length; c++) {
      const i = this.grid.get(row, cols[c]);
      out[at + c] = i < 0 ? 0 : (flags[i] & 3) === STATUS_CODE.invalid ? NaN : numbers[i];
    }
  }

  /** The same by position. */
  figureAtPosition(i: number): number {
    return (this.flags.data[i] & 3) === STATUS_CODE.invalid ? NaN : this.numbers.data[i];
  }

  /** A cell with its reading. */
  add(key: CellKey, column: ColumnDeclaration, kind: ValueKind, parsed: ParsedNumber): void {
    this.push(key, column, parsed.value, STATUS_CODE[parsed.status] | (kind === 'rate' ? RATE : kind === 'score' ? SCORE : 0), parsed);
  }

  /**
   * A whole number stored as a number in a count column (see `plainCount`): its reading is made
   * again from the sheet when asked for, which gives the same reading.
   */
  addPlainCount(key: CellKey, column: ColumnDeclaration, value: number): void {
    this.push(key, column, value, STATUS_CODE.number, undefined);
  }

  /**
   * A rate stored as a number under a percent format (see `plainRate`): like a plain count, its
   * reading is made again from the sheet when asked for; its decimals are kept with its status.
   */
  addPlainRate(key: CellKey, column: ColumnDeclaration, value: number, decimals: number): void {
    this.push(key, column, value, STATUS_CODE.number | RATE | ((Math.min(decimals, MAX_KEPT_DECIMALS) + 1) << DECIMALS_SHIFT), undefined);
  }

  private push(key: CellKey, column: ColumnDeclaration, value: number, flags: number, parsed: ParsedNumber | undefined): void {
    const col = key % WIDTH;
    const i = this.keys.length;
    this.grid.set(Math.floor(key / WIDTH), col, i);
    this.keys.push(key);
    this.numbers.push(value);
    this.flags.push(flags);
    if (parsed !== undefined) {
      this.details[i] = parsed;
      this.unusualCells.push(i);
    }
    this.columnOf[col] = column;
  }

  /** Replaces a cell's reading (a fraction read as a percentage). */
  revise(key: CellKey, parsed: ParsedNumber): void {
    const i = this.indexOf(key);
    if (i < 0) return;
    this.numbers.data[i] = parsed.value;
    this.flags.data[i] = STATUS_CODE[parsed.status] | (this.flags.data[i] & (RATE | SCORE));
    if (this.details[i] === undefined) {
      this.unusualCells.push(i);
      this.unusualCells.sort((a, b) => a - b);
    }
    this.details[i] = parsed;
  }

  keyAt(i: number): CellKey {
    return this.keys.data[i];
  }

  /** The value used for arithmetic, 0 for blanks and dashes. */
  valueAt(i: number): number {
    return this.numbers.data[i];
  }

  value(key: CellKey): number | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.numbers.data[i];
  }

  statusAt(i: number): NumberStatus {
    return STATUSES[this.flags.data[i] & 3];
  }

  isRateAt(i: number): boolean {
    return (this.flags.data[i] & RATE) !== 0;
  }

  kindAt(i: number): ValueKind {
    const flags = this.flags.data[i];
    return flags & RATE ? 'rate' : flags & SCORE ? 'score' : 'count';
  }

  /** Decimals as written; undefined for plain counts. */
  decimalsAt(i: number): number | undefined {
    const details = this.details[i];
    if (details) return details.decimals;
    const kept = (this.flags.data[i] & ~SCORE) >> DECIMALS_SHIFT;
    return kept ? kept - 1 : undefined;
  }

  /** For a rate written without a % sign: its value if it was meant as a fraction (see ParsedNumber). */
  asFractionAt(i: number): number | undefined {
    return this.details[i]?.asFraction;
  }

  parsedAt(i: number): ParsedNumber {
    const details = this.details[i];
    if (details) return details;
    const key = this.keys.data[i];
    const cell = this.sheet && cellAt(this.sheet, Math.floor(key / WIDTH), key % WIDTH);
    return this.isRateAt(i) ? parseRate(cell) : parseCount(cell);
  }

  infoAt(i: number): CellInfo {
    const key = this.keys.data[i];
    const col = key % WIDTH;
    return { key, row: Math.floor(key / WIDTH), col, column: this.columnOf[col], parsed: this.parsedAt(i), kind: this.kindAt(i) };
  }

  get(key: CellKey): CellInfo | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.infoAt(i);
  }

  /** The sheet columns that hold the table's figures. */
  columns(): number[] {
    const out: number[] = [];
    this.columnOf.forEach((_, col) => out.push(col));
    return out;
  }

  columnAt(i: number): ColumnDeclaration {
    return this.columnOf[this.keys.data[i] % WIDTH];
  }

  /** The positions of every cell that is neither a plain count nor a plain rate: the only ones that can be badly written. */
  unusual(): number[] {
    return [...this.unusualCells];
  }
}
