/**
 * Turning form problems and the diagnosis into findings: one per root cause, at the cell that
 * is wrong, with the value it should hold, in Vietnamese and English.
 */
import { Ambiguity, cellsOf, Explanation } from '../diagnose/diagnose';
import { describeRelation, RowNames } from './describe';
import { addressOf, formatCount, formatValue, Language } from '../read/format';
import { Finding, Severity } from './finding';
import { CellInfo, CellKey, codeList, colOfKey, RateRelation, Relation, RelationSet, rowOfKey } from '../relations/relations';
import { excelErrorMeaning } from '../read/numbers';
import type { ValueKind } from '../read/cell-table';

const MAX_RELATED = 20;

export interface FindingContext {
  set: RelationSet;
  rows: RowNames;
  unitOf: (row: number) => string;
  /** What unreadable cells should hold, where their relations tell (see unreadable.ts). */
  unreadable: Map<CellKey, number>;
}

function kindOf(ctx: FindingContext, key: CellKey): ValueKind {
  return ctx.set.cells.get(key)?.kind ?? 'count';
}

function show(ctx: FindingContext, key: CellKey, value: number, lang: Language): string {
  return formatValue(value, kindOf(ctx, key), lang);
}

/**
 * What a cell holds, for a message: a stored number in the message's own number style (vi 94,89%,
 * en 94.89%), whatever the sheet's display; text as it was typed, quoted.
 */
function held(ctx: FindingContext, info: CellInfo | undefined, lang: Language): string {
  if (!info) return '';
  const p = info.parsed;
  if (p.status === 'number' && !p.isText) return show(ctx, info.key, p.value, lang);
  return p.isText ? `"${p.raw}"` : p.raw;
}

/** Another row, in parentheses after a relation: 'dòng "Xã A"', or 'dòng 12' for a row with no name. */
function rowReference(ctx: FindingContext, row: number, lang: Language): string {
  const label = ctx.rows.label(row);
  return label ? `${lang === 'vi' ? 'dòng' : 'row'} "${label}"` : ctx.rows.phrase(row, lang);
}

/**
 * Which figure a cell is, as a person names it: its column's title and its row's name ("HS trễ hạn
 * của "Xã A""). A rate standing in a column of counts is a rate row's: under units across the
 * columns the row names the rate and the column the unit ("Tỉ lệ (%)" of "Xã A"); under a unit's
 * counts (a unit on two rows) it is the rate of the count above ("Tỉ lệ HS trễ hạn" of "Xã A").
 */
function whereOf(ctx: FindingContext, info: CellInfo | undefined, lang: Language): string {
  if (!info) return '';
  const title = lang === 'vi' ? info.column.title : info.column.titleEn;
  const label = ctx.rows.phrase(info.row, lang);
  const of = lang === 'vi' ? 'của' : 'of';
  if (info.kind !== 'rate' || info.column.role !== 'count') return `${title} ${of} ${label}`;
  const list = ctx.set.relations;
  let across = false;
  for (let id = 0; id < list.length && !across; id++) {
    if (list.kindOf(id) !== 'rate') continue;
    const r = list.at(id) as RateRelation;
    across = r.rate === info.key && [...r.numerator, ...r.denominator].every((k) => colOfKey(k) === info.col);
  }
  if (across) return `${label} ${of} "${title}"`;
  return `${lang === 'vi' ? 'Tỉ lệ' : 'Rate of'} ${title} ${of} ${label}`;
}

function expectedValue(ctx: FindingContext, key: CellKey, value: number): number {
  return kindOf(ctx, key) === 'rate' ? Math.round(value * 100) / 100 : value;
}

/** The first cells of the relations, each once: a total over 100,000 rows is not walked past what is shown. */
function relatedCells(relations: Relation[], exclude: Set<CellKey>): string[] {
  const seen = new Set<CellKey>();
  for (const rel of relations) {
    for (const k of cellsOf(rel)) {
      if (seen.size >= MAX_RELATED) break;
      if (!exclude.has(k)) seen.add(k);
    }
  }
  return [...seen].map(addressOf);
}

function ruleFor(ctx: FindingContext, key: CellKey, mends: Relation[]): string {
  if (kindOf(ctx, key) === 'rate') return 'rate-mismatch';
  const asTotal = mends.some((r) => r.kind === 'sum' && r.total === key && r.scope !== 'row');
  const asPart = mends.some((r) => r.kind === 'sum' && r.parts.includes(key));
  if (asTotal && !asPart) return 'sum-mismatch';
  return 'value-mismatch';
}

