/**
 * The ranking sheet a person would print, described without any host: title, source, rules,
 * a warning when the source still has errors, and the table Hạng | Đơn vị | counts | measure |
 * Xếp loại | Ghi chú. Each host (the file writer, Office.js) renders this draft.
 */
import { formatDay, formatScore } from '../read/format';
import { Ranking, RankedUnit, TierMode } from './ranking';
import { uniqueSheetName } from '../read/sheet-names';

export interface RankingSource {
  sheet: string;
  range: string;
  layout: string;
  file?: string;
  date: Date;
}

export interface SheetDraft {
  name: string;
  title: string;
  /** Lines under the title: source and date, how the measure is computed, the rules. */
  info: string[];
  /** Shown in red when set: the source table still has errors. */
  warning?: string;
  header: string[];
  rows: (string | number | null)[][];
  /** Excel number format per column (undefined: general). */
  formats: (string | undefined)[];
  widths: number[];
  /** 0-based column of the measure, for the colour scale, and which end is better. */
  measureColumn?: number;
  better: 'higher' | 'lower';
  /** A bar chart beside the table: people would rather look than read. */
  chart?: ChartDraft;
}

/** A bar chart of one column of the table by another, best first from the top. */
export interface ChartDraft {
  title: string;
  /** 0-based columns of the draft's table: the names along the axis, the values as bars. */
  categories: number;
  values: number;
  /** How many body rows, from the first, the chart shows (the ranked units). */
  rows: number;
  /** The values' number format ("0.00", "0.00%"). */
  format: string;
}

const TIER_TEXT: Record<TierMode, string> = {
  groups: 'so sánh trong từng nhóm của bảng',
  all: 'so sánh mọi đơn vị của bảng với nhau',
  top: 'so sánh các dòng cấp trên cùng',
};

function percent(n: number): string {
  return `${n}%`.replace('.', ',');
}

export function rankingSheet(ranking: Ranking, source: RankingSource, existingSheets: string[]): SheetDraft {
  const m = ranking.measure;
  const grouped = ranking.groups.length > 1;
  const definition = ranking.isRate
    ? `${m.title} = ${ranking.counts.filter((c) => m.numerator.includes(c.key)).map((c) => c.title).join(' + ')} / ${ranking.counts.filter((c) => m.denominator!.includes(c.key)).map((c) => c.title).join(' + ')}`
    : m.title;
  const info = [
    `Nguồn: trang "${source.sheet}", bảng ${source.range} (${source.layout})${source.file ? `, tệp ${source.file}` : ''}. Lập ngày ${formatDay(source.date)}.`,
    `Cách tính: ${m.score ? `theo cột "${m.title}" của bảng` : definition}; ${m.better === 'higher' ? 'cao hơn là tốt hơn' : 'thấp hơn là tốt hơn'}; ${TIER_TEXT[ranking.tier]}.`,
    m.score
      ? 'Bằng điểm thì cùng hạng (1, 2, 2, 4), các đơn vị cùng hạng theo tên. Đơn vị không có điểm được liệt kê riêng, không xếp hạng.'
      : 'Bằng nhau thì cùng hạng (1, 2, 2, 4); trong các đơn vị cùng hạng, đơn vị có nhiều hồ sơ hơn đứng trước, rồi theo tên. Đơn vị không có hồ sơ được liệt kê riêng, không xếp hạng.',
  ];
  if (ranking.bands && ranking.classMeasure) {
    // Score bands in points ("≥ 90 điểm"), rate bands in percent.
    const limit = (n: number) => (ranking.classMeasure!.score ? `${formatScore(n, 'vi')} điểm` : percent(n));
    const bands = ranking.bands.map((b, i) => (i === ranking.bands!.length - 1 ? `${b.label} < ${limit(ranking.bands![i - 1].min)}` : `${b.label} ≥ ${limit(b.min)}`)).join(', ');
    const cap = ranking.preset?.lateShareCap !== undefined ? `; trễ hạn từ ${ranking.preset.lateShareCap}% trở lên không được xếp loại ${ranking.bands[0].label}` : '';
    const by = ranking.classMeasure.id === m.id ? '' : ` theo ${ranking.classMeasure.title.toLowerCase()} của từng đơn vị`;
    const from = ranking.preset ? ` (${ranking.preset.name})` : ranking.bandsFromTable ? ' (theo khung ghi trong bảng nguồn)' : '';
    info.push(`Xếp loại${from}${by}: ${bands}${cap}.`);
  }
  if (ranking.classesNotGiven) info.push(ranking.classesNotGiven.vi);
  const moves = ranking.previous !== undefined;
  if (moves) info.push(`So với ${ranking.previous!.label}: ↑ lên hạng, ↓ xuống hạng, = giữ hạng, "mới" là đơn vị chưa được xếp hạng kỳ đó.`);
  const header = [...(grouped ? ['Nhóm'] : []), 'Hạng', ...(moves ? ['Tăng/giảm'] : []), 'Đơn vị', ...ranking.counts.map((c) => c.title), m.title, 'Xếp loại', 'Ghi chú'];
  const line = (group: string, u: RankedUnit) => [
    ...(grouped ? [group] : []),
    u.rank,
    ...(moves ? [u.change ?? null] : []),
    u.name,
    ...u.counts,
    u.value === null ? null : ranking.isRate ? u.value / 100 : u.value,
    u.className ?? null,
    u.note ?? null,
  ];
  const rows = ranking.groups.flatMap((g) => [...g.units.map((u) => line(g.title, u)), ...g.unranked.map((u) => line(g.title, u))]);
  const countFormat = '#,##0';
  const formats = [...(grouped ? [undefined] : []), '0', ...(moves ? [undefined] : []), undefined, ...ranking.counts.map(() => countFormat), ranking.isRate ? '0.00%' : m.score ? '0.00' : countFormat, undefined, undefined];
  const widths = header.map((h, c) => Math.min(60, rows.reduce((w, r) => Math.max(w, String(r[c] ?? '').length + 2), Math.max(h.length + 2, 8))));
  return {
    name: uniqueSheetName(`Xếp hạng – ${m.title}`, existingSheets),
    title: `XẾP HẠNG – ${m.title.toUpperCase()}`,
    info,
    warning: ranking.sourceErrors.length
      ? `Lưu ý: bảng nguồn còn ${ranking.sourceErrors.length} lỗi chưa sửa (${ranking.sourceErrors.slice(0, 8).join(', ')}${ranking.sourceErrors.length > 8 ? ', …' : ''}); thứ hạng có thể chưa đúng.`
      : undefined,
    header,
    rows,
    formats,
    widths,
    measureColumn: header.length - 3,
    better: m.better,
    // One group: its ranked units as bars, best at the top. Several groups side by side would
    // compare what the ranking keeps apart.
    ...(!grouped && ranking.groups[0]?.units.length ? { chart: { title: m.title, categories: header.indexOf('Đơn vị'), values: header.length - 3, rows: ranking.groups[0].units.length, format: formats[header.length - 3] ?? '0' } } : {}),
  };
}
