/** Writes a generated appendix to an .xlsx file, as a person would have it:  write-case.js LAYOUT ROWS FILE */
import { generateAppendix, GeneratedLayout } from '../../test/fixtures/generator';
import { writeWorkbook } from '../../test/fixtures/workbook-writer';

const generated = generateAppendix(process.argv[2] as GeneratedLayout, Number(process.argv[3]), 8);
writeWorkbook([generated.spec], process.argv[4]).then(() => process.stdout.write(JSON.stringify(generated.typos) + '\n'));
