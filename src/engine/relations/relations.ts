/**
 * The arithmetic a table must satisfy, as relations between cells: row identities, rates,
 * bounds, parents equal to the sum of their children, totals, and the indicator-form rules.
 * Everything comes from the layout declaration and the row nesting; nothing from names or positions.
 */
import { CellKey, colOfKey, keyOf, rowOfKey } from '../read/address';
import type { RelationScope } from './relation';
import { CellTable } from '../read/cell-table';
import type { RowPlan } from '../structure/definitions';
import { IndicatorRules } from '../layouts';
import { figureColumns, SumGroup, TableModel, TableRow } from '../tables/table-model';
import { commaGroupsThousands, decimalComma, parseCount, parseRate, percentFormatDecimals, plainCount, plainRate, revised } from '../read/numbers';
import { RelationList } from './relation-list';
import { cellAt, cellText, SheetSnapshot } from '../read/snapshot';
import { foldText, phraseScore, tokens } from '../read/text';

export { keyOf, rowOfKey, colOfKey } from '../read/address';
export type { CellKey } from '../read/address';

export type { CellInfo } from '../read/cell-table';

export type { BoundRelation, RateRelation, Relation, RelationScope, SumRelation } from './relation';

/**
 * A relation left out because exactly one of its cells cannot be read (#REF!, a word): it still
 * says what that cell should hold. Positions in the CellTable.
 */
export type OpenRelation =
  | { kind: 'sum'; unknown: number; total: number; parts: number[] }
  | { kind: 'rate'; unknown: number; numerator: number[]; denominator: number[] };

export interface RelationSet {
  cells: CellTable;
  relations: RelationList;
  /** Relations waiting on one unreadable cell. */
  open: OpenRelation[];
}

function unitText(sheet: SheetSnapshot, table: TableModel, row: number): string {
  return cellText(sheet, row, table.columns.get('unit')?.col);
}

function isPercentUnit(unit: string, rules: IndicatorRules | undefined): boolean {
  return Boolean(rules && rules.percentUnits.includes(unit.trim()));
}

/** A unit that lists codes ("Không = 0 Có = 1") rather than naming a quantity. */
export function codeList(unit: string): number[] | undefined {
  const codes = [...unit.matchAll(/=\s*(\d+)/g)].map((m) => Number(m[1]));
  return codes.length ? codes : undefined;
}

/** Reads every figure of the table: counts, rates and indicator values. */
export function readCells(sheet: SheetSnapshot, table: TableModel): CellTable {
  const numeric = figureColumns(table);
  const cells = new CellTable(sheet, table.rows.length * numeric.length);
  const rules = table.layout.indicatorRules;
  // Columns holding a rate under a percent format: percentages, whatever else they hold.
  const percentColumns = new Set<number>();
  // Counts written with a comma are read once the whole column is seen (see thousandsByComma).
  const commaTexts: { key: CellKey; col: number; text: string }[] = [];
  for (const row of table.rows) {
    if (row.kind === 'header') continue;
    const percentUnit = rules !== undefined && isPercentUnit(unitText(sheet, table, row.row), rules);
    for (const { column, col } of numeric) {
      const cell = cellAt(sheet, row.row, col);
      const kind: 'count' | 'rate' = column.role === 'rate' || (column.role === 'value' && percentUnit) ? 'rate' : 'count';
      const key = keyOf(row.row, col);
      if (kind === 'count') {
        const plain = column.role === 'count' ? plainCount(cell) : undefined;
        if (plain !== undefined) cells.addPlainCount(key, column, plain);
        else {
          cells.add(key, column, kind, parseCount(cell));
          if (column.role === 'count' && typeof cell?.value === 'string' && cell.value.includes(',')) commaTexts.push({ key, col, text: cell.value });
        }
        continue;
      }
      const percent = plainRate(cell);
      if (percent === undefined) cells.add(key, column, kind, parseRate(cell));
      else {
        cells.addPlainRate(key, column, percent, percentFormatDecimals(cell!.numberFormat!));
        percentColumns.add(col);
      }
    }
  }
  for (const col of thousandsByComma(commaTexts)) for (const t of commaTexts) if (t.col === col) cells.revise(t.key, parseCount(cellAt(sheet, rowOfKey(t.key), col), true));
  // Rows of rates (units across the columns): each cell a rate of the two rows named.
  const rateRows = new Set<number>();
  const percentRows = new Set<number>();
  for (const rateRow of table.rateRows ?? []) {
    rateRows.add(rateRow.row);
    for (const { col } of rateRow.rates) {
      const column = numeric.find((n) => n.col === col)?.column;
      if (!column) continue;
      const cell = cellAt(sheet, rateRow.row, col);
      const percent = plainRate(cell);
      if (percent === undefined) cells.add(keyOf(rateRow.row, col), column, 'rate', parseRate(cell));
      else {
        cells.addPlainRate(keyOf(rateRow.row, col), column, percent, percentFormatDecimals(cell!.numberFormat!));
        percentRows.add(rateRow.row);
      }
    }
  }
  normaliseFractions(cells, (i) => (cells.columnAt(i).role === 'rate' ? colOfKey(cells.keyAt(i)) : undefined), percentColumns);
  if (rateRows.size) normaliseFractions(cells, (i) => (rateRows.has(rowOfKey(cells.keyAt(i))) ? rowOfKey(cells.keyAt(i)) : undefined), percentRows);
  return cells;
}

