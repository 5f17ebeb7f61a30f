/**
 * Text as a cell can hold it: Excel keeps at most 32,767 characters in a cell, and a longer text
 * (a unit's name pasted with a whole document behind it) is cut with "…" rather than refused.
 */
export const MAX_CELL_TEXT = 32767;

export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - 1;
  // Never split a surrogate pair: the cut text must stay valid UTF-16.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
