/**
 * A small evaluator for the formulas PhuLuc writes (SUM over cells and ranges, IFERROR, + − × ÷,
 * parentheses): the fake Excel recalculates with it, and tests recompute written workbooks with it.
 */
import { columnLetters, parseAddress } from '../engine/read/address';

export type Lookup = (address: string) => number;

function tokenize(src: string): string[] {
  const out = src.match(/[A-Z]+\d+(?::[A-Z]+\d+)?|[A-Z]+(?=\()|\d+(?:\.\d+)?|[(),+\-*/]/g);
  if (!out || out.join('') !== src.replace(/\s+/g, '')) throw new Error(`Cannot read formula ${src}`);
  return out;
}

function cellsOfRange(range: string): string[] {
  const [a, b] = range.split(':');
  const s = parseAddress(a);
  const e = parseAddress(b);
  const out: string[] = [];
  for (let r = s.row; r <= e.row; r++) for (let c = s.col; c <= e.col; c++) out.push(`${letters(c)}${r + 1}`);
  return out;
}

const letters = columnLetters;

export function evaluateFormula(formula: string, lookup: Lookup): number {
  const t = tokenize(formula.replace(/^=/, ''));
  let i = 0;
  const peek = () => t[i];
  const take = (expected?: string) => {
    const tok = t[i++];
    if (expected && tok !== expected) throw new Error(`Expected ${expected} in ${formula}`);
    return tok;
  };
  const args = (): number[][] => {
    take('(');
    const list: number[][] = [];
    while (peek() !== ')') {
      if (/^[A-Z]+\d+:[A-Z]+\d+$/.test(peek())) list.push(cellsOfRange(take()).map(lookup));
      else list.push([expr()]);
      if (peek() === ',') take(',');
    }
    take(')');
    return list;
  };
  const atom = (): number => {
    const tok = take();
    if (tok === '(') {
      const v = expr();
      take(')');
      return v;
    }
    if (tok === '-') return -atom();
    if (tok === 'SUM') return args().flat().reduce((s, v) => s + v, 0);
    if (tok === 'IFERROR') {
      const [[value], [fallback]] = args();
      return Number.isFinite(value) ? value : fallback;
    }
    if (/^\d/.test(tok)) return Number(tok);
    if (/^[A-Z]+\d+$/.test(tok)) return lookup(tok);
    throw new Error(`Unexpected ${tok} in ${formula}`);
  };
  const term = (): number => {
    let v = atom();
    while (peek() === '*' || peek() === '/') v = take() === '*' ? v * atom() : v / atom();
    return v;
  };
  const expr = (): number => {
    let v = term();
    while (peek() === '+' || peek() === '-') v = take() === '+' ? v + term() : v - term();
    return v;
  };
  const v = expr();
  if (i !== t.length) throw new Error(`Trailing tokens in ${formula}`);
  return v;
}

