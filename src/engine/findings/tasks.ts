/**
 * Task-progress tables (L1): sections and tasks, rows continued after a page break joined to their
 * task, each task's status read from its result text, numbering gaps and duplicates, and a
 * summary per section and overall.
 */
import { cellAddress } from '../read/address';
import { TaskRules, TaskStatus } from '../layouts';
import { Finding } from './finding';
import { TableModel } from '../tables/table-model';
import { cellText, SheetSnapshot } from '../read/snapshot';
import { foldText, phraseScore, tokens } from '../read/text';

export interface TaskItem {
  row: number;
  number: string;
  section: string;
  /** The lead unit, where the table has a unit column. */
  unit?: string;
  text: string;
  result: string;
  status: TaskStatus;
}

export interface StatusCounts {
  tasks: number;
  done: number;
  inProgress: number;
  notStarted: number;
  notYetDue: number;
  noReport: number;
  /** done / tasks, in percent, rounded to two decimals. */
  completionRate: number;
}

export interface SectionSummary extends StatusCounts {
  number: string;
  title: string;
}

export interface UnitCompletion extends StatusCounts {
  unit: string;
  rank: number;
}

export interface TaskSummary extends StatusCounts {
  kind: 'tasks';
  sections: number;
  bySection: SectionSummary[];
  /** Units ranked by completion rate, where the table has a unit column. */
  byUnit: UnitCompletion[];
  items: TaskItem[];
}

const collator = new Intl.Collator('vi');

/** Completion by lead unit: equal rates share a rank; more tasks, then the name, order a tie. */
function unitCompletion(items: TaskItem[]): UnitCompletion[] {
  const units = [...new Set(items.map((i) => i.unit).filter((u): u is string => Boolean(u)))];
  const list = units.map((unit) => ({ unit, rank: 0, ...counts(items.filter((i) => i.unit === unit)) }));
  const rate = (u: UnitCompletion) => u.done / u.tasks;
  list.sort((a, b) => rate(b) - rate(a) || b.tasks - a.tasks || collator.compare(a.unit, b.unit));
  list.forEach((u, i) => (u.rank = i > 0 && rate(list[i - 1]) === rate(u) ? list[i - 1].rank : i + 1));
  return list;
}

const ROMAN_WITH_SPACES = /^[IVXLC](?:\s?[IVXLC])*$/;

const text = cellText;

export function classifyStatus(result: string, rules: TaskRules): TaskStatus {
  const t = tokens(foldText(result));
  if (!t.length || t.every((w) => !/[a-z]/.test(w))) return 'noReport';
  for (const rule of rules.statusPhrases) {
    if (rule.phrases.some((p) => phraseScore(t, tokens(p)) > 0)) return rule.status;
  }
  return 'inProgress';
}

function counts(items: TaskItem[]): StatusCounts {
  const c = { tasks: items.length, done: 0, inProgress: 0, notStarted: 0, notYetDue: 0, noReport: 0 };
  for (const i of items) c[i.status]++;
  return { ...c, completionRate: items.length ? Math.round((10000 * c.done) / items.length) / 100 : 0 };
}

/** A heading written without a numeral: capitals only, nothing in the other columns. */
function isUnnumberedSection(label: string, others: string[]): boolean {
  const letters = label.replace(/[^A-Za-zÀ-ỹ]/g, '');
  return letters.length >= 6 && letters === letters.toUpperCase() && others.every((o) => !o);
}

