/**
 * The `phuluc` command: checks received appendices in .xlsx files without Excel.
 *   phuluc check FILE.xlsx [--sheet NAME] [--json]
 * Exit code 0: every figure checked, no errors; 1: errors found; 2: the file or the command could not
 * be used; 3: no errors found, but some figures could not be checked.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../engine/check';
import { MEASURE_IDS, MeasureId } from '../engine/layouts';
import { RankingError, TIER_MODES } from '../engine/output/ranking';
import { PresetId, PRESETS } from '../engine/layouts/class-presets';
import { readWorkbook, WorkbookReadError } from './xlsx-reader';
import { batchJson, checkFile, exitOf, exitOfReport, expandInputs, FileOutcome, isBatchReport, progressLine, summaryText, worstExit, writeBatchReport } from './batch-check';
import { checkOutput } from './safe-write';
import { toJsonReport } from './report-json';
import { formatFixReport, formatTextReport } from './report-text';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const EXIT = { ok: 0, findings: 1, unusable: 2, unchecked: 3 } as const;

const USAGE = `Cách dùng / Usage:
  phuluc check TỆP.xlsx [--sheet TÊN] [--json]
  phuluc check TỆP.xlsx|THƯ-MỤC … [--json] [--report TỔNG-HỢP.xlsx]   (nhiều tệp, thư mục / many files, folders)
  phuluc fix TỆP.xlsx -o KẾT-QUẢ.xlsx [--sheet TÊN] [--apply-suggestions] [--values] [--force]
  phuluc fix TỆP.xlsx|THƯ-MỤC … -o THƯ-MỤC-KẾT-QUẢ [--json] [--force]   (nhiều tệp / many files)
  phuluc rank TỆP.xlsx --sheet TÊN [--measure on-time|late|resolved|online|received|CỘT]
              [--tier groups|all|top] [--preset khanh-hoa|bnv] [--previous KỲ-TRƯỚC.xlsx [--previous-sheet TÊN]]
              -o KẾT-QUẢ.xlsx [--force]
  phuluc summary TỆP.xlsx --sheet TÊN -o KẾT-QUẢ.xlsx [--force]

  check     Kiểm tra các phụ lục trong tệp: nhận dạng bảng, tính lại tổng và tỉ lệ,
            chỉ ra ô sai và giá trị đúng. / Check the appendices in the file.
  fix       Ghi ra tệp mới: tỉ lệ và dòng tổng thành công thức, số dạng văn bản thành số;
            giữ bản sao "(gốc)" của mỗi trang được sửa và nhật ký thay đổi. Tệp gốc không bị sửa.
            / Write a new file with rates and totals as formulas, text numbers as numbers,
            a "(gốc)" copy of each changed sheet and a change log. The input is never modified.
  --sheet   Chỉ xử lý trang tính này. / Only this sheet.
  --json    In kết quả dạng JSON. / Print one JSON document.
  -o, --output        Tệp kết quả (khác tệp gốc; ghi trọn vẹn hoặc không ghi). / The file to write (never the input; written whole or not at all).
  --force             Thay tệp kết quả nếu đã có. / Replace the output if it exists.
  --apply-suggestions Thay các ô nghi gõ nhầm bằng giá trị đề xuất. / Replace suspected typos by their suggested values.
  --values            Ghi giá trị thay cho công thức. / Write values instead of formulas.
  rank      Thêm trang xếp hạng đã định dạng. / Add a formatted ranking sheet.
  --measure on-time (đúng hạn), late (trễ hạn), resolved (đã giải quyết), online (trực tuyến), received (số hồ sơ);
            bảng điểm: chữ cột (H) hoặc tiêu đề cột; mặc định tổng điểm / a score table: the column's
            letter or header; by default its total
  --tier    groups: trong từng nhóm của bảng (mặc định) / within the table's groups (default);
            all: mọi đơn vị / every unit together; top: các dòng cấp trên / the top-level rows
  --preset  khanh-hoa (Tốt/Khá/Trung bình/Yếu) hoặc bnv (nhóm A/B)
  --previous  tệp kỳ trước: thêm cột tăng/giảm hạng (↑3, ↓1, =, mới) / the previous period's file: each unit's move
  summary   Thêm trang tổng hợp tiến độ nhiệm vụ hoặc tình hình gửi báo cáo.
            / Add a summary sheet of task progress or of reporting compliance.

Mã thoát / exit code: 0 mọi số đã kiểm tra, không có lỗi / every figure checked, no errors; 1 có lỗi / errors found;
  2 không dùng được tệp / unusable input; 3 không thấy lỗi nhưng còn số chưa kiểm tra được / no errors, some figures not checked.`;

interface Options {
  file: string;
  /** More files (and folders) after the first: only check takes them. */
  more: string[];
  sheet?: string;
  measure?: string;
  tier?: string;
  preset?: string;
  json: boolean;
  output?: string;
  applySuggestions: boolean;
  values: boolean;
  /** Replace an existing output file. */
  force: boolean;
  /** check of many files: the summary workbook to write. */
  report?: string;
  /** rank: the previous period's file, and its sheet when named otherwise. */
  previous?: string;
  previousSheet?: string;
}

