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
import { keyOf } from '../relations/relations';

export const TIER_MODES = ['groups', 'all', 'top'] as const;
export type TierMode = (typeof TIER_MODES)[number];

export interface RankingOptions {
  measure: MeasureId;
  tier?: TierMode;
  preset?: PresetId;
  /** Bands replacing the preset's. */
  bands?: ClassBand[];
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

export function rankTable(table: CheckedTable, options: RankingOptions): Ranking {
  const measure = table.model.layout.measures?.find((m) => m.id === options.measure);
  if (!measure) {
    const available = (table.model.layout.measures ?? []).map((m) => m.id).join(', ') || '—';
    throw new RankingError(
      `Bảng ${table.layout} không xếp hạng được theo "${options.measure}". Các tiêu chí có: ${available}.`,
      `A ${table.layout} table cannot be ranked by "${options.measure}". Available: ${available}.`,
    );
  }
  const missing = [...measure.numerator, ...(measure.denominator ?? [])].filter((k) => !table.model.columns.has(k));
  if (missing.length) {
    throw new RankingError(`Bảng thiếu cột cần cho tiêu chí này: ${missing.join(', ')}.`, `The table lacks columns the measure needs: ${missing.join(', ')}.`);
  }
  const isRate = Boolean(measure.denominator);
  const countKeys = [...new Set([...measure.numerator, ...(measure.denominator ?? [])])];
  const titleOf = (key: string) => table.model.layout.columns.find((c) => c.key === key)!.title;
  const valueAt = (row: number, key: string) => table.relations.cells.get(keyOf(row, table.model.columns.get(key)!.col))?.parsed.value ?? 0;
  const lateMeasure = table.model.layout.measures?.find((m) => m.id === 'late');
  const preset = options.preset ? PRESETS[options.preset] : undefined;
  const bands = options.bands ?? preset?.bands;
  const tier = options.tier ?? 'groups';
  const rateOf = (row: number, m: MeasureDeclaration): number | undefined => {
    const of = (m.denominator ?? []).reduce((sum, k) => sum + valueAt(row, k), 0);
    return of > 0 ? (100 * m.numerator.reduce((sum, k) => sum + valueAt(row, k), 0)) / of : undefined;
  };
  // A preset's bands belong to its own measure (a unit is "Tốt" by its on-time rate, however the
  // ranking is ordered); bands given by hand, to the ranking's measure if it is a rate where higher is better.
  const { classMeasure, classesNotGiven } = classesBy(table, measure, bands, preset, isRate);

  const groups = groupsFor(table, tier).map(({ title, rows }) => {
    const all = rows.map((row): RankedUnit => {
      const numerator = measure.numerator.reduce((s, k) => s + valueAt(row.row, k), 0);
      const denominator = isRate ? measure.denominator!.reduce((s, k) => s + valueAt(row.row, k), 0) : 1;
      const measurable = isRate ? denominator > 0 : numerator > 0;
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
    unranked.forEach((u) => (u.note = 'Không có hồ sơ trong kỳ: không xếp hạng'));
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
  };
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
  if (isRate && measure.better === 'higher') return { classMeasure: measure };
  return {
    classesNotGiven: {
      vi: `Không xếp loại: các ngưỡng xếp loại áp dụng cho một tỉ lệ càng cao càng tốt, còn "${measure.title}" ${isRate ? 'càng thấp càng tốt' : 'không phải tỉ lệ'}.`,
      en: `No classes: class thresholds apply to a rate where higher is better, and "${measure.titleEn}" ${isRate ? 'is better lower' : 'is not a rate'}.`,
    },
  };
}
