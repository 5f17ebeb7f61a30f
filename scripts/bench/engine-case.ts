/**
 * One engine measurement in a process of its own, so its peak memory is its own:
 *   node --expose-gc engine-case.js LAYOUT ROWS
 * prints one JSON line: time, rows per second, peak memory, typos found.
 */
import { checkSheet } from '../../src/engine/check';
import { generateAppendix, GeneratedLayout } from '../../test/fixtures/generator';
import { snapshotOfSpec } from '../../test/fixtures/spec-snapshot';

const layout = process.argv[2] as GeneratedLayout;
const rows = Number(process.argv[3]);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

// A small sheet first, so the measured run is not the one that compiles the engine.
checkSheet(snapshotOfSpec(generateAppendix(layout, 300, 2, 7).spec));
const generated = generateAppendix(layout, rows, 8);
const snapshot = snapshotOfSpec(generated.spec);
gc();
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const report = checkSheet(snapshot);
const ms = performance.now() - start;
const peak = process.resourceUsage().maxRSS * 1024;
const found = new Set(report.tables.flatMap((t) => t.findings).filter((f) => f.severity === 'error').map((f) => `${f.cell}=${f.expected}`));
const typosFound = generated.typos.filter((t) => found.has(`${t.cell}=${t.expected}`)).length;
process.stdout.write(
  JSON.stringify({ layout, rows: generated.rows, ms, rowsPerSecond: (generated.rows / ms) * 1000, peakBytes: peak, engineBytes: Math.max(0, peak - rssBefore), typos: generated.typos.length, typosFound, findings: found.size }) + '\n',
);
