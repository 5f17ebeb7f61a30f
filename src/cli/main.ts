/**
 * The `phuluc` command: checks received appendices in .xlsx files without Excel.
 *   phuluc check FILE.xlsx [--sheet NAME] [--json]
 * Exit code 0: no errors; 1: errors found; 2: the file or the command could not be used.
 */
import { checkSheet } from '../engine/check';
import { readWorkbook, WorkbookReadError } from './xlsx-reader';
import { toJsonReport } from './report-json';
import { formatTextReport } from './report-text';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

const USAGE = `Cách dùng / Usage:
  phuluc check TỆP.xlsx [--sheet TÊN] [--json]

  check     Kiểm tra các phụ lục trong tệp: nhận dạng bảng, tính lại tổng và tỉ lệ,
            chỉ ra ô sai và giá trị đúng. / Check the appendices in the file.
  --sheet   Chỉ kiểm tra trang tính này. / Only this sheet.
  --json    In kết quả dạng JSON. / Print one JSON document.

Mã thoát / exit code: 0 không có lỗi / no errors; 1 có lỗi / errors found; 2 không dùng được tệp / unusable input.`;

interface CheckOptions {
  file: string;
  sheet?: string;
  json: boolean;
}

class UsageError extends Error {}

function parseCheckArgs(args: string[]): CheckOptions {
  let file: string | undefined;
  let sheet: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--sheet') {
      sheet = args[++i];
      if (!sheet) throw new UsageError('Thiếu tên trang tính sau --sheet. / Missing sheet name after --sheet.');
    } else if (a.startsWith('--sheet=')) sheet = a.slice('--sheet='.length);
    else if (a.startsWith('-')) throw new UsageError(`Tùy chọn không hợp lệ: ${a}. / Unknown option: ${a}.`);
    else if (!file) file = a;
    else throw new UsageError(`Chỉ nhận một tệp, thừa: ${a}. / One file only, extra: ${a}.`);
  }
  if (!file) throw new UsageError('Thiếu tên tệp .xlsx. / Missing the .xlsx file.');
  return { file, sheet, json };
}

async function check(options: CheckOptions, io: Io): Promise<number> {
  const sheets = await readWorkbook(options.file, options.sheet);
  const reports = sheets.map(checkSheet);
  io.out(options.json ? JSON.stringify(toJsonReport(options.file, reports), null, 2) : formatTextReport(options.file, reports));
  const hasErrors = reports.some((r) => r.tables.some((t) => t.findings.some((f) => f.severity === 'error')));
  return hasErrors ? EXIT.findings : EXIT.ok;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command ? EXIT.ok : EXIT.unusable;
    }
    if (command === 'check') return await check(parseCheckArgs(rest), io);
    throw new UsageError(`Lệnh không hợp lệ: ${command}. / Unknown command: ${command}.`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
    } else if (e instanceof WorkbookReadError) {
      io.err(`Lỗi: ${e.messageVi}\nError: ${e.messageEn}`);
    } else {
      // Never a stack trace for the user; PHULUC_DEBUG=1 shows it to us.
      io.err(`Lỗi không mong đợi khi xử lý tệp. / Unexpected error while processing the file: ${(e as Error).message}`);
      if (process.env.PHULUC_DEBUG) io.err(String((e as Error).stack));
    }
    return EXIT.unusable;
  }
}

if (require.main === module) {
  run(process.argv.slice(2), { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') }).then((code) => {
    process.exitCode = code;
  });
}
