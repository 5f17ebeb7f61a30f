#!/usr/bin/python3
"""
Makes test/fixtures/files/rich-workbook.xlsx: the shipped sample with everything a received
workbook may carry that PhuLuc must not lose — a chart, an image, comments, conditional
formatting and data validation on a sheet that `phuluc fix` changes; a pivot table, shared
(filled-down) formulas, a defined name, a hidden and a very hidden sheet, a sheet protected with a
password. Saved by openpyxl (a writer whose charts exceljs cannot read), then the parts openpyxl
cannot make (pivot table, shared formulas) added to the package.

Run once with Debian's python3-openpyxl and python3-pil; the result is committed:
    /usr/bin/python3 scripts/make-rich-fixture.py
"""
import io
import zipfile

from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from PIL import Image as PilImage

SAMPLE = 'samples/bao-cao-cchc-quy-1-2017.xlsx'
OUT = 'test/fixtures/files/rich-workbook.xlsx'

wb = load_workbook(SAMPLE)
changed = wb['PL VII']

chart = BarChart()
chart.title = 'Hồ sơ nhận'
chart.add_data(Reference(changed, min_col=3, min_row=6, max_row=12), titles_from_data=False)
changed.add_chart(chart, 'P5')

png = io.BytesIO()
PilImage.new('RGB', (40, 20), (200, 30, 30)).save(png, format='PNG')
png.seek(0)
changed.add_image(Image(png), 'P25')

changed['B6'].comment = Comment('Số liệu do xã gửi ngày 31/3.', 'Người nhận')
changed.conditional_formatting.add('C6:C150', CellIsRule(operator='greaterThan', formula=['1000'], fill=PatternFill('solid', fgColor='FFC7CE')))
validation = DataValidation(type='whole', operator='greaterThanOrEqual', formula1='0', showErrorMessage=True)
changed.add_data_validation(validation)
validation.add('C6:C150')

data = wb.create_sheet('Dữ liệu')
data.append(['Đơn vị', 'Số', 'Gấp đôi'])
for i, (unit, n) in enumerate([('A', 1), ('B', 2), ('C', 3)], start=2):
    data.append([unit, n, f'=B{i}*2'])
wb.defined_names.append(DefinedName('TongSo', attr_text="'Dữ liệu'!$B$2:$B$4"))

hidden = wb.create_sheet('Ẩn')
hidden['A1'] = 'trang ẩn'
hidden.sheet_state = 'hidden'
very_hidden = wb.create_sheet('Ẩn sâu')
very_hidden['A1'] = 'trang ẩn sâu'
very_hidden.sheet_state = 'veryHidden'
locked = wb.create_sheet('Khoá')
locked['A1'] = 'trang khoá bằng mật khẩu'
locked.protection.sheet = True
locked.protection.password = 'phuluc'

saved = io.BytesIO()
wb.save(saved)

# ---- what openpyxl cannot write: shared formulas and a pivot table ----
MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PIVOT_CACHE = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{REL}" r:id="rId1" refreshOnLoad="1" recordCount="3" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3"><cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="Dữ liệu"/></cacheSource><cacheFields count="2"><cacheField name="Đơn vị" numFmtId="0"><sharedItems count="3"><s v="A"/><s v="B"/><s v="C"/></sharedItems></cacheField><cacheField name="Số" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="3"/></cacheField></cacheFields></pivotCacheDefinition>'''
PIVOT_RECORDS = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheRecords xmlns="{MAIN}" count="3"><r><x v="0"/><n v="1"/></r><r><x v="1"/><n v="2"/></r><r><x v="2"/><n v="3"/></r></pivotCacheRecords>'''
PIVOT_TABLE = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="{MAIN}" name="BangTongHop" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Giá trị" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="F1:G5" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Tổng Số" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>'''

source = zipfile.ZipFile(saved)
names = source.namelist()
workbook = source.read('xl/workbook.xml').decode()
rels = source.read('xl/_rels/workbook.xml.rels').decode()
# The data sheet's part: the sheet named "Dữ liệu" in workbook.xml, through its relationship.
rid = workbook.split('name="Dữ liệu"')[1].split('id="')[1].split('"')[0]
target = None
for rel in rels.split('<Relationship')[1:]:
    if f'Id="{rid}"' in rel:
        target = rel.split('Target="')[1].split('"')[0]
data_part = 'xl/' + target.split('xl/')[-1].lstrip('/') if not target.startswith('/xl/') else target[1:]
data_file = data_part.rsplit('/', 1)[1]

out = zipfile.ZipFile(OUT, 'w', zipfile.ZIP_DEFLATED)
for name in names:
    body = source.read(name)
    if name == data_part:
        xml = body.decode()
        # C2:C4 as Excel saves a fill-down: the formula once, the other cells pointing to it.
        for row in (2, 3, 4):
            start = xml.index(f'<c r="C{row}"')
            end = xml.index('</c>', start) + 4
            if row == 2:
                cell = f'<c r="C2"><f t="shared" ref="C2:C4" si="0">B2*2</f><v>2</v></c>'
            else:
                cell = f'<c r="C{row}"><f t="shared" si="0"/><v>{row * 2 - 2}</v></c>'
            xml = xml[:start] + cell + xml[end:]
        body = xml.encode()
    elif name == 'xl/workbook.xml':
        xml = body.decode()
        cache = f'<pivotCaches><pivotCache xmlns:r="{REL}" cacheId="7" r:id="rIdPivotCache"/></pivotCaches>'
        xml = xml.replace('</workbook>', cache + '</workbook>') if '<extLst>' not in xml else xml.replace('<extLst>', cache + '<extLst>')
        body = xml.encode()
    elif name == 'xl/_rels/workbook.xml.rels':
        body = body.decode().replace('</Relationships>', f'<Relationship Id="rIdPivotCache" Type="{REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>').encode()
    elif name == '[Content_Types].xml':
        body = body.decode().replace('</Types>',
            '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>'
            '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>'
            '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/></Types>').encode()
    out.writestr(name, body)
data_rels = f'xl/worksheets/_rels/{data_file}.rels'
assert data_rels not in names
out.writestr(data_rels, f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>')
out.writestr('xl/pivotCache/pivotCacheDefinition1.xml', PIVOT_CACHE)
out.writestr('xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>')
out.writestr('xl/pivotCache/pivotCacheRecords1.xml', PIVOT_RECORDS)
out.writestr('xl/pivotTables/pivotTable1.xml', PIVOT_TABLE)
out.writestr('xl/pivotTables/_rels/pivotTable1.xml.rels', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>')
out.close()
print(OUT)
