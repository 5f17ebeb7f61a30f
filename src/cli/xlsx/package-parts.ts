/**
 * The parts that say what a workbook holds: the package relationships, the workbook part with its
 * sheets in order (name, visibility, which part holds each), and the styles and shared strings it
 * uses. Small parts, read with the same scanner as the sheets.
 */
import { CLOSE, END, OPEN, XmlScanner } from './xml-scanner';
import { ZipPackage } from './zip-package';

export interface Relationship {
  id: string;
  /** The relationship type's last word: "worksheet", "styles", "comments", "drawing", … */
  kind: string;
  type: string;
  /** The part it points to, as a package part name without the leading "/"; for an external target, as written. */
  target: string;
  external: boolean;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  sheetId: number;
  relationshipId: string;
  visibility: SheetVisibility;
  /** The part holding the sheet. */
  part: string;
  /** "worksheet" for a sheet of cells; "chartsheet", "dialogsheet", … otherwise. */
  kind: string;
}

export interface BookParts {
  workbookPart: string;
  sheets: SheetEntry[];
  date1904: boolean;
  stylesPart?: string;
  sharedStringsPart?: string;
  relationships: Relationship[];
}

export class PackageStructureError extends Error {}

/** The name of the part listing a part's relationships: xl/_rels/workbook.xml.rels for xl/workbook.xml. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target, relative to its source part's folder or absolute, as a part name. */
export function resolveTarget(sourcePart: string, target: string): string {
  const decoded = target.includes('%') ? safeDecode(target) : target;
  const base = decoded.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The relationships of a part; none when it has no relationships part. */
export function readRelationships(pkg: ZipPackage, part: string): Relationship[] {
  const bytes = pkg.read(relationshipsPartOf(part));
  if (!bytes) return [];
  const out: Relationship[] = [];
  const x = new XmlScanner(bytes);
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t !== OPEN || x.name !== 'Relationship') continue;
    const type = x.attr('Type') ?? '';
    const target = x.attr('Target') ?? '';
    const external = x.attr('TargetMode') === 'External';
    out.push({ id: x.attr('Id') ?? '', type, kind: type.slice(type.lastIndexOf('/') + 1), target: external ? target : resolveTarget(part, target), external });
  }
  return out;
}

/** The part the package's own relationships name as the main document (xl/workbook.xml as a rule). */
function workbookPartOf(pkg: ZipPackage): string {
  const main = readRelationships(pkg, '').find((r) => r.kind === 'officeDocument');
  if (main && pkg.has(main.target)) return main.target;
  if (pkg.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new PackageStructureError('no workbook part');
}

export function readBookParts(pkg: ZipPackage): BookParts {
  const workbookPart = workbookPartOf(pkg);
  const relationships = readRelationships(pkg, workbookPart);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const x = new XmlScanner(pkg.read(workbookPart)!);
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === CLOSE && x.name === 'sheets') break;
    if (t !== OPEN) continue;
    if (x.name === 'workbookPr') date1904 = isTrue(x.attr('date1904'));
    else if (x.name === 'sheet') {
      const relationshipId = x.attr('id') ?? '';
      const rel = byId.get(relationshipId);
      const state = x.attr('state');
      sheets.push({
        name: x.attr('name') ?? '',
        sheetId: Number(x.attr('sheetId') ?? 0),
        relationshipId,
        visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part: rel?.target ?? '',
        kind: rel?.kind ?? 'missing',
      });
    }
  }
  return {
    workbookPart,
    sheets,
    date1904,
    stylesPart: relationships.find((r) => r.kind === 'styles')?.target,
    sharedStringsPart: relationships.find((r) => r.kind === 'sharedStrings')?.target,
    relationships,
  };
}

/** An XML boolean attribute as SpreadsheetML writes it: "1" or "true". */
export function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