function numberingFindings(items: TaskItem[], sttCol: number | undefined): Finding[] {
  const out: Finding[] = [];
  if (sttCol === undefined) return out;
  const sections = [...new Set(items.map((i) => i.section))];
  // Numbers restart in every section (000, 002) or run on (003): the second section tells.
  const second = items.find((i) => i.section === sections[1]);
  const restart = second ? Number(second.number) === 1 : true;
  let previous: TaskItem | undefined;
  const seen = new Set<string>();
  for (const item of items) {
    if (restart && previous && previous.section !== item.section) {
      previous = undefined;
      seen.clear();
    }
    const n = Number(item.number);
    const cell = cellAddress(item.row, sttCol);
    if (seen.has(item.number)) {
      out.push({
        cell,
        severity: 'warning',
        rule: 'numbering-duplicate',
        message: `Số thứ tự ${item.number} bị lặp lại.`,
        messageEn: `Task number ${item.number} appears twice.`,
        actual: item.number,
        expected: previous ? Number(previous.number) + 1 : null,
        related: [],
      });
    } else if (Number.isInteger(n)) {
      const expected = previous ? Number(previous.number) + 1 : restart ? 1 : n;
      if (n !== expected && (!previous || n > expected)) {
        out.push({
          cell,
          severity: 'warning',
          rule: 'numbering-gap',
          message: `Số thứ tự nhảy từ ${previous?.number ?? '(đầu mục)'} lên ${item.number}: thiếu ${expected}${n - expected > 1 ? `–${n - 1}` : ''}.`,
          messageEn: `Numbering jumps from ${previous?.number ?? '(start)'} to ${item.number}: ${expected}${n - expected > 1 ? `–${n - 1}` : ''} missing.`,
          actual: item.number,
          expected,
          related: [],
        });
      }
    }
    seen.add(item.number);
    previous = item;
  }
  return out;
}

export function summariseTasks(sheet: SheetSnapshot, table: TableModel): { summary: TaskSummary; findings: Finding[] } {
  const rules = table.layout.taskRules!;
  const col = (key: string) => table.columns.get(key)?.col;
  const statusCol = rules.statusFrom.map(col).find((c) => c !== undefined);
  const otherCols = [...table.columns.values()].map((m) => m.col).filter((c) => c !== col('stt') && c !== col('task'));
  const sections: { number: string; title: string }[] = [];
  const items: TaskItem[] = [];
  let current: TaskItem | undefined;

  for (const row of table.rows) {
    if (row.kind === 'header') continue;
    const stt = text(sheet, row.row, col('stt'));
    const task = text(sheet, row.row, col('task'));
    const others = otherCols.map((c) => text(sheet, row.row, c));
    const roman = ROMAN_WITH_SPACES.test(stt) ? stt.replace(/\s/g, '') : undefined;
    if (roman || row.marker?.kind === 'roman' || (!row.marker && isUnnumberedSection(row.label, others))) {
      sections.push({ number: roman ?? (row.marker?.kind === 'roman' ? row.marker.text : ''), title: roman ? task : row.label });
      current = undefined;
      continue;
    }
    if (row.marker?.kind === 'num' && row.marker.depth === 1) {
      if (!sections.length) sections.push({ number: '', title: '' });
      current = {
        row: row.row,
        number: row.marker.text,
        section: `${sections.length - 1}`,
        text: task,
        result: statusCol !== undefined ? text(sheet, row.row, statusCol) : '',
        unit: text(sheet, row.row, col('unit')) || undefined,
        status: 'noReport',
      };
      items.push(current);
      continue;
    }
    // A row without a number continues the task above it (the source broke it across pages).
    if (current) {
      const more = [task, statusCol !== undefined ? text(sheet, row.row, statusCol) : ''];
      if (more[0] && !/^[-–—.\s]+$/.test(more[0])) current.text = `${current.text} ${more[0]}`.trim();
      if (more[1] && !/^[-–—.\s]+$/.test(more[1])) current.result = `${current.result} ${more[1]}`.trim();
    }
  }
  for (const item of items) item.status = classifyStatus(item.result, rules);
  const bySection = sections.map((s, i) => ({ ...s, ...counts(items.filter((t) => t.section === `${i}`)) }));
  return {
    summary: { kind: 'tasks', sections: sections.filter((s, i) => s.title || bySection[i].tasks).length, ...counts(items), bySection, byUnit: unitCompletion(items), items },
    findings: numberingFindings(items, col('stt')),
  };
}
