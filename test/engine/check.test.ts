import { checkSheet } from '../../src/engine/check';
import { Finding } from '../../src/engine/findings/finding';
import { SheetReport } from '../../src/engine/findings/report';
import { GridCell, L4_HEADER, l4Row, pct, sheetOf } from '../fixtures/grid';

function allFindings(report: SheetReport): Finding[] {
  return report.tables.flatMap((t) => t.findings);
}

function errorCells(report: SheetReport): [string, string, number | null][] {
  return allFindings(report)
    .filter((f) => f.severity === 'error')
    .map((f) => [f.cell, f.rule, f.expected]);
}

const DISTRICTS: GridCell[][] = [
  l4Row('1', 'Huyện Cam Lâm', 2082, 1286, 106, 107),
  l4Row('2', 'Huyện Khánh Vĩnh', 352, 263, 16, 0),
  l4Row('3', 'Huyện Vạn Ninh', 1955, 1281, 76, 88),
];

function withTotal(rows: GridCell[][]): GridCell[][] {
  const sum = (i: number) => rows.reduce((s, r) => s + (r[i] as number), 0);
  const total = l4Row('', 'TỔNG', sum(2), sum(5), sum(7), sum(9));
  total[0] = 'TỔNG';
  total[1] = '';
  return [...rows.map((r) => [...r]), total];
}

describe('a consistent L4 table', () => {
  test('gives no finding', () => {
    const report = checkSheet(sheetOf([...L4_HEADER, ...withTotal(DISTRICTS)]));
    expect(report.tables.map((t) => [t.layout, t.range])).toEqual([['L4', 'A1:M6']]);
    expect(allFindings(report)).toEqual([]);
  });
});

describe('one typo', () => {
  test('in a count gives one finding at that cell, with the value it should hold', () => {
    const rows = withTotal(DISTRICTS);
    rows[1][5] = 2363; // Khánh Vĩnh early: 263 typed with an extra 2
    const report = checkSheet(sheetOf([...L4_HEADER, ...rows]));
    expect(errorCells(report)).toEqual([['F4', 'value-mismatch', 263]]);
    expect(allFindings(report)[0].message).toContain('gõ nhầm một phím');
  });

  test('in a total row is reported at the total', () => {
    const rows = withTotal(DISTRICTS);
    rows[3][7] = 189; // the early total should be 198 (106 + 16 + 76)
    const report = checkSheet(sheetOf([...L4_HEADER, ...rows]));
    expect(errorCells(report)).toEqual([['H6', 'value-mismatch', 198]]);
  });

  test('in a rate is reported at the rate', () => {
    const rows = withTotal(DISTRICTS);
    rows[0][4] = pct(77.0); // 1499 / 2082 = 72.00 %
    const report = checkSheet(sheetOf([...L4_HEADER, ...rows]));
    expect(errorCells(report)).toEqual([['E3', 'rate-mismatch', 72]]);
  });
});

describe('columns renamed, reordered, without STT, numbers inside names', () => {
  const header: GridCell[][] = [
    ['Cơ quan, đơn vị', 'HS chưa giải quyết', '', 'Tổng số hồ sơ tiếp nhận', 'Hồ sơ trễ hạn', '', 'Hồ sơ đã giải quyết', '', 'Hồ sơ đúng hạn', '', 'Hồ sơ trước hạn', ''],
    ['', 'SL', 'Tỷ lệ (%)', '', 'Số lượng', 'Tỷ lệ (%)', 'Số lượng', 'Tỷ lệ (%)', 'Số lượng', 'Tỷ lệ (%)', 'Số lượng', 'Tỷ lệ (%)'],
  ];
  // Reorders an L4 row built by l4Row into the columns above, names carrying their numbers.
  const reorder = (r: GridCell[]): GridCell[] => [`${r[0]}. ${r[1]}`, r[11], r[12], r[2], r[9], r[10], r[3], r[4], r[7], r[8], r[5], r[6]];

  test('are recognised by meaning and checked', () => {
    const rows = DISTRICTS.map((r) => reorder([...r]));
    rows[2][6] = 1454; // Vạn Ninh resolved: 1445 with its last digits swapped
    const report = checkSheet(sheetOf([...header, ...rows]));
    expect(report.tables[0].layout).toBe('L4');
    const keys = [...report.tables[0].model.columns.values()].map((m) => `${m.key}@${m.col}`).sort();
    expect(keys).toEqual(
      ['name@0', 'unresolved@1', 'unresolvedRate@2', 'received@3', 'late@4', 'lateRate@5', 'resolved@6', 'resolvedRate@7', 'onTime@8', 'onTimeRate@9', 'early@10', 'earlyRate@11'].sort(),
    );
    expect(errorCells(report)).toEqual([['G5', 'value-mismatch', 1445]]);
  });
});

