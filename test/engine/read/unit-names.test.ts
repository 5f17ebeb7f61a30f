import { matchUnitName, normaliseUnitName, textNamesUnit } from '../../../src/engine/read/unit-names';

test('one unit, many ways of writing it', () => {
  const same = ['UBND huyện Cam Lâm', 'Huyện Cam Lâm', 'Thuộc huyện Cam Lâm', 'Ủy ban nhân dân huyện Cam Lâm', '2. Huyện Cam Lâm'];
  for (const name of same) expect(normaliseUnitName(name)).toEqual(['huyen', 'cam', 'lam']);
  expect(normaliseUnitName('UBND phường Ninh Thuỷ')).toEqual(normaliseUnitName('UBND phường Ninh Thủy'));
  expect(normaliseUnitName('Sở Lao động - TB&XH')).toEqual(normaliseUnitName('Sở Lao động - Thương binh và Xã hội'));
  expect(normaliseUnitName('Sở Nông nghiệp và PTNT')).toEqual(normaliseUnitName('Sở Nông nghiệp và Phát triển nông thôn'));
  expect(normaliseUnitName('BQL KKT Vân Phong')).toEqual(normaliseUnitName('Ban Quản lý Khu kinh tế Vân Phong'));
});

test('matching picks the one unit that fits, and says when several do', () => {
  const units = ['UBND huyện Cam Lâm', 'UBND thành phố Cam Ranh', 'UBND xã Cam Hải Đông', 'UBND xã Cam Hải Tây'];
  expect(matchUnitName('Thuộc huyện Cam Lâm', units)).toEqual({ kind: 'match', index: 0 });
  expect(matchUnitName('TP Cam Ranh', units)).toEqual({ kind: 'match', index: 1 });
  expect(matchUnitName('Cam Hải', units)).toEqual({ kind: 'ambiguous', indexes: [2, 3] });
  expect(matchUnitName('Huyện Khánh Sơn', units)).toEqual({ kind: 'none' });
});

test('an appendix title names the tier it is about', () => {
  expect(textNamesUnit('THÔNG KÊ KẾT QUẢ GIẢI QUYẾT HỒ SƠ QUÝ I/2017 TẠI UBND CẤP HUYỆN', 'UBND cấp huyện')).toBe(true);
  expect(textNamesUnit('THÔNG KÊ KẾT QUẢ GIẢI QUYẾT HỒ SƠ QUÝ I/2017 TẠI UBND CẤP XÃ', 'UBND cấp huyện')).toBe(false);
});
