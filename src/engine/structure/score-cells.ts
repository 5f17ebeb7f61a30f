/**
 * The cells of a score table: each unit's scores and indices, the row of maxima, and each maximum
 * a header states ("(18 điểm)"), kept at the header cell that states it so a message can point there.
 */
import { keyOf } from '../read/address';
import { CellTable } from '../read/cell-table';
import { parseRate, parseScore } from '../read/numbers';
import { cellAt, cellText, SheetSnapshot } from '../read/snapshot';
import { figureColumns, TableModel } from '../tables/table-model';

export function readScoreCells(sheet: SheetSnapshot, table: TableModel): CellTable {
  const figures = figureColumns(table, ['score', 'rate']);
  const scores = table.scores!;
  const rows = [...table.rows.map((r) => r.row), ...(scores.maximaRow !== undefined ? [scores.maximaRow] : [])].sort((a, b) => a - b);
  const cells = new CellTable(sheet, rows.length * figures.length);
  const stated = new Map(scores.maxima.filter((m) => m.row !== scores.maximaRow).map((m) => [keyOf(m.row, m.col), m]));
  // Cells are kept in sheet order, row by row: the header's stated maxima first.
  for (const [key, m] of [...stated].sort((a, b) => a[0] - b[0])) {
    const column = figures.find((f) => f.col === m.col)!.column;
    cells.add(key, column, 'score', { status: 'number', value: m.value, isText: false, raw: cellText(sheet, m.row, m.col), decimals: 0, stated: true });
  }
  for (const row of rows) {
    for (const { column, col } of figures) {
      const cell = cellAt(sheet, row, col);
      cells.add(keyOf(row, col), column, column.role === 'rate' ? 'rate' : 'score', column.role === 'rate' ? parseRate(cell) : parseScore(cell));
    }
  }
  return cells;
}
