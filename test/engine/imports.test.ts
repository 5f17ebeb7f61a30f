/**
 * The engine's stages stay visible in its imports: no module of src/ imports one that imports it
 * back, however far round; the engine imports nothing from Office, files or the hosts; and each
 * stage folder of the engine imports only from itself and the stages before it (src/engine/README.md).
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '../../src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** The relative modules a file imports (type-only imports included: they tie modules together too). */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\b[^;]*?from '(\.[^']+)';/gms)) {
    const target = path.resolve(path.dirname(file), m[1]);
    const candidates = [`${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts')];
    const found = candidates.find((c) => fs.existsSync(c));
    if (found) out.push(found);
  }
  return out;
}

test('no import cycle anywhere in src/', () => {
  const files = sources(SRC);
  const graph = new Map(files.map((f) => [f, imports(f)]));
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  files.forEach((f) => visit(f, []));
  expect(cycles).toEqual([]);
});

test('the engine imports nothing from Office, files or the hosts', () => {
  const engine = sources(path.join(SRC, 'engine'));
  const foreign = engine.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]).filter((m) => !m.startsWith('.') || /\/(cli|excel|taskpane|commands|demo)\//.test(path.resolve(path.dirname(file), m) + '/')).map((m) => `${path.relative(SRC, file)}: ${m}`);
  });
  expect(foreign).toEqual([]);
});

/** The engine's stages in order: a folder may import from itself and the folders before it. */
const STAGES = ['layouts', 'read', 'evidence', 'tables', 'structure', 'relations', 'diagnose', 'findings', 'output'];

test('each stage of the engine imports only from itself and the stages before it', () => {
  const engine = path.join(SRC, 'engine');
  const stageOf = (file: string) => {
    const top = path.relative(engine, file).split(path.sep)[0];
    return STAGES.includes(top) ? STAGES.indexOf(top) : STAGES.length;
  };
  const upward = sources(engine).flatMap((file) => imports(file).filter((target) => stageOf(target) > stageOf(file)).map((target) => `${path.relative(engine, file)} → ${path.relative(engine, target)}`));
  expect(upward).toEqual([]);
  // Every folder of the engine is a stage, and each says in a README what it owns.
  const folders = fs.readdirSync(engine, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  expect(folders.sort()).toEqual([...STAGES].sort());
  for (const folder of folders) expect(fs.readFileSync(path.join(engine, folder, 'README.md'), 'utf8').trim().length).toBeGreaterThan(20);
});
