/**
 * Writing a result without ever harming the input or a file already there: the output may not be
 * the input under any name (the same path, a link to it, the same file by device and inode, a
 * case variant on a case-insensitive disk); an existing output is replaced only with --force; the
 * workbook is written to a temporary file beside the target and moved into place, so a crash, a
 * full disk or a second run never leaves a half-written file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WorkbookReadError } from './workbook-error';

/** ".ket-qua.xlsx.4242.1765000000000.tmp": a temporary file of a run, with the process that wrote it. */
const TEMPORARY = /^\..+\.(\d+)\.\d+\.tmp$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but is another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run killed while writing leaves its temporary file beside the output: the next run in that
 * folder removes those whose process is gone (never one a running process is still writing).
 */
export function removeAbandonedTemporaries(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    try {
      if (fs.lstatSync(path.join(folder, name)).isFile()) fs.rmSync(path.join(folder, name), { force: true });
    } catch {
      // Someone else removed it, or it cannot be removed: not this run's concern.
    }
  }
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Refuses, before any work, an output that is an input or that exists (without `force`). */
export function checkOutput(inputs: string | string[], output: string, force: boolean): void {
  const target = path.resolve(output);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target); // follows links: a link to the input is the input
  } catch {
    existing = undefined;
  }
  // A missing input is the reader's to report.
  const input = (typeof inputs === 'string' ? [inputs] : inputs).find((file) => existing && fs.existsSync(file) && sameFile(existing, fs.statSync(file)));
  if (input !== undefined) {
    throw new WorkbookReadError(`Tệp kết quả ${output} chính là tệp gốc ${input} (cùng một tệp): PhuLuc không ghi đè tệp gốc. Hãy chọn tên khác.`, `The output ${output} is the input ${input} (the same file): PhuLuc never writes over its input. Choose another name.`);
  }
  if (existing && !force) {
    throw new WorkbookReadError(`Tệp ${output} đã có. Chọn tên khác, hoặc thêm --force để thay nó.`, `${output} already exists. Choose another name, or add --force to replace it.`);
  }
  if (existing && !existing.isFile()) throw new WorkbookReadError(`${output} không phải là một tệp.`, `${output} is not a file.`);
  if (!fs.existsSync(path.dirname(target))) throw new WorkbookReadError(`Không có thư mục ${path.dirname(output)}.`, `No folder ${path.dirname(output)}.`);
}

/**
 * Writes through `write` into a temporary file beside `output`, then puts it in place: replacing
 * only with `force`, and otherwise failing if another run put a file there meanwhile.
 */
export async function writeAtomically(output: string, force: boolean, write: (temporary: string) => Promise<void>): Promise<void> {
  const target = path.resolve(output);
  removeAbandonedTemporaries(path.dirname(target));
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temporary);
    const fd = fs.openSync(temporary, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    if (force) fs.renameSync(temporary, target);
    else {
      // A hard link fails if the name is taken: no second run's file is overwritten unasked.
      fs.linkSync(temporary, target);
      fs.unlinkSync(temporary);
    }
  } catch (e) {
    fs.rmSync(temporary, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WorkbookReadError(`Tệp ${output} vừa được tạo bởi một lần chạy khác: không ghi đè. Thêm --force để thay nó.`, `${output} was just created by another run: not overwritten. Add --force to replace it.`);
    if (code === 'ENOSPC') throw new WorkbookReadError(`Đĩa đầy: không ghi được ${output}; không có tệp nào bị ghi dở.`, `The disk is full: ${output} was not written; no half-written file was left.`);
    throw e;
  }
}