class UsageError extends Error {}

const FLAGS: Record<string, 'json' | 'applySuggestions' | 'values' | 'force'> = { '--json': 'json', '--apply-suggestions': 'applySuggestions', '--values': 'values', '--force': 'force' };

function parseArgs(args: string[], allowed: string[], manyFiles = false): Options {
  const options: Options = { file: '', more: [], json: false, applySuggestions: false, values: false, force: false };
  const valueOf = (i: number, name: string) => {
    const v = args[i];
    if (!v || v.startsWith('-')) throw new UsageError(`Thiếu giá trị sau ${name}. / Missing value after ${name}.`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const name = a.split('=')[0];
    if (a.startsWith('-') && !allowed.includes(name)) throw new UsageError(`Tùy chọn không hợp lệ: ${a}. / Unknown option: ${a}.`);
    if (FLAGS[a]) options[FLAGS[a]] = true;
    else if (a === '--sheet') options.sheet = valueOf(++i, a);
    else if (a.startsWith('--sheet=')) options.sheet = a.slice('--sheet='.length);
    else if (a === '-o' || a === '--output') options.output = valueOf(++i, a);
    else if (a === '--measure') options.measure = valueOf(++i, a);
    else if (a === '--report') options.report = valueOf(++i, a);
    else if (a === '--tier') options.tier = valueOf(++i, a);
    else if (a === '--preset') options.preset = valueOf(++i, a);
    else if (a === '--previous') options.previous = valueOf(++i, a);
    else if (a === '--previous-sheet') options.previousSheet = valueOf(++i, a);
    else if (a.startsWith('--output=')) options.output = a.slice('--output='.length);
    else if (!options.file) options.file = a;
    else if (manyFiles) options.more.push(a);
    else throw new UsageError(`Chỉ nhận một tệp, thừa: ${a}. / One file only, extra: ${a}.`);
  }
  if (!options.file) throw new UsageError('Thiếu tên tệp .xlsx. / Missing the .xlsx file.');
  return options;
}

async function check(options: Options, io: Io): Promise<number> {
  const inputs = [options.file, ...options.more];
  if (inputs.length > 1 || options.report || (fs.existsSync(options.file) && fs.statSync(options.file).isDirectory())) return checkMany(inputs, options, io);
  const workbook = checkWorkbook(await readWorkbook(options.file, options.sheet));
  io.out(options.json ? JSON.stringify(toJsonReport(options.file, workbook), null, 2) : formatTextReport(options.file, workbook));
  return exitOfReport(workbook);
}

async function fix(options: Options, io: Io): Promise<number> {
  if (!options.output) throw new UsageError('Thiếu tệp kết quả: -o KẾT-QUẢ.xlsx. / Missing the output: -o OUT.xlsx.');
  const inputs = [options.file, ...options.more];
  if (inputs.length > 1 || (fs.existsSync(options.file) && fs.statSync(options.file).isDirectory())) return fixManyFiles(inputs, options, io);
  // Loaded when used: `check`, the common command, starts without the writers.
  const { fixWorkbook } = await import('./xlsx-fixer');
  const result = await fixWorkbook(options.file, options.output, options);
  if (options.json) {
    io.out(JSON.stringify({ file: options.file, output: result.output, sheets: result.sheets.map((s) => ({ sheet: s.sheet, backup: s.backup ?? null, edits: s.plan.edits, notices: s.plan.notices })) }, null, 2));
  } else {
    io.out(formatFixReport(options.file, result));
  }
  return EXIT.ok;
}

/** Several files and folders: -o names the folder the fixed workbooks go to, under their own names. */
async function fixManyFiles(inputs: string[], options: Options, io: Io): Promise<number> {
  const folder = options.output!;
  if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) throw new UsageError(`Với nhiều tệp, -o là thư mục kết quả; ${folder} là một tệp. / With several files, -o names the output folder; ${folder} is a file.`);
  const { fixMany, fixSummaryText } = await import('./batch-fix');
  const outcomes = await fixMany(inputs, folder, options, io.err);
  if (!outcomes.length) throw new UsageError('Không có tệp .xlsx nào để sửa. / No .xlsx file to fix.');
  io.out(
    options.json
      ? JSON.stringify({ files: outcomes.map((o) => (o.result ? { file: o.file, output: o.output, sheets: o.result.sheets.map((s) => ({ sheet: s.sheet, backup: s.backup ?? null, edits: s.plan.edits.length, notices: s.plan.notices })) } : { file: o.file, unusable: o.unusable })) }, null, 2)
      : fixSummaryText(outcomes),
  );
  return outcomes.some((o) => o.unusable) ? EXIT.unusable : EXIT.ok;
}

