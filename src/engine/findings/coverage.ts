/**
 * What the check covered, and what it did not: every figure on a sheet is either taken into a
 * relation the engine checked (a sum, an identity, a rate, a bound — holding or broken) or part of
 * a table PhuLuc summarises (tasks, a checklist); any other figure is in a region reported as not
 * checked, with its range and why. "No errors" is then never said of figures nobody looked at.
 */
import { cellAddress, rangeAddress, SHEET_WIDTH } from '../read/address';
import { formatCount } from '../read/format';
import { ColumnRole } from '../layouts';
import { parseCount } from '../read/numbers';
import { RelationSet } from '../relations/relations';
import { CellRange, CellSnapshot, SheetSnapshot } from '../read/snapshot';
import { TableModel } from '../tables/table-model';

export type UncheckedReason = 'no-table' | 'no-relation' | 'outside-relations';

export interface UncheckedRegion {
  /** The region's bounding range, e.g. "B5:H20". */
  range: string;
  /** How many figures in it were not checked. */
  cells: number;
  reason: UncheckedReason;
  /** The range of the checked table the figures sit in, when they do. */
  table?: string;
  message: string;
  messageEn: string;
}

/** What coverage needs of a checked table. */
export interface CoveredTable {
  model: TableModel;
  relations: RelationSet;
  /** Task and checklist tables are summarised, not added up: their cells count as read. */
  summary?: unknown;
  /** Cells checked by a rule other than the relations (ranks). */
  checkedApart?: number[];
}

/** Columns whose numbers are labels, not figures: row numbers, units of measure, text, dates. */
const NOT_FIGURES: ReadonlySet<ColumnRole> = new Set(['stt', 'label', 'unit', 'text', 'task', 'result', 'check']);

const FIGURE_TEXT = /^[+-]?\d[\d .,\u00a0]*%?$/;

/** A number, or a text that reads as one ("1.234", "2,33%"): a figure, unless it turns out to be numbering. */
function figureValue(cell: CellSnapshot | undefined): number | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || !v) return undefined;
  // Only a text that is all number is read as one: not "4 đơn vị", a date "15/04/2017" or numbering "1.2." .
  const text = v.trim();
  if (!FIGURE_TEXT.test(text) || text.endsWith('.')) return undefined;
  const parsed = parseCount(cell);
  return parsed.status === 'number' ? parsed.value : undefined;
}

/** Where a table sits and what of it is covered. */
interface Zone {
  range: CellRange;
  summarised: boolean;
  skipRows: Set<number>;
  /** 1 for a column (from the left edge) that holds labels, not figures. */
  skipCol: Uint8Array;
  /** Covered cells, by (row - top) × width + (col - left). */
  covered: Uint8Array;
  hasRelations: boolean;
}

/**
 * The table's rectangle, out to the last column its header goes on naming without a gap (a column
 * it reads no figures from is still its own; a table beside it, after an empty column, is not).
 */
function spanOf(sheet: SheetSnapshot, model: TableModel): CellRange {
  const named = (col: number) =>
    model.headerRows.some((row) => {
      const v = sheet.cells[row]?.[col]?.value;
      return v !== null && v !== undefined && String(v).trim() !== '';
    });
  let right = model.range.right;
  while (named(right + 1)) right++;
  return { ...model.range, right };
}

