/**
 * The file host for recomputing: writes a new workbook that is the input package with only what
 * the recompute changes — the rewritten cells of each changed sheet, an untouched copy of each
 * sheet before its first change (its XML part and every part it owns), the change log, the styles
 * and listings these need. Every other part of the input is carried over byte for byte.
 * The input file is never written.
 */
import * as fs from 'fs';
import { checkSheet } from '../engine/check';
import { changeLogRows, LOG_HEADER, LOG_WIDTHS } from '../engine/change-log';
import { EditPlan, planSheet, PlanOptions } from '../engine/edit-plan';
import { backupName, existingBackup, isPhuLucSheet, LOG_SHEET } from '../engine/sheet-names';
import { checkOutput, writeAtomically } from './safe-write';
import { WorkbookReadError } from './workbook-error';
import { openWorkbook, readSheets, worksheetsOf } from './xlsx-reader';
import { PackageEdit } from './xlsx/package-edit';
import { CellWrite, patchSheet } from './xlsx/sheet-patch';
import { StylesPatch } from './xlsx/styles-patch';
import { worksheetXml } from './xlsx/worksheet-xml';

export interface SheetFix {
  sheet: string;
  plan: EditPlan;
  /** The name of the untouched copy, when the sheet was changed. */
  backup?: string;
}

export interface FixResult {
  output: string;
  sheets: SheetFix[];
}

export async function fixWorkbook(input: string, output: string, options: PlanOptions & { sheet?: string; force?: boolean }): Promise<FixResult> {
  checkOutput(input, output, Boolean(options.force));
  const opened = openWorkbook(input);
  const { book, pkg } = opened;
  const entries = worksheetsOf(opened, options.sheet).filter((s) => !isPhuLucSheet(s.name));
  const snapshots = readSheets(opened, entries);
  const edit = new PackageEdit(opened);
  const stylesBytes = book.stylesPart ? pkg.read(book.stylesPart) : undefined;
  if (!stylesBytes) throw new WorkbookReadError(`Không sửa được ${input}: sổ tính thiếu phần kiểu định dạng (styles). Hãy mở bằng Excel, lưu lại rồi thử lại.`, `Cannot fix ${input}: the workbook has no styles part. Open it in Excel, save it and try again.`);
  const styles = new StylesPatch(stylesBytes);
  const names = book.sheets.map((s) => s.name);
  const stamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
  const result: FixResult = { output, sheets: [] };
  const logRows: (string | null)[][] = [];
  entries.forEach((entry, i) => {
    const snapshot = snapshots[i];
    const plan = planSheet(snapshot, checkSheet(snapshot), options);
    const fix: SheetFix = { sheet: entry.name, plan };
    if (plan.edits.length) {
      // The first change to a sheet keeps the sheet as received; later runs keep that first copy.
      let backup = existingBackup(entry.name, names);
      if (!backup) {
        backup = backupName(entry.name, names);
        edit.copySheet(entry, backup);
        names.push(backup);
      }
      fix.backup = backup;
      // The snapshot is not needed any more: let it go before the sheet is rewritten.
      snapshots[i] = undefined as never;
      const writes: CellWrite[] = plan.edits.map((e) => ({ row: e.row, col: e.col, formula: e.formula, value: e.value, numberFormat: e.numberFormat }));
      edit.replace(entry.part, patchSheet(edit.read(entry.part)!, writes, (current, w) => styles.withNumberFormat(current, w.numberFormat!)));
      for (const row of changeLogRows(plan, stamp)) logRows.push(row);
    }
    result.sheets.push(fix);
  });
  if (logRows.length) {
    appendLog(edit, opened, logRows, styles);
    // Formulas changed: Excel recomputes on opening, and its cache of the order to do so is dropped.
    edit.recalculateOnOpen();
    const chain = book.relationships.find((r) => r.kind === 'calcChain');
    if (chain) edit.remove(chain.target);
  }
  if (styles.changed) edit.replace(book.stylesPart!, styles.result());
  const bytes = edit.write();
  await writeAtomically(output, Boolean(options.force), async (temporary) => fs.writeFileSync(temporary, bytes));
  return result;
}

/** The change log: rows added below an earlier run's log, or a new sheet. */
function appendLog(edit: PackageEdit, opened: ReturnType<typeof openWorkbook>, rows: (string | null)[][], styles: StylesPatch): void {
  const existing = opened.book.sheets.find((s) => s.name === LOG_SHEET && s.kind === 'worksheet');
  if (existing) {
    const [log] = readSheets(opened, [existing]);
    const first = log.cells.length;
    const writes: CellWrite[] = rows.flatMap((cells, r) => cells.flatMap((value, c) => (value === null ? [] : [{ row: first + r, col: c, value }])));
    edit.replace(existing.part, patchSheet(edit.read(existing.part)!, writes));
    return;
  }
  edit.addSheet(LOG_SHEET, worksheetXml({ rows: [LOG_HEADER, ...rows], widths: LOG_WIDTHS, headerStyle: styles.bold() }));
}
