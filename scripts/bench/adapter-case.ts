/**
 * The Office adapter against the in-memory Excel: round trips and bytes of reading a generated
 * appendix and of applying its recomputation, under Excel on the web's 5 MB limit.
 *   node adapter-case.js LAYOUT ROWS
 */
import { FakeWorkbook } from '../../src/demo/fake-excel';
import { checkSheet } from '../../src/engine/check';
import { planSheet } from '../../src/engine/output/edit-plan';
import { createExcelHost } from '../../src/excel/office-host';
import { loadIntoFake } from '../../test/fixtures/fake-workbooks';
import { generateAppendix, GeneratedLayout } from '../../test/fixtures/generator';

async function main(): Promise<void> {
  const layout = process.argv[2] as GeneratedLayout;
  const generated = generateAppendix(layout, Number(process.argv[3]), 8);
  const book = new FakeWorkbook();
  loadIntoFake(book, generated.spec);
  const host = createExcelHost(book.run, { payloadLimit: book.payloadLimit, supports: book.supports });
  const counted = async <T>(work: () => Promise<T>) => {
    const [syncs, sent] = [book.syncs, book.payloads.length];
    const start = performance.now();
    const result = await work();
    const bytes = book.payloads.slice(sent);
    return { result, syncs: book.syncs - syncs, bytes: bytes.reduce((s, b) => s + b, 0), largest: Math.max(0, ...bytes), ms: performance.now() - start };
  };
  const read = await counted(() => host.readActiveSheet());
  const plan = planSheet(read.result.snapshot, checkSheet(read.result.snapshot), { applySuggestions: false, values: false });
  const write = await counted(() => host.applyPlan(plan));
  const out = (c: typeof read | typeof write) => ({ syncs: c.syncs, bytes: c.bytes, largestRequest: c.largest, ms: c.ms });
  process.stdout.write(JSON.stringify({ layout, rows: generated.rows, limit: book.payloadLimit, edits: plan.edits.length, read: out(read), write: out(write) }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