/** One finding per root cell of an explanation. */
export function explanationFindings(ctx: FindingContext, e: Explanation): Finding[] {
  const findings: Finding[] = [];
  const rootKeys = new Set(e.roots.keys());
  const carried = [...e.changes].filter(([k]) => !rootKeys.has(k));
  for (const [key, value] of e.roots) {
    const info = ctx.set.cells.get(key);
    const mends = e.mends.filter((r) => cellsOf(r).includes(key) || cellsOf(r).some((k) => e.changes.has(k)));
    const blank = !info || info.parsed.status === 'blank';
    const text = (lang: Language, brief = false) => {
      const actual = blank ? (lang === 'vi' ? '(để trống)' : '(blank)') : held(ctx, info, lang);
      const expected = show(ctx, key, value, lang);
      const described = [...new Set(mends.map((r) => describeRelation(r, ctx.set.cells, ctx.rows, lang) + (r.row !== info?.row && r.kind !== 'sum' ? '' : r.row !== info?.row && r.kind === 'sum' && r.scope === 'row' ? ` (${rowReference(ctx, r.row, lang)})` : '')))];
      const relations = described.slice(0, 4).join('; ');
      const more = described.length > 4 ? '; …' : '';
      const carriedText = carried
        .slice(0, 6)
        .map(([k, v]) => `${addressOf(k)} → ${show(ctx, k, v, lang)}`)
        .join(', ');
      if (lang === 'vi') {
        return (
          `${whereOf(ctx, info, lang)} ghi ${actual}, đúng ra là ${expected}` +
          (brief ? '.' : ` (sai ${mends.length} phép tính: ${relations}${more}).`) +
          (e.keystroke && !blank ? ' Có vẻ gõ nhầm một phím.' : '') +
          (carried.length ? ` Các ô tính từ số sai này cũng phải sửa: ${carriedText}${carried.length > 6 ? ', …' : ''}.` : '')
        );
      }
      return (
        `${whereOf(ctx, info, lang)} reads ${actual} but should be ${expected}` +
        (brief ? '.' : ` (breaks ${mends.length} relation${mends.length > 1 ? 's' : ''}: ${relations}${more}).`) +
        (e.keystroke && !blank ? ' Looks like a one-keystroke typo.' : '') +
        (carried.length ? ` Cells computed from it must change too: ${carriedText}${carried.length > 6 ? ', …' : ''}.` : '')
      );
    };
    findings.push({
      cell: addressOf(key),
      severity: 'error',
      rule: ruleFor(ctx, key, mends),
      message: text('vi'),
      messageEn: text('en'),
      brief: text('vi', true),
      briefEn: text('en', true),
      actual: info?.parsed.raw ?? null,
      expected: expectedValue(ctx, key, value),
      related: relatedCells(mends, rootKeys),
      carried: carried.length ? carried.map(([k, v]) => ({ cell: addressOf(k), expected: expectedValue(ctx, k, v) })) : undefined,
    });
  }
  return findings;
}

/** The cell where a broken relation shows: the total of a sum, the rate, the first part of a bound. */
function symptomCell(rel: Relation): CellKey {
  return rel.kind === 'sum' ? rel.total : rel.kind === 'rate' ? rel.rate : rel.part[0];
}

export function ambiguityFinding(ctx: FindingContext, a: Ambiguity): Finding {
  const key = symptomCell(a.relations[0]);
  const info = ctx.set.cells.get(key);
  const options = a.options.flatMap((o) => [...o.roots].map(([k, v]) => ({ cell: addressOf(k), expected: expectedValue(ctx, k, v), key: k })));
  const list = (lang: Language) =>
    options
      .slice(0, 8)
      .map((o) => `${o.cell} (${held(ctx, ctx.set.cells.get(o.key), lang) || '∅'} → ${show(ctx, o.key, o.expected, lang)})`)
      .join(lang === 'vi' ? ' hoặc ' : ' or ') + (options.length > 8 ? ' …' : '');
  const relations = (lang: Language) => a.relations.slice(0, 3).map((r) => describeRelation(r, ctx.set.cells, ctx.rows, lang)).join('; ');
  return {
    cell: addressOf(key),
    severity: 'error',
    rule: 'ambiguous-mismatch',
    message: `Không khớp: ${relations('vi')}. Có ${options.length} cách sửa nhỏ như nhau, cần đối chiếu bản gốc: ${list('vi')}.`,
    messageEn: `Mismatch: ${relations('en')}. ${options.length} equally small corrections; check the source: ${list('en')}.`,
    actual: info?.parsed.raw ?? null,
    expected: null,
    related: relatedCells(a.relations, new Set([key])),
    candidates: options.map(({ cell, expected }) => ({ cell, expected })),
  };
}