/**
 * Count columns whose texts write thousands with commas ("64,524", "1,234,567", as exports do): some
 * text of the column is grouped so, and none writes a decimal comma ("12,5"). The form is the
 * column's, decided from all its cells, never cell by cell; `texts` are the column's texts with a comma.
 */
function thousandsByComma(texts: { col: number; text: string }[]): number[] {
  const grouped = new Set<number>();
  const decimal = new Set<number>();
  for (const { col, text } of texts) {
    if (commaGroupsThousands(text)) grouped.add(col);
    else if (decimalComma(text)) decimal.add(col);
  }
  return [...grouped].filter((col) => !decimal.has(col));
}

/**
 * A line of rates (a rate column, or a row of rates) that writes every value as a plain number no
 * greater than 1 holds fractions (0.8995 for 89.95 %); any other line holds percentages, and a
 * lone fraction in it is suspect. `lineOf` names the line of a rate cell, or none.
 */
function normaliseFractions(cells: CellTable, lineOf: (i: number) => number | undefined, percentLines: ReadonlySet<number>): void {
  // One pass: a line is disqualified by any number that is not a plain fraction.
  const columns = new Map<number, { positions: number[]; disqualified: boolean; positive: boolean }>();
  for (const i of cells.unusual()) {
    if (!cells.isRateAt(i)) continue;
    const col = lineOf(i);
    if (col === undefined) continue;
    let column = columns.get(col);
    if (!column) columns.set(col, (column = { positions: [], disqualified: percentLines.has(col), positive: false }));
    if (column.disqualified) continue;
    const p = cells.parsedAt(i);
    if (p.status !== 'number') continue;
    if (p.explicitPercent || p.issue !== undefined || Math.abs(p.value) > 1) column.disqualified = true;
    else {
      column.positions.push(i);
      if (p.value > 0) column.positive = true;
    }
  }
  for (const column of columns.values()) {
    if (column.disqualified || !column.positive) continue;
    for (const i of column.positions) {
      const p = cells.parsedAt(i);
      cells.revise(cells.keyAt(i), revised(p, { value: p.value * 100, asFraction: undefined, decimals: Math.max((p.decimals ?? 2) - 2, 0) }));
    }
  }
}

/** Builds relations between cells given by their positions in the table's CellTable (-1: not there). */
/** Adds relations over a table's cells, keeping aside those with one unreadable cell (open relations). */
export class RelationBuilder {
  readonly relations: RelationList;
  readonly open: OpenRelation[] = [];
  constructor(readonly cells: CellTable) {
    this.relations = new RelationList(cells);
  }

  private unreadable(i: number): boolean {
    return this.cells.statusAt(i) === 'invalid';
  }

  position(key: CellKey): number {
    return this.cells.indexOf(key);
  }

  positions(keys: CellKey[]): number[] {
    return keys.map((k) => this.cells.indexOf(k));
  }

  /** A relation is built when all its cells can be read; blank reads as 0 (0 = 0 still holds). */
  private usable(positions: number[]): boolean {
    for (const i of positions) if (i < 0 || this.cells.statusAt(i) === 'invalid') return false;
    return true;
  }

  sum(scope: RelationScope, row: number, total: number, parts: number[]): void {
    if (parts.length === 0 || total < 0) return;
    if (!this.unreadable(total) && this.usable(parts)) {
      this.relations.addSum(scope, row, total, parts);
      return;
    }
    const cells = [total, ...parts];
    if (cells.some((i) => i < 0)) return;
    const unreadable = cells.filter((i) => this.unreadable(i));
    if (unreadable.length === 1) this.open.push({ kind: 'sum', unknown: unreadable[0], total, parts: [...parts] });
  }

  rate(row: number, rate: number, numerator: number[], denominator: number[]): void {
    if (rate < 0 || this.cells.statusAt(rate) === 'blank') return;
    if (!this.usable(numerator) || !this.usable(denominator)) return;
    if (this.unreadable(rate)) this.open.push({ kind: 'rate', unknown: rate, numerator: [...numerator], denominator: [...denominator] });
    else this.relations.addRate(row, rate, numerator, denominator);
  }

  bound(row: number, part: number[], whole: number[]): void {
    if (this.usable(part) && this.usable(whole)) this.relations.addBound(row, part, whole);
  }
}

