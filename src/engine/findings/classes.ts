/**
 * Class columns ("Xếp loại": Tốt, Khá, Trung bình…): a column of a few words repeated down the
 * units, each word a band of one of the table's figures. The bands are the table's own: sorted by
 * that figure, the units of each class stand together, with no other class among them — which is
 * proven when so clean a split could not be chance (chance.ts). A unit whose figure lies inside
 * another class's band (between two units of that class) has the wrong class; one on the edge
 * between two bands cannot be told and is left alone.
 */
import { cellAddress, CellKey, keyOf } from '../read/address';
import { beatsChance, breaksAllowed, log10Factorial } from '../evidence/chance';
import { Finding } from './finding';
import { RowNames } from './describe';
import { formatValue, Language } from '../read/format';
import { RelationSet } from '../relations/relations';
import { cellText, rowLength, SheetSnapshot } from '../read/snapshot';
import { figureColumns, TableModel, TableRow } from '../tables/table-model';
import { foldText } from '../read/text';
import { matchScore } from '../tables/header';
import { classOfFigure, statedBands, StatedBands } from './class-bands';

/** Header words of a class column (folded). */
export const CLASS_WORDS = ['xep loai', 'phan loai', 'loai', 'muc do', 'class', 'grade'];

/** Most words a class column uses. */
const MAX_CLASSES = 6;
/** Longest class word. */
const MAX_WORD = 24;

/** The class columns of a table: text columns right of its names with a few words repeated. */
function classColumns(sheet: SheetSnapshot, table: TableModel, units: TableRow[]): number[] {
  const used = new Set([...table.columns.values()].map((m) => m.col));
  let width = 0;
  for (const u of units) width = Math.max(width, rowLength(sheet, u.row));
  const out: number[] = [];
  for (let col = table.range.left; col < width; col++) {
    if (used.has(col)) continue;
    const words = units.map((u) => cellText(sheet, u.row, col));
    if (words.some((w) => w === '' || w.length > MAX_WORD || !/\p{L}/u.test(w) || /\d/.test(w))) continue;
    // Few words, each shared by several units; or the words of bands the sheet states, however few the units.
    const distinct = new Set(words.map(foldText));
    if (distinct.size >= 2 && distinct.size <= MAX_CLASSES && (distinct.size * 2 <= units.length || statedBands(sheet, [...distinct]))) out.push(col);
  }
  return out;
}

interface Banding {
  col: number;
  title: string;
  titleEn: string;
  kind: 'count' | 'rate' | 'score';
  /** Per class (folded): the lowest and highest figure of its units that agree. */
  bands: Map<string, { min: number; max: number; word: string }>;
  /** Units whose figure lies strictly inside another class's band: the index and that class. */
  wrong: { index: number; class: string }[];
  /** Units out of the bands, wrong or on an edge. */
  breaks: number;
  evidence: number;
}

/**
 * How well the classes band one figure. Classes are ordered by their median figure; along the
 * figure, the longest run of units whose classes never step back is kept (the bands), and a unit
 * left out whose figure lies strictly inside another class's band has the wrong class.
 */
function banding(values: number[], classes: string[], words: string[]): Omit<Banding, 'col' | 'title' | 'titleEn' | 'kind'> {
  const median = (c: string) => {
    const v = values.filter((_, i) => classes[i] === c).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)];
  };
  const order = [...new Set(classes)].sort((a, b) => median(a) - median(b));
  const rank = classes.map((c) => order.indexOf(c));
  const byValue = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || rank[a] - rank[b]);
  // Longest run of non-decreasing class ranks along the figure, found from either end: where the two
  // runs keep different units (a "Tốt" below a "Khá": which is wrong?) neither is kept.
  const forward = longestRun(byValue.map((i) => rank[i])).map((k) => byValue[k]);
  const reversed = [...byValue].reverse();
  const backward = longestRun(reversed.map((i) => -rank[i])).map((k) => reversed[k]);
  const inBoth = new Set(backward);
  const kept = new Set(forward.filter((i) => inBoth.has(i)));
  const bands = new Map<string, { min: number; max: number; word: string }>();
  for (const i of kept) {
    const r = bands.get(classes[i]);
    if (!r) bands.set(classes[i], { min: values[i], max: values[i], word: words[i] });
    else {
      r.min = Math.min(r.min, values[i]);
      r.max = Math.max(r.max, values[i]);
    }
  }
  const wrong: { index: number; class: string }[] = [];
  values.forEach((v, i) => {
    if (kept.has(i)) return;
    for (const [c, r] of bands) if (c !== classes[i] && v > r.min && v < r.max) wrong.push({ index: i, class: c });
  });
  // A tie between classes at a band's edge keeps the bands apart only if they do not overlap.
  const sorted = [...bands.values()].sort((a, b) => a.min - b.min);
  const overlapping = sorted.some((b, i) => i > 0 && b.min <= sorted[i - 1].max);
  // So clean a split by chance: one arrangement in n! / (n₁! n₂! …) of the classes along the figure.
  const sizes = [...bands.keys()].map((c) => [...kept].filter((i) => classes[i] === c).length);
  const evidence = overlapping ? 0 : log10Factorial(kept.size) - sizes.reduce((sum, n) => sum + log10Factorial(n), 0);
  return { bands, wrong, evidence, breaks: values.length - forward.length };
}

