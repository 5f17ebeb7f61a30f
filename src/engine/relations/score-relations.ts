/**
 * The relations of a score table, from what its numbers proved: in each unit's row (and the row
 * of maxima) each total is the sum of its parts; each score is at most its column's maximum; each
 * index is 100 × its total ÷ that total's maximum.
 */
import { CellTable } from '../read/cell-table';
import type { ScoreStructure } from '../structure/score-structure';
import { TableModel } from '../tables/table-model';
import { RelationBuilder, RelationSet } from './relations';

export function buildScoreRelations(table: TableModel, cells: CellTable, structure: ScoreStructure): RelationSet {
  const b = new RelationBuilder(cells);
  const maximaRow = table.scores?.maximaRow;
  const rows = [...table.rows.map((r) => r.row), ...(maximaRow !== undefined ? [maximaRow] : [])].sort((x, y) => x - y);
  for (const row of rows) {
    for (const s of structure.sums) b.sum('row', row, cells.positionOf(row, s.total), s.parts.map((p) => cells.positionOf(row, p)));
    if (row === maximaRow) continue;
    for (const [col, max] of structure.maxima) {
      const at = cells.positionOf(row, col);
      if (at >= 0 && cells.statusAt(at) === 'number') b.bound(row, [at], b.positions(max.keys));
    }
    for (const index of structure.indices) b.rate(row, cells.positionOf(row, index.col), [cells.positionOf(row, index.total)], b.positions(structure.maxima.get(index.total)!.keys));
  }
  return { cells, relations: b.relations, open: b.open };
}
