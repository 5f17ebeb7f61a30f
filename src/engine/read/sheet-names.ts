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

/** A new sheet name: Excel's characters and 31-character limit respected, never colliding ("(2)", "(3)"…). */
export function uniqueSheetName(wanted: string, existing: string[]): string {
  const base = wanted.replace(FORBIDDEN, '-').replace(/^'+|'+$/g, '').trim() || 'PhuLuc';
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
