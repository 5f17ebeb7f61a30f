/**
 * The arithmetic a table must satisfy, as relations between cells: row identities, rates,
 * bounds, parents equal to the sum of their children, totals, and the indicator-form rules.
 * Everything comes from the layout declaration and the row nesting; nothing from names or positions.
 */
import { CellTable } from './cell-table';
import { valueRows } from './hierarchy';
import { ColumnDeclaration, IndicatorRules } from './layouts';
import { TableModel, TableRow } from './model';
import { parseCount, ParsedNumber, parseRate, revised } from './numbers';
import { cellAt, SheetSnapshot } from './snapshot';
import { cleanText, foldText, phraseScore, tokens } from './text';

export type CellKey = number;
const WIDTH = 16384;
export const keyOf = (row: number, col: number): CellKey => row * WIDTH + col;
export const rowOfKey = (key: CellKey): number => Math.floor(key / WIDTH);
export const colOfKey = (key: CellKey): number => key % WIDTH;

export interface CellInfo {
  key: CellKey;
  row: number;
  col: number;
  column: ColumnDeclaration;
  parsed: ParsedNumber;
  /** What the value is: a whole count or a percentage. */
  kind: 'count' | 'rate';
}

export type RelationScope =
  /** An identity within one row. */
  | 'row'
  /** A group row against the rows under it. */
  | 'group'
  /** A "Cộng" row against its section. */
  | 'subtotal'
  /** A total row against the top-level rows. */
  | 'total'
  /** An indicator "Trong đó:" against its items. */
  | 'breakdown';

interface RelationBase {
  id: number;
  row: number;
}

/** total = sum(parts) */
export interface SumRelation extends RelationBase {
  kind: 'sum';
  scope: RelationScope;
  total: CellKey;
  parts: CellKey[];
}

/** rate ≈ 100 × sum(numerator) / sum(denominator) */
export interface RateRelation extends RelationBase {
  kind: 'rate';
  rate: CellKey;
  numerator: CellKey[];
  denominator: CellKey[];
}

/** sum(part) ≤ sum(whole) */
export interface BoundRelation extends RelationBase {
  kind: 'bound';
  part: CellKey[];
  whole: CellKey[];
}

export type Relation = SumRelation | RateRelation | BoundRelation;

export interface RelationSet {
  cells: CellTable;
  relations: Relation[];
}

function unitText(sheet: SheetSnapshot, table: TableModel, row: number): string {
  const unit = table.columns.get('unit');
  if (!unit) return '';
  const cell = cellAt(sheet, row, unit.col);
  return cell && cell.value !== null ? cleanText(cell.text ?? String(cell.value)) : '';
}

function isPercentUnit(unit: string, rules: IndicatorRules | undefined): boolean {
  return Boolean(rules && rules.percentUnits.includes(unit.trim()));
}

/** A unit that lists codes ("Không = 0 Có = 1") rather than naming a quantity. */
export function codeList(unit: string): number[] | undefined {
  const codes = [...unit.matchAll(/=\s*(\d+)/g)].map((m) => Number(m[1]));
  return codes.length ? codes : undefined;
}

function parseCells(sheet: SheetSnapshot, table: TableModel): CellTable {
  const cells = new CellTable();
  const numeric: { column: ColumnDeclaration; col: number }[] = [];
  for (const column of table.layout.columns) {
    const match = table.columns.get(column.key);
    if (match && (column.role === 'count' || column.role === 'rate' || column.role === 'value')) numeric.push({ column, col: match.col });
  }
  const rules = table.layout.indicatorRules;
  for (const row of table.rows) {
    if (row.kind === 'header') continue;
    const percentUnit = rules !== undefined && isPercentUnit(unitText(sheet, table, row.row), rules);
    for (const { column, col } of numeric) {
      const cell = cellAt(sheet, row.row, col);
      const kind: 'count' | 'rate' = column.role === 'rate' || (column.role === 'value' && percentUnit) ? 'rate' : 'count';
      const parsed = kind === 'rate' ? parseRate(cell) : parseCount(cell);
      const key = keyOf(row.row, col);
      cells.set(key, { key, row: row.row, col, column, parsed, kind });
    }
  }
  normaliseRateColumns(cells);
  return cells;
}

