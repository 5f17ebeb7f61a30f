/**
 * The output workbook as the input package plus what PhuLuc changes: parts replaced (a sheet's
 * rewritten cells, styles it needs), parts added (copies of sheets with everything they own, the
 * change log), and the entries that list them (workbook, its relationships, content types).
 * Every other part is carried over as it was stored.
 */
import { OpenedWorkbook } from '../xlsx-reader';
import { relationshipsXml, RELATIONSHIPS_NS } from './namespaces';
import { readRelationships, Relationship, relationshipsPartOf, SheetEntry } from './package-parts';
import { CLOSE, END, OPEN, XmlScanner } from './xml-scanner';
import { escapeXml, rawTagName, withAttributes, XmlSplice } from './xml-splice';
import { OutputPart, writeZip } from './zip-writer';

const WORKSHEET_TYPE = `${RELATIONSHIPS_NS}/worksheet`;
export const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const RELATIONSHIPS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';
/** Parts a copy of a sheet shares with the original instead of copying: pictures and pivot caches are the workbook's. */
const SHARED_KINDS = new Set(['image', 'pivotCacheDefinition', 'hyperlink']);
/** What follows calcPr in a workbook part, in schema order. */
const AFTER_CALC = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

const encoder = new TextEncoder();
const text = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

interface AddedSheet {
  name: string;
  part: string;
  relationshipId: string;
  sheetId: number;
}

