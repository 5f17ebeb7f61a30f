/**
 * A table continued on the next sheet: the same columns, the first part without a total, the
 * second ending with a total row that does not add up its own rows — it adds up the units of both
 * sheets. Believed when its matches over both sheets could not be chance (chance.ts); then each
 * column of that total is checked against both sheets' units, as corrected by their findings, and
 * a column that does not add up is reported at the total's cell.
 */
import { cellAddress, CellKey, colOfKey, keyOf, keyOfAddress } from '../read/address';
import { cellsOf } from '../diagnose/diagnose';
import { isOneKeystroke } from '../diagnose/keystroke';
import { rateAgrees, rateFromCounts } from '../read/numbers';
import { beatsChance, sumEvidence } from '../evidence/chance';
import { formatCount } from '../read/format';
import { SheetSnapshot } from '../read/snapshot';
import { foldText } from '../read/text';
import { figureColumns, TableRow } from '../tables/table-model';
import { uncheckedRegions } from './coverage';
import { Finding } from './finding';
import { CheckedTable, SheetReport } from './report';

const units = (table: CheckedTable) => table.model.rows.filter((r) => r.kind === 'data' && r.hasNumbers);

/** The same count columns, at the same places, under the same headers. */
function sameColumns(a: CheckedTable, b: CheckedTable): boolean {
  if (a.layout !== b.layout) return false;
  const shape = (t: CheckedTable) =>
    figureColumns(t.model, ['count', 'rate'])
      .map((f) => `${f.column.key}@${f.col}:${foldText(t.model.columns.get(f.column.key)?.headerText ?? '')}`)
      .sort()
      .join('|');
  return shape(a) !== '' && shape(a) === shape(b);
}

/** The total row closing the second part, when its own rows do not make it up. */
function unconfirmedTotal(table: CheckedTable): TableRow | undefined {
  const last = [...table.model.rows].reverse().find((r) => r.kind !== 'header');
  if (!last || last.kind !== 'total' || !last.hasNumbers) return undefined;
  for (const rel of table.relations.relations) if (rel.kind === 'sum' && rel.scope !== 'row' && rel.row === last.row) return undefined;
  return last;
}

/** Cells given their right value by a finding (a typo found in its own sheet). */
function correctionsOf(table: CheckedTable): Map<CellKey, number> {
  const out = new Map<CellKey, number>();
  for (const f of table.findings) if (f.expected !== null && !f.candidates && f.severity !== 'info') out.set(keyOfAddress(f.cell), f.expected);
  return out;
}

/** Whether every relation of the table over the cell still holds with it set to `value` (a rate of 0 of 0 stays 0 % of 1). */
function keepsRelations(table: CheckedTable, key: CellKey, value: number): boolean {
  const { cells, relations } = table.relations;
  const at = (k: CellKey) => (k === key ? value : (cells.value(k) ?? 0));
  const sum = (keys: CellKey[]) => keys.reduce((s, k) => s + at(k), 0);
  for (const rel of relations) {
    if (!cellsOf(rel).includes(key)) continue;
    if (rel.kind === 'sum') return false;
    if (rel.kind === 'bound' && sum(rel.part) > sum(rel.whole) + 1e-9) return false;
    if (rel.kind === 'rate') {
      const truth = rateFromCounts(sum(rel.numerator), sum(rel.denominator));
      const written = cells.get(rel.rate);
      if (truth === undefined || !written || !rateAgrees(written.parsed.value, truth, written.parsed.decimals ?? 2)) return false;
    }
  }
  return true;
}

