import { fitCellText } from '../../engine/read/cell-text';

/**
 * Changes to an XML part as byte ranges replaced or text inserted, applied in one pass, so
 * everything around them stays byte for byte what it was.
 */
export class XmlSplice {
  // Changes are kept as text and encoded once, into one buffer: a sheet may get 500,000 of them,
  // so they are kept in flat arrays, in the order made (nearly always the order of the bytes).
  private starts: number[] = [];
  private ends: number[] = [];
  private texts: string[] = [];
  private inOrder = true;

  constructor(private readonly bytes: Uint8Array) {}

  replace(start: number, end: number, text: string): void {
    const last = this.starts.length - 1;
    if (last >= 0 && start < this.starts[last]) this.inOrder = false;
    this.starts.push(start);
    this.ends.push(end);
    this.texts.push(text);
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get changed(): boolean {
    return this.starts.length > 0;
  }

  /** The changed bytes; the very bytes given when nothing changed. */
  result(): Uint8Array {
    const count = this.starts.length;
    if (!count) return this.bytes;
    // Stable: insertions at one place keep the order they were made in.
    const order = Array.from({ length: count }, (_, i) => i);
    if (!this.inOrder) order.sort((a, b) => this.starts[a] - this.starts[b] || a - b);
    let size = this.bytes.length;
    let at = 0;
    for (const i of order) {
      if (this.starts[i] < at) throw new Error('overlapping XML changes');
      size += Buffer.byteLength(this.texts[i], 'utf8') - (this.ends[i] - this.starts[i]);
      at = this.ends[i];
    }
    const out = Buffer.allocUnsafe(size);
    let pos = 0;
    at = 0;
    for (const i of order) {
      const start = this.starts[i];
      out.set(this.bytes.subarray(at, start), pos);
      pos += start - at;
      pos += out.write(this.texts[i], pos, 'utf8');
      at = this.ends[i];
    }
    out.set(this.bytes.subarray(at), pos);
    return out;
  }
}

/** Whether the text holds anything escapeXml changes: a markup character, one XML cannot hold, or "_x". */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c >= 0xfffe || (c === 0x5f && text.charCodeAt(i + 1) === 0x78)) return true;
  }
  return false;
}

/** Text for XML content or a double-quoted attribute. */
/**
 * A cell's text as an inline string (`<is><t>…</t></is>`), as every writer of new cells spells it:
 * escaped, spaces kept, and cut to what a cell can hold. Inline text is never taken for a formula.
 */
export function inlineText(text: string, prefix = ''): string {
  return `<${prefix}is><${prefix}t xml:space="preserve">${escapeXml(fitCellText(text))}</${prefix}t></${prefix}is>`;
}

export function escapeXml(text: string): string {
  // Nearly all text (a formula, a number) needs nothing: said by one scan.
  if (!needsEscape(text)) return text;
  let out = '';
  // Text that reads like Excel's _xHHHH_ escape is itself escaped, so it reads back as written.
  if (text.includes('_x')) text = text.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`);
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    // Characters XML 1.0 cannot hold are written as Excel writes them.
    else if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff) out += `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
    else out += ch;
  }
  return out;
}

/** The raw (prefixed) name of the tag starting at `at` ("<x:c …" → "x:c"). */
export function rawTagName(bytes: Uint8Array, at: number): string {
  let i = at + 1;
  if (bytes[i] === 0x2f) i++;
  const start = i;
  while (i < bytes.length && bytes[i] !== 0x20 && bytes[i] !== 0x3e && bytes[i] !== 0x2f && bytes[i] !== 0x0a && bytes[i] !== 0x09 && bytes[i] !== 0x0d) i++;
  return Buffer.from(bytes.subarray(start, i)).toString('utf8');
}

/** An element's start tag (or empty element) with attributes set: replaced where present, added otherwise. */
export function withAttributes(element: string, values: Record<string, string>): string {
  const end = element.indexOf('>');
  const selfClosing = element[end - 1] === '/';
  let head = element.slice(0, selfClosing ? end - 1 : end).trimEnd();
  const rest = element.slice(end + 1);
  for (const [name, value] of Object.entries(values)) {
    const at = findAttribute(head, name);
    if (at) head = head.slice(0, at[0]) + value + head.slice(at[1]);
    else head += ` ${name}="${value}"`;
  }
  return `${head}${selfClosing ? '/>' : '>'}${rest}`;
}

/** The value range of an attribute in a start tag's text (quotes either way), by exact name. */
function findAttribute(tag: string, name: string): [number, number] | undefined {
  let i = tag.indexOf(' ');
  while (i >= 0 && i < tag.length) {
    while (i < tag.length && /\s/.test(tag[i])) i++;
    const eq = tag.indexOf('=', i);
    if (eq < 0) return undefined;
    const attr = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (/\s/.test(tag[q])) q++;
    const quote = tag[q];
    const close = tag.indexOf(quote, q + 1);
    if (close < 0) return undefined;
    if (attr === name) return [q + 1, close];
    i = close + 1;
  }
  return undefined;
}
