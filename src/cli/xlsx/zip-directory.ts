/**
 * The central directory of a zip package: each entry's name, method, CRC, sizes and where its data
 * starts, so one part can be inflated by Node's own zlib (several times faster than inflating in
 * JavaScript) and a part PhuLuc leaves alone can be copied into its output byte for byte.
 * A test holds it to fflate's reading of the same packages.
 */
import * as zlib from 'zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
  /** General-purpose flags (bit 0: encrypted; bit 11: UTF-8 name). */
  flags: number;
}

export class ZipFormatError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

function findEndOfDirectory(view: DataView): number {
  // The end record is the last 22 bytes, or comes before a comment of up to 65,535 bytes.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  throw new ZipFormatError('no end of central directory');
}

export function readZipDirectory(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 22) throw new ZipFormatError('too short for a zip package');
  const end = findEndOfDirectory(view);
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const zip64End = u64(view, end - 12);
    if (zip64End + 56 > data.byteLength || view.getUint32(zip64End, true) !== ZIP64_END) throw new ZipFormatError('a broken zip64 end record');
    count = u64(view, zip64End + 32);
    offset = u64(view, zip64End + 48);
  }
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipFormatError('a broken central directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let headerOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
    // Sizes and offset too large for 32 bits are in the zip64 extra field, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(x, true);
      const length = view.getUint16(x + 2, true);
      if (id === 1) {
        let y = x + 4;
        if (size === 0xffffffff) (size = u64(view, y)), (y += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(view, y)), (y += 8);
        if (headerOffset === 0xffffffff) headerOffset = u64(view, y);
      }
      x += 4 + length;
    }
    entries.push({ name, method, crc, compressedSize, size, headerOffset, flags });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's data as stored in the package (compressed when its method says so). */
export function storedData(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.headerOffset;
  if (at + 30 > data.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) throw new ZipFormatError(`a broken local header for ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > data.byteLength) throw new ZipFormatError(`${entry.name} runs past the end of the file`);
  return data.subarray(start, start + entry.compressedSize);
}

/** What inflating an entry takes: its stored bytes, or those bytes themselves when it is stored plain. */
function inflation(data: Uint8Array, entry: ZipEntry): { plain: Uint8Array } | { deflated: Uint8Array; options: zlib.ZlibOptions } {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  const stored = storedData(data, entry);
  if (entry.method === 0) return { plain: stored };
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
  // The declared size bounds the output: a part that inflates past it is damaged, not read on.
  // One output chunk of the declared size: no joining of 16 KB pieces afterwards.
  return { deflated: stored, options: { maxOutputLength: Math.max(entry.size, 1), chunkSize: Math.min(Math.max(entry.size, 64), 1 << 30) } };
}

/** The entry's content. */
export function inflateEntry(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const job = inflation(data, entry);
  if ('plain' in job) return job.plain;
  try {
    return zlib.inflateRawSync(job.deflated, job.options);
  } catch (e) {
    throw new ZipFormatError(`${entry.name}: ${(e as Error).message}`);
  }
}

/** The same on Node's thread pool, so the caller can read something else meanwhile. */
export function inflateEntryLater(data: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const job = inflation(data, entry);
    if ('plain' in job) return resolve(job.plain);
    zlib.inflateRaw(job.deflated, job.options, (error, inflated) => (error ? reject(new ZipFormatError(`${entry.name}: ${error.message}`)) : resolve(inflated)));
  });
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 as zip records it; Node's own where it has one. */
export function crc32(bytes: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(bytes) >>> 0;
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
