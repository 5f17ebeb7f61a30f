/**
 * New cell styles in a workbook's styles part, added after the ones it has: a style that is an
 * existing one with another number format (a rate written as a formula keeps its cell's font,
 * fill and borders), and one bold style for the header of the change log. Existing styles and
 * their indices never change.
 */
import { BUILT_IN_FORMATS } from './styles-part';
import { CLOSE, END, OPEN, XmlScanner } from './xml-scanner';
import { escapeXml, rawTagName, withAttributes, XmlSplice } from './xml-splice';

const FIRST_CUSTOM_FORMAT = 164;

interface Section {
  /** The byte range of the count attribute's value, when it has one. */
  count?: [number, number];
  /** Where new children go: before the section's end tag. */
  end: number;
  size: number;
  raw: string;
  selfClosing: boolean;
  start: number;
  tagEnd: number;
}

export class StylesPatch {
  private readonly formatIds = new Map<string, number>();
  private nextFormatId = FIRST_CUSTOM_FORMAT;
  private readonly xfs: string[] = [];
  private readonly xfNumFmt: number[] = [];
  private readonly sections = new Map<string, Section>();
  private readonly addedFormats: string[] = [];
  private readonly addedXfs: string[] = [];
  private readonly addedFonts: string[] = [];
  private readonly made = new Map<string, number>();
  private prefix = '';
  private root = '';
  private xfStart = 0;

  constructor(private readonly bytes: Uint8Array) {
    for (const [id, code] of Object.entries(BUILT_IN_FORMATS)) this.formatIds.set(code, Number(id));
    const x = new XmlScanner(bytes);
    let section = '';
    let depth = 0;
    for (let t = x.next(); t !== END; t = x.next()) {
      if (t === OPEN) {
        depth++;
        if (depth === 1) {
          this.root = rawTagName(bytes, x.tagStart);
          this.prefix = this.root.includes(':') ? this.root.slice(0, this.root.indexOf(':') + 1) : '';
        }
        if (depth === 2 && (x.name === 'numFmts' || x.name === 'fonts' || x.name === 'cellXfs')) {
          section = x.name;
          this.sections.set(section, { count: x.attrRange('count'), end: x.tagEnd, size: 0, raw: rawTagName(bytes, x.tagStart), selfClosing: x.selfClosing, start: x.tagStart, tagEnd: x.tagEnd });
        } else if (depth === 3 && section) {
          const s = this.sections.get(section)!;
          s.size++;
          if (section === 'numFmts') {
            const id = Number(x.attr('numFmtId'));
            const code = x.attr('formatCode') ?? '';
            if (!this.formatIds.has(code) || id >= FIRST_CUSTOM_FORMAT) this.formatIds.set(code, id);
            if (id >= this.nextFormatId) this.nextFormatId = id + 1;
          } else if (section === 'cellXfs') {
            this.xfNumFmt.push(Number(x.attr('numFmtId') ?? 0));
            this.xfs.push(x.selfClosing ? Buffer.from(bytes.subarray(x.tagStart, x.tagEnd)).toString('utf8') : '');
            this.xfStart = x.tagStart;
          }
        }
      } else if (t === CLOSE) {
        if (depth === 3 && section === 'cellXfs' && !this.xfs[this.xfs.length - 1]) {
          this.xfs[this.xfs.length - 1] = Buffer.from(bytes.subarray(this.xfStart, x.tagEnd)).toString('utf8');
        }
        if (depth === 2 && section && x.name === section) {
          this.sections.get(section)!.end = x.tagStart;
          section = '';
        }
        depth--;
      }
    }
  }

  /** A style like `base` (an index into cellXfs) with this number format. */
  withNumberFormat(base: number, code: string): number {
    const key = `${base}|${code}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formatIds.set(code, id);
      this.addedFormats.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    const source = this.xfs[base] ?? this.xfs[0];
    let index: number;
    if (this.xfNumFmt[base] === id) index = base;
    else if (!source) index = this.addXf(`<${this.prefix}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, id);
    else index = this.addXf(withAttributes(source, { numFmtId: String(id), applyNumberFormat: '1' }), id);
    this.made.set(key, index);
    return index;
  }

  /** A bold style on the default font, for a header row. */
  bold(): number {
    const known = this.made.get('bold');
    if (known !== undefined) return known;
    const fonts = this.sections.get('fonts');
    const fontId = (fonts?.size ?? 0) + this.addedFonts.length;
    this.addedFonts.push(`<${this.prefix}font><${this.prefix}b/><${this.prefix}sz val="11"/><${this.prefix}name val="Calibri"/></${this.prefix}font>`);
    const index = this.addXf(`<${this.prefix}xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`, 0);
    this.made.set('bold', index);
    return index;
  }

  private addXf(xml: string, numFmt: number): number {
    this.xfs.push(xml);
    this.xfNumFmt.push(numFmt);
    this.addedXfs.push(xml);
    return this.xfs.length - 1;
  }

  get changed(): boolean {
    return this.addedXfs.length > 0 || this.addedFormats.length > 0 || this.addedFonts.length > 0;
  }

  result(): Uint8Array {
    const splice = new XmlSplice(this.bytes);
    const add = (name: string, children: string[], before: string[]) => {
      if (!children.length) return;
      const s = this.sections.get(name);
      if (s && !s.selfClosing) {
        splice.insert(s.end, children.join(''));
        if (s.count) splice.replace(s.count[0], s.count[1], String(s.size + children.length));
      } else if (s) splice.replace(s.start, s.tagEnd, `<${s.raw} count="${children.length}">${children.join('')}</${s.raw}>`);
      else {
        // numFmts comes first in the styles part; fonts and cellXfs exist in every styles part Excel writes.
        const next = before.map((b) => this.sections.get(b)).find(Boolean);
        const xml = `<${this.prefix}${name} count="${children.length}">${children.join('')}</${this.prefix}${name}>`;
        if (next) splice.insert(next.start, xml);
        else throw new Error(`the styles part has no ${before.join('/')}`);
      }
    };
    add('numFmts', this.addedFormats, ['fonts', 'cellXfs']);
    add('fonts', this.addedFonts, ['cellXfs']);
    add('cellXfs', this.addedXfs, []);
    return splice.result();
  }
}
