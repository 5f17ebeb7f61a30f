/**
 * The exceljs host for recomputing: applies each sheet's edit plan to a copy of the workbook,
 * keeps an untouched copy of every sheet before its first change, and logs every change.
 * The input file is never written.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { checkSheet } from '../engine/check';
import { changeLogRows, LOG_HEADER, LOG_WIDTHS } from '../engine/change-log';
import { EditPlan, planSheet, PlanOptions, PlannedEdit } from '../engine/edit-plan';
import { backupName, existingBackup, isPhuLucSheet, LOG_SHEET } from '../engine/sheet-names';
import { checkOutput, writeAtomically } from './safe-write';
import { loadWorkbook, selectSheets, worksheetToSnapshot } from './exceljs-workbook';

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

/** Copies a worksheet cell by cell: values, styles, merges, sizes, hidden rows and columns. */
export function copyWorksheet(wb: ExcelJS.Workbook, source: ExcelJS.Worksheet, name: string): ExcelJS.Worksheet {
  const copy = wb.addWorksheet(name, {
    properties: { ...source.properties },
    pageSetup: { ...source.pageSetup },
    views: (source.views ?? []).map((v) => ({ ...v })),
  });
  for (let c = 1; c <= source.columnCount; c++) {
    const from = source.getColumn(c);
    const to = copy.getColumn(c);
    if (from.width) to.width = from.width;
    if (from.hidden) to.hidden = true;
  }
  source.eachRow({ includeEmpty: true }, (row, r) => {
    const target = copy.getRow(r);
    if (row.height) target.height = row.height;
    if (row.hidden) target.hidden = true;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const to = target.getCell(c);
      // exceljs's value of a formula cell leaves a result of 0 out: carry the result itself.
      to.value = cell.type === ExcelJS.ValueType.Formula ? ({ ...(cell.value as ExcelJS.CellFormulaValue), result: cell.result } as ExcelJS.CellFormulaValue) : cell.value;
      to.style = JSON.parse(JSON.stringify(cell.style ?? {}));
    });
  });
  for (const range of (source.model as unknown as { merges?: string[] }).merges ?? []) copy.mergeCells(range);
  return copy;
}

function applyEdit(ws: ExcelJS.Worksheet, e: PlannedEdit): void {
  const cell = ws.getCell(e.row + 1, e.col + 1);
  cell.value = e.formula !== undefined ? { formula: e.formula, result: e.value } : e.value;
  // exceljs shares one style object among cells read with the same style: give this cell its own.
  cell.style = { ...cell.style, numFmt: e.numberFormat };
}

function logSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(LOG_SHEET);
  if (existing) return existing;
  const ws = wb.addWorksheet(LOG_SHEET);
  ws.columns = LOG_HEADER.map((header, i) => ({ header, width: LOG_WIDTHS[i] }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

export async function fixWorkbook(input: string, output: string, options: PlanOptions & { sheet?: string; force?: boolean }): Promise<FixResult> {
  checkOutput(input, output, Boolean(options.force));
  const wb = await loadWorkbook(input);
  const sheets = selectSheets(wb, input, options.sheet).filter((ws) => !isPhuLucSheet(ws.name));
  const stamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
  const result: FixResult = { output, sheets: [] };
  for (const ws of sheets) {
    const snapshot = worksheetToSnapshot(ws);
    const plan = planSheet(snapshot, checkSheet(snapshot), options);
    const fix: SheetFix = { sheet: ws.name, plan };
    if (plan.edits.length) {
      // The first change to a sheet keeps the sheet as received; later runs keep that first copy.
      const names = wb.worksheets.map((w) => w.name);
      fix.backup = existingBackup(ws.name, names) ?? copyWorksheet(wb, ws, backupName(ws.name, names)).name;
      const log = logSheet(wb);
      for (const e of plan.edits) applyEdit(ws, e);
      for (const row of changeLogRows(plan, stamp)) log.addRow(row);
    }
    result.sheets.push(fix);
  }
  // Excel recomputes every formula when it opens the file.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  await writeAtomically(output, Boolean(options.force), (temporary) => wb.xlsx.writeFile(temporary));
  return result;
}
