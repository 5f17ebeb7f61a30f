/**
 * What a file is, told from its first bytes and the names inside it, so a file PhuLuc cannot use is
 * said to be what it is (an old .xls, an OpenDocument sheet, a Word document, an empty package)
 * with what to do, instead of being read as a workbook without findings.
 */
import type { ZipPackage } from './xlsx/zip-package';

export type FileKind = 'xlsx' | 'xls' | 'encrypted' | 'not-a-package' | 'damaged' | 'too-large' | 'opendocument' | 'word' | 'powerpoint' | 'empty-package' | 'other-package' | 'no-sheets';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Larger than any appendix workbook (a 100,000-row one is about 7 MB): refused before it is read. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** "EncryptedPackage" as a compound file names its streams (UTF-16LE). */
const ENCRYPTED_PACKAGE = Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]);

/**
 * An .xlsx saved with a password is a compound file (like an old .xls) holding the encrypted
 * package as a stream of that name: found in the file's directory.
 */
function holdsEncryptedPackage(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0];
  for (let i = bytes.indexOf(first); i >= 0 && i + ENCRYPTED_PACKAGE.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    if (ENCRYPTED_PACKAGE.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

/** What the bytes tell before any zip is opened: an old .xls, a workbook with a password, no zip at all, an empty zip; undefined for a zip to open. */
export function kindFromMagic(bytes: Uint8Array): FileKind | undefined {
  const head = bytes.subarray(0, 8);
  if (startsWith(head, OLE)) return holdsEncryptedPackage(bytes) ? 'encrypted' : 'xls';
  if (!startsWith(head, ZIP)) return startsWith(head, [0x50, 0x4b, 0x05, 0x06]) ? 'empty-package' : 'not-a-package';
  return undefined;
}

/** What a zip package is, from the names of its parts. */
export function packageKind(pkg: ZipPackage): FileKind {
  const has = (name: string) => pkg.has(name);
  if (!pkg.entries.length) return 'empty-package';
  if (has('mimetype') && has('content.xml')) return 'opendocument';
  if (has('word/document.xml')) return 'word';
  if (has('ppt/presentation.xml')) return 'powerpoint';
  if (!has('xl/workbook.xml')) return 'other-package';
  if (!pkg.entries.some((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name))) return 'no-sheets';
  return 'xlsx';
}

/** What to tell the user about a file that is not a usable workbook. */
export function unusableMessage(kind: Exclude<FileKind, 'xlsx'>, path: string): { vi: string; en: string } {
  const save = { vi: 'Hãy mở tệp bằng Excel (hoặc LibreOffice) và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).', en: 'Open it in Excel (or LibreOffice) and save it as an Excel Workbook (.xlsx).' };
  const what: Record<Exclude<FileKind, 'xlsx'>, { vi: string; en: string }> = {
    xls: { vi: 'là sổ tính Excel kiểu cũ (.xls)', en: 'is an old-style Excel workbook (.xls)' },
    encrypted: { vi: 'được bảo vệ bằng mật khẩu (mã hóa), PhuLuc không mở được', en: 'is protected with a password (encrypted), which PhuLuc cannot open' },
    'not-a-package': { vi: 'không phải là sổ tính Excel (.xlsx)', en: 'is not an Excel workbook (.xlsx)' },
    'too-large': { vi: `lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB, quá lớn cho một sổ tính phụ lục (có thể không phải tệp phụ lục)`, en: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, too large for an appendix workbook (perhaps not an appendix file)` },
    damaged: { vi: 'bị hỏng (tệp nén không đọc được, có thể chép hoặc tải về chưa hết)', en: 'is damaged (its zip package cannot be read; perhaps copied or downloaded in part)' },
    opendocument: { vi: 'là tệp OpenDocument (.ods của LibreOffice), không phải .xlsx', en: 'is an OpenDocument file (LibreOffice .ods), not .xlsx' },
    word: { vi: 'là văn bản Word (.docx), không phải sổ tính', en: 'is a Word document (.docx), not a workbook' },
    powerpoint: { vi: 'là bản trình chiếu PowerPoint (.pptx), không phải sổ tính', en: 'is a PowerPoint presentation (.pptx), not a workbook' },
    'empty-package': { vi: 'là tệp nén rỗng', en: 'is an empty zip package' },
    'other-package': { vi: 'là tệp nén nhưng không chứa sổ tính Excel', en: 'is a zip package without an Excel workbook inside' },
    'no-sheets': { vi: 'là sổ tính bị hỏng: thiếu phần chứa các trang tính', en: 'is a damaged workbook: the parts holding its sheets are missing' },
  };
  // A password is removed in Excel, not by saving again: say how.
  if (kind === 'encrypted') {
    return {
      vi: `Không dùng được ${path}: tệp ${what[kind].vi}. Hãy mở tệp bằng Excel với mật khẩu, vào Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu rồi lưu lại.`,
      en: `Cannot use ${path}: it ${what[kind].en}. Open it in Excel with its password, go to File > Info > Protect Workbook > Encrypt with Password, clear the password and save.`,
    };
  }
  return { vi: `Không dùng được ${path}: tệp ${what[kind].vi}. ${save.vi}`, en: `Cannot use ${path}: it ${what[kind].en}. ${save.en}` };
}
