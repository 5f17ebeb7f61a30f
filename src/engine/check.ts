/**
 * Checking a sheet: find its tables, recognise their layouts, and report every inconsistency
 * at its root-cause cell. The engine's entry point; it knows nothing of Office or files.
 */
import { columnLetters, keyOfAddress, rangeAddress } from './read/address';
import { CellTable } from './read/cell-table';
import { diagnose } from './diagnose/diagnose';
import { ambiguityFinding, explanationFindings, FindingContext, formFindings, fractionFinding, textNumbersFinding, unexplainedFinding } from './findings/findings';
import { Finding, TableNotice } from './findings/finding';
import { CheckedTable, Notice, SheetReport } from './findings/report';
import { TableModel, TableRow } from './tables/table-model';
import { RowNames, rowPhrase } from './findings/describe';
import { rateAgrees, rateFromCounts, revised } from './read/numbers';
import { buildRelations, readCells, CellKey, RateRelation, Relation, RelationSet } from './relations/relations';
import { RelationList } from './relations/relation-list';
import { cellText, SheetSnapshot } from './read/snapshot';
import { extractTables } from './tables/tables';
import { proveStructure } from './structure/structure';
import { confirmDefinitions } from './structure/definitions';
import { CrossSheetLink, crossSheetLinks } from './findings/cross-sheet';
import { continuedTables } from './findings/continued-tables';
import { isPhuLucSheet } from './read/sheet-names';
import { readingNotices } from './findings/sheet-notices';
import { summariseTasks } from './findings/tasks';
import { summariseChecklist } from './findings/checklist';
import { unreadableValues } from './diagnose/unreadable';
import { uncheckedRegions } from './findings/coverage';
import { explainFormulas } from './findings/formula-findings';
import { checkRanks } from './findings/ranks';
import { duplicateFindings } from './findings/duplicates';
import { classFindings } from './findings/classes';
import { statisticsFindings } from './findings/score-statistics';
import { pairFindings } from './findings/pair-rankings';
import { readScoreCells } from './structure/score-cells';
import { proveScoreStructure, ScoreStructure } from './structure/score-structure';
import { buildScoreRelations } from './relations/score-relations';
import { formatCount, formatScore } from './read/format';

function isEmpty(sheet: SheetSnapshot): boolean {
  return !sheet.cells.some((row) => row?.some((c) => c && c.value !== null && String(c.value).trim() !== ''));
}

function sumOf(set: RelationSet, keys: CellKey[]): number {
  return keys.reduce((s, k) => s + (set.cells.value(k) ?? 0), 0);
}

function rateTruth(set: RelationSet, rel: RateRelation): number | undefined {
  return rateFromCounts(sumOf(set, rel.numerator), sumOf(set, rel.denominator));
}

/**
 * A rate written as a fraction (0.4321) in a column of percentages is right in value and wrong
 * in form: report it as such and use the percentage for the arithmetic.
 */
function resolveFractionRates(set: RelationSet, ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  const { cells, relations } = set;
  for (let id = 0; id < relations.length; id++) {
    // Only a rate that could be a fraction is looked at closely.
    if (relations.kindOf(id) !== 'rate' || cells.asFractionAt(relations.first(id, 0)) === undefined) continue;
    const rel = relations.at(id) as RateRelation;
    const info = cells.get(rel.rate)!;
    const alt = info.parsed.asFraction;
    if (alt === undefined) continue;
    const truth = rateTruth(set, rel);
    if (truth === undefined) continue;
    if (rateAgrees(info.parsed.value, truth, info.parsed.decimals ?? 2)) continue;
    if (!rateAgrees(alt, truth, Math.max((info.parsed.decimals ?? 4) - 2, 0))) continue;
    out.push(fractionFinding(ctx, info, alt));
    cells.revise(info.key, revised(info.parsed, { value: alt, asFraction: undefined, decimals: 2 }));
  }
  return out;
}

function computedValue(set: RelationSet, rel: Relation): number | null {
  if (rel.kind === 'sum') return sumOf(set, rel.parts);
  if (rel.kind === 'rate') return rateTruth(set, rel) ?? null;
  return null;
}

