/**
 * Checking many received files in one process: the files and folders given (folders searched for
 * .xlsx and .xlsm, Excel's "~$" lock files left out), one after another, a line per file on the
 * progress stream, one summary at the end, and the worst outcome as the exit code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook, WorkbookReport } from '../engine/check';
import { formatCount, formatDay } from '../engine/read/format';
import { SheetDraft } from '../engine/output/ranking-sheet';
import { toJsonReport, JsonReport } from './report-json';
import { openWorkbook, readWorkbook, WorkbookReadError } from './xlsx-reader';

export interface FileOutcome {
  file: string;
  /** The layouts of its tables, e.g. ["L4", "L4", "L1"]. */
  layouts: string[];
  errors: number;
  warnings: number;
  /** Regions of figures that could not be checked. */
  unchecked: number;
  /** Why the file could not be used; the report is absent then. */
  unusable?: { vi: string; en: string };
  report?: WorkbookReport;
}

/** A file found among the inputs, with its name relative to the folder it was found in (or its own name). */
export interface InputFile {
  file: string;
  relative: string;
  /** Found by walking a folder given, rather than named on the command line. */
  found: boolean;
}

/** The workbooks among the inputs: each file as given, each folder's .xlsx/.xlsm (in name order, sub-folders too). */
export function findInputs(inputs: string[]): InputFile[] {
  const out: InputFile[] = [];
  const walk = (root: string, dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(root, full);
      else if (/\.xls[xm]$/i.test(entry.name) && !entry.name.startsWith('~$')) out.push({ file: full, relative: path.relative(root, full), found: true });
    }
  };
  for (const input of inputs) {
    if (fs.existsSync(input) && fs.statSync(input).isDirectory()) walk(input, input);
    else out.push({ file: input, relative: path.basename(input), found: false });
  }
  return out;
}

/** The files to check. */
export function expandInputs(inputs: string[]): string[] {
  return findInputs(inputs).map((f) => f.file);
}

export async function checkFile(file: string): Promise<FileOutcome> {
  try {
    const report = checkWorkbook(await readWorkbook(file));
    const findings = report.sheets.flatMap((s) => s.tables.flatMap((t) => t.findings));
    return {
      file,
      layouts: report.sheets.flatMap((s) => s.tables.map((t) => t.layout)),
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      unchecked: report.sheets.reduce((n, s) => n + s.unchecked.length, 0),
      report,
    };
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    return { file, layouts: [], errors: 0, warnings: 0, unchecked: 0, unusable: { vi: e.messageVi, en: e.messageEn } };
  }
}

/** The exit code of one file: 2 unusable, 1 errors found, 3 no errors but figures not checked, 0 every figure checked and clean. */
export const exitOf = (o: FileOutcome) => (o.unusable ? 2 : o.errors ? 1 : o.unchecked ? 3 : 0);

/** The same for one checked workbook. */
export function exitOfReport(report: WorkbookReport): number {
  if (report.sheets.some((s) => s.tables.some((t) => t.findings.some((f) => f.severity === 'error')))) return 1;
  return report.sheets.some((s) => s.unchecked.length) ? 3 : 0;
}

/** From least to most serious: clean, not all checked, errors, unusable. */
const SERIOUSNESS = [0, 3, 1, 2];

/** The most serious of several exit codes. */
export const worstExit = (codes: number[]) => codes.reduce((worst, c) => (SERIOUSNESS.indexOf(c) > SERIOUSNESS.indexOf(worst) ? c : worst), 0);

export function progressLine(o: FileOutcome, index: number, total: number): string {
  const at = `[${index}/${total}] ${o.file}`;
  if (o.unusable) return `${at}: không dùng được / unusable`;
  return `${at}: ${formatCount(o.errors, 'vi')} lỗi, ${formatCount(o.warnings, 'vi')} cảnh báo${o.unchecked ? `, ${formatCount(o.unchecked, 'vi')} vùng chưa kiểm tra được` : ''}`;
}

