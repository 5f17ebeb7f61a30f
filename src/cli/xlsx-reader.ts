/**
 * The file host's reader: an .xlsx (or .xlsm) file straight into the engine's sheet snapshots,
 * reading only the parts it needs (workbook, styles, shared strings, the sheets asked for) and
 * streaming each sheet's XML. Never modifies the file. Anything it cannot use is a
 * WorkbookReadError naming what the file is and what to do.
 */
import * as fs from 'fs';
import { SheetSnapshot } from '../engine/read/snapshot';
import { sameSheetName } from '../engine/read/sheet-names';
import { kindFromMagic, MAX_FILE_BYTES, packageKind, unusableMessage } from './file-kind';
import { WorkbookReadError } from './workbook-error';
import { LIMITS, tooLarge } from './xlsx/limits';
import { BookParts, PackageStructureError, readBookParts, SheetEntry } from './xlsx/package-parts';
import { readSharedStrings } from './xlsx/shared-strings';
import { readSheet, SheetReadContext } from './xlsx/sheet-reader';
import { CellStyles, readStyles } from './xlsx/styles-part';
import { END, XmlError, XmlScanner } from './xlsx/xml-scanner';
import { DuplicatePartError, PackageDamagedError, ZipPackage } from './xlsx/zip-package';

export { WorkbookReadError } from './workbook-error';

/** An opened workbook package: its parts listed, its workbook part read; sheets read on demand. */
export interface OpenedWorkbook {
  file: string;
  pkg: ZipPackage;
  book: BookParts;
}

function damaged(file: string, detail: string, detailEn = detail): WorkbookReadError {
  return new WorkbookReadError(
    `Không dùng được ${file}: sổ tính bị hỏng (${detail}). Hãy mở tệp bằng Excel (hoặc LibreOffice), lưu lại dưới dạng .xlsx rồi thử lại.`,
    `Cannot use ${file}: the workbook is damaged (${detailEn}). Open it in Excel (or LibreOffice), save it as .xlsx and try again.`,
  );
}

/** Runs a step of reading, turning a broken package or broken XML into the user's message. */
function guarded<T>(file: string, part: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof XmlError) throw damaged(file, `${part}: ${e.message}`);
    if (e instanceof PackageDamagedError) throw damaged(file, `zip: ${e.message}`);
    if (e instanceof PackageStructureError) throw damaged(file, e.message);
    throw e;
  }
}

export function openWorkbook(file: string): OpenedWorkbook {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new WorkbookReadError(`Không tìm thấy tệp ${file}.`, `File not found: ${file}.`);
  const unusable = (kind: Parameters<typeof unusableMessage>[0]) => {
    const { vi, en } = unusableMessage(kind, file);
    return new WorkbookReadError(vi, en);
  };
  if (fs.statSync(file).size > MAX_FILE_BYTES) throw unusable('too-large');
  const data = fs.readFileSync(file);
  const magic = kindFromMagic(data);
  if (magic) throw unusable(magic as Exclude<typeof magic, 'xlsx'>);
  let pkg: ZipPackage;
  try {
    pkg = ZipPackage.open(file, data);
  } catch (e) {
    if (e instanceof DuplicatePartError) throw damaged(file, `hai phần cùng tên ${e.part}`, `two parts named ${e.part}`);
    throw unusable('damaged');
  }
  const kind = packageKind(pkg);
  if (kind !== 'xlsx') throw unusable(kind);
  // The package's list of content types: Excel refuses a package without it, and every write needs it.
  if (!pkg.has('[Content_Types].xml')) throw damaged(file, 'thiếu phần [Content_Types].xml', 'the part [Content_Types].xml is missing');
  guarded(file, '[Content_Types].xml', () => {
    const x = new XmlScanner(pkg.read('[Content_Types].xml')!);
    while (x.next() !== END);
  });
  const book = guarded(file, 'workbook', () => readBookParts(pkg));
  if (!book.sheets.some((s) => s.kind === 'worksheet' && pkg.has(s.part))) throw unusable('no-sheets');
  // A sheet the workbook lists without its part would be passed over without a word: refused, named.
  const lost = book.sheets.find((s) => s.kind === 'worksheet' && !pkg.has(s.part));
  if (lost) throw damaged(file, `thiếu phần ${lost.part} của trang "${lost.name}"`, `the part ${lost.part} of sheet "${lost.name}" is missing`);
  return { file, pkg, book };
}