/** Several files and folders in one process: a line per file on stderr, one summary, the worst exit code. */
async function checkMany(inputs: string[], options: Options, io: Io): Promise<number> {
  const files = options.report ? reportApart(expandInputs(inputs), options.report) : expandInputs(inputs);
  if (!files.length) throw new UsageError('Không có tệp .xlsx nào để kiểm tra. / No .xlsx file to check.');
  // Refused before the work, never after it: a report over a received file, or over an existing file without --force.
  if (options.report) checkOutput(files, options.report, options.force);
  const outcomes: FileOutcome[] = [];
  for (const [i, file] of files.entries()) {
    const outcome = await checkFile(file);
    outcomes.push(outcome);
    io.err(progressLine(outcome, i + 1, files.length));
  }
  io.out(options.json ? JSON.stringify(batchJson(outcomes), null, 2) : summaryText(outcomes));
  if (options.report) {
    await writeBatchReport(options.report, outcomes, options.force);
    io.err(`Đã ghi bảng tổng hợp vào ${options.report}. / Summary written to ${options.report}.`);
  }
  return worstExit(outcomes.map(exitOf));
}

/**
 * The inputs without the report: the summary workbook of an earlier run, in a folder being checked,
 * is not one of the files received and may be replaced; any other workbook there is, and is never
 * written over (the run is refused).
 */
function reportApart(files: string[], report: string): string[] {
  const target = fs.existsSync(report) ? fs.statSync(report) : undefined;
  if (!target) return files;
  const same = (file: string) => {
    const s = fs.statSync(file, { throwIfNoEntry: false });
    return s !== undefined && s.dev === target.dev && s.ino === target.ino;
  };
  const hit = files.find(same);
  if (hit === undefined) return files;
  if (!isBatchReport(hit)) {
    throw new WorkbookReadError(
      `Tệp tổng hợp ${report} là một trong các tệp được kiểm tra (${hit}): PhuLuc không ghi đè tệp nhận được. Hãy chọn tên khác cho --report.`,
      `The report ${report} is one of the files being checked (${hit}): PhuLuc never writes over a received file. Choose another name for --report.`,
    );
  }
  return files.filter((f) => !same(f));
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`${option} phải là một trong / must be one of: ${allowed.join(', ')}.`);
  return value as T;
}