export function unexplainedFinding(ctx: FindingContext, rel: Relation, computed: number | null): Finding {
  const key = symptomCell(rel);
  const info = ctx.set.cells.get(key);
  const rule = rel.kind === 'sum' ? 'sum-mismatch' : rel.kind === 'rate' ? 'rate-mismatch' : 'bound-violation';
  const vi = describeRelation(rel, ctx.set.cells, ctx.rows, 'vi');
  const en = describeRelation(rel, ctx.set.cells, ctx.rows, 'en');
  const expectedVi = computed === null ? '' : ` (theo các ô khác: ${show(ctx, key, computed, 'vi')})`;
  const expectedEn = computed === null ? '' : ` (from the other cells: ${show(ctx, key, computed, 'en')})`;
  return {
    cell: addressOf(key),
    severity: 'error',
    rule,
    message: `Không thỏa: ${vi}; ô ${addressOf(key)} ghi ${held(ctx, info, 'vi')}${expectedVi}. Không tìm được một ô sai duy nhất giải thích được.`,
    messageEn: `Does not hold: ${en}; ${addressOf(key)} reads ${held(ctx, info, 'en')}${expectedEn}. No single wrong cell explains it.`,
    actual: info?.parsed.raw ?? null,
    expected: computed === null ? null : expectedValue(ctx, key, computed),
    related: relatedCells([rel], new Set([key])),
  };
}

function formFinding(info: CellInfo, severity: Severity, rule: string, vi: string, en: string, expected: number | null): Finding {
  return { cell: addressOf(info.key), severity, rule, message: vi, messageEn: en, actual: info.parsed.raw, expected, related: [] };
}

/** ", which the related cells put at 1.234" when they tell, else nothing. */
function rightValue(ctx: FindingContext, info: CellInfo, lang: Language): string {
  const value = ctx.unreadable.get(info.key);
  if (value === undefined) return '';
  const shown = formatValue(value, info.kind, lang);
  return lang === 'vi' ? ` (theo các ô liên quan, giá trị đúng là ${shown})` : ` (the related cells give ${shown})`;
}

