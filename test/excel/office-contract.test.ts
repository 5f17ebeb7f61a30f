/**
 * The add-in is written against Office.js, which cannot run here: the compiler is what keeps it
 * honest. These compile small programs beside the real sources and expect the compiler to refuse
 * a call Office.js does not have — made in the host's code, or claimed in the subset it is typed with.
 */
import * as path from 'path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');

/** Type-checks the given files (path → source) with the project's options; returns the error codes by file. */
function compile(files: Record<string, string>): Map<string, number[]> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const host = ts.createCompilerHost(config.options);
  const read = host.readFile;
  host.readFile = (file) => files[path.resolve(file)] ?? read(file);
  const exists = host.fileExists;
  host.fileExists = (file) => path.resolve(file) in files || exists(file);
  const program = ts.createProgram(Object.keys(files), { ...config.options, noEmit: true }, host);
  const out = new Map<string, number[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file ? path.resolve(d.file.fileName) : '';
    out.set(file, [...(out.get(file) ?? []), d.code]);
  }
  return out;
}

const probe = (name: string) => path.join(root, 'src/excel', `${name}.probe.ts`);

describe('the Office.js contract', () => {
  // One program for all cases: compiling the Office.js types takes a few seconds.
  const files = {
    [probe('missing-call')]: `
      import { ContextApi } from './excel-api';
      export async function removeComment(context: ContextApi): Promise<void> {
        context.workbook.comments.getItemByCellOrNullObject("'PL VII'!B42").delete();
      }`,
    [probe('missing-in-office')]: `
      import { Conforms } from './excel-api';
      export type Claimed = Conforms<Excel.CommentCollection, { getItemByCellOrNullObject(cellAddress: string): unknown }>;`,
    [probe('real-call')]: `
      import { ContextApi } from './excel-api';
      export async function removeComment(context: ContextApi): Promise<void> {
        const comments = context.workbook.comments.load('items/content');
        await context.sync();
        comments.items.filter((c) => c.content.startsWith('PhuLuc: ')).forEach((c) => c.delete());
      }`,
    [probe('office-itself')]: `
      export async function removeComment(context: Excel.RequestContext): Promise<void> {
        context.workbook.comments.getItemByCellOrNullObject("'PL VII'!B42");
      }`,
    [path.join(root, 'src/excel/office-host.ts')]: ts.sys.readFile(path.join(root, 'src/excel/office-host.ts'))!,
    [path.join(root, 'src/demo/fake-excel.ts')]: ts.sys.readFile(path.join(root, 'src/demo/fake-excel.ts'))!,
  };
  const errors = compile(files);

  test('a call the subset lacks does not compile in the host: "property does not exist"', () => {
    expect(errors.get(probe('missing-call'))).toEqual([2339]);
  });

  test('the subset cannot claim a member Office.js lacks: "does not satisfy the constraint"', () => {
    expect(errors.get(probe('missing-in-office'))).toEqual([2344]);
  });

  test('nor can the call be made on Office.js directly: "does not exist; did you mean getItemByCell?"', () => {
    expect(errors.get(probe('office-itself'))).toEqual([2551]);
  });

  test('what Office.js has compiles, and so do the host and the fake that implement the subset', () => {
    expect(errors.get(probe('real-call'))).toBeUndefined();
    expect(errors.get(path.join(root, 'src/excel/office-host.ts'))).toBeUndefined();
    expect(errors.get(path.join(root, 'src/excel/excel-api.ts'))).toBeUndefined();
    expect(errors.get(path.join(root, 'src/demo/fake-excel.ts'))).toBeUndefined();
  });
});
