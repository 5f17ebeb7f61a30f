/**
 * Recomputing many received files in one process: each workbook found among the files and folders
 * given is fixed into the output folder under the same relative name, one after another, with a
 * line per file on the progress stream, one summary at the end and the worst outcome as the exit code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatCount } from '../engine/read/format';
import { PlanOptions } from '../engine/output/edit-plan';
import { findInputs } from './batch-check';
import { WorkbookReadError } from './workbook-error';
import { fixWorkbook, FixResult } from './xlsx-fixer';

export interface FixOutcome {
  file: string;
  output: string;
  result?: FixResult;
  unusable?: { vi: string; en: string };
}

export const changedCells = (r: FixResult) => r.sheets.reduce((n, s) => n + s.plan.edits.length, 0);

export async function fixMany(inputs: string[], outputFolder: string, options: PlanOptions & { force?: boolean }, progress: (line: string) => void): Promise<FixOutcome[]> {
  // Workbooks found in the output folder (an earlier run's, inside a folder being fixed) are not inputs;
  // a workbook named on the command line always is, and no output may replace it.
  const inside = (file: string) => !path.relative(path.resolve(outputFolder), path.resolve(file)).startsWith('..');
  const files = findInputs(inputs).filter((f) => !f.found || !inside(f.file));
  const outputs = distinctOutputs(files.map((f) => path.join(outputFolder, f.relative)));
  const allInputs = files.map((f) => f.file);
  const outcomes: FixOutcome[] = [];
  for (const [i, { file }] of files.entries()) {
    const output = outputs[i];
    let outcome: FixOutcome;
    try {
      fs.mkdirSync(path.dirname(output), { recursive: true });
      // No output may be any input of the run, not only its own.
      outcome = { file, output, result: await fixWorkbook([file, ...allInputs], output, options) };
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e;
      outcome = { file, output, unusable: { vi: e.messageVi, en: e.messageEn } };
    }
    outcomes.push(outcome);
    const at = `[${i + 1}/${files.length}] ${file}`;
    progress(outcome.result ? `${at} → ${output}: ${formatCount(changedCells(outcome.result), 'vi')} ô được sửa` : `${at}: không dùng được / unusable — ${outcome.unusable!.vi}`);
  }
  return outcomes;
}

/**
 * Output names made distinct: two inputs of one name (d1/x.xlsx and d2/x.xlsx given as files)
 * would write one output twice; the second becomes "x (2).xlsx". Compared as a case-insensitive
 * disk compares them.
 */
export function distinctOutputs(wanted: string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name) => {
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let i = 1; ; i++) {
      const candidate = i === 1 ? name : `${stem} (${i})${ext}`;
      const key = path.resolve(candidate).toLowerCase();
      if (taken.has(key)) continue;
      taken.add(key);
      return candidate;
    }
  });
}

export function fixSummaryText(outcomes: FixOutcome[]): string {
  const lines = ['Tệp | Tệp kết quả | Ô được sửa | Ghi chú'];
  for (const o of outcomes) lines.push(`${o.file} | ${o.result ? o.output : '—'} | ${o.result ? formatCount(changedCells(o.result), 'vi') : '—'} | ${o.unusable ? o.unusable.vi : ''}`);
  const done = outcomes.filter((o) => o.result);
  lines.push('', `Tổng kết: ${formatCount(outcomes.length, 'vi')} tệp — ${formatCount(done.length, 'vi')} tệp đã ghi (${formatCount(done.reduce((n, o) => n + changedCells(o.result!), 0), 'vi')} ô được sửa), ${formatCount(outcomes.length - done.length, 'vi')} tệp không dùng được. Các tệp gốc không bị sửa.`);
  return lines.join('\n');
}
