/**
 * Reporting checklists (L2): per obligation, who met it (a date or X), who was late ("Trễ") and
 * who is missing (blank); the units missing or late; a compliance ranking.
 */
import { cellAddress } from '../read/address';
import { Finding } from './finding';
import { TableModel } from '../tables/table-model';
import { cellText, SheetSnapshot } from '../read/snapshot';
import { foldText } from '../read/text';

export type CheckState = 'done' | 'late' | 'missing';

export interface ChecklistColumn {
  key: string;
  title: string;
  done: number;
  late: number;
  missing: number;
}

export interface ChecklistUnit {
  row: number;
  name: string;
  states: CheckState[];
  /** Obligations met on time; the compliance ranking orders by it, then by fewer missing. */
  onTime: number;
  missing: number;
  rank: number;
}

export interface ChecklistSummary {
  kind: 'checklist';
  units: number;
  columns: ChecklistColumn[];
  /** "Unit: obligation" for every blank cell. */
  missing: string[];
  late: string[];
  ranking: ChecklistUnit[];
}

export function readCheck(value: string): CheckState {
  const f = foldText(value);
  if (!f) return 'missing';
  if (/\btre\b/.test(f)) return 'late';
  return 'done';
}

const collator = new Intl.Collator('vi');

export function summariseChecklist(sheet: SheetSnapshot, table: TableModel): { summary: ChecklistSummary; findings: Finding[] } {
  const checks = table.layout.columns.filter((c) => c.role === 'check' && table.columns.has(c.key));
  const nameCol = table.columns.get('name')?.col;
  const text = (row: number, col: number | undefined) => cellText(sheet, row, col);
  const units: ChecklistUnit[] = table.rows
    .filter((r) => r.kind !== 'header' && text(r.row, nameCol))
    .map((r) => {
      const states = checks.map((c) => readCheck(text(r.row, table.columns.get(c.key)!.col)));
      return { row: r.row, name: text(r.row, nameCol), states, onTime: states.filter((s) => s === 'done').length, missing: states.filter((s) => s === 'missing').length, rank: 0 };
    });
  const columns = checks.map((c, i) => ({
    key: c.key,
    title: table.columns.get(c.key)!.headerText,
    done: units.filter((u) => u.states[i] === 'done').length,
    late: units.filter((u) => u.states[i] === 'late').length,
    missing: units.filter((u) => u.states[i] === 'missing').length,
  }));
  const list = (state: CheckState) => units.flatMap((u) => checks.filter((_, i) => u.states[i] === state).map((c) => `${u.name}: ${c.title}`));
  const ranking = [...units].sort((a, b) => b.onTime - a.onTime || a.missing - b.missing || collator.compare(a.name, b.name));
  ranking.forEach((u, i) => {
    const prev = ranking[i - 1];
    u.rank = prev && prev.onTime === u.onTime && prev.missing === u.missing ? prev.rank : i + 1;
  });
  const findings: Finding[] = units.flatMap((u) =>
    checks.flatMap((c, i) =>
      u.states[i] === 'late'
        ? [
            {
              cell: cellAddress(u.row, table.columns.get(c.key)!.col),
              severity: 'info' as const,
              rule: 'checklist-late',
              message: `${u.name} gửi trễ: ${c.title}.`,
              messageEn: `${u.name} was late: ${c.titleEn}.`,
              actual: 'Trễ',
              expected: null,
              related: [],
            },
          ]
        : [],
    ),
  );
  return { summary: { kind: 'checklist', units: units.length, columns, missing: list('missing'), late: list('late'), ranking }, findings };
}
