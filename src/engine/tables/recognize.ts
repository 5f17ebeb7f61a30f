/**
 * Recognising which layout a header block belongs to, and mapping the layout's declared columns
 * onto the sheet's columns, from header wording alone (any order, any position, synonyms).
 */
import { HeaderBlock, matchScore } from './header';
import { ColumnDeclaration, LAYOUTS, LayoutDeclaration } from '../layouts';

export interface ColumnMatch {
  key: string;
  col: number;
  score: number;
  /** The header as written, e.g. "HS đã giải quyết / Số lượng". */
  headerText: string;
}

export interface Recognition {
  layout: LayoutDeclaration;
  confidence: number;
  columns: Map<string, ColumnMatch>;
}

const MIN_CONFIDENCE = 0.5;

/** Words that make a header a rate, not a count. */
export const RATE_WORDS = ['ti le', '%'];

function scoreColumn(path: string[], column: ColumnDeclaration): number {
  const { header, group } = column;
  const leaf = path[path.length - 1];
  const leafScore = matchScore(leaf, header);
  if (!group) {
    // A column without a group may still sit under one (e.g. "Hồ sơ giải quyết" over "Tổng số").
    return leafScore;
  }
  if (path.length < 2) return flatScore(leaf, column, leafScore);
  if (leafScore === 0) return 0;
  let groupScore = 0;
  for (const upper of path.slice(0, -1)) groupScore = Math.max(groupScore, matchScore(upper, group));
  if (groupScore === 0) return 0;
  return 0.5 * leafScore + 0.5 * groupScore + 0.25;
}

/**
 * A one-row header says group and column in one cell: "Tỉ lệ đúng hạn", "HS đã giải quyết".
 * A rate must say it is one; a count must not, and may leave out "Số lượng".
 */
function flatScore(text: string, column: ColumnDeclaration, leafScore: number): number {
  const groupScore = matchScore(text, column.group!);
  if (groupScore === 0) return 0;
  const saysRate = matchScore(text, RATE_WORDS) > 0;
  if (column.role === 'rate') return saysRate && leafScore > 0 ? 0.5 * leafScore + 0.5 * groupScore + 0.2 : 0;
  if (column.role === 'count' && saysRate) return 0;
  return 0.25 * leafScore + 0.5 * groupScore + 0.2;
}

function matchLayout(layout: LayoutDeclaration, block: HeaderBlock): Recognition {
  const pairs: { key: string; col: number; score: number }[] = [];
  for (const column of layout.columns) {
    for (const [col, path] of block.paths) {
      const score = scoreColumn(path, column);
      if (score > 0) pairs.push({ key: column.key, col, score });
    }
  }
  // Best pairs first, one column per declaration and one declaration per column.
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns = new Map<string, ColumnMatch>();
  const usedCols = new Set<number>();
  for (const p of pairs) {
    if (columns.has(p.key) || usedCols.has(p.col)) continue;
    columns.set(p.key, { ...p, headerText: block.paths.get(p.col)!.join(' / ') });
    usedCols.add(p.col);
  }
  const totalWeight = layout.columns.reduce((s, c) => s + c.weight, 0);
  const matchedWeight = layout.columns.filter((c) => columns.has(c.key)).reduce((s, c) => s + c.weight, 0);
  const headerCols = block.paths.size;
  const confidence = 0.5 * (matchedWeight / totalWeight) + 0.5 * (usedCols.size / Math.max(headerCols, 1));
  return { layout, confidence: Math.round(confidence * 100) / 100, columns };
}

/** Columns carrying what the layout is about: figures, a task's result, a reporting check. */
function contentColumns(r: Recognition): number {
  return r.layout.columns.filter((c) => r.columns.has(c.key) && ['count', 'rate', 'value', 'unit', 'task', 'result', 'check'].includes(c.role)).length;
}

/** The best layout for a header block, or undefined when none fits well enough. */
export function recognize(block: HeaderBlock): Recognition | undefined {
  let best: Recognition | undefined;
  for (const layout of LAYOUTS) {
    const r = matchLayout(layout, block);
    if (contentColumns(r) < 1 || r.columns.size < 2) continue;
    if (!best || r.confidence > best.confidence || (r.confidence === best.confidence && r.columns.size > best.columns.size)) best = r;
  }
  return best && best.confidence >= MIN_CONFIDENCE ? best : undefined;
}
