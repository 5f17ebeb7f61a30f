/**
 * Reading numbers the way the appendices write them: 17256, 346.143 (dot = thousands),
 * 2,33% (comma decimal), 89.95%, "-" for zero, blank, "23 nhiệm vụ", real numbers formatted
 * as percent, and the wrong forms that must be reported (1.234 as a count, 0.4321 among percents).
 */
import { CellSnapshot } from './snapshot';
import { cleanText, foldText } from './text';

export type NumberStatus = 'blank' | 'number' | 'dash' | 'invalid';

/** A form problem in how a value is written (not an arithmetic error). */
export type FormIssue =
  /** A count that Excel read as a decimal: the text 1.234 became 1.234 instead of 1234. */
  | 'decimal-separator'
  /** A count with a fractional part, or below zero. */
  | 'not-a-count'
  /** Text that is not a number where a number belongs. */
  | 'not-a-number'
  /** A fraction such as 3/4 where a percentage belongs. */
  | 'fraction-text'
  /** Excel's own error value (#REF!, #DIV/0!, …): a broken formula, not a number. */
  | 'excel-error';

export interface ParsedNumber {
  status: NumberStatus;
  /** The value used for arithmetic: counts as counts, rates in percentage points (0–100). */
  value: number;
  /** True when the value is stored as text rather than as a number. */
  isText: boolean;
  /** Decimals as written (rates), used to judge rounding. */
  decimals?: number;
  /** For a rate written without a % sign: the value if it was meant as a fraction (× 100). */
  asFraction?: number;
  /** True when the cell says plainly that it is a percentage (a % sign or a percent format). */
  explicitPercent?: boolean;
  /** A unit word written after the number: "23 nhiệm vụ" → "nhiệm vụ". */
  unit?: string;
  issue?: FormIssue;
  /** The cell as a person sees it. */
  raw: string;
  /** A figure stated in words ("(18 điểm)" in a header): read for checking, never rewritten or referred to by a formula. */
  stated?: boolean;
}

const DASHES = /^[-–—]+$/;
const EXCEL_ERROR = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

/** What Excel's error values mean, for the message. */
export function excelErrorMeaning(raw: string, lang: 'vi' | 'en'): string {
  const code = raw.toUpperCase();
  const vi: Record<string, string> = {
    '#REF!': 'công thức tham chiếu tới ô đã bị xóa',
    '#DIV/0!': 'công thức chia cho 0',
    '#VALUE!': 'công thức tính trên chữ thay vì số',
    '#N/A': 'công thức không tìm thấy giá trị',
    '#NAME?': 'công thức dùng tên hàm không có',
  };
  const en: Record<string, string> = {
    '#REF!': 'a formula refers to a deleted cell',
    '#DIV/0!': 'a formula divides by zero',
    '#VALUE!': 'a formula computes on text instead of numbers',
    '#N/A': 'a formula found no value',
    '#NAME?': 'a formula uses an unknown function name',
  };
  return (lang === 'vi' ? vi : en)[code] ?? (lang === 'vi' ? 'công thức bị lỗi' : 'a broken formula');
}

/** The cell as a person sees it: its displayed text, or the value shown through a percent format. */
function rawText(cell: CellSnapshot | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return '';
  if (cell.text !== undefined && cell.text !== '') return cleanText(cell.text);
  if (typeof cell.value === 'number') {
    if (cell.numberFormat?.includes('%')) return `${(cell.value * 100).toFixed(percentFormatDecimals(cell.numberFormat))}%`;
    return String(cell.value);
  }
  return cleanText(String(cell.value));
}

/**
 * A value stored as a number. What it shows is worked out only when a message needs it: a large
 * appendix has hundreds of thousands of such cells and almost none is ever quoted.
 */
class StoredNumber implements ParsedNumber {
  readonly status = 'number' as const;
  readonly isText = false;
  decimals?: number;
  asFraction?: number;
  explicitPercent?: boolean;
  issue?: FormIssue;
  private shown?: string;

  constructor(
    private readonly cell: CellSnapshot,
    public value: number,
  ) {}

  get raw(): string {
    return (this.shown ??= rawText(this.cell));
  }
}

/** A whole number stored as a number, with nothing more to say: what most cells of an appendix hold. */
export function plainCount(cell: CellSnapshot | undefined): number | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/**
 * A rate stored as a number under a percent format, in percentage points: nearly every rate of
 * an appendix, with nothing more to say than its value and the decimals its format shows.
 */
export function plainRate(cell: CellSnapshot | undefined): number | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  return typeof v === 'number' && cell.numberFormat !== undefined && cell.numberFormat.includes('%') ? v * 100 : undefined;
}

