import { ColumnDeclaration, LayoutDeclaration } from './types';
import { sttColumn, unitNameColumn } from './common';

/**
 * L0: a table of counts whose headers no layout knows. Its declaration is made from the table
 * itself — the column of names, the columns whose figures are counts and the rate columns whose
 * definition (one count over another) the rows prove, titled by their headers — and it declares
 * no identity or bound: what is checked is only what the numbers show (groups and totals proven by
 * their sums, additive relations the rows follow, the rates learned).
 */
export function unknownLayout(counts: { key: string; title: string }[], rates: { key: string; title: string; numerator: string; denominator: string }[], ranks: { key: string; title: string }[], withStt: boolean): LayoutDeclaration {
  const countColumns: ColumnDeclaration[] = counts.map(({ key, title }) => ({ key, role: 'count', title, titleEn: title, header: [], weight: 1 }));
  const rateColumns: ColumnDeclaration[] = rates.map(({ key, title }) => ({ key, role: 'rate', title, titleEn: title, header: [], weight: 1 }));
  const rankColumns: ColumnDeclaration[] = ranks.map(({ key, title }) => ({ key, role: 'rank', title, titleEn: title, header: [], weight: 0 }));
  return {
    id: 'L0',
    name: 'Bảng số liệu theo mẫu PhuLuc chưa biết',
    nameEn: 'Table of figures in a layout PhuLuc does not know',
    columns: [...(withStt ? [sttColumn] : []), { ...unitNameColumn, header: [] }, ...countColumns, ...rateColumns, ...rankColumns],
    identities: [],
    rates: rates.map(({ key, numerator, denominator }) => ({ rate: key, numerator: [numerator], denominator: [denominator] })),
    bounds: [],
    hierarchy: 'sum',
  };
}