describe('a table starting at D7 with notes around it', () => {
  const rows = [
    ['PHỤ LỤC VI'],
    ['THỐNG KÊ KẾT QUẢ GIẢI QUYẾT HỒ SƠ QUÝ I/2017'],
    [],
    ...L4_HEADER,
    ...withTotal(DISTRICTS),
    [],
    ['Ghi chú: số liệu trích xuất từ phần mềm một cửa điện tử.'],
    ['Người lập biểu'],
  ];

  test('is found where it is, the notes left outside', () => {
    const report = checkSheet(sheetOf(rows, 'D4'));
    expect(report.tables.map((t) => t.range)).toEqual(['D7:P12']);
    expect(allFindings(report)).toEqual([]);
  });

  test('reports at the real address', () => {
    const broken = rows.map((r) => [...r]);
    broken[6][2] = 325; // Huyện Khánh Vĩnh received 352 → 325
    const report = checkSheet(sheetOf(broken, 'D4'));
    expect(errorCells(report)).toEqual([['F10', 'value-mismatch', 352]]);
  });
});

describe('numbers written as text', () => {
  const header: GridCell[][] = [
    ['STT', 'Đơn vị', 'Hồ sơ tiếp nhận', 'Hồ sơ đã giải quyết xong', '', '', 'Hồ sơ đang giải quyết', '', '', 'Hồ sơ trễ hạn', '', 'Hồ sơ trực tuyến', '', ''],
    ['', '', '', 'Tổng', 'Đúng hạn', 'Trễ hạn', 'Tổng', 'Trong hạn', 'Trễ hạn', 'Số lượng', 'Tỷ lệ', 'HS trực tuyến', 'Tổng số HS phát sinh', 'Tỷ lệ'],
  ];

  test('in the Vietnamese convention (1.234 thousands, 2,33% decimals) are read exactly', () => {
    const rows = [
      ['1', 'UBND huyện Cam Lâm', '2.997', '2.736', '2.644', '92', '156', '142', '14', '106', '3,67%', '960', '2.342', '40,99%'],
      ['2', 'UBND huyện Khánh Sơn', '779', '695', '695', '-', '36', '36', '-', '-', '0,00%', '536', '671', '79,88%'],
      ['', 'TỔNG', '3.776', '3.431', '3.339', '92', '192', '178', '14', '106', '2,93%', '1.496', '3.013', '49,65%'],
    ];
    const report = checkSheet(sheetOf([...header, ...rows]));
    expect(report.tables[0].layout).toBe('L5');
    expect(errorCells(report)).toEqual([]);
    expect(allFindings(report).map((f) => f.rule)).toEqual(['numbers-as-text']);
  });

  test('converted by an English Excel (the text 2.997 became the number 2.997) are flagged at each cell', () => {
    const rows: GridCell[][] = [
      ['1', 'UBND huyện Cam Lâm', 2.997, 2.736, 2.644, 92, 156, 142, 14, 106, '3,67%', 960, 2.342, '40,99%'],
      ['2', 'UBND huyện Khánh Sơn', 779, 695, 695, 0, 36, 36, 0, 0, '0,00%', 536, 671, '79,88%'],
    ];
    const report = checkSheet(sheetOf([...header, ...rows]));
    const flagged = allFindings(report).filter((f) => f.rule === 'count-decimal-separator');
    expect(flagged.map((f) => [f.cell, f.expected])).toEqual([
      ['C3', 2997],
      ['D3', 2736],
      ['E3', 2644],
      ['M3', 2342],
    ]);
    expect(allFindings(report).filter((f) => f.severity !== 'info' && f.rule !== 'count-decimal-separator')).toEqual([]);
  });
});

