/** Numbers written for people: Vietnamese (346.143; 12,57%) and English. */
import { cellAddress, CellKey, colOfKey, rowOfKey } from './address';

export type Language = 'vi' | 'en';

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

export function formatCount(value: number, lang: Language): string {
  const sign = value < 0 ? '-' : '';
  const [int, frac] = Math.abs(value).toString().split('.');
  const grouped = groupThousands(int, lang === 'vi' ? '.' : ',');
  return sign + grouped + (frac ? (lang === 'vi' ? ',' : '.') + frac : '');
}

/** A day as the sheets PhuLuc adds write it: dd/mm/yyyy, in the machine's own time zone. */
export function formatDay(d: Date): string {
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

export function formatRate(value: number, lang: Language): string {
  const text = (Math.round(value * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
  return (lang === 'vi' ? text.replace('.', ',') : text) + '%';
}

/** A score as tables write it: two decimals at most, trailing zeros dropped (8,5; 17,25). */
export function formatScore(value: number, lang: Language): string {
  const text = (Math.round(value * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
  return lang === 'vi' ? text.replace('.', ',') : text;
}

export function formatValue(value: number, kind: 'count' | 'rate' | 'score', lang: Language): string {
  return kind === 'rate' ? formatRate(value, lang) : kind === 'score' ? formatScore(value, lang) : formatCount(value, lang);
}

export function addressOf(key: CellKey): string {
  return cellAddress(rowOfKey(key), colOfKey(key));
}