function zoneOf(sheet: SheetSnapshot, table: CoveredTable): Zone {
  const { model, relations } = table;
  const range = spanOf(sheet, model);
  const width = range.right - range.left + 1;
  const covered = new Uint8Array(width * (range.bottom - range.top + 1));
  const mark = (key: number) => {
    const row = Math.floor(key / SHEET_WIDTH);
    const col = key - row * SHEET_WIDTH;
    if (row >= range.top && row <= range.bottom && col >= range.left && col <= range.right) covered[(row - range.top) * width + (col - range.left)] = 1;
  };
  const { cells } = relations;
  // A cell is covered once any relation holds it: each position is marked once, however many relations share it.
  const seen = new Uint8Array(cells.size);
  const members = relations.relations.allMembers();
  for (let j = 0; j < members.length; j++) {
    const position = members[j];
    if (seen[position]) continue;
    seen[position] = 1;
    mark(cells.keyAt(position));
  }
  for (const key of table.checkedApart ?? []) mark(key);
  for (const open of relations.open) {
    const positions = open.kind === 'sum' ? [open.unknown, open.total, ...open.parts] : [open.unknown, ...open.numerator, ...open.denominator];
    for (const p of positions) mark(cells.keyAt(p));
  }
  const skipRows = new Set<number>(model.headerRows);
  for (const row of model.rows) if (row.kind === 'header') skipRows.add(row.row);
  const declared = new Map([...model.layout.columns, ...model.extraColumns].map((c) => [c.key, c.role]));
  const skipCol = new Uint8Array(width);
  for (const [key, match] of model.columns) {
    const role = declared.get(key);
    if (role && NOT_FIGURES.has(role) && match.col >= range.left && match.col <= range.right) skipCol[match.col - range.left] = 1;
  }
  return { range, summarised: table.summary !== undefined, skipRows, skipCol, covered, hasRelations: relations.relations.length > 0 || relations.open.length > 0 };
}

/**
 * Row or column numbering among the candidates (STT 1, 2, 3…; a row numbering the columns; years
 * 2019, 2020, 2021): a run of whole numbers each one more than the last, of three or more, or of
 * two starting at 1. Such cells are labels, not figures.
 */
function numbering(values: number[]): boolean[] {
  const out = values.map(() => false);
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const continues = i < values.length && Number.isInteger(values[i]) && values[i] === values[i - 1] + 1;
    if (continues) continue;
    const length = i - start;
    if (Number.isInteger(values[start]) && values[start] >= 0 && (length >= 3 || (length === 2 && values[start] === 1))) for (let k = start; k < i; k++) out[k] = true;
    start = i;
  }
  return out;
}

interface Candidate {
  row: number;
  col: number;
  value: number;
  zone: number;
}

function dropNumbering(candidates: Candidate[]): Candidate[] {
  const drop = new Set<Candidate>();
  const runs = (key: (c: Candidate) => string, order: (a: Candidate, b: Candidate) => number, adjacent: (a: Candidate, b: Candidate) => boolean) => {
    const groups = new Map<string, Candidate[]>();
    for (const c of candidates) {
      const k = key(c);
      const list = groups.get(k);
      if (list) list.push(c);
      else groups.set(k, [c]);
    }
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      list.sort(order);
      // Numbering runs through neighbouring cells only (a gap of a heading row or two is allowed).
      let start = 0;
      for (let i = 1; i <= list.length; i++) {
        if (i < list.length && adjacent(list[i - 1], list[i])) continue;
        const piece = list.slice(start, i);
        numbering(piece.map((c) => c.value)).forEach((isNumbering, k) => isNumbering && drop.add(piece[k]));
        start = i;
      }
    }
  };
  runs((c) => `${c.zone}:c${c.col}`, (a, b) => a.row - b.row, (a, b) => b.row - a.row <= 3);
  runs((c) => `${c.zone}:r${c.row}`, (a, b) => a.col - b.col, (a, b) => b.col - a.col <= 2);
  return drop.size ? candidates.filter((c) => !drop.has(c)) : candidates;
}

/** Candidates joined into regions: neighbours in a row or a column (a blank cell or two between), in one zone. */
function regionsOf(candidates: Candidate[]): Candidate[][] {
  const index = new Map<number, number>();
  candidates.forEach((c, i) => index.set(c.row * SHEET_WIDTH + c.col, i));
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  candidates.forEach((c, i) => {
    for (let d = 1; d <= 3; d++) {
      for (const [row, col] of [
        [c.row + d, c.col],
        [c.row, c.col + d],
      ]) {
        const j = index.get(row * SHEET_WIDTH + col);
        if (j !== undefined && candidates[j].zone === c.zone) parent[find(j)] = find(i);
      }
    }
  });
  const groups = new Map<number, Candidate[]>();
  candidates.forEach((c, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(c);
    else groups.set(root, [c]);
  });
  return [...groups.values()];
}