describe('sheets that are not appendices', () => {
  test('an empty sheet says so', () => {
    expect(checkSheet(sheetOf([])).notices.map((n) => n.code)).toEqual(['empty-sheet']);
  });

  test('a contact list is no appendix', () => {
    const report = checkSheet(
      sheetOf([
        ['Họ và tên', 'Chức vụ', 'Số điện thoại'],
        ['Nguyễn Văn A', 'Chánh Văn phòng', '0258 3822 111'],
        ['Trần Thị B', 'Chuyên viên', '0258 3822 112'],
      ]),
    );
    expect(report.tables).toEqual([]);
    expect(report.notices.map((n) => n.code)).toEqual(['no-appendix']);
  });

  test('a garbled sheet neither crashes nor invents findings', () => {
    const junk: GridCell[][] = [
      ['<p><b>Phụ lục</b></p>', '#REF!', '', '<li>'],
      ['STT', 'Tên đơn vị', 'Hồ sơ nhận', '#N/A'],
      ['1', '<b>', '#REF!', 'abc'],
      [true as unknown as GridCell, 12.5, '=SUM(A1:A3)', '%%%'],
      ['TỔNG', '', '-', '1.2.3'],
    ];
    const report = checkSheet(sheetOf(junk));
    for (const f of allFindings(report)) expect(f.severity === 'error' ? f.rule : 'ok').not.toMatch(/mismatch/);
    expect(Array.isArray(report.notices)).toBe(true);
  });
});

describe('hierarchy', () => {
  test('letters, numbers, dashes and pluses nest; every parent is checked against its children', () => {
    const header: GridCell[][] = [['STT', 'Đơn vị', 'Số hồ sơ trực tuyến mức độ 3']];
    const rows: GridCell[][] = [
      ['A', 'Khối sở', 30],
      ['1', 'Sở X', 10],
      ['2', 'Sở Y', 20],
      ['-', 'Phòng Y1', 15],
      ['-', 'Phòng Y2', 5],
      ['B', 'Khối huyện', 7],
      ['I', 'Thuộc huyện Z', 7],
      ['1', 'Xã Z1', 3],
      ['2', 'Xã Z2', 4],
      ['', 'TỔNG', 37],
    ];
    const report = checkSheet(sheetOf([...header, ...rows]));
    expect(allFindings(report)).toEqual([]);
    const model = report.tables[0].model;
    expect(model.roots.map((r) => r.label)).toEqual(['Khối sở', 'Khối huyện']);
    expect(model.roots[0].children[1].children.map((r) => r.label)).toEqual(['Phòng Y1', 'Phòng Y2']);
    expect(model.roots[1].children[0].children.map((r) => r.label)).toEqual(['Xã Z1', 'Xã Z2']);

    const wrong = rows.map((r) => [...r]);
    wrong[4][2] = 55; // Phòng Y2: 5 typed twice breaks Sở Y (20) only
    expect(errorCells(checkSheet(sheetOf([...header, ...wrong])))).toEqual([['C6', 'value-mismatch', 5]]);
    // 5 → 6 is as small a change as Phòng Y1 15 → 14: a tie, said as such.
    wrong[4][2] = 6;
    const tie = allFindings(checkSheet(sheetOf([...header, ...wrong])));
    expect(tie.map((f) => [f.cell, f.rule])).toEqual([['C4', 'ambiguous-mismatch']]);
    expect(tie[0].candidates).toEqual(expect.arrayContaining([{ cell: 'C5', expected: 14 }, { cell: 'C6', expected: 5 }]));
  });
});

