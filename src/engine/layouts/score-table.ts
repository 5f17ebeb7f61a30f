import { ColumnDeclaration, LayoutDeclaration } from './types';
import { sttColumn, unitNameColumn } from './common';

/**
 * Score and index tables (Chỉ số CCHC, SIPAS, the service index of QĐ 766, PAR INDEX, PAPI, PCI,
 * DDCI): units with scores by criterion, a total, an index, a rank and a class. What a table of
 * scores says in its words is declared here; which column adds up which, and how the index is
 * computed, the table's own numbers say (structure/score-structure.ts). Phrases are folded.
 */
export const SCORE_WORDS: {
  scores: string[];
  maximaRow: string[];
  total: string[];
  index: string[];
  stats: Record<'max' | 'min' | 'mean' | 'median', string[]>;
} = {
  /** A header that says the table holds scores. */
  scores: ['diem', 'score', 'chi so', 'index', 'tieu chi', 'linh vuc', 'noi dung danh gia', 'thang diem', 'sub-index', 'dimension'],
  /** The row of maxima under the header. */
  maximaRow: ['diem toi da', 'diem chuan', 'thang diem', 'toi da', 'diem toi da duoc cham', 'max', 'maximum', 'maximum score'],
  /** A column of totals. */
  total: ['tong diem', 'tong cong', 'tong', 'total', 'diem dat', 'ket qua'],
  /** A column of indices: total ÷ maximum in percent. */
  index: ['chi so', 'index', 'ty le', 'ti le', '%'],
  /** Rows of statistics of the units' scores, not units. */
  stats: {
    max: ['cao nhat', 'lon nhat', 'highest', 'maximum', 'max'],
    min: ['thap nhat', 'nho nhat', 'lowest', 'minimum', 'min'],
    mean: ['trung binh', 'binh quan', 'average', 'mean'],
    median: ['trung vi', 'median'],
  },
};

export type ScoreStat = keyof typeof SCORE_WORDS.stats;

/**
 * The maximum a header states for its column: "(18 điểm)", "tối đa 18", "thang điểm 10",
 * "max 10", "/10". Undefined when it states none. `folded` is the folded header text.
 */
export function statedMaximum(folded: string): number | undefined {
  const patterns = [/\(\s*(\d+(?:[.,]\d+)?)\s*diem\s*\)/, /toi da\s*:?\s*(\d+(?:[.,]\d+)?)/, /thang diem\s*:?\s*(\d+(?:[.,]\d+)?)/, /\bmax(?:imum)?\s*:?\s*(\d+(?:[.,]\d+)?)/, /\/\s*(\d+(?:[.,]\d+)?)\s*\)?\s*$/, /(\d+(?:[.,]\d+)?)\s*diem\s*$/];
  for (const pattern of patterns) {
    const m = pattern.exec(folded);
    if (m) {
      const value = Number(m[1].replace(',', '.'));
      if (value > 0 && value <= 1000) return value;
    }
  }
  return undefined;
}

/** The declaration of one score table, made from the table itself, as L0's is. */
export function scoreLayout(scores: { key: string; title: string }[], indices: { key: string; title: string }[], ranks: { key: string; title: string }[], withStt: boolean): LayoutDeclaration {
  const column = (role: ColumnDeclaration['role'], weight: number) => ({ key, title }: { key: string; title: string }): ColumnDeclaration => ({ key, role, title, titleEn: title, header: [], weight });
  return {
    id: 'SC',
    name: 'Bảng điểm, chỉ số',
    nameEn: 'Score or index table',
    columns: [...(withStt ? [sttColumn] : []), { ...unitNameColumn, header: [] }, ...scores.map(column('score', 1)), ...indices.map(column('rate', 1)), ...ranks.map(column('rank', 0))],
    identities: [],
    rates: [],
    bounds: [],
    hierarchy: 'none',
    // Units are ranked by any score or index, highest first; which is the total, the numbers say.
    measures: [...scores, ...indices].map(({ key, title }) => ({ id: key as `col:${string}`, title, titleEn: title, numerator: [key], better: 'higher' as const, score: true })),
  };
}