/**
 * A rate column that writes every value as a plain number no greater than 1 holds fractions
 * (0.8995 for 89.95 %); any other column holds percentages, and a lone fraction in it is suspect.
 */
function normaliseRateColumns(cells: CellTable): void {
  const byColumn = new Map<number, CellInfo[]>();
  for (const info of cells.values()) {
    if (info.kind !== 'rate' || info.column.role !== 'rate') continue;
    const list = byColumn.get(info.col) ?? [];
    list.push(info);
    byColumn.set(info.col, list);
  }
  for (const list of byColumn.values()) {
    const numbers = list.filter((i) => i.parsed.status === 'number');
    const plain = numbers.filter((i) => !i.parsed.explicitPercent && i.parsed.issue === undefined);
    const fractions = plain.length > 0 && numbers.length === plain.length && plain.every((i) => Math.abs(i.parsed.value) <= 1) && plain.some((i) => i.parsed.value > 0);
    if (!fractions) continue;
    for (const i of plain) {
      i.parsed = revised(i.parsed, { value: i.parsed.value * 100, asFraction: undefined, decimals: Math.max((i.parsed.decimals ?? 2) - 2, 0) });
    }
  }
}

class RelationBuilder {
  readonly relations: Relation[] = [];
  constructor(private readonly cells: CellTable) {}

  /** A relation is built when all its cells can be read; blank reads as 0 (0 = 0 still holds). */
  private usable(keys: CellKey[]): boolean {
    for (const k of keys) {
      const info = this.cells.get(k);
      if (info === undefined || info.parsed.status === 'invalid') return false;
    }
    return true;
  }

  sum(scope: RelationScope, row: number, total: CellKey, parts: CellKey[]): void {
    if (parts.length === 0 || !this.usable([total]) || !this.usable(parts)) return;
    this.relations.push({ id: this.relations.length, kind: 'sum', scope, row, total, parts });
  }

  rate(row: number, rate: CellKey, numerator: CellKey[], denominator: CellKey[]): void {
    const info = this.cells.get(rate);
    if (!info || info.parsed.status === 'blank' || info.parsed.status === 'invalid') return;
    if (!this.usable(numerator) || !this.usable(denominator)) return;
    this.relations.push({ id: this.relations.length, kind: 'rate', row, rate, numerator, denominator });
  }

  bound(row: number, part: CellKey[], whole: CellKey[]): void {
    if (!this.usable(part) || !this.usable(whole)) return;
    this.relations.push({ id: this.relations.length, kind: 'bound', row, part, whole });
  }
}

function sumColumns(table: TableModel): number[] {
  return table.layout.columns.filter((c) => c.role === 'count' && table.columns.has(c.key)).map((c) => table.columns.get(c.key)!.col);
}

/** The row relations of a layout as sheet columns, worked out once per table. */
interface RowPlan {
  identities: { total: number; parts: number[] }[];
  rates: { rate: number; numerator: number[]; denominator: number[] }[];
  bounds: { part: number[]; whole: number[] }[];
}

function rowPlan(table: TableModel): RowPlan {
  const cols = (keys: string[]) => {
    const out = keys.map((k) => table.columns.get(k)?.col);
    return out.every((c) => c !== undefined) ? (out as number[]) : undefined;
  };
  const plan: RowPlan = { identities: [], rates: [], bounds: [] };
  for (const identity of table.layout.identities) {
    const total = cols([identity.total]);
    const parts = cols(identity.parts);
    if (total && parts) plan.identities.push({ total: total[0], parts });
  }
  for (const r of table.layout.rates) {
    const rate = cols([r.rate]);
    const numerator = cols(r.numerator);
    const denominator = cols(r.denominator);
    if (rate && numerator && denominator) plan.rates.push({ rate: rate[0], numerator, denominator });
  }
  for (const bound of table.layout.bounds) {
    const part = cols(bound.part);
    const whole = cols(bound.whole);
    if (part && whole) plan.bounds.push({ part, whole });
  }
  return plan;
}

