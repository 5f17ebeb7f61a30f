/**
 * What a cell's style index says to the engine: its number format code and whether its font is
 * bold. Built-in format ids are given their codes as Excel writes them (id 10 is "0.00%").
 */
import { END, OPEN, CLOSE, XmlScanner } from './xml-scanner';
import { isDateFormat } from '../../engine/read/snapshot';
import { isTrue } from './package-parts';

export interface CellStyle {
  numberFormat?: string;
  bold?: true;
  /** The number format shows a date. */
  isDate: boolean;
}

/** Excel's built-in number formats that matter when reading (the locale-free ones). */
export const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Built-in ids whose code depends on the locale (not written in the file): dates in the locales that use them. */
const LOCALE_DATE_IDS = new Set([27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

export class CellStyles {
  constructor(private readonly styles: CellStyle[]) {}

  static empty(): CellStyles {
    return new CellStyles([]);
  }

  get count(): number {
    return this.styles.length;
  }

  /** The style of a cell's "s" index; a cell without one has style 0. */
  at(index: number): CellStyle | undefined {
    return this.styles[index];
  }
}

export function readStyles(bytes: Uint8Array | undefined): CellStyles {
  if (!bytes) return CellStyles.empty();
  const x = new XmlScanner(bytes);
  const formats = new Map<number, string>();
  const boldFonts: boolean[] = [];
  const styles: CellStyle[] = [];
  let section = '';
  let inFont = false;
  let fontBold = false;
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === CLOSE) {
      if (x.name === section) section = '';
      else if (x.name === 'font' && section === 'fonts') {
        boldFonts.push(fontBold);
        inFont = false;
      }
      continue;
    }
    if (t !== OPEN) continue;
    const name = x.name;
    if (name === 'numFmts' || name === 'fonts' || name === 'cellXfs' || name === 'cellStyleXfs' || name === 'dxfs') section = name;
    else if (section === 'numFmts' && name === 'numFmt') formats.set(Number(x.attr('numFmtId')), x.attr('formatCode') ?? '');
    else if (section === 'fonts' && name === 'font') {
      inFont = true;
      fontBold = false;
    } else if (inFont && name === 'b') fontBold = x.attr('val') === undefined || isTrue(x.attr('val'));
    else if (section === 'cellXfs' && name === 'xf') {
      const id = Number(x.attr('numFmtId') ?? 0);
      const code = id === 0 ? undefined : (formats.get(id) ?? BUILT_IN_FORMATS[id]);
      const numberFormat = code && code !== 'General' ? code : undefined;
      styles.push({ numberFormat, bold: boldFonts[Number(x.attr('fontId') ?? 0)] ? true : undefined, isDate: numberFormat ? isDateFormat(numberFormat) : LOCALE_DATE_IDS.has(id) });
    }
  }
  return new CellStyles(styles);
}
