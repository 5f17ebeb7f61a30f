/**
 * Applying a recompute, the same for every host (the Excel add-in, the command line): a protected
 * sheet is refused before anything is written; the first change to a sheet keeps a copy of it as
 * received (later runs keep that first copy); the cells are written; the change log gets its rows,
 * last. A host says how each step is done and makes the whole all or nothing (Excel: undo what was
 * written; a file: write the output whole or not at all).
 */
import { changeLogRows } from '../engine/output/change-log';
import { EditPlan, PlannedEdit } from '../engine/output/edit-plan';
import { backupName, existingBackup } from '../engine/read/sheet-names';

export interface RecomputeWriter {
  /** The workbook's sheet names as they are now; the use case adds the copies it makes. */
  sheetNames: string[];
  isProtected(sheet: string): boolean;
  copySheet(sheet: string, name: string): void;
  writeEdits(sheet: string, edits: PlannedEdit[]): void;
  /** Rows for the change log, below what it holds (a host starting the log writes its header first). */
  appendLog(rows: (string | null)[][]): void;
}

/** A sheet that cannot be written: said before anything is written. */
export class ProtectedSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`The sheet "${sheet}" is protected`);
  }
}

/** The moment a recompute is logged under, as every host writes it. */
export function logStamp(date = new Date()): string {
  return date.toISOString().replace('T', ' ').slice(0, 19);
}

/** Queues one sheet's recompute on the writer; returns the name of the sheet's untouched copy, if it was changed. */
export function applyRecompute(writer: RecomputeWriter, plan: EditPlan, stamp: string): { backup?: string } {
  if (!plan.edits.length) return {};
  if (writer.isProtected(plan.sheet)) throw new ProtectedSheetError(plan.sheet);
  let backup = existingBackup(plan.sheet, writer.sheetNames);
  if (!backup) {
    backup = backupName(plan.sheet, writer.sheetNames);
    writer.copySheet(plan.sheet, backup);
    writer.sheetNames.push(backup);
  }
  writer.writeEdits(plan.sheet, plan.edits);
  writer.appendLog(changeLogRows(plan, stamp));
  return { backup };
}