/** The same reading with some facts changed (a fraction read as a percentage), as a plain object. */
export function revised(parsed: ParsedNumber, patch: Partial<ParsedNumber>): ParsedNumber {
  const { status, value, isText, decimals, asFraction, explicitPercent, unit, issue, raw } = parsed;
  return { status, value, isText, decimals, asFraction, explicitPercent, unit, issue, raw, ...patch };
}

function blank(raw: string): ParsedNumber {
  return { status: 'blank', value: 0, isText: false, raw };
}

/** Splits "23 nhiệm vụ" into the number text and its unit word. */
function splitUnit(text: string): { numberText: string; unit?: string } {
  const m = /^([+-]?[\d.,\s]*\d)\s*([^\d\s].*)?$/.exec(text);
  if (!m) return { numberText: text };
  return { numberText: m[1].replace(/\s+/g, ''), unit: m[2]?.trim() || undefined };
}

/** The decimals of a stored number as JavaScript writes it (read for every rate cell: no regular expression). */
function decimalsOfNumber(value: number): number {
  const written = String(value);
  if (written.includes('e')) return decimalsOf(written);
  const point = written.indexOf('.');
  return point < 0 ? 0 : written.length - point - 1;
}

function decimalsOf(numberText: string): number {
  const m = /[.,](\d+)$/.exec(numberText);
  return m ? m[1].length : 0;
}

/** Parses a count written as text, honouring both conventions. */
/** "64,524", "1,234,567": a comma before every group of three digits, as English-style exports write thousands. */
export function commaGroupsThousands(text: string): boolean {
  return /^\s*[+-]?\d{1,3}(,\d{3})+\s*$/.test(text);
}

/** A number written with a decimal comma that cannot be thousands ("12,5", "3,25"). */
export function decimalComma(text: string): boolean {
  return /^\s*[+-]?\d+,\d{1,2}\s*%?\s*$/.test(text) || /^\s*[+-]?\d+,\d{4,}\s*$/.test(text);
}

function countFromText(numberText: string, commaThousands: boolean): { value: number; issue?: FormIssue } | undefined {
  if (!/^[+-]?[\d.,]+$/.test(numberText)) return undefined;
  let normalized: string;
  if (commaThousands && commaGroupsThousands(numberText)) {
    normalized = numberText.replace(/,/g, '');
  } else if (numberText.includes(',')) {
    // A comma makes it Vietnamese-formatted: dots are thousands, the comma is the decimal point.
    normalized = numberText.replace(/\./g, '').replace(',', '.');
  } else if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(numberText)) {
    normalized = numberText.replace(/\./g, '');
  } else {
    normalized = numberText;
  }
  const value = Number(normalized);
  if (!Number.isFinite(value)) return undefined;
  if (!Number.isInteger(value) || value < 0) return { value, issue: 'not-a-count' };
  return { value };
}

/**
 * A count as its cell writes it. `commaThousands`: its column writes thousands with commas
 * ("64,524"), as the column's own cells show (see readCells); otherwise a comma is a decimal point.
 */
export function parseCount(cell: CellSnapshot | undefined, commaThousands = false): ParsedNumber {
  return readCount(cell, commaThousands);
}

export function parseRate(cell: CellSnapshot | undefined): ParsedNumber {
  return readRate(cell);
}

/** Words a score table writes for a unit not scored: read as blank, not as an unreadable figure. */
const NOT_SCORED = new Set(['N/A', 'NA', 'K/C', 'KC', 'không chấm', 'chưa chấm', 'không đánh giá', 'x'].map(foldText));

/**
 * Parses a score: a number, or a text with a decimal comma or point ("8,59", "17.25"); no percent
 * reading, no fraction guessed. "N/A" and the like are a unit not scored, read as blank.
 */
export function parseScore(cell: CellSnapshot | undefined): ParsedNumber {
  const raw = rawText(cell);
  if (NOT_SCORED.has(foldText(raw))) return blank(raw);
  const reading = readRate(cell);
  if (reading.status !== 'number') return reading;
  return { status: reading.status, value: reading.value, isText: reading.isText, raw: reading.raw, decimals: reading.decimals, unit: reading.unit, issue: reading.issue };
}

