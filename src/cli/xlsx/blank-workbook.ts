/**
 * A workbook with no sheets yet, as a package in memory: what a summary workbook of many files
 * starts from before its sheet is added (a package needs at least one sheet once written).
 */
import { OpenedWorkbook } from '../xlsx-reader';
import { MAIN_NS, relationshipsXml, RELATIONSHIPS_NS, XML_HEAD } from './namespaces';
import { readBookParts } from './package-parts';
import { ZipPackage } from './zip-package';
import { writeZip } from './zip-writer';


const PARTS: Record<string, string> = {
  '[Content_Types].xml':
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  '_rels/.rels': relationshipsXml(`<Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/officeDocument" Target="xl/workbook.xml"/>`),
  'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': relationshipsXml(`<Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/styles" Target="styles.xml"/>`),
  'xl/styles.xml':
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
};

export function blankWorkbook(name: string): OpenedWorkbook {
  const data = writeZip(Object.entries(PARTS).map(([part, xml]) => ({ name: part, bytes: new TextEncoder().encode(xml) })));
  const pkg = ZipPackage.open(name, data);
  return { file: name, pkg, book: readBookParts(pkg) };
}