function addRowRelations(b: RelationBuilder, plan: RowPlan, row: number): void {
  const keys = (cols: number[]) => cols.map((c) => keyOf(row, c));
  for (const i of plan.identities) b.sum('row', row, keyOf(row, i.total), keys(i.parts));
  for (const r of plan.rates) b.rate(row, keyOf(row, r.rate), keys(r.numerator), keys(r.denominator));
  for (const bound of plan.bounds) b.bound(row, keys(bound.part), keys(bound.whole));
}

function addSumHierarchy(b: RelationBuilder, table: TableModel): void {
  const cols = sumColumns(table);
  const add = (scope: RelationScope, target: TableRow, parts: TableRow[]) => {
    if (!parts.length) return;
    for (const c of cols) b.sum(scope, target.row, keyOf(target.row, c), parts.map((p) => keyOf(p.row, c)));
  };
  const flatSubtotals = new Map<TableRow, TableRow>();
  for (const row of table.rows) {
    if (row.kind === 'subtotal' && row.covers) {
      row.covers.forEach((r) => flatSubtotals.set(r, row));
      add('subtotal', row, row.covers.flatMap(valueRows));
    }
  }
  for (const row of table.rows) {
    if (row.children.length === 0) continue;
    const parts = row.children.flatMap(valueRows);
    if (row.hasNumbers) add('group', row, parts);
    if (row.subtotal) add('subtotal', row.subtotal, parts);
  }
  for (const total of table.totals) {
    const parts: TableRow[] = [];
    for (const root of total.covers ?? []) {
      const flat = flatSubtotals.get(root);
      if (flat) {
        if (!parts.includes(flat)) parts.push(flat);
      } else {
        for (const row of valueRows(root)) parts.push(row);
      }
    }
    add('total', total, parts);
  }
}

function hasPhrase(label: string, phrases: string[]): boolean {
  const t = tokens(foldText(label));
  return phrases.some((p) => phraseScore(t, tokens(p)) > 0);
}

/**
 * Indicator forms: a parent ending "Trong đó:" is the sum of its items; an item never exceeds
 * its parent; among sibling items, what is done never exceeds what was planned. Only between
 * rows of the same unit.
 */
function addIndicatorRelations(b: RelationBuilder, sheet: SheetSnapshot, table: TableModel, cells: CellTable): void {
  const rules = table.layout.indicatorRules;
  const value = table.columns.get('value');
  if (!rules || !value) return;
  const keyFor = (r: TableRow) => keyOf(r.row, value.col);
  const isCount = (r: TableRow) => cells.get(keyFor(r))?.kind === 'count' && !codeList(unitText(sheet, table, r.row));
  const unit = (r: TableRow) => foldText(unitText(sheet, table, r.row));
  for (const parent of table.rows) {
    const items = parent.children.filter((c) => isCount(c) && unit(c) === unit(parent) && unit(c) !== '');
    if (isCount(parent) && items.length) {
      if (hasPhrase(parent.label.replace(/[:.]\s*$/, ''), rules.breakdownMarkers) && /trong do\s*$/.test(foldText(parent.label))) {
        b.sum('breakdown', parent.row, keyFor(parent), items.map(keyFor));
      } else {
        for (const item of items) b.bound(item.row, [keyFor(item)], [keyFor(parent)]);
      }
    }
    const siblings = parent.children.filter(isCount);
    const planned = siblings.filter((s) => hasPhrase(s.label, rules.plannedPhrases));
    const done = siblings.filter((s) => hasPhrase(s.label, rules.donePhrases) && !planned.includes(s));
    if (planned.length === 1 && done.length) {
      const sameUnit = done.filter((d) => unit(d) === unit(planned[0]));
      if (sameUnit.length) b.bound(sameUnit[0].row, sameUnit.map(keyFor), [keyFor(planned[0])]);
    }
  }
}

export function buildRelations(sheet: SheetSnapshot, table: TableModel): RelationSet {
  const cells = parseCells(sheet, table);
  const b = new RelationBuilder(cells);
  const plan = rowPlan(table);
  for (const row of table.rows) if (row.kind !== 'header' && row.hasNumbers) addRowRelations(b, plan, row.row);
  if (table.layout.hierarchy === 'sum') addSumHierarchy(b, table);
  if (table.layout.hierarchy === 'indicator') addIndicatorRelations(b, sheet, table, cells);
  return { cells, relations: b.relations };
}
