/**
 * Recomputing many received files in one process: each workbook found among the files and folders
 * given is fixed into the output folder under the same relative name, one after another, with a
 * line per file on the progress stream, one summary at the end and the worst outcome as the exit code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatCount } from '../engine/format';
import { PlanOptions } from '../engine/edit-plan';
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
  // Workbooks already in the output folder (an earlier run's, inside a folder being fixed) are not inputs.
  const inside = (file: string) => !path.relative(path.resolve(outputFolder), path.resolve(file)).startsWith('..');
  const files = findInputs(inputs).filter((f) => !inside(f.file));
  const outcomes: FixOutcome[] = [];
  for (const [i, { file, relative }] of files.entries()) {
    const output = path.join(outputFolder, relative);
    let outcome: FixOutcome;
    try {
      fs.mkdirSync(path.dirname(output), { recursive: true });
      outcome = { file, output, result: await fixWorkbook(file, output, options) };
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

export function fixSummaryText(outcomes: FixOutcome[]): string {
  const lines = ['Tệp | Tệp kết quả | Ô được sửa | Ghi chú'];
  for (const o of outcomes) lines.push(`${o.file} | ${o.result ? o.output : '—'} | ${o.result ? formatCount(changedCells(o.result), 'vi') : '—'} | ${o.unusable ? o.unusable.vi : ''}`);
  const done = outcomes.filter((o) => o.result);
  lines.push('', `Tổng kết: ${formatCount(outcomes.length, 'vi')} tệp — ${formatCount(done.length, 'vi')} tệp đã ghi (${formatCount(done.reduce((n, o) => n + changedCells(o.result!), 0), 'vi')} ô được sửa), ${formatCount(outcomes.length - done.length, 'vi')} tệp không dùng được. Các tệp gốc không bị sửa.`);
  return lines.join('\n');
}
