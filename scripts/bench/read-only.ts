/** The yardstick for `phuluc check`: reading the same file with exceljs and nothing else. */
import ExcelJS from 'exceljs';

new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then(
  () => undefined,
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