function sumColumns(table: TableModel): number[] {
  return figureColumns(table, ['count']).map((f) => f.col);
}

/**
 * A list of columns with the array its cells' positions are written into, row after row: the
 * relation list copies what it keeps, and a large table has hundreds of thousands of rows.
 */
class RowCells {
  private readonly out: number[];
  constructor(private readonly cols: readonly number[]) {
    this.out = new Array<number>(cols.length);
  }

  at(cells: CellTable, row: number): number[] {
    for (let k = 0; k < this.cols.length; k++) this.out[k] = cells.positionOf(row, this.cols[k]);
    return this.out;
  }
}

/** The row plan with its lists of columns ready to be read row after row. */
function rowTemplate(plan: RowPlan) {
  return {
    identities: plan.identities.map((i) => ({ total: i.total, parts: new RowCells(i.parts) })),
    rates: plan.rates.map((r) => ({ rate: r.rate, numerator: new RowCells(r.numerator), denominator: new RowCells(r.denominator) })),
    bounds: plan.bounds.map((b) => ({ part: new RowCells(b.part), whole: new RowCells(b.whole) })),
  };
}

function addRowRelations(b: RelationBuilder, template: ReturnType<typeof rowTemplate>, row: number): void {
  const { cells } = b;
  for (const i of template.identities) b.sum('row', row, cells.positionOf(row, i.total), i.parts.at(cells, row));
  for (const r of template.rates) b.rate(row, cells.positionOf(row, r.rate), r.numerator.at(cells, row), r.denominator.at(cells, row));
  for (const bound of template.bounds) b.bound(row, bound.part.at(cells, row), bound.whole.at(cells, row));
}

/** The sums the structure proof confirmed, one relation per count column. */
function addSums(b: RelationBuilder, table: TableModel, sums: SumGroup[]): void {
  const cols = sumColumns(table);
  for (const { scope, target, parts } of sums) {
    for (const c of cols) b.sum(scope, target.row, b.cells.positionOf(target.row, c), parts.map((p) => b.cells.positionOf(p.row, c)));
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
        b.sum('breakdown', parent.row, b.position(keyFor(parent)), b.positions(items.map(keyFor)));
      } else {
        for (const item of items) b.bound(item.row, b.positions([keyFor(item)]), b.positions([keyFor(parent)]));
      }
    }
    const siblings = parent.children.filter(isCount);
    const planned = siblings.filter((s) => hasPhrase(s.label, rules.plannedPhrases));
    const done = siblings.filter((s) => hasPhrase(s.label, rules.donePhrases) && !planned.includes(s));
    if (planned.length === 1 && done.length) {
      const sameUnit = done.filter((d) => unit(d) === unit(planned[0]));
      if (sameUnit.length) b.bound(sameUnit[0].row, b.positions(sameUnit.map(keyFor)), b.positions([keyFor(planned[0])]));
    }
  }
}

/**
 * The relations of a table whose cells are read, whose row definitions are confirmed
 * (definitions.ts) and whose sums are proven (structure.ts).
 */
export function buildRelations(sheet: SheetSnapshot, table: TableModel, cells: CellTable, plan: RowPlan, sums: SumGroup[]): RelationSet {
  const b = new RelationBuilder(cells);
  const template = rowTemplate(plan);
  for (const row of table.rows) if (row.kind !== 'header' && row.hasNumbers) addRowRelations(b, template, row.row);
  // An item ("Trong đó …") is at most the row it is part of, in every count column.
  for (const item of table.rows) {
    if (item.kind !== 'item' || !item.itemOf) continue;
    for (const col of sumColumns(table)) b.bound(item.row, [b.cells.positionOf(item.row, col)], [b.cells.positionOf(item.itemOf.row, col)]);
  }
  for (const rateRow of table.rateRows ?? []) {
    for (const { col, numerator, denominator } of rateRow.rates) {
      b.rate(rateRow.row, b.cells.positionOf(rateRow.row, col), [b.cells.positionOf(numerator.row, numerator.col)], [b.cells.positionOf(denominator.row, denominator.col)]);
    }
  }
  addSums(b, table, sums);
  if (table.layout.hierarchy === 'indicator') addIndicatorRelations(b, sheet, table, cells);
  return { cells, relations: b.relations, open: b.open };
}

/** The columns a row's sum adds up to and that are part of no other: a table's totals (a score table's grand total). */
export function grandTotalColumns(set: RelationSet): Set<number> {
  const totals = new Set<number>();
  const parts = new Set<number>();
  for (const rel of set.relations) {
    if (rel.kind !== 'sum' || rel.scope !== 'row') continue;
    totals.add(colOfKey(rel.total));
    for (const p of rel.parts) parts.add(colOfKey(p));
  }
  for (const p of parts) totals.delete(p);
  return totals;
}
