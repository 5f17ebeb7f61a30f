/**
 * The shared-string table: the text of each entry, rich-text runs joined, phonetic guides left
 * out, Excel's _xHHHH_ escapes turned back into their characters.
 */
import { CLOSE, END, OPEN, TEXT, XmlScanner } from './xml-scanner';

/** Excel writes characters XML cannot hold (and literal "_x…_" text) as _xHHHH_. */
export function unescapeExcelText(text: string): string {
  if (!text.includes('_x')) return text;
  let out = '';
  let from = 0;
  for (let i = text.indexOf('_x'); i >= 0; i = text.indexOf('_x', i + 1)) {
    const hex = text.slice(i + 2, i + 6);
    if (text[i + 6] !== '_' || hex.length !== 4 || !/^[0-9A-Fa-f]{4}$/.test(hex) || i < from) continue;
    out += text.slice(from, i) + String.fromCharCode(parseInt(hex, 16));
    from = i + 7;
  }
  return out + text.slice(from);
}

export function readSharedStrings(bytes: Uint8Array | undefined, limit: number, onLimit: () => Error): string[] {
  if (!bytes) return [];
  const x = new XmlScanner(bytes);
  const strings: string[] = [];
  let current = '';
  let inEntry = false;
  let inText = false;
  let phonetic = 0;
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === TEXT) {
      if (inText && !phonetic) current += x.text();
    } else if (t === OPEN) {
      if (x.name === 'si') {
        inEntry = true;
        current = '';
      } else if (x.name === 't') {
        // Nearly every entry is one plain run: read with its end tag in one step.
        if (!x.plainContent()) inText = inEntry;
        else if (inEntry && !phonetic) current += x.text();
      }
      else if (x.name === 'rPh') phonetic++;
    } else if (t === CLOSE) {
      if (x.name === 't') inText = false;
      else if (x.name === 'rPh') phonetic--;
      else if (x.name === 'si') {
        if (strings.length >= limit) throw onLimit();
        strings.push(unescapeExcelText(current));
        inEntry = false;
      }
    }
  }
  return strings;
}
