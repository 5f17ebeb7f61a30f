/**
 * Precision and recall of the check on generated presentations, in a process of its own:
 *   node precision-case.js TABLES SEED
 * Random consistent tables (1–3 levels, 1–300 units) in every presentation the fixtures know —
 * numbering in the name, in an STT column or in a cell of its own, Roman groups, bold only; group
 * figures on a heading or on a "Cộng" row before or after; total first, last or none; text numbers;
 * other rate definitions, a missing category; headers no layout knows — each checked clean, then
 * with one keystroke typo; then tables in shapes no layout declares (grid-shapes.ts), each kind
 * clean and with its typos. Prints one JSON line per family and one for all.
 */
import { checkSheet, checkWorkbook } from '../../src/engine/check';
import { injectTypo, NUMBERINGS, present, Presentation, proposedFor, random, Shape } from '../../test/fixtures/presentations';
import { snapshotOfSpec } from '../../test/fixtures/spec-snapshot';
import { scoreShape, SHAPE_KINDS } from '../../test/fixtures/grid-shapes';

const tables = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);

interface Tally {
  tables: number;
  /** Error or warning findings on consistent tables. */
  falseOnClean: number;
  typos: number;
  /** Typos whose cell is named with its right value (as the finding, or among equally small choices). */
  found: number;
  /** Findings on the typo'd tables that are not the typo. */
  falseWithTypo: number;
}

const empty = (): Tally => ({ tables: 0, falseOnClean: 0, typos: 0, found: 0, falseWithTypo: 0 });
const families = new Map<string, Tally>();
const all = empty();

for (let i = 1; i <= tables; i++) {
  const r = random(seed * 100003 + i * 7919);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const shape: Shape = { levels: pick([1, 2, 3] as const), units: 1 + Math.floor(r() ** 2 * 300), seed: i + seed * 1000 };
  const how: Presentation = {
    numbering: pick(NUMBERINGS),
    groupFigures: pick(['heading', 'footer', 'cong-heading'] as const),
    headings: r() < 0.6,
    bold: r() < 0.7,
    total: pick(['bottom', 'bottom', 'top', 'none'] as const),
    totalLabel: pick(['TỔNG', 'Tổng cộng', 'Toàn tỉnh', 'Tổng số'] as const),
    textNumbers: r() < 0.3,
    definitions: pick(['textbook', 'textbook', 'on-time-over-received', 'returned-missing'] as const),
    headers: r() < 0.2 ? 'invented' : 'layout',
  };
  const family = `${how.headers === 'invented' ? 'unknown headers' : how.numbering}, ${how.groupFigures}`;
  const tally = families.get(family) ?? empty();
  families.set(family, tally);
  const table = present(shape, how);
  const flagged = (t: typeof table) => checkSheet(snapshotOfSpec(t.spec)).tables.flatMap((x) => x.findings).filter((f) => f.severity !== 'info');
  const clean = flagged(table).length;
  const typo = injectTypo(table, r(), r, how.textNumbers, how.headers === 'invented' ? ['count'] : ['count', 'rate']);
  for (const t of [tally, all]) {
    t.tables++;
    t.falseOnClean += clean;
  }
  if (!typo) continue;
  const found = flagged(table);
  const proposed = proposedFor(found, typo);
  const hit = proposed !== undefined && proposed !== null && Math.abs(proposed - typo.expected) < 0.011;
  for (const t of [tally, all]) {
    t.typos++;
    if (hit) t.found++;
    t.falseWithTypo += found.length - (hit ? 1 : 0);
  }
}

const line = (name: string, t: Tally) => {
  const flagged = t.found + t.falseOnClean + t.falseWithTypo;
  process.stdout.write(JSON.stringify({ family: name, ...t, precision: flagged ? t.found / flagged : 1, recall: t.typos ? t.found / t.typos : 1 }) + '\n');
};
for (const [name, t] of [...families].sort(([a], [b]) => a.localeCompare(b))) line(name, t);
line('all', all);

// Shapes no layout declares (test/fixtures/grid-shapes.ts): a tenth as many tables of each kind.
const shapes = empty();
for (const kind of SHAPE_KINDS) {
  const s = scoreShape(kind, Math.max(1, Math.round(tables / 10)), (sheets) =>
    checkWorkbook(sheets).sheets.flatMap((r) => r.tables.flatMap((x) => x.findings).filter((f) => f.severity !== 'info').map((f) => ({ ...f, sheet: r.sheet }))),
  );
  const t: Tally = { tables: s.tables, falseOnClean: s.falseOnClean, typos: s.typos, found: s.found, falseWithTypo: s.falseWithTypos };
  line(`shape: ${kind}`, t);
  for (const k of Object.keys(shapes) as (keyof Tally)[]) shapes[k] += t[k];
}
line('all shapes', shapes);