/** Positions of a longest non-decreasing subsequence (patience sorting, with the way back). */
function longestRun(seq: number[]): number[] {
  const tails: number[] = [];
  const back = new Array<number>(seq.length).fill(-1);
  seq.forEach((v, k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (seq[tails[mid]] <= v) low = mid + 1;
      else high = mid;
    }
    if (low > 0) back[k] = tails[low - 1];
    tails[low] = k;
  });
  const out: number[] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = back[k]) out.push(k);
  return out.reverse();
}

/**
 * Findings for classes that do not match the band of the figure they follow; the figures as the
 * other findings correct them (`corrections`), units whose figure is in doubt (`uncertain`) left alone.
 */
export interface ClassCheck {
  findings: Finding[];
  /** The bands a note on the sheet states for a class column the units follow: rankings class by them. */
  stated?: StatedBands;
}

export function classFindings(sheet: SheetSnapshot, table: TableModel, set: RelationSet, names: RowNames, corrections: ReadonlyMap<CellKey, number>, uncertain: ReadonlyMap<CellKey, unknown>): ClassCheck {
  const units = table.rows.filter((r) => r.kind === 'data' && r.hasNumbers);
  const check: ClassCheck = { findings: [] };
  if (units.length < 4) return check;
  const out = check.findings;
  const measures = figureColumns(table, ['count', 'rate', 'score']);
  for (const col of classColumns(sheet, table, units)) {
    const words = units.map((u) => cellText(sheet, u.row, col));
    const classes = words.map(foldText);
    const headerText = table.headerRows.map((r) => cellText(sheet, r, col)).filter(Boolean).join(' / ');
    const stated = statedBands(sheet, [...new Set(classes)]);
    const byStated = stated && statedFindings(stated, { sheet, table, set, names, corrections, uncertain, units, col, words, classes, headerText, measures });
    // Bands the table states decide; a preset's are the province's usual ones, which this table may
    // not follow: where the table's own bands cannot tell, a preset's disagreement is a warning.
    if (byStated && stated.source.kind === 'note') {
      out.push(...byStated.findings);
      check.stated ??= { ...stated, column: byStated.column };
      continue;
    }
    const fromPreset = byStated?.findings ?? [];
    let best: Banding | undefined;
    // Another figure banding the classes as well with other units out: the numbers cannot say which.
    let rival = false;
    for (const m of measures) {
      const values = units.map((u) => corrections.get(keyOf(u.row, m.col)) ?? set.cells.value(keyOf(u.row, m.col)) ?? NaN);
      if (values.some((v) => Number.isNaN(v))) continue;
      const b = banding(values, classes, words);
      const same = (x: Banding['wrong'], y: Banding['wrong']) => x.length === y.length && x.every((w, i) => w.index === y[i].index && w.class === y[i].class);
      if (best && b.breaks === best.breaks && Math.abs(b.evidence - best.evidence) < 1e-9 && !same(b.wrong, best.wrong)) rival = true;
      if (!best || b.breaks < best.breaks || (b.breaks === best.breaks && b.evidence > best.evidence + 1e-9)) {
        best = { ...b, col: m.col, title: m.column.title, titleEn: m.column.titleEn, kind: m.column.role === 'rate' ? 'rate' : m.column.role === 'score' ? 'score' : 'count' };
        rival = false;
      }
    }
    // A header that says class states what the column is: the numbers need only show which figure it
    // bands, clearly (one chance in ten among the figures tried); otherwise the split must beat chance.
    const saysClass = matchScore(headerText, CLASS_WORDS) > 0;
    const proven = (evidence: number) => (saysClass ? evidence >= Math.log10(measures.length) + 1 : beatsChance(evidence, measures.length));
    const learned = !best || rival || best.breaks > breaksAllowed(units.length) || !proven(best.evidence) ? undefined : best;
    out.push(...fromPreset.filter((f) => !learned?.wrong.some((w) => cellAddress(units[w.index].row, col) === f.cell)));
    if (!learned) continue;
    best = learned;
    const header = (lang: Language) => headerText || (lang === 'vi' ? 'Xếp loại' : 'Class');
    for (const { index, class: right } of best.wrong) {
      const unit = units[index];
      if (uncertain.has(keyOf(unit.row, best.col))) continue;
      const band = best.bands.get(right)!;
      const value = (v: number, lang: Language) => formatValue(v, best!.kind, lang);
      const figure = (u: TableRow) => corrections.get(keyOf(u.row, best!.col)) ?? set.cells.value(keyOf(u.row, best!.col))!;
      out.push({
        cell: cellAddress(unit.row, col),
        severity: 'error',
        rule: 'class-mismatch',
        message: `${header('vi')} của ${names.phrase(unit.row, 'vi')} ghi "${words[index]}", nhưng ${best.title} ${value(figure(unit), 'vi')} nằm trong khoảng của "${band.word}" (${value(band.min, 'vi')} – ${value(band.max, 'vi')} ở các đơn vị khác).`,
        messageEn: `${header('en')} of ${names.phrase(unit.row, 'en')} reads "${words[index]}", but its ${best.titleEn} of ${value(figure(unit), 'en')} lies in the band of "${band.word}" (${value(band.min, 'en')} – ${value(band.max, 'en')} among the other units).`,
        actual: words[index],
        expected: null,
        related: [cellAddress(unit.row, best.col)],
      });
    }
  }
  return check;
}