/**
 * Row names for messages, found by halving the table's rows (they are in sheet order): only rows
 * with findings ask. A unit nested under a group is named with it ("Xã A (Huyện B)"); a row with no
 * name is named by its sheet row, never by its number.
 */
function rowNames(table: TableModel): RowNames {
  const { rows } = table;
  const find = (row: number): TableRow | undefined => {
    let low = 0;
    let high = rows.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (rows[mid].row < row) low = mid + 1;
      else if (rows[mid].row > row) high = mid - 1;
      else return rows[mid];
    }
    return undefined;
  };
  const label = (row: number): string => {
    const found = find(row);
    if (!found) return table.rateRows?.find((r) => r.row === row)?.label ?? '';
    if (found.kind === 'item' && found.itemOf?.label) return `${found.label} (${found.itemOf.label})`;
    const parent = found.parent;
    const nested = found.label && parent?.label && (parent.kind === 'group' || parent.kind === 'section') && found.kind === 'data';
    return nested ? `${found.label} (${parent!.label})` : found.label;
  };
  return { label, phrase: (row, lang) => rowPhrase(label(row), row, lang) };
}

function unitReader(sheet: SheetSnapshot, table: TableModel): FindingContext['unitOf'] {
  const unit = table.columns.get('unit');
  return (row) => {
    return cellText(sheet, row, unit?.col);
  };
}

function byPosition(a: Finding, b: Finding): number {
  const pos = (f: Finding) => {
    const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
    return Number(m[2]) * 100000 + m[1].length * 1000 + m[1].charCodeAt(m[1].length - 1);
  };
  return pos(a) - pos(b);
}

function emptyRelations(): RelationSet {
  const cells = new CellTable();
  return { cells, relations: new RelationList(cells), open: [] };
}

/** Task and checklist tables carry no arithmetic: they are summarised. */
function summariseTable(sheet: SheetSnapshot, table: TableModel): CheckedTable | undefined {
  const kind = table.layout.hierarchy;
  if (kind !== 'tasks' && kind !== 'checklist') return undefined;
  const { summary, findings } = kind === 'tasks' ? summariseTasks(sheet, table) : summariseChecklist(sheet, table);
  return {
    layout: table.layout.id,
    layoutName: table.layout.name,
    confidence: table.confidence,
    range: rangeAddress(table.range),
    findings: findings.sort(byPosition),
    model: table,
    relations: emptyRelations(),
    summary,
    notices: [],
  };
}

/** What PhuLuc learned of a score table, said first: its sums and the maxima it checks against. */
function scoreTableNotice(table: TableModel, structure: ScoreStructure): TableNotice {
  const pairs = table.scores?.pairs?.length;
  if (pairs)
    return {
      code: 'score-table',
      message: `Bảng xếp hạng theo cặp (đơn vị, điểm): ${formatCount(pairs, 'vi')} danh sách, mỗi danh sách được kiểm tra thứ tự từ cao xuống thấp và mỗi đơn vị chỉ có một lần.`,
      messageEn: `A ranking in (unit, score) pairs: ${formatCount(pairs, 'en')} lists, each checked for running highest first and naming each unit once.`,
    };
  // Each rule the numbers proved, said as the table's columns: "Tổng điểm (H) = C + D + E + F + G".
  const title = (col: number) => [...table.columns.values()].find((m) => m.col === col)?.headerText.split(' / ').pop() ?? columnLetters(col);
  const sums = structure.sums.map((s) => `${title(s.total)} (${columnLetters(s.total)}) = ${s.parts.map(columnLetters).join(' + ')}`);
  const indices = structure.indices.map((x) => `${title(x.col)} (${columnLetters(x.col)}) = ${columnLetters(x.total)} / ${formatScore(structure.maxima.get(x.total)!.value, 'vi')} × 100`);
  const indicesEn = structure.indices.map((x) => `${title(x.col)} (${columnLetters(x.col)}) = ${columnLetters(x.total)} / ${formatScore(structure.maxima.get(x.total)!.value, 'en')} × 100`);
  const maxima = structure.maxima.size;
  return {
    code: 'score-table',
    message: `Bảng điểm, theo chính số liệu của bảng: ${sums.length ? sums.join('; ') : 'không cột nào là tổng của các cột khác'}${indices.length ? `; ${indices.join('; ')}` : ''}; ${maxima ? `${formatCount(maxima, 'vi')} cột có điểm tối đa (ghi trong bảng, cộng từ các cột thành phần hoặc học từ chỉ số)` : 'bảng không ghi điểm tối đa'}.`,
    messageEn: `Score table, by its own numbers: ${sums.length ? sums.join('; ') : 'no column is the sum of others'}${indicesEn.length ? `; ${indicesEn.join('; ')}` : ''}; ${maxima ? `${formatCount(maxima, 'en')} columns have a maximum (stated in the table, summed from their parts or learned from the index)` : 'the table states no maximum'}.`,
  };
}

