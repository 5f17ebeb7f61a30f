/**
 * What an unreadable cell (#REF!, a word where a number belongs) should hold, worked out from the
 * relations it takes part in: a sum whose other cells all read gives it, a rate gives it from its
 * counts. Given only when every such relation gives the same value, and a value of the cell's kind.
 */
import { rateFromCounts, roundHalfUp } from '../read/numbers';
import { CellKey, OpenRelation, RelationSet } from '../relations/relations';

function valueFrom(set: RelationSet, rel: OpenRelation): number | undefined {
  const { cells } = set;
  const total = (positions: number[]) => positions.reduce((s, i) => s + cells.valueAt(i), 0);
  if (rel.kind === 'rate') {
    const rate = rateFromCounts(total(rel.numerator), total(rel.denominator));
    return rate === undefined ? undefined : roundHalfUp(rate, 2);
  }
  if (rel.unknown === rel.total) return total(rel.parts);
  return cells.valueAt(rel.total) - total(rel.parts.filter((i) => i !== rel.unknown));
}

function fitsKind(set: RelationSet, position: number, value: number): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  const kind = set.cells.kindAt(position);
  return kind === 'rate' ? value <= 100 : kind === 'score' || Number.isInteger(value);
}

/** The right value of each unreadable cell that its relations agree on, by cell key. */
export function unreadableValues(set: RelationSet): Map<CellKey, number> {
  const candidates = new Map<number, number[]>();
  for (const rel of set.open) {
    const value = valueFrom(set, rel);
    if (value === undefined) continue;
    const list = candidates.get(rel.unknown) ?? [];
    list.push(value);
    candidates.set(rel.unknown, list);
  }
  const out = new Map<CellKey, number>();
  for (const [position, values] of candidates) {
    const agreed = values.every((v) => Math.abs(v - values[0]) < 1e-6);
    if (agreed && fitsKind(set, position, values[0])) out.set(set.cells.keyAt(position), values[0]);
  }
  return out;
}
