/** How messages name rows and relations: a row by its name (or its sheet row), a relation by its columns' titles. */
import { CellKey, colOfKey, rowOfKey } from '../read/address';
import { CellTable } from '../read/cell-table';
import { addressOf, formatScore, Language } from '../read/format';
import { Relation } from '../relations/relation';

/**
 * How messages name a table's rows: `label` the name a person reads (with its parent in a nested
 * table: "Xã A (Huyện B)"; '' for a row with no name), `phrase` the same in a sentence — the name
 * in quotes, or "dòng 12" / "row 12" for a row with no name, never its number alone.
 */
export interface RowNames {
  label(row: number): string;
  phrase(row: number, lang: Language): string;
}

/** The phrase for a row: its name in quotes, or its sheet row. */
export function rowPhrase(label: string, row: number, lang: Language): string {
  return label ? `"${label}"` : `${lang === 'vi' ? 'dòng' : 'row'} ${row + 1}`;
}

/** Describes a relation in a few words, naming columns by their layout titles. */
export function describeRelation(rel: Relation, cells: CellTable, names: RowNames, lang: Language): string {
  const title = (k: CellKey) => {
    const c = cells.get(k)?.column;
    return c ? (lang === 'vi' ? c.title : c.titleEn) : addressOf(k);
  };
  const list = (keys: CellKey[]) => keys.map(title).join(' + ');
  const label = names.phrase(rel.row, lang);
  switch (rel.kind) {
    case 'rate': {
      // A row of rates (units across the columns) names its rows, not the unit's column.
      const byRow = [...rel.numerator, ...rel.denominator].every((k) => colOfKey(k) === colOfKey(rel.rate));
      // A rate in a column of counts, under a unit's counts (a unit on two rows), is that count's rate.
      const rateTitle = (k: CellKey) => (cells.get(k)?.column.role === 'count' ? `${lang === 'vi' ? 'Tỉ lệ' : 'Rate of'} ${title(k)}` : title(k));
      const name = byRow ? (k: CellKey) => names.label(rowOfKey(k)) || names.phrase(rowOfKey(k), lang) : title;
      const named = (keys: CellKey[]) => keys.map(name).join(' + ');
      // Over a maximum (stated in a header, or learned): the figure itself, not the columns holding it.
      if (rel.denominator.every((k) => cells.get(k)?.parsed.stated)) {
        const max = rel.denominator.reduce((s, k) => s + (cells.value(k) ?? 0), 0);
        return `${rateTitle(rel.rate)} = ${named(rel.numerator)} / ${formatScore(max, lang)} × 100`;
      }
      return `${byRow ? name(rel.rate) : rateTitle(rel.rate)} = ${named(rel.numerator)} / ${rel.denominator.length > 1 ? `(${named(rel.denominator)})` : named(rel.denominator)}`;
    }
    case 'bound':
      // A score against its maximum, stated in the table or summed from its parts' maxima.
      if (cells.get(rel.part[0])?.kind === 'score') {
        const max = rel.whole.reduce((s, k) => s + (cells.value(k) ?? 0), 0);
        return `${list(rel.part)} ${lang === 'vi' ? 'của' : 'of'} ${label} ≤ ${lang === 'vi' ? 'điểm tối đa' : 'the maximum'} ${formatScore(max, lang)}`;
      }
      // An item against the row it is part of: the same column, named by its rows.
      if ([...rel.part, ...rel.whole].every((k) => colOfKey(k) === colOfKey(rel.part[0]))) {
        const rows = (keys: CellKey[]) => keys.map((k) => names.phrase(rowOfKey(k), lang)).join(' + ');
        return `${title(rel.part[0])}: ${rows(rel.part)} ≤ ${rows(rel.whole)}`;
      }
      return `${list(rel.part)} ≤ ${list(rel.whole)}`;
    case 'sum':
      switch (rel.scope) {
        case 'row':
          return `${title(rel.total)} = ${list(rel.parts)}`;
        case 'group':
          return lang === 'vi' ? `${title(rel.total)} của dòng ${label} = tổng các dòng con` : `${title(rel.total)} of row ${label} = sum of the rows under it`;
        case 'subtotal':
          return lang === 'vi' ? `${title(rel.total)} dòng Cộng = tổng các dòng của mục` : `${title(rel.total)} of the subtotal = sum of its section`;
        case 'total':
          return lang === 'vi' ? `${title(rel.total)} dòng tổng = tổng các dòng` : `${title(rel.total)} of the total row = sum of the rows`;
        case 'breakdown':
          return lang === 'vi' ? `chỉ tiêu ${label} = tổng các mục "Trong đó"` : `indicator ${label} = sum of its items`;
      }
  }
}