function boundsOf(cells: Candidate[]): CellRange {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of cells) {
    top = Math.min(top, c.row);
    bottom = Math.max(bottom, c.row);
    left = Math.min(left, c.col);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

function describe(reason: UncheckedReason, count: number, table?: CellRange): { message: string; messageEn: string } {
  const figures = `${formatCount(count, 'vi')} số`;
  const figuresEn = `${formatCount(count, 'en')} figure${count === 1 ? '' : 's'}`;
  if (reason === 'no-table') {
    return {
      message: `${figures} không thuộc bảng nào PhuLuc đọc được (cách trình bày bảng, tiêu đề cột hoặc hướng bảng chưa nhận ra): chưa kiểm tra.`,
      messageEn: `${figuresEn} in no table PhuLuc can read (the table's presentation, headers or orientation not recognised): not checked.`,
    };
  }
  if (reason === 'no-relation') {
    return {
      message: `${figures} của bảng ${rangeAddress(table!)}: chính số liệu của bảng không xác nhận được tổng, tỉ lệ hay quan hệ nào giữa các số, nên chưa kiểm tra được.`,
      messageEn: `${figuresEn} of the table ${rangeAddress(table!)}: its own numbers confirm no sum, rate or other relation among them, so they could not be checked.`,
    };
  }
  return {
    message: `${figures} trong bảng không thuộc tổng, tỉ lệ hay quan hệ nào đã kiểm tra: chưa kiểm tra.`,
    messageEn: `${figuresEn} in the table belong to no sum, rate or relation that was checked: not checked.`,
  };
}

/** Regions of figures on the sheet that no checked relation covers, in sheet order. */
export function uncheckedRegions(sheet: SheetSnapshot, tables: CoveredTable[]): UncheckedRegion[] {
  const zones = tables.map((t) => zoneOf(sheet, t));
  const candidates: Candidate[] = [];
  const { cells } = sheet;
  for (let row = 0; row < cells.length; row++) {
    const line = cells[row];
    if (!line) continue;
    // The tables this row passes through: usually one or none.
    const here: number[] = [];
    zones.forEach((z, i) => row >= z.range.top && row <= z.range.bottom && here.push(i));
    for (let col = 0; col < line.length; col++) {
      const cell = line[col];
      if (!cell || cell.value === null) continue;
      let zone = -1;
      for (let k = 0; k < here.length; k++) if (col >= zones[here[k]].range.left && col <= zones[here[k]].range.right) zone = here[k];
      if (zone >= 0) {
        const z = zones[zone];
        const at = col - z.range.left;
        if (z.skipCol[at] || z.covered[(row - z.range.top) * z.skipCol.length + at] || z.summarised || z.skipRows.has(row)) continue;
      }
      const value = figureValue(cell);
      if (value !== undefined) candidates.push({ row, col, value, zone });
    }
  }
  if (!candidates.length) return [];
  const out: (UncheckedRegion & { at: CellRange })[] = [];
  for (const region of regionsOf(dropNumbering(candidates))) {
    const zone = region[0].zone;
    // A lone number outside any table (a year, a page number) is not a region of figures.
    if (zone < 0 && region.length < 2) continue;
    const reason: UncheckedReason = zone < 0 ? 'no-table' : zones[zone].hasRelations ? 'outside-relations' : 'no-relation';
    const at = boundsOf(region);
    const range = at.top === at.bottom && at.left === at.right ? cellAddress(at.top, at.left) : rangeAddress(at);
    const table = zone < 0 ? undefined : rangeAddress(tables[zone].model.range);
    out.push({ range, cells: region.length, reason, ...(table ? { table } : {}), ...describe(reason, region.length, zone < 0 ? undefined : tables[zone].model.range), at });
  }
  out.sort((a, b) => a.at.top - b.at.top || a.at.left - b.at.left);
  return out.map(({ at: _at, ...region }) => region);
}