/** The worksheets (sheets of cells, not chart sheets) to work on: all, or the one named. */
export function worksheetsOf(opened: OpenedWorkbook, sheetName?: string): SheetEntry[] {
  const all = opened.book.sheets.filter((s) => s.kind === 'worksheet' && opened.pkg.has(s.part));
  if (sheetName === undefined) return all;
  // As Excel names sheets: the exact name, else the same letters in another case.
  const exact = all.filter((s) => s.name === sheetName);
  const named = exact.length ? exact : all.filter((s) => sameSheetName(s.name, sheetName));
  if (!named.length) {
    const names = all.map((s) => s.name).join(', ');
    throw new WorkbookReadError(`Không có trang tính "${sheetName}" trong ${opened.file}. Các trang: ${names}.`, `No sheet "${sheetName}" in ${opened.file}. Sheets: ${names}.`);
  }
  return named;
}

/** What every sheet of the workbook is read with: its shared strings, styles and date system. */
function readingContext(opened: OpenedWorkbook): Omit<SheetReadContext, 'onLimit'> {
  const { file, pkg, book } = opened;
  const strings = book.sharedStringsPart
    ? guarded(file, book.sharedStringsPart, () => readSharedStrings(pkg.read(book.sharedStringsPart!), LIMITS.sharedStrings, () => tooLarge(file, 'shared-strings', '')))
    : [];
  const styles = book.stylesPart ? guarded(file, book.stylesPart, () => readStyles(pkg.read(book.stylesPart!))) : CellStyles.empty();
  return { strings, styles, date1904: book.date1904, budget: { cells: LIMITS.workbookCells }, sheetCells: LIMITS.sheetCells };
}

function readOneSheet(opened: OpenedWorkbook, context: Omit<SheetReadContext, 'onLimit'>, sheet: SheetEntry, bytes: () => Uint8Array | undefined): SheetSnapshot {
  const { file } = opened;
  return guarded(file, sheet.part, () => {
    const snapshot = readSheet(bytes()!, sheet.name, { ...context, onLimit: (kind) => tooLarge(file, kind, sheet.name) });
    if (sheet.visibility !== 'visible') snapshot.visibility = sheet.visibility;
    return snapshot;
  });
}

/** Reads the snapshots of the given sheets of an opened workbook. */
export function readSheets(opened: OpenedWorkbook, sheets: SheetEntry[]): SheetSnapshot[] {
  const context = readingContext(opened);
  return sheets.map((sheet) => readOneSheet(opened, context, sheet, () => opened.pkg.read(sheet.part)));
}

/**
 * Reads every worksheet, or the one named, of an .xlsx file. Each sheet inflates on Node's thread
 * pool while the shared strings, or the sheet before it, are read here: one sheet ahead, so no
 * more than two sheets' XML is held at once.
 */
export async function readWorkbook(file: string, sheetName?: string): Promise<SheetSnapshot[]> {
  const opened = openWorkbook(file);
  const sheets = worksheetsOf(opened, sheetName);
  const inflate = (i: number) => (i < sheets.length ? opened.pkg.readLater(sheets[i].part) : undefined);
  let next = inflate(0);
  const context = readingContext(opened);
  const snapshots: SheetSnapshot[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const inflated = await next!;
    next = inflate(i + 1);
    snapshots.push(
      readOneSheet(opened, context, sheets[i], () => {
        if (inflated.error !== undefined) throw inflated.error;
        return inflated.bytes;
      }),
    );
  }
  return snapshots;
}
