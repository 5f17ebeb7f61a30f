/**
 * The file host for recomputing: writes a new workbook that is the input package with only what
 * the recompute changes — the rewritten cells of each changed sheet, an untouched copy of each
 * sheet before its first change (its XML part and every part it owns), the change log, the styles
 * and listings these need. Every other part of the input is carried over byte for byte.
 * The input file is never written.
 */
import * as fs from 'fs';
import { checkSheet } from '../engine/check';
import { LOG_HEADER, LOG_WIDTHS } from '../engine/output/change-log';
import { EditPlan, planSheet, PlanOptions } from '../engine/output/edit-plan';
import { isPhuLucSheet, LOG_SHEET } from '../engine/read/sheet-names';
import { SheetSnapshot } from '../engine/read/snapshot';
import { applyRecompute, logStamp, RecomputeWriter } from '../usecases/apply-recompute';
import { checkOutput, writeAtomically } from './safe-write';
import { openWorkbook, readSheets, worksheetsOf } from './xlsx-reader';
import { PackageEdit } from './xlsx/package-edit';
import { CellWrite, patchSheet } from './xlsx/sheet-patch';
import { StylesPatch, stylesPatchOf } from './xlsx/styles-patch';
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

/** `inputs`: every input of the run, none of which the output may be (the first is the one fixed here). */
export async function fixWorkbook(inputs: string | string[], output: string, options: PlanOptions & { sheet?: string; force?: boolean }): Promise<FixResult> {
  const input = typeof inputs === 'string' ? inputs : inputs[0];
  checkOutput(inputs, output, Boolean(options.force));
  const opened = openWorkbook(input);
  const { book } = opened;
  const entries = worksheetsOf(opened, options.sheet).filter((s) => !isPhuLucSheet(s.name));
  const snapshots: (SheetSnapshot | undefined)[] = readSheets(opened, entries);
  const edit = new PackageEdit(opened);
  const styles = stylesPatchOf(opened);
  const sheetNames = book.sheets.map((s) => s.name);
  const logRows: (string | null)[][] = [];
  const stamp = logStamp();
  const result: FixResult = { output, sheets: [] };
  entries.forEach((entry, i) => {
    // A protected sheet gets a plan without edits, and a notice why.
    const { plan, isProtected } = planReleasing(snapshots, i, options);
    const writer: RecomputeWriter = {
      sheetNames,
      isProtected: () => isProtected,
      copySheet: (_sheet, name) => edit.copySheet(entry, name),
      // A planned edit is a cell write as it stands (row, column, formula, value, number format).
      writeEdits: (_sheet, edits: CellWrite[]) => edit.replace(entry.part, patchSheet(edit.read(entry.part)!, edits, (current, w) => styles.withNumberFormat(current, w.numberFormat!))),
      appendLog: (rows) => {
        for (const row of rows) logRows.push(row);
      },
    };
    result.sheets.push({ sheet: entry.name, plan, ...applyRecompute(writer, plan, stamp) });
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

/**
 * Checks and plans one sheet, taking its snapshot out of the list: it is let go once planned, before
 * the sheet is rewritten (a 100,000-row snapshot is a few hundred megabytes).
 */
function planReleasing(snapshots: (SheetSnapshot | undefined)[], i: number, options: PlanOptions): { plan: EditPlan; isProtected: boolean } {
  const snapshot = snapshots[i]!;
  snapshots[i] = undefined;
  return { plan: planSheet(snapshot, checkSheet(snapshot), options), isProtected: Boolean(snapshot.protected) };
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
