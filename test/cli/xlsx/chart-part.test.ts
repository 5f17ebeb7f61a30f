/**
 * The ranking's bar chart as written into the package: a drawing the new sheet owns, a chart whose
 * series refers to the ranked rows (names and measure) with their values cached, best at the top.
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { rankWorkbook } from '../../../src/cli/xlsx-ranking';

const SAMPLE = path.resolve(__dirname, '../../../samples/chi-so-cchc-2025.xlsx');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

test('a score ranking carries a bar chart of its total by unit, drawn beside the table', async () => {
  const output = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'phuluc-chart-')), 'out.xlsx');
  const { sheet } = await rankWorkbook(SAMPLE, output, 'Chỉ số CCHC', {}, new Date(2026, 0, 5));
  const files = unzipSync(fs.readFileSync(output));
  const text = (name: string) => strFromU8(files[name]);
  const types = text('[Content_Types].xml');
  expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
  expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
  // The new sheet owns the drawing, the drawing the chart.
  const sheetRels = parser.parse(text('xl/worksheets/_rels/sheet2.xml.rels')).Relationships.Relationship;
  expect(sheetRels).toContainEqual(expect.objectContaining({ Type: expect.stringMatching(/\/drawing$/), Target: '../drawings/drawing1.xml' }));
  expect(text('xl/worksheets/sheet2.xml')).toMatch(/<pageSetup[^>]*\/><drawing r:id="rId2"\/><tableParts/);
  expect(parser.parse(text('xl/drawings/_rels/drawing1.xml.rels')).Relationships.Relationship.Target).toBe('../charts/chart1.xml');

  const chart = parser.parse(text('xl/charts/chart1.xml'))['c:chartSpace']['c:chart'];
  const bars = chart['c:plotArea']['c:barChart'];
  expect(bars['c:barDir'].val).toBe('bar');
  const series = bars['c:ser'];
  const quotedSheet = `'${sheet}'`;
  expect(series['c:cat']['c:strRef']['c:f']).toBe(`${quotedSheet}!$B$9:$B$16`);
  expect(series['c:val']['c:numRef']['c:f']).toBe(`${quotedSheet}!$C$9:$C$16`);
  // Those cells hold the ranked units and their totals, as Excel reads the sheet.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const ws = wb.getWorksheet(sheet)!;
  expect([ws.getCell('B8').value, ws.getCell('B9').value, ws.getCell('C9').value, ws.getCell('B16').value]).toEqual(['Đơn vị', 'Sở Nội vụ', 94.75, 'Sở Khoa học và Công nghệ']);
  const names = series['c:cat']['c:strRef']['c:strCache']['c:pt'].map((p: { 'c:v': string }) => p['c:v']);
  const values = series['c:val']['c:numRef']['c:numCache']['c:pt'].map((p: { 'c:v': number }) => p['c:v']);
  expect(names[0]).toBe('Sở Nội vụ');
  expect(names).toHaveLength(8);
  expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
  // Best at the top: the category axis runs from its end.
  expect(chart['c:plotArea']['c:catAx']['c:scaling']['c:orientation'].val).toBe('maxMin');
});
