/**
 * Rankings of like with like: units of a checked table ranked by a measure of their layout,
 * within the table's own groups (communes within their district, departments among departments),
 * across the whole table, or among the top-level rows. Standard competition ranking (1, 2, 2, 4):
 * tie-breakers order the rows but never split a rank. Units with nothing to measure are listed apart.
 */
import { MeasureDeclaration, MeasureId } from '../layouts';
import { CheckedTable } from '../findings/report';
import { TableRow } from '../tables/table-model';
import { ClassBand, PresetId, PRESETS, RankingPreset } from '../layouts/class-presets';
import { grandTotalColumns, keyOf } from '../relations/relations';
import { foldText } from '../read/text';
import { matchUnitName } from '../read/unit-names';

import { TIER_MODES, TierMode } from './ranking-options';

export { TIER_MODES };
export type { TierMode };

export interface RankingOptions {
  /**
   * The measure: a declared one by its id, a column of a score table by its id (`col:H`), its
   * letter or its header; by default the table's own (a score table's total).
   */
  measure?: MeasureId | string;
  tier?: TierMode;
  preset?: PresetId;
  /** Bands replacing the preset's. */
  bands?: ClassBand[];
  /** The ranks of a previous period (another file's ranking): each unit's move is shown. */
  previous?: PreviousRanks;
}

/** Ranks of an earlier period, by unit name, and what to call that period. */
export interface PreviousRanks {
  label: string;
  labelEn: string;
  ranks: { name: string; rank: number }[];
}

export interface ShownCount {
  key: string;
  title: string;
}

export interface RankedUnit {
  row: number;
  name: string;
  /** The counts behind the measure, in the order of `Ranking.counts`. */
  counts: number[];
  numerator: number;
  denominator: number;
  /** The measure: a percentage (0–100) or a count; null when there is nothing to measure. */
  value: number | null;
  rank: number | null;
  /** The move since the previous period: "↑3", "↓1", "=", or "mới" for a unit not ranked then. */
  change?: string;
  className?: string;
  note?: string;
}

export interface RankingGroup {
  title: string;
  units: RankedUnit[];
  /** Units with nothing received (or resolved): listed, not ranked. */
  unranked: RankedUnit[];
}

export interface Ranking {
  measure: MeasureDeclaration;
  isRate: boolean;
  counts: ShownCount[];
  tier: TierMode;
  preset?: RankingPreset;
  bands?: ClassBand[];
  groups: RankingGroup[];
  /** Cells the check still finds wrong in the source table. */
  sourceErrors: string[];
  /** The measure the classes were given by (it may differ from the ranking's). */
  classMeasure?: MeasureDeclaration;
  /** The classes follow the bands the source table states in a note. */
  bandsFromTable?: boolean;
  /** The period the moves are counted from, when there is one. */
  previous?: { label: string; labelEn: string };
  /** Why classes were asked for but not given. */
  classesNotGiven?: { vi: string; en: string };
}

