/**
 * Writing a copy of a workbook with sheets added (rankings, summaries): the input package as it
 * is, plus each drafted sheet, its table, the styles it uses and the entries that list it.
 */
import * as fs from 'fs';
import { SheetDraft } from '../engine/output/ranking-sheet';
import { checkOutput, writeAtomically } from './safe-write';
import { OpenedWorkbook } from './xlsx-reader';
import { addDraftSheet } from './xlsx/draft-sheet';
import { PackageEdit } from './xlsx/package-edit';
import { stylesPatchOf } from './xlsx/styles-patch';

export async function writeWithSheets<T>(input: string | string[], output: string, force: boolean, prepare: () => { opened: OpenedWorkbook; drafts: SheetDraft[]; result: T }): Promise<T> {
  checkOutput(input, output, force);
  const { opened, drafts, result } = prepare();
  const edit = new PackageEdit(opened);
  const styles = stylesPatchOf(opened);
  for (const draft of drafts) addDraftSheet(edit, styles, draft);
  if (styles.changed) edit.replace(opened.book.stylesPart!, styles.result());
  const bytes = edit.write();
  await writeAtomically(output, force, async (temporary) => fs.writeFileSync(temporary, bytes));
  return result;
}
