/**
 * Writing a copy of a workbook with sheets added (rankings, summaries): the input package as it
 * is, plus each drafted sheet, its table, the styles it uses and the entries that list it.
 */
import * as fs from 'fs';
import { SheetDraft } from '../engine/ranking-sheet';
import { checkOutput, writeAtomically } from './safe-write';
import { WorkbookReadError } from './workbook-error';
import { OpenedWorkbook } from './xlsx-reader';
import { addDraftSheet } from './xlsx/draft-sheet';
import { PackageEdit } from './xlsx/package-edit';
import { StylesPatch } from './xlsx/styles-patch';

export async function writeWithSheets<T>(input: string | string[], output: string, force: boolean, prepare: () => { opened: OpenedWorkbook; drafts: SheetDraft[]; result: T }): Promise<T> {
  checkOutput(input, output, force);
  const { opened, drafts, result } = prepare();
  const { book, pkg } = opened;
  const stylesBytes = book.stylesPart ? pkg.read(book.stylesPart) : undefined;
  if (!stylesBytes) throw new WorkbookReadError(`Không ghi được vào bản sao của ${opened.file}: sổ tính thiếu phần kiểu định dạng (styles). Hãy mở bằng Excel, lưu lại rồi thử lại.`, `Cannot write a copy of ${opened.file}: the workbook has no styles part. Open it in Excel, save it and try again.`);
  const edit = new PackageEdit(opened);
  const styles = new StylesPatch(stylesBytes);
  for (const draft of drafts) addDraftSheet(edit, styles, draft);
  if (styles.changed) edit.replace(book.stylesPart!, styles.result());
  const bytes = edit.write();
  await writeAtomically(output, force, async (temporary) => fs.writeFileSync(temporary, bytes));
  return result;
}