/** The summary at the end: one line per file, then the totals. */
export function summaryText(outcomes: FileOutcome[]): string {
  const lines = ['Tệp | Mẫu bảng | Lỗi | Cảnh báo | Vùng chưa kiểm tra | Ghi chú'];
  for (const o of outcomes) {
    const layouts = [...new Set(o.layouts)].join(', ') || '—';
    lines.push(`${o.file} | ${layouts} | ${o.unusable ? '—' : o.errors} | ${o.unusable ? '—' : o.warnings} | ${o.unusable ? '—' : o.unchecked} | ${o.unusable ? o.unusable.vi : ''}`);
  }
  const usable = outcomes.filter((o) => !o.unusable);
  const n = (count: number) => formatCount(count, 'vi');
  const partly = usable.filter((o) => !o.errors && o.unchecked).length;
  lines.push(
    '',
    `Tổng kết: ${n(outcomes.length)} tệp — ${n(usable.filter((o) => o.errors).length)} tệp có lỗi (${n(usable.reduce((sum, o) => sum + o.errors, 0))} lỗi), ${n(partly)} tệp không thấy lỗi nhưng còn số chưa kiểm tra được, ${n(usable.filter((o) => !o.errors && !o.unchecked).length)} tệp đã kiểm tra hết và không có lỗi, ${n(outcomes.length - usable.length)} tệp không dùng được.`,
  );
  return lines.join('\n');
}

export interface BatchJson {
  files: ({ file: string; layouts: string[]; errors: number; warnings: number; unchecked: number } & ({ report: JsonReport } | { unusable: { vi: string; en: string } }))[];
}

export function batchJson(outcomes: FileOutcome[]): BatchJson {
  return {
    files: outcomes.map((o) => {
      const head = { file: o.file, layouts: o.layouts, errors: o.errors, warnings: o.warnings, unchecked: o.unchecked };
      return o.unusable ? { ...head, unusable: o.unusable } : { ...head, report: toJsonReport(o.file, o.report!) };
    }),
  };
}

const REPORT_SHEET = 'Tổng hợp kiểm tra';

/** A summary workbook an earlier `check --report` wrote: its one sheet is the summary, nothing else. */
export function isBatchReport(file: string): boolean {
  try {
    const sheets = openWorkbook(file).book.sheets;
    return sheets.length === 1 && sheets[0].name === REPORT_SHEET;
  } catch {
    return false;
  }
}

/** The summary as a sheet of its own, for --report: one row per file, errors coloured. */
export function batchSummaryDraft(outcomes: FileOutcome[], date: Date): SheetDraft {
  const rows = outcomes.map((o) => [o.file, [...new Set(o.layouts)].join(', ') || null, o.unusable ? null : o.errors, o.unusable ? null : o.warnings, o.unusable ? null : o.unchecked, o.unusable ? o.unusable.vi : null]);
  const header = ['Tệp', 'Mẫu bảng', 'Lỗi', 'Cảnh báo', 'Vùng chưa kiểm tra', 'Không dùng được'];
  return {
    name: REPORT_SHEET,
    title: 'TỔNG HỢP KIỂM TRA PHỤ LỤC',
    info: [`Lập ngày ${formatDay(date)} bằng PhuLuc. ${summaryText(outcomes).split('\n').pop()}`],
    header,
    rows,
    formats: [undefined, undefined, '#,##0', '#,##0', '#,##0', undefined],
    widths: header.map((h, c) => Math.min(80, rows.reduce((w, r) => Math.max(w, String(r[c] ?? '').length + 2), h.length + 4))),
    measureColumn: 2,
    better: 'lower',
  };
}

/** Writes the summary workbook (never over an existing file unless `force`). */
export async function writeBatchReport(output: string, outcomes: FileOutcome[], force: boolean, date = new Date()): Promise<void> {
  // Loaded when asked for: a check without a report starts without the writers.
  const [{ writeWithSheets }, { blankWorkbook }] = await Promise.all([import('./xlsx-added-sheets'), import('./xlsx/blank-workbook')]);
  await writeWithSheets(outcomes.map((o) => o.file), output, force, () => ({ opened: blankWorkbook(output), drafts: [batchSummaryDraft(outcomes, date)], result: undefined }));
}
