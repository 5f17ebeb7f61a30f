/**
 * `npm run bench`: how PhuLuc scales on generated appendices (L4, L5, L8; 1k to 100k rows, 8
 * injected typos each). Prints, for each size, engine time, rows per second and peak memory;
 * `phuluc check` against a plain exceljs read of the same file; the Office adapter's round trips
 * and bytes against the in-memory Excel; precision and recall on generated presentations of
 * tables (every way of showing structure, other definitions, unknown headers). Numbers are
 * printed, never asserted.
 * `phuluc fix` against an exceljs read and write, and 200 files checked in one command against 200 runs.
 *   npm run bench [-- --sizes 1000,10000] [--tables 1000] [--files 200]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const HERE = __dirname;
const ROOT = path.resolve(HERE, '../../../..');
const LAYOUTS = ['L4', 'L5', 'L8'];

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const SIZES = option('--sizes', '1000,10000,50000,100000').split(',').map(Number);
const TABLES = Number(option('--tables', '1000'));
const BATCH = Number(option('--files', '200'));
// The in-memory Excel is slow on 100k rows and its counts grow in step with the rows: 50k is enough.
const ADAPTER_SIZES = option('--adapter-sizes', SIZES.filter((n) => n <= 50000).join(',')).split(',').filter(Boolean).map(Number);

/** Runs a node script, returning its wall time, its one line of JSON if any, and its peak memory when run through peak.js. */
function node(args: string[], flags: string[] = [], okStatus = [0, 1]): { ms: number; json?: any; status: number | null; peak?: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [...flags, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (!okStatus.includes(r.status ?? -1)) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = undefined;
  }
  const peak = /#peak (\d+)/.exec(r.stderr ?? '');
  return { ms, json, status: r.status, peak: peak ? Number(peak[1]) : undefined };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

function table(title: string, head: string[], rows: string[][]): void {
  console.log(`\n### ${title}\n`);
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

/** The precision measurement prints one JSON line per family: read them all. */
function precisionLines(): any[] {
  const r = spawnSync(process.execPath, [path.join(HERE, 'precision-case.js'), String(TABLES), '1'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`precision-case failed: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

function main(): void {
  const started = performance.now();
  console.log(`PhuLuc bench — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`);

  const engineRows: string[][] = [];
  for (const rows of SIZES) {
    for (const layout of LAYOUTS) {
      const r = node([path.join(HERE, 'engine-case.js'), layout, String(rows)], ['--expose-gc']).json;
      engineRows.push([layout, thousands(r.rows), `${Math.round(r.ms)} ms`, thousands(r.rowsPerSecond), mb(r.engineBytes), mb(r.peakBytes), `${r.typosFound}/${r.typos}`]);
    }
  }
  table('Engine (check of one sheet, in memory)', ['layout', 'rows', 'time', 'rows/s', 'memory used by the check', 'process peak', 'typos found'], engineRows);

  // One JSON line per family of presentations, the last for all of them.
  const families = precisionLines();
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  table(
    `Precision and recall on ${thousands(TABLES)} generated tables, each checked consistent and then with one keystroke typo`,
    ['presentation (numbering, group figures)', 'tables', 'flagged on consistent tables', 'typos', 'found at their cell with their value', 'other cells flagged', 'precision', 'recall'],
    families.map((f) => [f.family, String(f.tables), String(f.falseOnClean), String(f.typos), String(f.found), String(f.falseWithTypo), pct(f.precision), pct(f.recall)]),
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-bench-'));
  const cliRows: string[][] = [];
  for (const rows of SIZES) {
    const file = path.join(dir, `L4-${rows}.xlsx`);
    const typos: { cell: string; expected: number }[] = node([path.join(HERE, 'write-case.js'), 'L4', String(rows), file]).json;
    // A few runs each, taken in turn, so both meet the same machine: the best of each, and the
    // median of the ratios of runs side by side (a shared machine speeds up and slows down; five
    // runs where they are cheap, as a single slow moment moves a median of three).
    const runs = rows <= 50000 ? 5 : 1;
    let read = Infinity;
    let check = Infinity;
    const ratios: number[] = [];
    let report: any;
    for (let i = 0; i < runs; i++) {
      const r = node([path.join(HERE, 'read-only.js'), file]).ms;
      const c = node([path.join(ROOT, 'bin/phuluc.js'), 'check', file, '--json']);
      read = Math.min(read, r);
      check = Math.min(check, c.ms);
      ratios.push(c.ms / r);
      report = c.json;
    }
    const medianRatio = ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
    const reported = new Set<string>(report.sheets.flatMap((sh: any) => sh.tables.flatMap((t: any) => t.findings.map((f: any) => `${f.cell}=${f.expected}`))));
    const found = typos.filter((t) => reported.has(`${t.cell}=${t.expected}`)).length;
    cliRows.push(['L4', thousands(rows), mb(fs.statSync(file).size), String(runs), s(read), s(check), `${(check / read).toFixed(2)}×`, `${medianRatio.toFixed(2)}×`, `${found}/${typos.length}`]);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  table('`phuluc check FILE --json` against reading the file with exceljs alone (whole processes)', ['layout', 'rows', 'file', 'runs', 'exceljs read (best)', 'phuluc check (best)', 'ratio of bests', 'ratio, median of runs', 'typos found'], cliRows);

  // fix against an exceljs read and write of the same file, side by side, with each side's peak memory.
  const fixDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-bench-fix-'));
  const fixRows: string[][] = [];
  for (const rows of SIZES.filter((n) => n >= 50000)) {
    const file = path.join(fixDir, `L4-${rows}.xlsx`);
    node([path.join(HERE, 'write-case.js'), 'L4', String(rows), file]);
    const runs = rows <= 50000 ? 3 : 1;
    const rw: { ms: number; peak: number }[] = [];
    const fx: { ms: number; peak: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const a = node([path.join(HERE, 'peak.js'), path.join(HERE, 'read-write-only.js'), file, path.join(fixDir, 'rw.xlsx')]);
      const b = node([path.join(HERE, 'peak.js'), path.join(ROOT, 'bin/phuluc.js'), 'fix', file, '-o', path.join(fixDir, 'fixed.xlsx'), '--force'], [], [0]);
      rw.push({ ms: a.ms, peak: a.peak ?? 0 });
      fx.push({ ms: b.ms, peak: b.peak ?? 0 });
    }
    const ratio = median(fx.map((f, i) => f.ms / rw[i].ms));
    fixRows.push(['L4', thousands(rows), String(runs), s(median(rw.map((r) => r.ms))), mb(Math.max(...rw.map((r) => r.peak))), s(median(fx.map((f) => f.ms))), mb(Math.max(...fx.map((f) => f.peak))), `${ratio.toFixed(2)}×`, mb(fs.statSync(path.join(fixDir, 'fixed.xlsx')).size)]);
  }
  fs.rmSync(fixDir, { recursive: true, force: true });
  if (fixRows.length) table('`phuluc fix FILE -o OUT` against an exceljs read and write of the same file (whole processes)', ['layout', 'rows', 'runs', 'exceljs read+write (median)', 'exceljs peak', 'phuluc fix (median)', 'phuluc fix peak', 'ratio, median of runs', 'output'], fixRows);

  // 200 received files: one command over the folder against one process per file.
  const batchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-bench-batch-'));
  const sample = path.join(ROOT, 'samples/bao-cao-cchc-quy-1-2017.xlsx');
  const files = Array.from({ length: BATCH }, (_, i) => path.join(batchDir, `don-vi-${String(i + 1).padStart(3, '0')}.xlsx`));
  for (const f of files) fs.copyFileSync(sample, f);
  const one = node([path.join(ROOT, 'bin/phuluc.js'), 'check', batchDir, '--json']);
  const separateStart = performance.now();
  for (const f of files) node([path.join(ROOT, 'bin/phuluc.js'), 'check', f, '--json']);
  const separate = performance.now() - separateStart;
  fs.rmSync(batchDir, { recursive: true, force: true });
  table(`Checking ${BATCH} copies of the sample workbook`, ['how', 'time', 'per file', 'files in the summary'], [
    ['one command: `phuluc check FOLDER --json`', s(one.ms), `${Math.round(one.ms / BATCH)} ms`, String(one.json?.files?.length ?? '?')],
    [`${BATCH} commands: \`phuluc check FILE --json\``, s(separate), `${Math.round(separate / BATCH)} ms`, '—'],
  ]);

  const adapterRows: string[][] = [];
  for (const rows of ADAPTER_SIZES) {
    const r = node([path.join(HERE, 'adapter-case.js'), 'L4', String(rows)]).json;
    adapterRows.push([
      'L4',
      thousands(r.rows),
      String(r.read.syncs),
      mb(r.read.bytes),
      mb(r.read.largestRequest),
      thousands(r.edits),
      String(r.write.syncs),
      mb(r.write.bytes),
      mb(r.write.largestRequest),
    ]);
  }
  table('Office adapter on the in-memory Excel (5 MB request limit)', ['layout', 'rows', 'read: syncs', 'read: bytes', 'largest', 'edits', 'recompute: syncs', 'bytes', 'largest'], adapterRows);
  console.log(`\nBench took ${s(performance.now() - started)}.`);
}

main();
