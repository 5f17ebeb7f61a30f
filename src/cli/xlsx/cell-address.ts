/** A cell address ("AB12") read straight from a part's bytes, for the reader and the patcher alike. */

/** A sheet's size in Excel. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** The address read last, 0-based (an object reused, not an array made per cell). */
export const parsedAddress = { row: 0, col: 0 };

/** Reads bytes [start, end) as a cell address into parsedAddress; false when it is none on a sheet. */
export function readCellAddress(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  let col = 0;
  for (; i < end; i++) {
    const b = bytes[i] | 0x20;
    if (b < 0x61 || b > 0x7a) break;
    col = col * 26 + (b - 0x60);
  }
  if (i === start || i === end || col > MAX_COLS) return false;
  let row = 0;
  for (; i < end; i++) {
    const d = bytes[i] - 0x30;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  if (row < 1 || row > MAX_ROWS) return false;
  parsedAddress.row = row - 1;
  parsedAddress.col = col - 1;
  return true;
}
