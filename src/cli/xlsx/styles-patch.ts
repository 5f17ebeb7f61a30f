/**
 * New cell styles in a workbook's styles part, added after the ones it has: a style that is an
 * existing one with another number format (a rate written as a formula keeps its cell's font,
 * fill and borders), and the styles of the sheets PhuLuc adds (bold, italic, coloured text, a
 * filled header, thin borders, alignment). Existing styles and their indices never change.
 */
import { WorkbookReadError } from '../workbook-error';
import type { OpenedWorkbook } from '../xlsx-reader';
import { BUILT_IN_FORMATS } from './styles-part';
import { CLOSE, END, OPEN, XmlScanner } from './xml-scanner';
import { escapeXml, rawTagName, withAttributes, XmlSplice } from './xml-splice';

const FIRST_CUSTOM_FORMAT = 164;

/** A style for a cell of a sheet PhuLuc adds. Colours are ARGB ("FF305496"). */
export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  border?: string;
  horizontal?: 'center' | 'left' | 'right';
  vertical?: 'top' | 'center';
  wrap?: boolean;
  numberFormat?: string;
}

const SECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];

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

/** The styles part of an opened workbook, to add styles to; a workbook without one cannot be written into. */
export function stylesPatchOf(opened: OpenedWorkbook): StylesPatch {
  const part = opened.book.stylesPart;
  const bytes = part ? opened.pkg.read(part) : undefined;
  if (!bytes) {
    throw new WorkbookReadError(
      `Không ghi được vào bản sao của ${opened.file}: sổ tính thiếu phần kiểu định dạng (styles). Hãy mở bằng Excel, lưu lại rồi thử lại.`,
      `Cannot write into a copy of ${opened.file}: the workbook has no styles part. Open it in Excel, save it and try again.`,
    );
  }
  return new StylesPatch(bytes);
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
  private readonly addedFills: string[] = [];
  private readonly addedBorders: string[] = [];
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
        if (depth === 2 && SECTIONS.includes(x.name)) {
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
    const id = this.formatId(code);
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
    return this.style({ bold: true });
  }

  /** A style for a cell of an added sheet: its font, fill, border and alignment added as needed. */
  style(spec: StyleSpec): number {
    const key = JSON.stringify(spec);
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    const font = `<${p}font>${spec.bold ? `<${p}b/>` : ''}${spec.italic ? `<${p}i/>` : ''}<${p}sz val="${spec.size ?? 11}"/>${spec.color ? `<${p}color rgb="${spec.color}"/>` : ''}<${p}name val="Calibri"/><${p}family val="2"/></${p}font>`;
    const fontId = this.count('fonts') + this.addedFonts.length;
    this.addedFonts.push(font);
    let fillId = 0;
    if (spec.fill) {
      fillId = this.count('fills') + this.addedFills.length;
      this.addedFills.push(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${spec.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    }
    let borderId = 0;
    if (spec.border) {
      borderId = this.count('borders') + this.addedBorders.length;
      const side = (name: string) => `<${p}${name} style="thin"><${p}color rgb="${spec.border}"/></${p}${name}>`;
      this.addedBorders.push(`<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`);
    }
    const numFmtId = spec.numberFormat ? this.formatId(spec.numberFormat) : 0;
    const alignment = spec.horizontal || spec.vertical || spec.wrap ? `<${p}alignment${spec.horizontal ? ` horizontal="${spec.horizontal}"` : ''}${spec.vertical ? ` vertical="${spec.vertical}"` : ''}${spec.wrap ? ' wrapText="1"' : ''}/>` : '';
    const xf = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"${numFmtId ? ' applyNumberFormat="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${alignment ? ` applyAlignment="1">${alignment}</${p}xf>` : '/>'}`;
    const index = this.addXf(xf, numFmtId);
    this.made.set(key, index);
    return index;
  }

  private count(section: string): number {
    return this.sections.get(section)?.size ?? 0;
  }

  /** The id of a number format: built in, already in the workbook, or added. */
  private formatId(code: string): number {
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formatIds.set(code, id);
      this.addedFormats.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  }

  private addXf(xml: string, numFmt: number): number {
    this.xfs.push(xml);
    this.xfNumFmt.push(numFmt);
    this.addedXfs.push(xml);
    return this.xfs.length - 1;
  }

  get changed(): boolean {
    return this.addedXfs.length > 0 || this.addedFormats.length > 0 || this.addedFonts.length > 0 || this.addedFills.length > 0 || this.addedBorders.length > 0;
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
    add('numFmts', this.addedFormats, ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs']);
    add('fonts', this.addedFonts, ['fills', 'borders', 'cellStyleXfs', 'cellXfs']);
    add('fills', this.addedFills, ['borders', 'cellStyleXfs', 'cellXfs']);
    add('borders', this.addedBorders, ['cellStyleXfs', 'cellXfs']);
    add('cellXfs', this.addedXfs, []);
    return splice.result();
  }
}