function unknownLayoutNotice(): TableNotice {
  return {
    code: 'unknown-layout',
    message: 'PhuLuc chưa biết mẫu bảng này (tiêu đề cột lạ): chỉ kiểm tra những gì chính số liệu cho thấy — dòng nhóm, dòng tổng và các cột cộng lại với nhau; độ tin cậy thấp.',
    messageEn: 'PhuLuc does not know this table\'s layout (unfamiliar headers): it checks only what the numbers themselves show — group rows, total rows and columns that add up; low confidence.',
  };
}

export function checkTable(sheet: SheetSnapshot, table: TableModel): CheckedTable {
  const summarised = summariseTable(sheet, table);
  if (summarised) return summarised;
  if (table.scores) return checkScoreTable(sheet, table);
  const cells = readCells(sheet, table);
  const structure = proveStructure(table, cells);
  const definitions = confirmDefinitions(table, cells, structure.suspectCells);
  const set = buildRelations(sheet, table, cells, definitions.plan, structure.sums);
  const notices = [...(table.layout.id === 'L0' ? [unknownLayoutNotice()] : []), ...definitions.notices, ...structure.notices];
  return judge(sheet, table, set, notices);
}

/** A table of scores: its sums, maxima and indices as its numbers prove them, then the same judgement. */
function checkScoreTable(sheet: SheetSnapshot, table: TableModel): CheckedTable {
  const cells = readScoreCells(sheet, table);
  const structure = proveScoreStructure(table, cells);
  const set = buildScoreRelations(table, cells, structure);
  return judge(sheet, table, set, [scoreTableNotice(table, structure), ...structure.notices]);
}

/** The relations' diagnosis, then what is checked beside them (ranks, classes, duplicates, statistics, formulas). */
function judge(sheet: SheetSnapshot, table: TableModel, set: RelationSet, notices: TableNotice[]): CheckedTable {
  const ctx: FindingContext = { set, rows: rowNames(table), unitOf: unitReader(sheet, table), unreadable: unreadableValues(set) };
  const findings: Finding[] = [...formFindings(ctx), ...resolveFractionRates(set, ctx)];
  const diagnosis = diagnose(set);
  for (const e of diagnosis.explanations) for (const f of explanationFindings(ctx, e)) findings.push(f);
  for (const a of diagnosis.ambiguities) findings.push(ambiguityFinding(ctx, a));
  for (const rel of diagnosis.unexplained) findings.push(unexplainedFinding(ctx, rel, computedValue(set, rel)));
  const asText = textNumbersFinding(ctx);
  if (asText) findings.push(asText);
  findings.sort(byPosition);
  // Ranks follow the figures as corrected by the findings: a typo in a figure is not a wrong rank too.
  const corrections = new Map(findings.filter((f) => f.expected !== null && !f.candidates).map((f) => [keyOfAddress(f.cell), f.expected!]));
  // Cells that may be wrong with no one value told: a rank is wrong only if it is under each of their values.
  const uncertain = new Map<number, number[]>();
  for (const f of findings) for (const c of (f.candidates ?? []).filter((x) => x.sheet === undefined)) uncertain.set(keyOfAddress(c.cell), [...(uncertain.get(keyOfAddress(c.cell)) ?? []), c.expected]);
  for (const f of findings) if (f.expected === null && f.severity === 'error') uncertain.set(keyOfAddress(f.cell), [NaN]);
  const ranks = checkRanks(sheet, table, set, ctx.rows, corrections, uncertain);
  const stats = statisticsFindings(sheet, table, set, corrections, uncertain);
  const pairs = pairFindings(sheet, table);
  const classes = classFindings(sheet, table, set, ctx.rows, corrections, uncertain);
  findings.push(...ranks.findings, ...duplicateFindings(table, set, ctx.rows), ...classes.findings, ...stats.findings, ...pairs.findings);
  findings.sort(byPosition);
  const said = explainFormulas(sheet, table.range, set, ctx.rows, findings);
  return {
    layout: table.layout.id,
    layoutName: table.layout.name,
    confidence: table.confidence,
    range: rangeAddress(table.range),
    findings: said,
    model: table,
    relations: set,
    notices: [...notices, ...ranks.notices, ...stats.notices],
    checkedApart: [...ranks.checked, ...stats.checked, ...pairs.checked],
    ...(classes.stated ? { classBands: classes.stated } : {}),
  };
}

