/**
 * An .xlsx file as a zip package: the names and sizes of its parts, and any one part inflated on
 * demand. Parts are looked up as OPC names are compared, without regard to case. The declared
 * inflated size of a part is checked against the limits before it is inflated.
 */
import { LIMITS, tooLarge } from './limits';
import { inflateEntry, inflateEntryLater, readZipDirectory, ZipEntry, ZipFormatError } from './zip-directory';

export class PackageDamagedError extends Error {}

/** A package holding two parts of one name (names compared as OPC compares them, without case). */
export class DuplicatePartError extends PackageDamagedError {
  constructor(readonly part: string) {
    super(`two parts named ${part}`);
  }
}

export class ZipPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private bytesRead = 0;

  private constructor(
    readonly file: string,
    readonly data: Uint8Array,
    readonly entries: ZipEntry[],
  ) {
    for (const e of entries) {
      // Two parts of one name: Excel and LibreOffice may each read another of them, so none is trusted.
      if (this.byName.has(e.name.toLowerCase())) throw new DuplicatePartError(e.name);
      this.byName.set(e.name.toLowerCase(), e);
    }
  }

  /** Lists the parts of a zip package without inflating any; throws PackageDamagedError if it is no zip. */
  static open(file: string, data: Uint8Array): ZipPackage {
    try {
      return new ZipPackage(file, data, readZipDirectory(data));
    } catch (e) {
      if (e instanceof ZipFormatError || e instanceof RangeError) throw new PackageDamagedError((e as Error).message);
      throw e;
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The inflated bytes of one part, or undefined when the package has no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.counted(name);
    return entry && this.damagedOnFailure(() => inflateEntry(this.data, entry));
  }

  /**
   * The same, inflated on Node's thread pool while the caller goes on; the promise settles with
   * the bytes or the error `read` would have thrown, so nothing is left unhandled if the caller
   * stops before it asks.
   */
  readLater(name: string): Promise<{ bytes?: Uint8Array; error?: unknown }> {
    let entry: ZipEntry | undefined;
    try {
      entry = this.counted(name);
    } catch (error) {
      return Promise.resolve({ error });
    }
    if (!entry) return Promise.resolve({});
    return inflateEntryLater(this.data, entry).then(
      (bytes) => ({ bytes }),
      (e) => ({ error: this.damaged(e) }),
    );
  }

  /** The entry, its declared size counted against the limits before anything is inflated. */
  private counted(name: string): ZipEntry | undefined {
    const entry = this.entry(name);
    if (!entry) return undefined;
    if (entry.size > LIMITS.partBytes) throw tooLarge(this.file, 'part-bytes', entry.name);
    this.bytesRead += entry.size;
    if (this.bytesRead > LIMITS.totalBytes) throw tooLarge(this.file, 'total-bytes', entry.name);
    return entry;
  }

  private damagedOnFailure<T>(step: () => T): T {
    try {
      return step();
    } catch (e) {
      throw this.damaged(e);
    }
  }

  private damaged(e: unknown): unknown {
    return e instanceof ZipFormatError || e instanceof RangeError ? new PackageDamagedError((e as Error).message) : e;
  }
}
