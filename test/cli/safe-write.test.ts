/**
 * An output is never the input under another name, never replaces a file unasked, and is never
 * left half-written; every refusal exits 2 with the input's bytes unchanged.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { writeAtomically } from '../../src/cli/safe-write';

const SAMPLE = path.resolve(__dirname, '../../samples/bao-cao-cchc-quy-1-2017.xlsx');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await run(args, { out: () => undefined, err: (t) => (err += t) });
  return { code, err };
}

function workspace(): { dir: string; input: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-paths-'));
  const input = path.join(dir, 'nhan.xlsx');
  fs.copyFileSync(SAMPLE, input);
  return { dir, input };
}

describe.each([
  ['fix', []],
  ['rank', ['--sheet', 'PL VII', '--measure', 'late']],
  ['summary', ['--sheet', 'PL I']],
])('phuluc %s', (command, extra) => {
  test('refuses an output that is the input through a symbolic link, a hard link, or another spelling of its path', async () => {
    const { dir, input } = workspace();
    const before = sha(input);
    fs.symlinkSync(input, path.join(dir, 'symlink.xlsx'));
    fs.linkSync(input, path.join(dir, 'hardlink.xlsx'));
    for (const output of [path.join(dir, 'symlink.xlsx'), path.join(dir, 'hardlink.xlsx'), path.join(dir, '.', 'sub', '..', 'nhan.xlsx')]) {
      if (output.includes('sub')) fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
      const { code, err } = await cli([command, input, ...extra, '-o', output, '--force']);
      expect([output, code]).toEqual([output, 2]);
      expect(err).toContain('chính là tệp gốc');
      expect(err).toContain('is the input');
    }
    expect(sha(input)).toBe(before);
  });

  test('does not replace an existing output unless --force; with --force it does', async () => {
    const { dir, input } = workspace();
    const output = path.join(dir, 'ket-qua.xlsx');
    fs.writeFileSync(output, 'a file someone keeps');
    const refused = await cli([command, input, ...extra, '-o', output]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--force');
    expect(fs.readFileSync(output, 'utf8')).toBe('a file someone keeps');
    const forced = await cli([command, input, ...extra, '-o', output, '--force']);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(output).subarray(0, 2).toString()).toBe('PK');
    // Nothing temporary is left beside it.
    expect(fs.readdirSync(dir).sort()).toEqual(['ket-qua.xlsx', 'nhan.xlsx']);
  });
});

test('two runs writing the same output at once: one writes it whole, the other is refused', async () => {
  const { dir, input } = workspace();
  const output = path.join(dir, 'ket-qua.xlsx');
  const results = await Promise.all([cli(['fix', input, '-o', output]), cli(['fix', input, '-o', output])]);
  expect(results.map((r) => r.code).sort()).toEqual([0, 2]);
  expect(fs.readFileSync(output).subarray(0, 2).toString()).toBe('PK');
  expect((await cli(['check', output])).code).toBeLessThan(2);
  expect(fs.readdirSync(dir).sort()).toEqual(['ket-qua.xlsx', 'nhan.xlsx']);
});

test('a write that fails part-way leaves no file and no temporary behind', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-fail-'));
  const output = path.join(dir, 'out.xlsx');
  await expect(
    writeAtomically(output, false, async (temporary) => {
      fs.writeFileSync(temporary, 'half');
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    }),
  ).rejects.toThrow('The disk is full');
  expect(fs.readdirSync(dir)).toEqual([]);
});
