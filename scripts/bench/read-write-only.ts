/** The yardstick for `phuluc fix`: reading the same file with exceljs and writing it back, nothing else. */
import ExcelJS from 'exceljs';

const [input, output] = process.argv.slice(2);
const wb = new ExcelJS.Workbook();
wb.xlsx
  .readFile(input)
  .then(() => wb.xlsx.writeFile(output))
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