/** Problems in how single values are written, found before any arithmetic. */
export function formFindings(ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  // A plain count in a count column is never badly written: only the other cells are looked at.
  const { cells } = ctx.set;
  for (const i of cells.unusual()) {
    const p = cells.parsedAt(i);
    const key = cells.keyAt(i);
    const codes = cells.columnAt(i).role === 'value' ? codeList(ctx.unitOf(rowOfKey(key))) : undefined;
    const outOfRange = cells.isRateAt(i) && p.status === 'number' && (p.value < 0 || p.value > 100) && p.issue === undefined;
    // Nearly every cell is fine: build the wording only for those that are not.
    if (p.issue === undefined && !outOfRange && !codes) continue;
    const info = cells.infoAt(i);
    const where = whereOf(ctx, info, 'vi');
    const whereEn = whereOf(ctx, info, 'en');
    switch (p.issue) {
      case 'decimal-separator':
        out.push(
          formFinding(info, 'error', 'count-decimal-separator',
            `${where} là số thập phân ${p.raw}: dấu chấm phân cách hàng nghìn đã bị Excel đọc thành dấu thập phân; phải là ${formatValue(p.value, 'count', 'vi')}.`,
            `${whereEn} is the decimal ${p.raw}: Excel read the thousands dot as a decimal point; it should be ${formatValue(p.value, 'count', 'en')}.`,
            p.value),
        );
        break;
      case 'not-a-count':
        out.push(formFinding(info, 'error', 'not-a-count', `${where} ghi ${p.raw}: số lượng phải là số nguyên không âm.`, `${whereEn} reads ${p.raw}: a count must be a whole number, not negative.`, null));
        break;
      case 'not-a-number':
        out.push(
          formFinding(info, 'error', 'not-a-number',
            `${where} ghi "${p.raw}", không phải là số${rightValue(ctx, info, 'vi')}.`,
            `${whereEn} reads "${p.raw}", which is not a number${rightValue(ctx, info, 'en')}.`,
            ctx.unreadable.get(key) ?? null),
        );
        break;
      case 'excel-error':
        out.push(
          formFinding(info, 'error', 'excel-error',
            `${where} hiện lỗi ${p.raw} của Excel (${excelErrorMeaning(p.raw, 'vi')}), không phải là số: sửa công thức hoặc nhập số${rightValue(ctx, info, 'vi')}.`,
            `${whereEn} shows Excel's error ${p.raw} (${excelErrorMeaning(p.raw, 'en')}), not a number: fix the formula or type the number${rightValue(ctx, info, 'en')}.`,
            ctx.unreadable.get(key) ?? null),
        );
        break;
      case 'fraction-text':
        out.push(
          formFinding(info, 'warning', 'percent-as-fraction',
            `${where} ghi phân số ${p.raw} ở chỉ tiêu tính theo %: phải ghi ${formatValue(p.value, 'rate', 'vi')}.`,
            `${whereEn} is the fraction ${p.raw} where a percentage belongs: write ${formatValue(p.value, 'rate', 'en')}.`,
            Math.round(p.value * 100) / 100),
        );
        break;
    }
    if (outOfRange) {
      out.push(formFinding(info, 'error', 'rate-out-of-range', `${where} ghi ${p.raw}: tỉ lệ phải trong khoảng 0–100%.`, `${whereEn} reads ${p.raw}: a rate must be within 0–100 %.`, null));
    }
    if (codes && p.status === 'number' && !codes.includes(p.value)) {
      out.push(
        formFinding(info, 'error', 'code-out-of-list',
          `${where} ghi ${p.raw}, không thuộc danh sách mã (${codes.join(', ')}).`,
          `${whereEn} reads ${p.raw}, not one of the codes (${codes.join(', ')}).`, null),
      );
    }
  }
  return out;
}

/** A percentage written as a fraction (0.4321 among 43.21 %): right value, wrong form. */
export function fractionFinding(ctx: FindingContext, info: CellInfo, asPercent: number): Finding {
  // A stored fraction is written in the message's own number style (vi 0,1257); typed text as typed.
  const stored = Number(info.parsed.raw);
  const written = (lang: Language) => (info.parsed.isText || !Number.isFinite(stored) ? `"${info.parsed.raw}"` : formatCount(stored, lang));
  return formFinding(
    info,
    'warning',
    'rate-as-fraction',
    `${whereOf(ctx, info, 'vi')} ghi ${written('vi')} (dạng phân số) trong cột ghi theo %: giá trị đúng nhưng phải ghi ${formatValue(asPercent, 'rate', 'vi')}.`,
    `${whereOf(ctx, info, 'en')} is written as the fraction ${written('en')} in a column of percentages: right value, wrong form; write ${formatValue(asPercent, 'rate', 'en')}.`,
    Math.round(asPercent * 100) / 100,
  );
}

/** Numbers stored as text are read correctly, but Excel cannot add them up: one note per table. */
export function textNumbersFinding(ctx: FindingContext): Finding | undefined {
  const { cells } = ctx.set;
  const textCells = cells
    .unusual()
    .filter((i) => {
      const p = cells.parsedAt(i);
      return p.isText && p.status === 'number' && p.issue === undefined;
    })
    .map((i) => cells.infoAt(i));
  if (!textCells.length) return undefined;
  const first = textCells[0];
  return {
    cell: addressOf(first.key),
    severity: 'info',
    rule: 'numbers-as-text',
    message: `${textCells.length} ô số được lưu dạng văn bản (ví dụ ${first.parsed.raw}); PhuLuc đọc đúng, nhưng công thức Excel sẽ bỏ qua chúng. Lệnh "Tính lại" chuyển chúng thành số.`,
    messageEn: `${textCells.length} numbers are stored as text (e.g. ${first.parsed.raw}); PhuLuc reads them, but Excel formulas skip them. "Recompute" turns them into numbers.`,
    actual: first.parsed.raw,
    expected: first.parsed.value,
    related: textCells.slice(1, MAX_RELATED + 1).map((i) => addressOf(i.key)),
  };
}