export class RankingError extends Error {
  constructor(
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function isUnit(row: TableRow): boolean {
  return row.kind === 'data' || row.kind === 'group';
}

/** The table's own groups: the rows under each parent whose level holds units with nothing under them. */
function ownGroups(nodes: TableRow[], title: string, out: { title: string; rows: TableRow[] }[]): void {
  const units = nodes.filter(isUnit);
  if (units.some((u) => u.children.length === 0)) out.push({ title, rows: units });
  else units.forEach((u) => ownGroups(u.children, u.label, out));
  // Sections, and "Cộng …" rows that hold the rows they close (a grouping found in the numbers).
  nodes.filter((n) => n.kind === 'section' || (n.kind === 'subtotal' && n.children.length)).forEach((s) => ownGroups(s.children, s.label, out));
}

function leaves(nodes: TableRow[]): TableRow[] {
  return nodes.flatMap((n) => (n.children.length ? leaves(n.children) : isUnit(n) ? [n] : []));
}

function groupsFor(table: CheckedTable, tier: TierMode): { title: string; rows: TableRow[] }[] {
  const whole = 'Toàn bảng';
  const roots = table.model.roots;
  if (tier === 'all') return [{ title: whole, rows: leaves(roots) }];
  if (tier === 'top') return [{ title: whole, rows: roots.filter(isUnit) }];
  const out: { title: string; rows: TableRow[] }[] = [];
  ownGroups(roots, whole, out);
  return out;
}

function classFor(value: number, bands: ClassBand[]): ClassBand | undefined {
  return bands.find((b) => value >= b.min - 1e-9);
}

/** a before b when a is better; 0 when exactly equal (compared as fractions, not rounded). */
function compare(a: RankedUnit, b: RankedUnit, better: 'higher' | 'lower'): number {
  const diff = b.numerator * a.denominator - a.numerator * b.denominator;
  return better === 'higher' ? Math.sign(diff) : -Math.sign(diff);
}

/**
 * The measure a table is ranked by when none is asked: a score table's total — the column its own
 * numbers show to be the sum of others and part of none — else its first measure.
 */
export function defaultMeasure(table: CheckedTable): MeasureDeclaration | undefined {
  const measures = table.model.layout.measures ?? [];
  const totals = grandTotalColumns(table.relations);
  return measures.find((m) => m.score && totals.has(table.model.columns.get(m.numerator[0])?.col ?? -1)) ?? measures[0];
}

/** The table's measure a person names: by id, by column letter, or by its header (tone marks and case aside). */
export function measureNamed(table: CheckedTable, asked: string): MeasureDeclaration | undefined {
  const measures = table.model.layout.measures ?? [];
  const folded = foldText(asked);
  return (
    measures.find((m) => m.id === asked) ??
    measures.find((m) => m.id === `col:${asked.trim().toUpperCase()}`) ??
    measures.find((m) => foldText(m.title) === folded) ??
    (folded ? measures.find((m) => foldText(m.title).includes(folded)) : undefined)
  );
}

export function rankTable(table: CheckedTable, options: RankingOptions): Ranking {
  const measure = options.measure === undefined ? defaultMeasure(table) : measureNamed(table, options.measure);
  if (!measure) {
    const available = (table.model.layout.measures ?? []).map((m) => (m.id.startsWith('col:') ? `"${m.title}" (${m.id.slice(4)})` : m.id)).join(', ') || '—';
    throw new RankingError(
      `Bảng ${table.layout} (${table.model.layout.name}) không xếp hạng được theo "${options.measure}". Các tiêu chí có: ${available}.`,
      `A ${table.layout} table (${table.model.layout.nameEn}) cannot be ranked by "${options.measure}". Available: ${available}.`,
    );
  }
  const missing = [...measure.numerator, ...(measure.denominator ?? [])].filter((k) => !table.model.columns.has(k));
  if (missing.length) {
    throw new RankingError(`Bảng thiếu cột cần cho tiêu chí này: ${missing.join(', ')}.`, `The table lacks columns the measure needs: ${missing.join(', ')}.`);
  }
  const isRate = Boolean(measure.denominator);
  // A score is shown alone; a rate or count with the counts behind it.
  const countKeys = measure.score ? [] : [...new Set([...measure.numerator, ...(measure.denominator ?? [])])];
  const titleOf = (key: string) => table.model.layout.columns.find((c) => c.key === key)!.title;
  const valueAt = (row: number, key: string) => table.relations.cells.get(keyOf(row, table.model.columns.get(key)!.col))?.parsed.value ?? 0;
  const lateMeasure = table.model.layout.measures?.find((m) => m.id === 'late');
  // A score table that states its classes' bands classes its units by them, unless bands are typed in.
  const ownBands = measure.score && !options.bands ? bandsOf(table) : undefined;
  const preset = options.preset && !ownBands ? PRESETS[options.preset] : undefined;
  const bands = options.bands ?? ownBands ?? preset?.bands;
  const tier = options.tier ?? 'groups';
  const rateOf = (row: number, m: MeasureDeclaration): number | undefined => {
    if (m.score) return table.relations.cells.get(keyOf(row, table.model.columns.get(m.numerator[0])!.col))?.parsed.value;
    const of = (m.denominator ?? []).reduce((sum, k) => sum + valueAt(row, k), 0);
    return of > 0 ? (100 * m.numerator.reduce((sum, k) => sum + valueAt(row, k), 0)) / of : undefined;
  };
  // A preset's bands belong to its own measure (a unit is "Tốt" by its on-time rate, however the
  // ranking is ordered); bands given by hand, to the ranking's measure if it is a rate where higher is better.
  const { classMeasure, classesNotGiven } = ownBands ? { classMeasure: bandedMeasure(table) ?? measure, classesNotGiven: undefined } : classesBy(table, measure, bands, preset, isRate);

  // The previous period: another file's ranking, or the same table's column of an earlier year.
  const previous = options.previous ?? earlierColumnRanks(table, measure, tier);
  const groups = groupsFor(table, tier).map(({ title, rows }) => {
    const all = rows.map((row): RankedUnit => {
      const numerator = measure.numerator.reduce((s, k) => s + valueAt(row.row, k), 0);
      const denominator = isRate ? measure.denominator!.reduce((s, k) => s + valueAt(row.row, k), 0) : 1;
      // A score is ranked when the unit was scored (0 included); a count when there is one.
      const scored = measure.score && table.relations.cells.get(keyOf(row.row, table.model.columns.get(measure.numerator[0])!.col))?.parsed.status === 'number';
      const measurable = isRate ? denominator > 0 : measure.score ? scored : numerator > 0;
      return {
        row: row.row,
        name: row.label,
        counts: countKeys.map((k) => valueAt(row.row, k)),
        numerator,
        denominator,
        value: measurable ? (isRate ? (100 * numerator) / denominator : numerator) : null,
        rank: null,
      };
    });
    const units = all.filter((u) => u.value !== null);
    const base = (u: RankedUnit) => (isRate ? u.denominator : u.numerator);
    units.sort((a, b) => compare(a, b, measure.better) || base(b) - base(a) || collator.compare(a.name, b.name));
    units.forEach((u, i) => (u.rank = i > 0 && compare(units[i - 1], u, measure.better) === 0 ? units[i - 1].rank : i + 1));
    if (previous) for (const u of units) u.change = moveOf(u, previous);
    if (bands && classMeasure) {
      for (const u of units) {
        const value = rateOf(u.row, classMeasure);
        if (value === undefined) continue;
        let band = classFor(value, bands);
        if (preset?.lateShareCap !== undefined && lateMeasure && band === bands[0]) {
          const share = rateOf(u.row, lateMeasure) ?? 0;
          if (share >= preset.lateShareCap) {
            band = bands[1];
            u.note = `Trễ hạn ${share.toFixed(2).replace('.', ',')}% ≥ ${preset.lateShareCap}%: không xếp loại ${bands[0].label}`;
          }
        }
        u.className = band?.label;
      }
    }
    const unranked = all.filter((u) => u.value === null);
    unranked.forEach((u) => (u.note = measure.score ? 'Không có điểm: không xếp hạng' : 'Không có hồ sơ trong kỳ: không xếp hạng'));
    return { title, units, unranked };
  });

  return {
    measure,
    isRate,
    counts: countKeys.map((key) => ({ key, title: titleOf(key) })),
    tier,
    preset,
    bands,
    groups: groups.filter((g) => g.units.length || g.unranked.length),
    sourceErrors: table.findings.filter((f) => f.severity === 'error').map((f) => f.cell),
    classMeasure,
    classesNotGiven,
    ...(ownBands ? { bandsFromTable: true } : {}),
    ...(previous ? { previous: { label: previous.label, labelEn: previous.labelEn } } : {}),
  };
}

/** A unit's move since the previous period, found by its name there (as written, tone marks and prefixes aside). */
function moveOf(unit: RankedUnit, previous: PreviousRanks): string | undefined {
  const match = matchUnitName(unit.name, previous.ranks.map((r) => r.name));
  if (match.kind === 'none') return 'mới';
  if (match.kind === 'ambiguous' || unit.rank === null) return undefined;
  const moved = previous.ranks[match.index].rank - unit.rank;
  return moved > 0 ? `↑${moved}` : moved < 0 ? `↓${-moved}` : '=';
}

/** The ranks of a ranking, as the previous period of another. */
export function previousRanksOf(ranking: Ranking, label: string, labelEn: string): PreviousRanks {
  return { label, labelEn, ranks: ranking.groups.flatMap((g) => g.units.filter((u) => u.rank !== null).map((u) => ({ name: u.name, rank: u.rank! }))) };
}

const YEAR = /\b(19|20)\d{2}\b/;

/**
 * The same measure in an earlier year in the same table ("Tổng điểm 2024" beside "Tổng điểm 2025"):
 * its ranks, computed as the ranking's own are (ties shared, within the same groups).
 */
function earlierColumnRanks(table: CheckedTable, measure: MeasureDeclaration, tier: TierMode): PreviousRanks | undefined {
  const year = YEAR.exec(measure.title)?.[0];
  if (!year || !measure.score) return undefined;
  const stem = foldText(measure.title.replace(YEAR, ''));
  const earlier = (table.model.layout.measures ?? [])
    .filter((m) => m.score && m !== measure && foldText(m.title.replace(YEAR, '')) === stem && (YEAR.exec(m.title)?.[0] ?? year) < year)
    .sort((a, b) => YEAR.exec(b.title)![0].localeCompare(YEAR.exec(a.title)![0]))[0];
  if (!earlier) return undefined;
  const then = YEAR.exec(earlier.title)![0];
  const ranking = rankTable(table, { measure: earlier.id, tier });
  return previousRanksOf(ranking, `năm ${then} (cột "${earlier.title}")`, `${then} (column "${earlier.title}")`);
}

/**
 * Bands a person types: one class per part, separated by ";" or new lines, each with its lowest
 * figure ("Tốt ≥ 80", "Khá: từ 65", "Đạt >= 50"), the lowest class with none ("Yếu"). Undefined when
 * a part cannot be read, two classes share a figure, or fewer than two classes are given.
 */
export function typedBands(text: string): ClassBand[] | undefined {
  const parts = text.split(/[;\n]+/).map((p) => p.trim()).filter(Boolean);
  const bands: ClassBand[] = [];
  let lowest: string | undefined;
  for (const part of parts) {
    const m = /^(.*?)\s*(?:≥|>=|=>|:\s*từ|:\s*tu|:|\btừ\b|\btu\b)\s*(\d+(?:[.,]\d+)?)\s*(?:%|điểm|diem)?\s*(?:trở lên|tro len)?$/i.exec(part);
    if (m && m[1].trim()) bands.push({ label: m[1].trim(), labelEn: m[1].trim(), min: Number(m[2].replace(',', '.')) });
    else if (!/\d/.test(part) && lowest === undefined) lowest = part;
    else return undefined;
  }
  bands.sort((a, b) => b.min - a.min);
  if (lowest) bands.push({ label: lowest, labelEn: lowest, min: 0 });
  if (bands.length < 2 || new Set(bands.map((b) => b.min)).size !== bands.length) return undefined;
  return bands;
}

/** The bands a table states for its classes, as a ranking's bands (highest first). */
function bandsOf(table: CheckedTable): ClassBand[] | undefined {
  return table.classBands?.bands.map((b) => ({ label: b.label ?? b.word, labelEn: b.label ?? b.word, min: Number.isFinite(b.min) ? b.min : 0 }));
}

/** The measure a table's classes follow (its total or index), whatever the ranking is by. */
function bandedMeasure(table: CheckedTable): MeasureDeclaration | undefined {
  const col = table.classBands?.column;
  return table.model.layout.measures?.find((m) => table.model.columns.get(m.numerator[0])?.col === col);
}

function classesBy(
  table: CheckedTable,
  measure: MeasureDeclaration,
  bands: ClassBand[] | undefined,
  preset: RankingPreset | undefined,
  isRate: boolean,
): Pick<Ranking, 'classMeasure' | 'classesNotGiven'> {
  if (!bands) return {};
  if (preset) {
    const own = table.model.layout.measures?.find((m) => m.id === preset.measure);
    const usable = own && [...own.numerator, ...(own.denominator ?? [])].every((k) => table.model.columns.has(k));
    if (usable) return { classMeasure: own };
    return {
      classesNotGiven: {
        vi: `Không xếp loại: cách xếp loại ${preset.name} dựa trên tỉ lệ đúng hạn, mà bảng này không có đủ cột để tính tỉ lệ đó.`,
        en: `No classes: the ${preset.name} classes rest on the on-time rate, which this table lacks the columns to compute.`,
      },
    };
  }
  if ((isRate || measure.score) && measure.better === 'higher') return { classMeasure: measure };
  return {
    classesNotGiven: {
      vi: `Không xếp loại: các ngưỡng xếp loại áp dụng cho một tỉ lệ càng cao càng tốt, còn "${measure.title}" ${isRate ? 'càng thấp càng tốt' : 'không phải tỉ lệ'}.`,
      en: `No classes: class thresholds apply to a rate where higher is better, and "${measure.titleEn}" ${isRate ? 'is better lower' : 'is not a rate'}.`,
    },
  };
}