describe('when two corrections are equally small', () => {
  const header: GridCell[][] = [['STT', 'Tiêu chí', 'Tổng số', 'Chia theo cấp hành chính', '', '', 'Ghi chú'], ['', '', '', 'Cấp tỉnh', 'Cấp huyện', 'Cấp xã', '']];

  test('it says so instead of guessing', () => {
    // 12 ≠ 4 + 9: the total, the district or the commune may be wrong, each one keystroke away.
    const report = checkSheet(sheetOf([...header, ['1', 'Số cơ quan được kiểm tra', 12, '', 4, 9, '']]));
    const f = allFindings(report);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'C3', rule: 'ambiguous-mismatch', expected: null });
    expect(f[0].candidates).toEqual(
      expect.arrayContaining([
        { cell: 'C3', expected: 13 },
        { cell: 'E3', expected: 3 },
        { cell: 'F3', expected: 8 },
      ]),
    );
  });

  test('only one cell a keystroke away is the likely culprit', () => {
    // 557 ≠ 437 + 1200: only the commune (1200 → 120) is one keystroke from closing the gap.
    const report = checkSheet(sheetOf([...header, ['1', 'Số thủ tục', 557, '', 437, 1200, '']]));
    expect(errorCells(report)).toEqual([['F3', 'value-mismatch', 120]]);
  });
});

describe('indicator form (L9)', () => {
  const header: GridCell[][] = [
    ['STT', 'Chỉ tiêu thống kê', 'Kết quả thống kê', '', 'Đơn vị thực hiện'],
    ['', '', 'Đơn vị tính', 'Số liệu', ''],
  ];

  test('done above planned, a breakdown that does not add up, a % above 100 and a code outside its list', () => {
    const rows: GridCell[][] = [
      ['1.', 'Công tác chỉ đạo điều hành', '', '', ''],
      ['1.1.', 'Kế hoạch CCHC', '', '', ''],
      ['', '- Số nhiệm vụ đề ra trong kế hoạch', 'Nhiệm vụ', 23, ''],
      ['', '- Số nhiệm vụ đã hoàn thành', 'Nhiệm vụ', 25, ''],
      ['3.2.', 'Tổng số TTHC đang có hiệu lực. Trong đó:', 'Thủ tục', 100, ''],
      ['', '- Số TTHC cấp tỉnh', 'Thủ tục', 60, ''],
      ['', '- Số TTHC cấp huyện', 'Thủ tục', 30, ''],
      ['3.3.', 'Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ', '%', 120, ''],
      ['1.7.', 'Tổ chức đối thoại', 'Không = 0 Có = 1', 2, ''],
    ];
    const report = checkSheet(sheetOf([...header, ...rows]));
    expect(report.tables[0].layout).toBe('L9');
    const rules = allFindings(report).map((f) => [f.cell, f.rule]);
    expect(rules).toEqual(
      expect.arrayContaining([
        ['D6', 'bound-violation'],
        ['D7', 'ambiguous-mismatch'],
        ['D10', 'rate-out-of-range'],
        ['D11', 'code-out-of-list'],
      ]),
    );
  });
});

test('a finding names the unit with its group, and a row with no name by its sheet row, never by its number', () => {
  const rows = [
    ...L4_HEADER,
    l4Row('I', 'Huyện Cam Lâm', 260, 60, 150, 10),
    l4Row('1', 'Xã Cam An Nam', 120, 30, 80, 5),
    l4Row('2', '', 140, 30, 70, 5),
    l4Row('', 'Tổng cộng', 260, 60, 150, 10),
  ];
  rows[3][2] = 1120; // Xã Cam An Nam: received typed with a digit twice
  rows[4][5] = 300; // the unnamed row: early typed wrong
  const found = checkSheet(sheetOf(rows)).tables.flatMap((t) => t.findings);
  const at = (cell: string) => found.find((f) => f.cell === cell)!;
  expect(at('C4').message).toContain('Hồ sơ nhận của "Xã Cam An Nam (Huyện Cam Lâm)"');
  expect(at('F5').message).toContain('HS trước hạn của dòng 5');
  expect(at('F5').messageEn).toContain('of row 5');
  expect(found.map((f) => f.message).join(' ')).not.toContain('"2"');
});
