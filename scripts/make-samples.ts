/**
 * Builds the sample workbooks shipped in samples/ from the seed tables (needs ../shared):
 *   npm run samples
 */
import * as path from 'path';
import { SEED_SHEETS, TEXT_SHEETS } from '../test/fixtures/seed-sheets';
import { writeWorkbook } from '../test/fixtures/workbook-writer';

const SAMPLES: { file: string; ids: string[] }[] = [
  // The 2017 Q1 report of the provincial Department of Home Affairs: appendices I–VII (the task
  // table and the checklist of reports received, then the tables of figures).
  { file: 'bao-cao-cchc-quy-1-2017.xlsx', ids: ['000-01', '000-02', '000-04', '000-05', '000-06', '000-07', '000-08'] },
];

(async () => {
  for (const sample of SAMPLES) {
    const specs = sample.ids.map((id) => [...TEXT_SHEETS, ...SEED_SHEETS].find((s) => s.id === id)!.spec());
    const target = path.resolve(__dirname, '..', 'samples', sample.file);
    await writeWorkbook(specs, target);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
})();
