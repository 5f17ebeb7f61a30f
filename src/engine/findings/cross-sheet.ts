/**
 * Relations between the appendices of one report: a row of a summary appendix (a tier such as
 * "UBND cấp huyện") equals the total row of the appendix about that tier, matched by the unit
 * name in that appendix's title and by column meaning. Each broken relation is reported at both ends.
 */
import { cellAddress } from '../read/address';
import { Finding } from './finding';
import { CheckedTable, SheetReport } from './report';
import { TableRow } from '../tables/table-model';
import { keyOf } from '../relations/relations';
import { SheetSnapshot } from '../read/snapshot';
import { cleanText } from '../read/text';
import { textNamesUnit } from '../read/unit-names';

export interface CrossSheetColumn {
  key: string;
  title: string;
  from: string;
  to: string;
  fromValue: number;
  toValue: number;
  holds: boolean;
}

export interface CrossSheetLink {
  from: { sheet: string; row: string; label: string };
  to: { sheet: string; row: string; label: string };
  holds: boolean;
  columns: CrossSheetColumn[];
}

interface Located {
  sheet: SheetSnapshot;
  report: SheetReport;
  table: CheckedTable;
}

/** The text above a table's header (its appendix title), down from the previous table. */
function titleText(sheet: SheetSnapshot, report: SheetReport, table: CheckedTable): string {
  const top = table.model.headerRows[0];
  const previous = report.tables.filter((t) => t.model.range.bottom < top).map((t) => t.model.range.bottom);
  const from = previous.reduce((m, b) => Math.max(m, b + 1), 0);
  const lines: string[] = [sheet.name];
  for (let r = from; r < top; r++) {
    for (const cell of sheet.cells[r] ?? []) if (cell && cell.value !== null) lines.push(cleanText(cell.text ?? String(cell.value)));
  }
  return lines.join(' ');
}

function valueAt(table: CheckedTable, row: number, key: string): number | undefined {
  const col = table.model.columns.get(key)?.col;
  if (col === undefined) return undefined;
  return table.relations.cells.get(keyOf(row, col))?.parsed.value;
}

function countKeys(table: CheckedTable): string[] {
  return table.model.layout.columns.filter((c) => c.role === 'count' && table.model.columns.has(c.key)).map((c) => c.key);
}

function candidates(row: TableRow): boolean {
  return (row.kind === 'data' || row.kind === 'group') && row.label.length > 0;
}

export function crossSheetLinks(sheets: SheetSnapshot[], reports: SheetReport[]): { links: CrossSheetLink[]; findings: Map<CheckedTable, Finding[]> } {
  const located: Located[] = reports.flatMap((report, i) => report.tables.map((table) => ({ sheet: sheets[i], report, table })));
  const totals = located.filter((l) => l.table.model.totals.length === 1);
  const titles = new Map(totals.map((t) => [t, titleText(t.sheet, t.report, t.table)]));
  const links: CrossSheetLink[] = [];
  const findings = new Map<CheckedTable, Finding[]>();
  const add = (table: CheckedTable, f: Finding) => findings.set(table, [...(findings.get(table) ?? []), f]);

  for (const summary of located) {
    const pairs: { row: TableRow; target: Located }[] = [];
    for (const row of summary.table.model.rows.filter(candidates)) {
      const targets = totals.filter((t) => t.sheet !== summary.sheet && t.table.layout === summary.table.layout && textNamesUnit(titles.get(t)!, row.label));
      if (targets.length === 1) pairs.push({ row, target: targets[0] });
    }
    // A summary appendix points at several others; a lone match is a coincidence of wording.
    if (new Set(pairs.map((p) => p.target)).size < 2) continue;
    for (const { row, target } of pairs) {
      const totalRow = target.table.model.totals[0];
      const columns: CrossSheetColumn[] = [];
      for (const key of countKeys(summary.table).filter((k) => target.table.model.columns.has(k))) {
        const fromValue = valueAt(summary.table, row.row, key);
        const toValue = valueAt(target.table, totalRow.row, key);
        if (fromValue === undefined || toValue === undefined) continue;
        columns.push({
          key,
          title: summary.table.model.layout.columns.find((c) => c.key === key)!.title,
          from: cellAddress(row.row, summary.table.model.columns.get(key)!.col),
          to: cellAddress(totalRow.row, target.table.model.columns.get(key)!.col),
          fromValue,
          toValue,
          holds: fromValue === toValue,
        });
      }
      const link: CrossSheetLink = {
        from: { sheet: summary.sheet.name, row: String(row.row + 1), label: row.label },
        to: { sheet: target.sheet.name, row: String(totalRow.row + 1), label: totalRow.label },
        holds: columns.every((c) => c.holds),
        columns,
      };
      links.push(link);
      for (const c of columns.filter((x) => !x.holds)) {
        const base = { severity: 'error' as const, rule: 'cross-sheet-mismatch' };
        add(summary.table, {
          ...base,
          cell: c.from,
          message: `${c.title} của "${row.label}" ghi ${c.fromValue}, nhưng dòng tổng của trang "${target.sheet.name}" (${c.to}) là ${c.toValue}: một trong hai ô sai.`,
          messageEn: `${c.title} of "${row.label}" reads ${c.fromValue}, but the total of sheet "${target.sheet.name}" (${c.to}) is ${c.toValue}: one of the two is wrong.`,
          actual: c.fromValue,
          expected: c.toValue,
          related: [`'${target.sheet.name}'!${c.to}`],
        });
        add(target.table, {
          ...base,
          cell: c.to,
          message: `${c.title} dòng tổng ghi ${c.toValue}, nhưng dòng "${row.label}" của trang "${summary.sheet.name}" (${c.from}) là ${c.fromValue}: một trong hai ô sai.`,
          messageEn: `${c.title} of the total row reads ${c.toValue}, but row "${row.label}" of sheet "${summary.sheet.name}" (${c.from}) is ${c.fromValue}: one of the two is wrong.`,
          actual: c.toValue,
          expected: c.fromValue,
          related: [`'${summary.sheet.name}'!${c.from}`],
        });
      }
    }
  }
  return { links, findings };
}
