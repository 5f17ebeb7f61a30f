/**
 * The bands a table states for its classes, in a note beside it ("Xuất sắc: từ 90 điểm trở lên;
 * Tốt: từ 80 đến dưới 90 điểm; … Yếu: dưới 50 điểm"), or a preset whose class words are the
 * column's own. A band is the lowest figure of its class; the bands, highest first, decide the
 * class of every figure.
 */
import { CLASS_VOCABULARY, PRESETS } from '../layouts/class-presets';
import { SheetSnapshot } from '../read/snapshot';
import { foldText } from '../read/text';

export interface Band {
  /** The class word, folded. */
  word: string;
  /** As people write it, where PhuLuc knows it ("Xuất sắc"). */
  label?: string;
  /** The lowest figure of the class (-Infinity for the lowest class). */
  min: number;
  /** Whether the lowest figure itself belongs ("từ 80", "≥ 80") or not ("trên 80"). */
  inclusive: boolean;
}

export interface StatedBands {
  bands: Band[];
  /** Where they come from: the sheet's own note, or a preset's name. */
  source: { kind: 'note'; text: string } | { kind: 'preset'; name: string };
  /** The sheet column whose figures the table's classes follow under these bands, once checked. */
  column?: number;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const AT_LEAST = [new RegExp(String.raw`(?:tu|>=|≥|=>)\s*` + NUMBER), new RegExp(NUMBER + String.raw`\s*(?:diem|%)?\s*tro len`)];
const ABOVE = [new RegExp(String.raw`(?:tren|>)\s*` + NUMBER)];
const BELOW = [new RegExp(String.raw`(?:duoi|<)\s*` + NUMBER)];
const read = (m: RegExpExecArray | null) => (m ? Number(m[1].replace(',', '.')) : undefined);
const first = (patterns: RegExp[], text: string) => patterns.map((p) => read(p.exec(text))).find((v) => v !== undefined);

/** Where a class word stands in a text, as a whole word, first occurrence not inside a longer class word. */
function placesOf(folded: string, vocabulary: string[]): { word: string; index: number }[] {
  const spans: { word: string; index: number; end: number }[] = [];
  for (const word of vocabulary) {
    const pattern = new RegExp(`(?<![a-z])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z])`, 'g');
    for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) spans.push({ word, index: m.index, end: m.index + word.length });
  }
  // "tốt" inside "rất tốt", "đạt" inside "không đạt": the longer word is the one written.
  const kept = spans.filter((a) => !spans.some((b) => b !== a && b.end - b.index > a.end - a.index && b.index <= a.index && b.end >= a.end));
  const first = new Map<string, number>();
  for (const k of kept.sort((a, b) => a.index - b.index)) if (!first.has(k.word)) first.set(k.word, k.index);
  return [...first].map(([word, index]) => ({ word, index })).sort((a, b) => a.index - b.index);
}

/** Bands a text states for every class it names, when it names the column's words (folded) among them. */
function bandsIn(text: string, words: string[]): Band[] | undefined {
  // Tone marks off, signs kept (foldText drops "≥" and "<", which say as much as the words).
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ');
  // Where each class word stands: what follows it, up to the next, is what the text says of it. The
  // note names every class, also one no unit of the column has.
  const at = placesOf(folded, [...new Set([...words, ...CLASS_VOCABULARY.map(foldText)])]);
  if (!words.every((w) => at.some((a) => a.word === w)) || at.length < 2) return undefined;
  const bands: Band[] = [];
  for (let i = 0; i < at.length; i++) {
    const clause = folded.slice(at[i].index + at[i].word.length, i + 1 < at.length ? at[i + 1].index : undefined);
    const atLeast = first(AT_LEAST, clause);
    const above = atLeast === undefined ? first(ABOVE, clause) : undefined;
    const below = first(BELOW, clause);
    if (atLeast !== undefined) bands.push({ word: at[i].word, min: atLeast, inclusive: true });
    else if (above !== undefined) bands.push({ word: at[i].word, min: above, inclusive: false });
    else if (below !== undefined) bands.push({ word: at[i].word, min: -Infinity, inclusive: true });
    else return undefined;
  }
  for (const band of bands) band.label = CLASS_VOCABULARY.find((l) => foldText(l) === band.word);
  bands.sort((a, b) => b.min - a.min);
  // One lowest class at most, and no two classes from the same figure.
  if (bands.filter((b) => b.min === -Infinity).length > 1 || new Set(bands.map((b) => b.min)).size !== bands.length) return undefined;
  return bands;
}

/** The bands stated for a class column whose distinct words (folded) are `words`, if any. */
export function statedBands(sheet: SheetSnapshot, words: string[]): StatedBands | undefined {
  // A note may spread over a few cells of one row: each row's texts are read together.
  for (const row of sheet.cells) {
    const text = (row ?? []).map((c) => (typeof c?.value === 'string' ? c.value : '')).filter(Boolean).join(' ');
    if (!/\d/.test(text)) continue;
    const bands = bandsIn(text, words);
    if (bands) return { bands, source: { kind: 'note', text } };
  }
  for (const preset of Object.values(PRESETS)) {
    const labels = preset.bands.map((b) => foldText(b.label));
    if (!words.every((w) => labels.includes(w))) continue;
    return { bands: preset.bands.map((b, i) => ({ word: labels[i], label: b.label, min: i === preset.bands.length - 1 ? -Infinity : b.min, inclusive: true })), source: { kind: 'preset', name: preset.name } };
  }
  return undefined;
}

/** The class word of a figure under the bands. */
export function classOfFigure(bands: Band[], value: number): string {
  for (const b of bands) if (value > b.min || (b.inclusive && value === b.min)) return b.word;
  return bands[bands.length - 1].word;
}