async function rank(options: Options, io: Io): Promise<number> {
  if (!options.sheet) throw new UsageError('Cần chọn trang tính: --sheet TÊN. / Choose the sheet: --sheet NAME.');
  if (!options.output) throw new UsageError('Thiếu tệp kết quả: -o KẾT-QUẢ.xlsx. / Missing the output: -o OUT.xlsx.');
  // A declared measure by its id; a score table's column by its letter or its header (resolved against the table).
  const measure = options.measure === undefined ? undefined : (MEASURE_IDS as readonly string[]).includes(options.measure) ? (options.measure as MeasureId) : options.measure;
  const tier = oneOf(options.tier, TIER_MODES, '--tier');
  const preset = oneOf(options.preset, Object.keys(PRESETS) as PresetId[], '--preset');
  const { rankWorkbook } = await import('./xlsx-ranking');
  if (options.previousSheet && !options.previous) throw new UsageError('--previous-sheet cần --previous TỆP-KỲ-TRƯỚC.xlsx. / --previous-sheet needs --previous PREVIOUS.xlsx.');
  const previous = options.previous ? { file: options.previous, sheet: options.previousSheet } : undefined;
  const result = await rankWorkbook(options.file, options.output, options.sheet, { measure, tier, preset }, new Date(), options.force, previous);
  if (options.json) {
    io.out(JSON.stringify({ file: options.file, output: result.output, sheet: result.sheet, groups: result.ranking.groups, sourceErrors: result.ranking.sourceErrors }, null, 2));
    return EXIT.ok;
  }
  const lines = [`Đã thêm trang "${result.sheet}" vào ${result.output}.`];
  if (result.ranking.sourceErrors.length) lines.push(`Lưu ý: bảng nguồn còn ${result.ranking.sourceErrors.length} lỗi chưa sửa; thứ hạng có thể chưa đúng.`);
  for (const g of result.ranking.groups) {
    lines.push('', g.title);
    for (const u of g.units) lines.push(`  ${String(u.rank).padStart(3)}${u.change !== undefined ? ` ${u.change.padEnd(4)}` : ''}  ${u.name}${u.className ? ` — ${u.className}` : ''}`);
    for (const u of g.unranked) lines.push(`    –  ${u.name} (${u.note})`);
  }
  io.out(lines.join('\n'));
  return EXIT.ok;
}

async function summary(options: Options, io: Io): Promise<number> {
  if (!options.sheet) throw new UsageError('Cần chọn trang tính: --sheet TÊN. / Choose the sheet: --sheet NAME.');
  if (!options.output) throw new UsageError('Thiếu tệp kết quả: -o KẾT-QUẢ.xlsx. / Missing the output: -o OUT.xlsx.');
  const { summariseWorkbook } = await import('./xlsx-summary');
  const added = await summariseWorkbook(options.file, options.output, options.sheet, new Date(), options.force);
  io.out(`Đã thêm ${added.map((n) => `trang "${n}"`).join(' và ')} vào ${options.output}.`);
  return EXIT.ok;
}

/**
 * Text for a terminal: control characters (escape sequences that recolour or move the cursor,
 * carriage returns that overwrite a line) and direction overrides from cell text are dropped.
 * JSON is unaffected: it already writes them as \u escapes.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

export async function run(argv: string[], terminal: Io): Promise<number> {
  const io: Io = { out: (t) => terminal.out(printable(t)), err: (t) => terminal.err(printable(t)) };
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command ? EXIT.ok : EXIT.unusable;
    }
    if (command === 'check') return await check(parseArgs(rest, ['--sheet', '--json', '--report', '--force'], true), io);
    if (command === 'rank') return await rank(parseArgs(rest, ['--sheet', '--measure', '--tier', '--preset', '--previous', '--previous-sheet', '-o', '--output', '--json', '--force']), io);
    if (command === 'summary') return await summary(parseArgs(rest, ['--sheet', '-o', '--output', '--force']), io);
    if (command === 'fix') return await fix(parseArgs(rest, ['--sheet', '-o', '--output', '--apply-suggestions', '--values', '--json', '--force'], true), io);
    throw new UsageError(`Lệnh không hợp lệ: ${command}. / Unknown command: ${command}.`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
    } else if (e instanceof WorkbookReadError || e instanceof RankingError) {
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