export function continuedTables(sheets: SheetSnapshot[], reports: SheetReport[]): void {
  for (let i = 0; i + 1 < reports.length; i++) {
    const first = reports[i].tables[reports[i].tables.length - 1];
    const second = reports[i + 1].tables[0];
    if (!first || !second || first.model.totals.length || !sameColumns(first, second)) continue;
    const total = unconfirmedTotal(second);
    if (!total) continue;
    const parts = [...units(first).map((r) => ({ table: first, row: r.row })), ...units(second).map((r) => ({ table: second, row: r.row }))];
    const corrected = new Map([first, second].map((t) => [t, correctionsOf(t)]));
    const valueAt = (table: CheckedTable, row: number, col: number) => corrected.get(table)!.get(keyOf(row, col)) ?? table.relations.cells.value(keyOf(row, col));
    const columns = figureColumns(second.model, ['count']).map(({ column, col }) => {
      const written = second.relations.cells.value(keyOf(total.row, col));
      const values = parts.map((p) => valueAt(p.table, p.row, col));
      const sum = values.some((v) => v === undefined || Number.isNaN(v)) ? undefined : values.reduce((s, v) => s! + v!, 0)!;
      return { column, col, written, sum };
    });
    const tried = columns.filter((c) => c.written !== undefined && c.sum !== undefined);
    const holding = tried.filter((c) => Math.abs(c.written! - c.sum!) < 1e-6);
    const evidence = holding.reduce((e, c) => e + sumEvidence(c.written!), 0);
    if (!holding.length || holding.length < tried.length - holding.length || !beatsChance(evidence, 1)) continue;

    const [from, to] = [reports[i].sheet, reports[i + 1].sheet];
    // The total was the only row whose grouping could not be confirmed: now it is.
    const summed = new Set<number>();
    for (const rel of second.relations.relations) if (rel.kind === 'sum' && rel.scope !== 'row') summed.add(rel.row);
    const stillUnconfirmed = second.model.rows.some((r) => r !== total && r.hasNumbers && (r.kind === 'total' || r.kind === 'subtotal' || r.kind === 'group') && !summed.has(r.row));
    second.notices = [
      ...second.notices.filter((n) => n.code !== 'unconfirmed-grouping' || stillUnconfirmed),
      {
        code: 'continued-table',
        message: `Bảng này tiếp nối bảng ${first.range} ở trang "${from}": dòng tổng "${total.label}" được kiểm tra với ${formatCount(parts.length, 'vi')} đơn vị của cả hai trang.`,
        messageEn: `This table continues table ${first.range} of sheet "${from}": its total row "${total.label}" is checked against the ${formatCount(parts.length, 'en')} units of both sheets.`,
      },
    ];
    for (const c of tried.filter((x) => !holding.includes(x))) {
      const gap = c.written! - c.sum!;
      // A choice a finding left open in this column that makes the total hold: the total settles it.
      const totalKey = keyOf(total.row, c.col);
      const makesHold = (t: CheckedTable, x: { cell: string; expected: number }) => {
        const key = keyOfAddress(x.cell);
        // The total itself as the choice: right when it is the sum; a unit's figure: when it moves the sum by the gap.
        if (t === second && key === totalKey) return Math.abs(x.expected - c.sum!) < 1e-6;
        return colOfKey(key) === c.col && Math.abs(x.expected - (t.relations.cells.value(key) ?? NaN) - gap) < 1e-6;
      };
      const settles = [first, second].flatMap((t) => t.findings.flatMap((f) => (f.candidates ?? []).filter((x) => x.sheet === undefined && makesHold(t, x)).map((x) => ({ table: t, finding: f, choice: x }))));
      if (settles.length === 1) {
        const { table, finding, choice } = settles[0];
        finding.message += ` Tổng của bảng trên hai trang "${from}" và "${to}" chỉ khớp khi sửa ô ${choice.cell} thành ${formatCount(choice.expected, 'vi')}.`;
        finding.messageEn += ` The total of the table over both sheets "${from}" and "${to}" holds only with ${choice.cell} as ${formatCount(choice.expected, 'en')}.`;
        Object.assign(finding, { cell: choice.cell, expected: choice.expected, candidates: undefined, actual: table.relations.cells.get(keyOfAddress(choice.cell))?.parsed.raw ?? finding.actual });
        table.findings.sort((a, b) => keyOfAddress(a.cell) - keyOfAddress(b.cell));
        continue;
      }
      // Otherwise the total, or a unit's figure in no other relation one keystroke from making it hold.
      const others = parts.filter((p) => {
        const key = keyOf(p.row, c.col);
        const value = p.table.relations.cells.value(key);
        return value !== undefined && value + gap >= 0 && isOneKeystroke(value, value + gap) && keepsRelations(p.table, key, value + gap);
      });
      const title = c.column.title;
      const totalCell = cellAddress(total.row, c.col);
      const said = `${title} dòng "${total.label}" ghi ${formatCount(c.written!, 'vi')}, tổng các đơn vị của bảng trên hai trang "${from}" và "${to}" là ${formatCount(c.sum!, 'vi')}`;
      const saidEn = `${title} of row "${total.label}" reads ${formatCount(c.written!, 'en')}; the units of the table on both sheets "${from}" and "${to}" add up to ${formatCount(c.sum!, 'en')}`;
      // A choice on the first sheet is named with its sheet.
      const choiceOf = (p: (typeof others)[number]) => ({ cell: cellAddress(p.row, c.col), expected: p.table.relations.cells.value(keyOf(p.row, c.col))! + gap, sheet: p.table === first ? from : undefined });
      const choices = [{ cell: totalCell, expected: c.sum!, sheet: undefined as string | undefined }, ...others.map(choiceOf)];
      const list = (lang: 'vi' | 'en') => choices.map((x) => `${x.sheet ? `'${x.sheet}'!` : ''}${x.cell} (→ ${formatCount(x.expected, lang)})`).join(lang === 'vi' ? ' hoặc ' : ' or ');
      second.findings.push({
        cell: totalCell,
        severity: 'error',
        rule: others.length ? 'ambiguous-mismatch' : 'sum-mismatch',
        message: others.length ? `${said}. Có ${choices.length} cách sửa nhỏ như nhau, cần đối chiếu bản gốc: ${list('vi')}.` : `${said}: ô này đúng ra là ${formatCount(c.sum!, 'vi')}.`,
        messageEn: others.length ? `${saidEn}. ${choices.length} equally small corrections; check against the original: ${list('en')}.` : `${saidEn}: this cell should be ${formatCount(c.sum!, 'en')}.`,
        actual: c.written!,
        expected: others.length ? null : c.sum!,
        related: [],
        ...(others.length ? { candidates: choices.map(({ cell, expected, sheet }) => ({ cell, expected, ...(sheet ? { sheet } : {}) })) } : {}),
      });
    }
    second.findings.sort((a, b) => keyOfAddress(a.cell) - keyOfAddress(b.cell));
    // The total's figures are checked now: the sheet's regions not checked are counted again.
    second.checkedApart = [...(second.checkedApart ?? []), ...tried.map((c) => keyOf(total.row, c.col))];
    reports[i + 1].unchecked = uncheckedRegions(sheets[i + 1], reports[i + 1].tables);
  }
}
