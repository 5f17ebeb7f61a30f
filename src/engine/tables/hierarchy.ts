/**
 * Nesting rows by their cues: a kind of numbering not seen above opens a deeper level
 * (A → 1 → - → +; I → 1; 1. → 1.1.), one already open closes the levels below it.
 * Unnumbered bold rows sit above unnumbered plain ones. "Cộng" closes a section; "Tổng" closes all
 * the rows before it, or, standing first, the rows after it. This is only the cues' proposal:
 * structure.ts keeps it where the numbers bear it out.
 */
import { disambiguate, levelKey } from '../read/markers';
import { SumGroup, TableModel, TableRow } from './table-model';

interface Level {
  key: string;
  node: TableRow;
}

export interface Nesting {
  roots: TableRow[];
  totals: TableRow[];
}

export function nestRows(rows: TableRow[]): Nesting {
  const roots: TableRow[] = [];
  const totals: TableRow[] = [];
  let stack: Level[] = [];
  let lastLetter: string | undefined;
  let openSince = 0; // index in roots after the last subtotal or total
  let sinceTotal = 0; // index in roots after the last total
  // A total standing before any row it could close adds up the rows after it.
  let leading: TableRow | undefined;
  const closeLeading = () => {
    if (leading) leading.covers = roots.slice(sinceTotal);
    leading = undefined;
  };

  for (const row of rows) {
    if (row.kind === 'header') continue;
    if (row.kind === 'total') {
      totals.push(row);
      if (roots.length === sinceTotal && !leading) {
        leading = row;
        continue;
      }
      if (leading) closeLeading();
      else row.covers = roots.slice(sinceTotal);
      stack = [];
      openSince = sinceTotal = roots.length;
      continue;
    }
    if (row.kind === 'subtotal') {
      closeSection(row, stack, roots.slice(openSince));
      openSince = roots.length;
      continue;
    }
    if (row.marker) {
      row.marker = disambiguate(row.marker, lastLetter);
      if (row.marker.kind === 'letter') lastLetter = row.marker.text;
    }
    const key = row.marker ? levelKey(row.marker) : row.bold ? 'plain:bold' : 'plain';
    const same = stack.findIndex((l) => l.key === key);
    if (same >= 0) stack = stack.slice(0, same);
    const parent = stack[stack.length - 1]?.node;
    if (parent) {
      row.parent = parent;
      parent.children.push(row);
    } else {
      roots.push(row);
    }
    stack.push({ key, node: row });
  }
  closeLeading();
  for (const row of rows) {
    if (row.kind !== 'data') continue;
    if (row.children.length) row.kind = row.hasNumbers ? 'group' : 'section';
    else if (!row.hasNumbers && row.marker && (row.marker.kind === 'roman' || row.marker.kind === 'letter')) row.kind = 'section';
  }
  return { roots, totals };
}

/** A "Cộng" row belongs to the deepest open row that has rows under it. */
function closeSection(subtotal: TableRow, stack: Level[], openRoots: TableRow[]): void {
  for (let i = stack.length - 1; i >= 0; i--) {
    const node = stack[i].node;
    if (node.children.length && !node.subtotal) {
      node.subtotal = subtotal;
      subtotal.parent = node;
      stack.length = i + 1;
      return;
    }
  }
  subtotal.covers = openRoots;
}

/**
 * The rows whose cells add up to a node's value: its own row when it has numbers or nothing
 * under it (a blank unit counts as 0 and is counted once filled in), else its "Cộng" row, else
 * the values of the rows under it.
 */
export function valueRows(node: TableRow, out: TableRow[] = []): TableRow[] {
  if (node.hasNumbers || (!node.children.length && !node.subtotal)) out.push(node);
  else if (node.subtotal) out.push(node.subtotal);
  else for (const child of node.children) valueRows(child, out);
  return out;
}

/** The value rows of several nodes, in order. */
function valueRowsOf(nodes: TableRow[]): TableRow[] {
  const out: TableRow[] = [];
  for (const node of nodes) valueRows(node, out);
  return out;
}

/** Undoes a nesting, so another can be tried on the same rows. */
export function clearNesting(rows: TableRow[]): void {
  for (const row of rows) {
    row.children = [];
    row.parent = undefined;
    row.subtotal = undefined;
    row.covers = undefined;
    if (row.kind === 'group' || row.kind === 'section') row.kind = 'data';
  }
}

/** The sums a cue nesting asserts: each group, "Cộng" and total row against the rows it adds up. */
export function cueSumGroups(table: TableModel): SumGroup[] {
  const groups: SumGroup[] = [];
  const add = (scope: SumGroup['scope'], target: TableRow, parts: TableRow[]) => {
    if (parts.length) groups.push({ scope, target, parts });
  };
  const flatSubtotals = new Map<TableRow, TableRow>();
  for (const row of table.rows) {
    if (row.kind === 'subtotal' && row.covers) {
      row.covers.forEach((r) => flatSubtotals.set(r, row));
      add('subtotal', row, valueRowsOf(row.covers));
    }
  }
  for (const row of table.rows) {
    if (row.children.length === 0) continue;
    const parts = valueRowsOf(row.children);
    if (row.hasNumbers) add('group', row, parts);
    if (row.subtotal) add('subtotal', row.subtotal, parts);
  }
  for (const total of table.totals) {
    const parts: TableRow[] = [];
    for (const root of total.covers ?? []) {
      const flat = flatSubtotals.get(root);
      if (flat) {
        if (!parts.includes(flat)) parts.push(flat);
      } else {
        valueRows(root, parts);
      }
    }
    add('total', total, parts);
  }
  return groups;
}
