/**
 * Formulas said as formulas. Where a finding's cell holds a formula, typing a number over it is the
 * wrong cure: the message says what the formula does wrong — its result as saved disagrees with its
 * own cells (open in Excel to recompute), or its range leaves out a row or adds one the table does
 * not — and where a total typed by hand sits among totals that are formulas, it says that too.
 * Only sums are read (SUM of cells and ranges, cells added with +); any other formula is named as
 * it is.
 */
import { CellKey, colOfKey, keyOf, parseAddress, rowOfKey } from '../read/address';
import { Finding } from './finding';
import { RowNames } from './describe';
import { formatCount, Language } from '../read/format';
import { parseCount } from '../read/numbers';
import { RelationSet, SumRelation } from '../relations/relations';
import { cellAt, CellRange, SheetSnapshot } from '../read/snapshot';

/** Cells a formula adds up, or undefined when it is not a plain sum. */
export function summedCells(formula: string): { row: number; col: number }[] | undefined {
  const text = formula.replace(/^=/, '').replace(/\$/g, '').replace(/\s+/g, '').toUpperCase();
  const sum = /^SUM\((.*)\)$/.exec(text);
  const args = sum ? sum[1].split(/[,;]/) : text.split('+');
  const cells: { row: number; col: number }[] = [];
  for (const arg of args) {
    const range = /^([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?$/.exec(arg);
    if (!range) return undefined;
    const from = parseAddress(range[1]);
    const to = parseAddress(range[2] ?? range[1]);
    if ((to.row - from.row + 1) * (to.col - from.col + 1) > 100_000) return undefined;
    for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) cells.push({ row: r, col: c });
  }
  return cells.length ? cells : undefined;
}

function valueOf(sheet: SheetSnapshot, row: number, col: number): number {
  const p = parseCount(cellAt(sheet, row, col));
  return p.status === 'number' ? p.value : 0;
}

/** The sums where rows add up (a group, a "Cộng" or a total row), by their total cell; read once per table. */
class ColumnSums {
  readonly byTotal = new Map<CellKey, SumRelation>();
  /** Per column, how many of those totals are formulas. */
  readonly formulas = new Map<number, number>();

  constructor(sheet: SheetSnapshot, set: RelationSet) {
    const list = set.relations;
    for (let id = 0; id < list.length; id++) {
      if (list.kindOf(id) !== 'sum' || list.scopeOf(id) === 'row') continue;
      const rel = list.at(id) as SumRelation;
      this.byTotal.set(rel.total, rel);
      const col = colOfKey(rel.total);
      if (cellAt(sheet, rowOfKey(rel.total), col)?.formula) this.formulas.set(col, (this.formulas.get(col) ?? 0) + 1);
    }
  }
}

const rowsList = (rows: number[], names: RowNames, lang: Language) =>
  rows
    .slice(0, 4)
    .map((r) => names.phrase(r, lang).replace(/^"(.*)"$/, `${lang === 'vi' ? 'dòng' : 'row'} ${r + 1} "$1"`))
    .join(', ') + (rows.length > 4 ? ', …' : '');

/**
 * What the formula in a finding's cell says about it, as a sentence in each language; undefined
 * when the cell holds no formula and no formula around it tells anything.
 */
function formulaNote(sheet: SheetSnapshot, set: RelationSet, sums: ColumnSums, names: RowNames, finding: Finding): { vi: string; en: string; rule: string; expected?: number } | undefined {
  const { row, col } = parseAddress(finding.cell);
  const formula = cellAt(sheet, row, col)?.formula;
  const key = keyOf(row, col);
  const shown = (v: number, lang: Language) => formatCount(v, lang);
  if (formula) {
    const summed = summedCells(formula);
    if (!summed) {
      return {
        rule: 'formula',
        vi: `Ô này là công thức =${formula}: hãy sửa công thức, đừng gõ số đè lên.`,
        en: `This cell is the formula =${formula}: fix the formula rather than typing a number over it.`,
      };
    }
    const computed = summed.reduce((s, c) => s + valueOf(sheet, c.row, c.col), 0);
    const cached = valueOf(sheet, row, col);
    if (Math.abs(computed - cached) > 1e-6) {
      return {
        rule: 'formula-not-recomputed',
        vi: `Công thức =${formula} cho ${shown(computed, 'vi')}, ô đang hiện ${shown(cached, 'vi')}: tệp được lưu khi chưa tính lại — mở bằng Excel để tính lại (Ctrl+Alt+F9), đừng gõ số đè lên.`,
        en: `The formula =${formula} gives ${shown(computed, 'en')} but the cell shows ${shown(cached, 'en')}: the file was saved without recomputing — open it in Excel to recompute (Ctrl+Alt+F9) rather than typing a number over it.`,
        expected: computed,
      };
    }
    const rel = sums.byTotal.get(key);
    if (!rel) return undefined;
    const inRange = new Set(summed.filter((c) => c.col === col).map((c) => c.row));
    const partRows = rel.parts.map(rowOfKey);
    const missing = partRows.filter((r) => !inRange.has(r));
    const extra = [...inRange].filter((r) => r !== row && !partRows.includes(r) && set.cells.indexOf(keyOf(r, col)) >= 0 && valueOf(sheet, r, col) !== 0).sort((a, b) => a - b);
    if (!missing.length && !extra.length) return undefined;
    const viParts = [missing.length ? `bỏ sót ${rowsList(missing, names, 'vi')}` : '', extra.length ? `cộng thêm ${rowsList(extra, names, 'vi')}` : ''].filter(Boolean).join(' và ');
    const enParts = [missing.length ? `leaves out ${rowsList(missing, names, 'en')}` : '', extra.length ? `also adds ${rowsList(extra, names, 'en')}` : ''].filter(Boolean).join(' and ');
    return {
      rule: 'formula-range',
      vi: `Công thức =${formula} ${viParts}: hãy sửa vùng cộng của công thức, đừng gõ số đè lên.`,
      en: `The formula =${formula} ${enParts}: fix the formula's range rather than typing a number over it.`,
    };
  }
  // A total typed by hand among totals of the same column that are formulas.
  if (!sums.byTotal.has(key)) return undefined;
  const formulas = sums.formulas.get(col) ?? 0;
  if (!formulas) return undefined;
  return {
    rule: 'typed-over-formula',
    vi: `Ô này là số gõ tay trong khi ${formatCount(formulas, 'vi')} ô tổng khác của cột là công thức: có thể công thức đã bị gõ đè — hãy đặt lại công thức tổng.`,
    en: `This cell is a number typed by hand while ${formatCount(formulas, 'en')} other total${formulas > 1 ? 's' : ''} of the column ${formulas > 1 ? 'are formulas' : 'is a formula'}: the formula may have been typed over — put the sum formula back.`,
  };
}

/** The findings of the table in `range`, with what the formulas at and around their cells say added to each. */
export function explainFormulas(sheet: SheetSnapshot, range: CellRange, set: RelationSet, names: RowNames, findings: Finding[]): Finding[] {
  if (!findings.some((f) => f.severity !== 'info')) return findings;
  // Nothing to say where the columns of the findings hold no formula at all (most received tables).
  const cols = [...new Set(findings.map((f) => parseAddress(f.cell).col))];
  let formulas = false;
  for (let row = range.top; row <= range.bottom && !formulas; row++) for (const col of cols) if (cellAt(sheet, row, col)?.formula) formulas = true;
  if (!formulas) return findings;
  const sums = new ColumnSums(sheet, set);
  return findings.map((finding) => {
    if (finding.severity === 'info') return finding;
    const note = formulaNote(sheet, set, sums, names, finding);
    if (!note) return finding;
    // "Looks like a typo" is the wrong word for a formula: the note says what happened instead.
    const strip = (text: string) => text.replace(' Có vẻ gõ nhầm một phím.', '').replace(' Looks like a one-keystroke typo.', '');
    return {
      ...finding,
      rule: note.rule === 'formula' || note.rule === 'typed-over-formula' ? finding.rule : note.rule,
      message: `${strip(finding.message)} ${note.vi}`,
      messageEn: `${strip(finding.messageEn)} ${note.en}`,
      brief: finding.brief && `${strip(finding.brief)} ${note.vi}`,
      briefEn: finding.briefEn && `${strip(finding.briefEn)} ${note.en}`,
      expected: note.expected ?? finding.expected,
    };
  });
}