interface ClassColumn {
  sheet: SheetSnapshot;
  table: TableModel;
  set: RelationSet;
  names: RowNames;
  corrections: ReadonlyMap<CellKey, number>;
  uncertain: ReadonlyMap<CellKey, unknown>;
  units: TableRow[];
  col: number;
  words: string[];
  classes: string[];
  headerText: string;
  measures: ReturnType<typeof figureColumns>;
}

/**
 * Classes against the bands the table (or a preset) states: the figure they band is the one whose
 * classes under those bands disagree with the fewest units, alone in doing so, within what typos
 * explain. Undefined when no figure fits: the learned bands are tried then.
 */
function statedFindings(stated: StatedBands, c: ClassColumn): { findings: Finding[]; column: number } | undefined {
  let best: { measure: ClassColumn['measures'][number]; wrong: number[]; values: number[] } | undefined;
  let rival = false;
  for (const m of c.measures) {
    const values = c.units.map((u) => c.corrections.get(keyOf(u.row, m.col)) ?? c.set.cells.value(keyOf(u.row, m.col)) ?? NaN);
    if (values.some((v) => Number.isNaN(v))) continue;
    const wrong = values.map((v, i) => (classOfFigure(stated.bands, v) === c.classes[i] ? -1 : i)).filter((i) => i >= 0);
    if (best && wrong.length === best.wrong.length && wrong.join() !== best.wrong.join()) rival = true;
    if (!best || wrong.length < best.wrong.length) {
      best = { measure: m, wrong, values };
      rival = false;
    }
  }
  if (!best || rival || best.wrong.length > breaksAllowed(c.units.length) || c.units.length - best.wrong.length < 3) return undefined;
  const { measure, values } = best;
  const kind = measure.column.role === 'rate' ? 'rate' : measure.column.role === 'score' ? 'score' : 'count';
  const header = (lang: Language) => c.headerText || (lang === 'vi' ? 'Xếp loại' : 'Class');
  const source = (lang: Language) =>
    stated.source.kind === 'note' ? (lang === 'vi' ? 'theo khung xếp loại ghi trong bảng' : 'by the bands the table states') : `${lang === 'vi' ? 'theo khung' : 'by the preset'} ${stated.source.name}`;
  const wordOf = (folded: string) => c.words[c.classes.indexOf(folded)] ?? stated.bands.find((b) => b.word === folded)?.label ?? folded;
  const findings = best.wrong
    .filter((i) => !c.uncertain.has(keyOf(c.units[i].row, measure.col)))
    .map((i) => {
      const unit = c.units[i];
      const right = wordOf(classOfFigure(stated.bands, values[i]));
      const value = (lang: Language) => formatValue(values[i], kind, lang);
      return {
        cell: cellAddress(unit.row, c.col),
        severity: stated.source.kind === 'note' ? ('error' as const) : ('warning' as const),
        rule: 'class-mismatch',
        message: `${header('vi')} của ${c.names.phrase(unit.row, 'vi')} ghi "${c.words[i]}", nhưng ${measure.column.title} ${value('vi')} ${source('vi')} là "${right}".`,
        messageEn: `${header('en')} of ${c.names.phrase(unit.row, 'en')} reads "${c.words[i]}", but its ${measure.column.titleEn} of ${value('en')} is "${right}" ${source('en')}.`,
        actual: c.words[i],
        expected: null,
        related: [cellAddress(unit.row, measure.col)],
      };
    });
  return { findings, column: measure.col };
}