/** The relative path from one part's folder to another part. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export class PackageEdit {
  private readonly replaced = new Map<string, Uint8Array>();
  private readonly added: { name: string; bytes: Uint8Array; contentType?: string; copyOf?: string }[] = [];
  private readonly removed = new Set<string>();
  private readonly sheets: AddedSheet[] = [];
  private readonly taken = new Set<string>();
  private contentTypes: Map<string, string> | undefined;
  private fullCalc = false;
  private readonly definedNames: { name: string; sheetIndex: number; value: string }[] = [];
  private tables: { ids: Set<number>; names: Set<string> } | undefined;

  constructor(private readonly opened: OpenedWorkbook) {
    for (const e of opened.pkg.entries) this.taken.add(e.name.toLowerCase());
  }

  /** A part's bytes as the output will hold them. */
  read(part: string): Uint8Array | undefined {
    const key = part.toLowerCase();
    return this.replaced.get(key) ?? this.added.find((a) => a.name.toLowerCase() === key)?.bytes ?? this.opened.pkg.read(part);
  }

  replace(part: string, bytes: Uint8Array): void {
    const added = this.added.find((a) => a.name.toLowerCase() === part.toLowerCase());
    if (added) added.bytes = bytes;
    else this.replaced.set(part.toLowerCase(), bytes);
  }

  remove(part: string): void {
    this.removed.add(part.toLowerCase());
  }

  /** Excel recomputes every formula when it opens the output. */
  recalculateOnOpen(): void {
    this.fullCalc = true;
  }

  /** A part name not used in the package: folder/base7.ext. */
  freeName(folder: string, base: string, ext: string): string {
    for (let i = 1; ; i++) {
      const name = `${folder}/${base}${i}${ext}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }

  /** Adds a part; `copyOf` names the input part it is byte for byte, so it is copied as stored. */
  addPart(name: string, bytes: Uint8Array, contentType?: string, copyOf?: string): void {
    this.taken.add(name.toLowerCase());
    this.added.push({ name, bytes, contentType, copyOf });
  }

  /**
   * Adds a worksheet part as a new sheet at the end of the workbook, with the parts it owns
   * (relationship ids rId1, rId2… in the order given). Returns its part and its index among the sheets.
   */
  addSheet(sheetName: string, xml: Uint8Array, owned: { type: string; part: string }[] = []): { part: string; index: number } {
    const part = this.freeName('xl/worksheets', 'sheet', '.xml');
    this.addPart(part, xml, WORKSHEET_CONTENT_TYPE);
    if (owned.length) {
      const rels = owned.map((o, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS_NS}/${o.type}" Target="${escapeXml(relativeTarget(part, o.part))}"/>`).join('');
      this.addPart(relationshipsPartOf(part), encoder.encode(relationshipsXml(rels)));
    }
    this.registerSheet(sheetName, part);
    return { part, index: this.opened.book.sheets.length + this.sheets.length - 1 };
  }

  /** A defined name local to a sheet (by its index), such as the rows printed on every page. */
  addDefinedName(name: string, sheetIndex: number, value: string): void {
    this.definedNames.push({ name, sheetIndex, value });
  }

  /** A table id and name no table of the workbook has yet (both are unique in a workbook). */
  newTable(base: string): { id: number; name: string } {
    if (!this.tables) {
      this.tables = { ids: new Set(), names: new Set() };
      for (const e of this.opened.pkg.entries) {
        if (!/^xl\/tables\/[^/]+\.xml$/i.test(e.name)) continue;
        const x = new XmlScanner(this.opened.pkg.read(e.name)!);
        let t = x.next();
        while (t !== OPEN && t !== END) t = x.next();
        if (t !== OPEN) continue;
        this.tables.ids.add(Number(x.attr('id')));
        this.tables.names.add((x.attr('name') ?? '').toLowerCase());
        this.tables.names.add((x.attr('displayName') ?? '').toLowerCase());
      }
    }
    let id = 1;
    while (this.tables.ids.has(id)) id++;
    let n = 1;
    while (this.tables.names.has(`${base}${n}`.toLowerCase())) n++;
    this.tables.ids.add(id);
    this.tables.names.add(`${base}${n}`.toLowerCase());
    return { id, name: `${base}${n}` };
  }

  /** A copy of a sheet as a new sheet: its XML part and every part it owns (comments, drawings, charts, tables, pivot tables…). */
  copySheet(sheet: SheetEntry, name: string): string {
    const part = this.freeName('xl/worksheets', 'sheet', '.xml');
    const xml = this.read(sheet.part)!;
    const copy = withoutTabSelection(xml);
    const asStored = copy === xml && !this.replaced.has(sheet.part.toLowerCase());
    // A copy written as stored keeps no bytes of its own (a large sheet's XML is tens of megabytes).
    this.addPart(part, asStored ? new Uint8Array(0) : copy, WORKSHEET_CONTENT_TYPE, asStored ? sheet.part : undefined);
    this.copyRelationships(sheet.part, part);
    this.registerSheet(name, part);
    return part;
  }

  private registerSheet(name: string, part: string): void {
    const ids = new Set(this.opened.book.relationships.map((r) => r.id));
    let n = this.sheets.length + 1;
    while (ids.has(`rIdPhuLuc${n}`)) n++;
    const sheetId = Math.max(0, ...this.opened.book.sheets.map((s) => s.sheetId), ...this.sheets.map((s) => s.sheetId)) + 1;
    this.sheets.push({ name, part, relationshipId: `rIdPhuLuc${n}`, sheetId });
  }

  private contentTypeOf(part: string): string | undefined {
    if (!this.contentTypes) {
      this.contentTypes = new Map();
      const x = new XmlScanner(this.opened.pkg.read('[Content_Types].xml')!);
      for (let t = x.next(); t !== END; t = x.next()) if (t === OPEN && x.name === 'Override') this.contentTypes.set((x.attr('PartName') ?? '').replace(/^\//, '').toLowerCase(), x.attr('ContentType') ?? '');
    }
    return this.contentTypes.get(part.toLowerCase());
  }

  /** Copies the parts `source` owns for its copy `copy`, and writes the copy's relationships. */
  private copyRelationships(source: string, copy: string): void {
    const relationships = readRelationships(this.opened.pkg, source);
    if (!relationships.length) return;
    const copied: Relationship[] = relationships.map((rel) => {
      if (rel.external || SHARED_KINDS.has(rel.kind) || !this.opened.pkg.has(rel.target)) return rel;
      const slash = rel.target.lastIndexOf('/');
      const file = rel.target.slice(slash + 1);
      const dot = file.lastIndexOf('.');
      const base = file.slice(0, dot).replace(/\d+$/, '');
      const target = this.freeName(rel.target.slice(0, slash), base, file.slice(dot));
      let bytes = this.opened.pkg.read(rel.target)!;
      if (rel.kind === 'table') bytes = this.renamedTable(bytes);
      this.addPart(target, bytes, this.contentTypeOf(rel.target), rel.kind === 'table' ? undefined : rel.target);
      this.copyRelationships(rel.target, target);
      return { ...rel, target };
    });
    const xml = relationshipsXml(
      copied.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.external ? r.target : relativeTarget(copy, r.target))}"${r.external ? ' TargetMode="External"' : ''}/>`).join(''),
    );
    this.addPart(relationshipsPartOf(copy), encoder.encode(xml));
  }

  /** A table's copy needs its own id and name (both are unique in a workbook). */
  private renamedTable(bytes: Uint8Array): Uint8Array {
    const x = new XmlScanner(bytes);
    let t = x.next();
    while (t !== OPEN && t !== END) t = x.next();
    if (t !== OPEN) return bytes;
    const { id, name } = this.newTable(`${x.attr('name') ?? 'Table'}_goc`);
    const splice = new XmlSplice(bytes);
    const head = text(bytes.subarray(x.tagStart, x.tagEnd));
    splice.replace(x.tagStart, x.tagEnd, withAttributes(head, { id: String(id), name: escapeXml(name), displayName: escapeXml(name) }));
    return splice.result();
  }

  private workbookXml(): Uint8Array {
    const bytes = this.read(this.opened.book.workbookPart)!;
    const x = new XmlScanner(bytes);
    const splice = new XmlSplice(bytes);
    let relPrefix = 'r';
    let prefix = '';
    let declare = '';
    let calcDone = !this.fullCalc;
    let namesDone = !this.definedNames.length;
    const names = () => this.definedNames.map((d) => `<${prefix}definedName name="${escapeXml(d.name)}" localSheetId="${d.sheetIndex}">${escapeXml(d.value)}</${prefix}definedName>`).join('');
    for (let t = x.next(); t !== END; t = x.next()) {
      // The element's own level: 1 for the root, 2 for its children (an empty element is not left open).
      const level = t === OPEN ? x.depth + (x.selfClosing ? 1 : 0) : x.depth + 1;
      if (t === OPEN && level === 1 && x.name === 'workbook') {
        const raw = rawTagName(bytes, x.tagStart);
        prefix = raw.includes(':') ? raw.slice(0, raw.indexOf(':') + 1) : '';
        const declared = x.attrNamed(RELATIONSHIPS_NS);
        if (declared && declared !== 'xmlns') relPrefix = declared;
        else declare = ` xmlns:r="${RELATIONSHIPS_NS}"`;
      } else if (t === CLOSE && x.name === 'definedNames' && !namesDone) {
        splice.insert(x.tagStart, names());
        namesDone = true;
      } else if (t === OPEN && level === 2 && !namesDone && (x.name === 'calcPr' || AFTER_CALC.includes(x.name))) {
        // No definedNames element: one goes before calcPr and what follows it.
        splice.insert(x.tagStart, `<${prefix}definedNames>${names()}</${prefix}definedNames>`);
        namesDone = true;
        if (x.name === 'calcPr' && !calcDone) {
          const head = text(bytes.subarray(x.tagStart, x.tagEnd));
          splice.replace(x.tagStart, x.tagEnd, withAttributes(head, { fullCalcOnLoad: '1' }));
          calcDone = true;
        } else if (!calcDone) {
          splice.insert(x.tagStart, `<${prefix}calcPr fullCalcOnLoad="1"/>`);
          calcDone = true;
        }
      } else if (t === OPEN && x.name === 'calcPr' && !calcDone) {
        const head = text(bytes.subarray(x.tagStart, x.tagEnd));
        splice.replace(x.tagStart, x.tagEnd, withAttributes(head, { fullCalcOnLoad: '1' }));
        calcDone = true;
      } else if (t === OPEN && level === 2 && !calcDone && AFTER_CALC.includes(x.name)) {
        splice.insert(x.tagStart, `<${prefix}calcPr fullCalcOnLoad="1"/>`);
        calcDone = true;
      } else if (t === CLOSE && x.name === 'sheets' && this.sheets.length) {
        splice.insert(x.tagStart, this.sheets.map((s) => `<${prefix}sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}" ${declare ? 'r' : relPrefix}:id="${s.relationshipId}"${declare}/>`).join(''));
      } else if (t === CLOSE && level === 1) {
        if (!namesDone) splice.insert(x.tagStart, `<${prefix}definedNames>${names()}</${prefix}definedNames>`);
        if (!calcDone) splice.insert(x.tagStart, `<${prefix}calcPr fullCalcOnLoad="1"/>`);
        namesDone = calcDone = true;
      }
    }
    return splice.result();
  }

  private workbookRelationshipsXml(): Uint8Array {
    const part = relationshipsPartOf(this.opened.book.workbookPart);
    const bytes = this.read(part)!;
    const x = new XmlScanner(bytes);
    const splice = new XmlSplice(bytes);
    let start = 0;
    for (let t = x.next(); t !== END; t = x.next()) {
      if (t === OPEN && x.name === 'Relationship') {
        start = x.tagStart;
        const target = this.opened.book.relationships.find((r) => r.id === x.attr('Id'))?.target;
        if (target && this.removed.has(target.toLowerCase())) splice.replace(start, x.tagEnd, '');
      } else if (t === CLOSE && x.name === 'Relationships') {
        const rels = this.sheets.map((s) => `<Relationship Id="${s.relationshipId}" Type="${WORKSHEET_TYPE}" Target="${escapeXml(relativeTarget(this.opened.book.workbookPart, s.part))}"/>`);
        splice.insert(x.tagStart, rels.join(''));
      }
    }
    return splice.result();
  }

  private contentTypesXml(): Uint8Array {
    const bytes = this.read('[Content_Types].xml')!;
    const x = new XmlScanner(bytes);
    const splice = new XmlSplice(bytes);
    const defaults = new Map<string, string>();
    for (let t = x.next(); t !== END; t = x.next()) {
      if (t === OPEN && x.name === 'Default') defaults.set((x.attr('Extension') ?? '').toLowerCase(), x.attr('ContentType') ?? '');
      else if (t === OPEN && x.name === 'Override' && this.removed.has((x.attr('PartName') ?? '').replace(/^\//, '').toLowerCase())) splice.replace(x.tagStart, x.tagEnd, '');
      else if (t === CLOSE && x.name === 'Types') {
        const overrides = this.added
          .filter((a) => a.contentType && defaults.get(a.name.slice(a.name.lastIndexOf('.') + 1).toLowerCase()) !== a.contentType)
          .map((a) => `<Override PartName="/${escapeXml(a.name)}" ContentType="${escapeXml(a.contentType!)}"/>`);
        if (!defaults.has('rels') && this.added.some((a) => a.name.endsWith('.rels'))) overrides.unshift(`<Default Extension="rels" ContentType="${RELATIONSHIPS_CONTENT_TYPE}"/>`);
        splice.insert(x.tagStart, overrides.join(''));
      }
    }
    return splice.result();
  }

  /** The output package's bytes. */
  write(): Buffer {
    const { pkg, book } = this.opened;
    if (this.sheets.length || this.fullCalc || this.definedNames.length) this.replace(book.workbookPart, this.workbookXml());
    if (this.sheets.length || this.removed.size) this.replace(relationshipsPartOf(book.workbookPart), this.workbookRelationshipsXml());
    if (this.added.length || this.removed.size) this.replace('[Content_Types].xml', this.contentTypesXml());
    const parts: OutputPart[] = [];
    for (const entry of pkg.entries) {
      const key = entry.name.toLowerCase();
      if (this.removed.has(key)) continue;
      const bytes = this.replaced.get(key);
      parts.push(bytes ? { name: entry.name, bytes } : { name: entry.name, copyOf: entry, from: pkg.data });
    }
    for (const a of this.added) {
      const original = a.copyOf === undefined ? undefined : pkg.entry(a.copyOf);
      parts.push(original ? { name: a.name, copyOf: original, from: pkg.data } : { name: a.name, bytes: a.bytes });
    }
    return writeZip(parts);
  }
}

/** A copy of a sheet must not be selected with its original (Excel would group the two tabs). */
function withoutTabSelection(bytes: Uint8Array): Uint8Array {
  const x = new XmlScanner(bytes);
  const splice = new XmlSplice(bytes);
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === OPEN && x.name === 'sheetView') {
      const range = x.attrRange('tabSelected');
      if (range) splice.replace(range[0], range[1], '0');
    }
    if (t === CLOSE && x.name === 'sheetViews') break;
  }
  return splice.result();
}