/** PhuLuc's own sheets (the "(gốc)" copies, the change log) are not checked again. */
function ownSheetReport(name: string): SheetReport {
  return {
    sheet: name,
    tables: [],
    unchecked: [],
    notices: [{ code: 'phuluc-sheet', message: 'Trang do PhuLuc tạo (bản gốc hoặc nhật ký): không kiểm tra.', messageEn: 'A sheet PhuLuc made (original copy or change log): not checked.' }],
  };
}

export interface WorkbookReport {
  sheets: SheetReport[];
  /** Relations between appendices of the workbook, holding or not. */
  crossSheet: CrossSheetLink[];
}

/** Checks every sheet, then the relations between them; broken ones are reported at both ends. */
export function checkWorkbook(sheets: SheetSnapshot[]): WorkbookReport {
  return linkSheets(sheets, sheets.map(checkWorkbookSheet));
}

function checkWorkbookSheet(sheet: SheetSnapshot): SheetReport {
  return isPhuLucSheet(sheet.name) ? ownSheetReport(sheet.name) : checkSheet(sheet);
}

/**
 * The same check, one sheet at a time, handing control back between sheets (`pause`), so a host
 * that shares its thread with a user interface stays responsive and can show progress.
 */
export async function checkWorkbookInSteps(sheets: SheetSnapshot[], pause: (done: number, total: number) => Promise<void>): Promise<WorkbookReport> {
  const reports: SheetReport[] = [];
  for (const sheet of sheets) {
    reports.push(checkWorkbookSheet(sheet));
    await pause(reports.length, sheets.length);
  }
  return linkSheets(sheets, reports);
}

function linkSheets(sheets: SheetSnapshot[], reports: SheetReport[]): WorkbookReport {
  continuedTables(sheets, reports);
  const { links, findings } = crossSheetLinks(sheets, reports);
  for (const [table, extra] of findings) table.findings = [...table.findings, ...extra].sort(byPosition);
  return { sheets: reports, crossSheet: links };
}

export function checkSheet(sheet: SheetSnapshot): SheetReport {
  const notices: Notice[] = [];
  if (isEmpty(sheet)) {
    notices.push({ code: 'empty-sheet', message: 'Trang tính trống.', messageEn: 'The sheet is empty.' });
    return { sheet: sheet.name, tables: [], notices, unchecked: [] };
  }
  const tables = extractTables(sheet).map((t) => checkTable(sheet, t));
  if (!tables.length) {
    notices.push({
      code: 'no-appendix',
      message: 'Không nhận ra bảng phụ lục nào trên trang này (không có dòng tiêu đề cột quen thuộc).',
      messageEn: 'No appendix table recognised on this sheet (no familiar column headers).',
    });
  }
  notices.push(...readingNotices(sheet, tables));
  return { sheet: sheet.name, tables, notices, unchecked: uncheckedRegions(sheet, tables) };
}
