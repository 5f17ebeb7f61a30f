/**
 * Names of the sheets PhuLuc adds to a workbook: the untouched copy kept before the first change
 * to a sheet, and the change log. Excel allows 31 characters and no : \ / ? * [ ].
 */
export const LOG_SHEET = 'Nhật ký PhuLuc';
const BACKUP_SUFFIX = ' (gốc)';
const MAX_SHEET_NAME = 31;

export function isPhuLucSheet(name: string): boolean {
  return name === LOG_SHEET || /\(gốc(?: \d+)?\)$/.test(name);
}

function candidate(sheet: string, i: number): string {
  const suffix = i === 1 ? BACKUP_SUFFIX : ` (gốc ${i})`;
  return sheet.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/** The name for the copy of a sheet, unique among the existing names (case-insensitive, as Excel compares). */
export function backupName(sheet: string, existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) if (!taken.has(candidate(sheet, i).toLowerCase())) return candidate(sheet, i);
}

/** The copy an earlier run kept of this sheet, if there is one. */
export function existingBackup(sheet: string, existing: string[]): string | undefined {
  for (let i = 1; i <= 9; i++) {
    const found = existing.find((n) => n.toLowerCase() === candidate(sheet, i).toLowerCase() && n !== sheet);
    if (found) return found;
  }
  return undefined;
}

const FORBIDDEN = /[:\\/?*[\]]/g;

/** Whether two sheet names are the same to Excel: letter case aside (and tone marks however composed). */
export function sameSheetName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');
}

/** Cut to `length` at a word's end, with "…" where words were left out. */
function shortened(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return (space > length / 2 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/** A new sheet name: Excel's characters and 31-character limit respected, never colliding ("(2)", "(3)"…). */
export function uniqueSheetName(wanted: string, existing: string[]): string {
  const base = wanted.replace(FORBIDDEN, '-').replace(/^'+|'+$/g, '').trim() || 'PhuLuc';
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const name = shortened(base, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!existing.some((n) => sameSheetName(n, name))) return name;
  }
}