function readCount(cell: CellSnapshot | undefined, commaThousands: boolean): ParsedNumber {
  const plain = plainCount(cell);
  if (plain !== undefined) return new StoredNumber(cell!, plain);
  if (cell && typeof cell.value === 'number') {
    const v = cell.value;
    const thousands = v * 1000;
    const reading = new StoredNumber(cell, v);
    if (v > 0 && Math.abs(thousands - Math.round(thousands)) < 1e-7) {
      reading.value = Math.round(thousands);
      reading.issue = 'decimal-separator';
    } else {
      reading.issue = 'not-a-count';
    }
    return reading;
  }
  const raw = rawText(cell);
  if (!cell || cell.value === null || raw === '') return blank(raw);
  if (typeof cell.value === 'boolean') return { status: 'invalid', value: 0, isText: true, raw, issue: 'not-a-number' };
  if (EXCEL_ERROR.test(raw)) return { status: 'invalid', value: 0, isText: true, raw, issue: 'excel-error' };
  if (DASHES.test(raw)) return { status: 'dash', value: 0, isText: true, raw };
  const { numberText, unit } = splitUnit(raw);
  const parsed = countFromText(numberText, commaThousands);
  if (!parsed) return { status: 'invalid', value: 0, isText: true, raw, issue: 'not-a-number' };
  return { status: 'number', value: parsed.value, isText: true, raw, unit, issue: parsed.issue };
}

const formatDecimals = new Map<string, number>();

/** The decimals a percent format shows: 2 for "0.00%". */
export function percentFormatDecimals(format: string): number {
  let d = formatDecimals.get(format);
  if (d === undefined) {
    d = /\.(0+)/.exec(format)?.[1].length ?? 0;
    formatDecimals.set(format, d);
  }
  return d;
}

/** Parses a rate; the result is in percentage points (89.95 for 89.95 %). */
function readRate(cell: CellSnapshot | undefined): ParsedNumber {
  const percent = plainRate(cell);
  if (percent !== undefined) {
    const reading = new StoredNumber(cell!, percent);
    reading.explicitPercent = true;
    reading.decimals = percentFormatDecimals(cell!.numberFormat!);
    return reading;
  }
  if (cell && typeof cell.value === 'number') {
    const v = cell.value;
    const reading = new StoredNumber(cell, v);
    reading.decimals = decimalsOfNumber(v);
    reading.asFraction = Math.abs(v) <= 1 ? v * 100 : undefined;
    return reading;
  }
  const raw = rawText(cell);
  if (!cell || cell.value === null || raw === '') return blank(raw);
  if (typeof cell.value === 'boolean') return { status: 'invalid', value: 0, isText: true, raw, issue: 'not-a-number' };
  if (EXCEL_ERROR.test(raw)) return { status: 'invalid', value: 0, isText: true, raw, issue: 'excel-error' };
  if (DASHES.test(raw)) return { status: 'dash', value: 0, isText: true, raw, decimals: 0 };
  const fraction = /^(\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)$/.exec(raw);
  if (fraction) {
    const num = Number(fraction[1].replace(',', '.'));
    const den = Number(fraction[2].replace(',', '.'));
    const value = den > 0 ? (num / den) * 100 : 0;
    return { status: 'number', value, isText: true, raw, issue: 'fraction-text', decimals: 2 };
  }
  const explicitPercent = raw.includes('%');
  const text = raw.replace('%', '').replace(/\s+/g, '');
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(text)) {
    return { status: 'invalid', value: 0, isText: true, raw, issue: 'not-a-number' };
  }
  // In a rate the separator is always the decimal point, whichever of the two it is.
  const value = Number(text.replace(',', '.'));
  const decimals = decimalsOf(text);
  return {
    status: 'number',
    value,
    isText: true,
    raw,
    decimals,
    explicitPercent,
    asFraction: !explicitPercent && Math.abs(value) <= 1 ? value * 100 : undefined,
  };
}

/** The rate, in percent, of counts adding up to `num` over counts adding up to `den`: 0 of 0 is 0 %. */
export function rateFromCounts(num: number, den: number): number | undefined {
  if (den === 0) return num === 0 ? 0 : undefined;
  return (100 * num) / den;
}

/** Rounds half up to the given decimals, robust to binary representation (2.675 → 2.68). */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor + 1e-9 * Math.sign(value)) / factor;
}

function truncate(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.trunc(value * factor + 1e-9) / factor;
}

/**
 * Whether a written rate agrees with the true one: within ±0.01 percentage point, or the true
 * value rounded half up or truncated to the decimals the writer used.
 */
export function rateAgrees(written: number, truth: number, decimals = 2): boolean {
  if (Math.abs(written - truth) <= 0.01 + 1e-9) return true;
  const d = Math.min(decimals, 2);
  return Math.abs(roundHalfUp(truth, d) - written) < 1e-9 || Math.abs(truncate(truth, d) - written) < 1e-9;
}
