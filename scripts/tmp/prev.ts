import ExcelJS from 'exceljs';
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile('samples/chi-so-cchc-2025.xlsx');
  const ws = wb.getWorksheet('Chỉ số CCHC')!;
  // 2024: Sở Tư pháp first, Sở Nội vụ third; Sở Khoa học và Công nghệ not scored.
  ws.getCell('B4').value = 'Sở Nội vụ'; ws.getCell('B7').value = 'Sở Tư pháp';
  ws.getRow(11).eachCell((c, n) => { if (n > 2) c.value = 'N/A'; });
  await wb.xlsx.writeFile('/tmp/chi-so-2024.xlsx');
})();
