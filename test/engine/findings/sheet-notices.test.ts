/**
 * A hidden sheet with tables is said to be hidden: its findings are on a sheet the person opening
 * the file does not see. A visible sheet, or a hidden one without tables, says nothing.
 */
import { checkSheet } from '../../../src/engine/check';
import { snapshotOfSpec } from '../../fixtures/spec-snapshot';
import { SEED_SHEETS } from '../../fixtures/seed-sheets';

const sheet = () => snapshotOfSpec(SEED_SHEETS.find((s) => s.id === '000-07')!.spec());
const codes = (report: ReturnType<typeof checkSheet>) => report.notices.map((n) => n.code);

test('a hidden or very hidden sheet with tables is said to be so, in both languages', () => {
  const hidden = checkSheet({ ...sheet(), visibility: 'hidden' });
  expect(codes(hidden)).toContain('hidden-sheet');
  const veryHidden = checkSheet({ ...sheet(), visibility: 'veryHidden' }).notices.find((n) => n.code === 'hidden-sheet')!;
  expect(veryHidden.message).toContain('ẩn hẳn');
  expect(veryHidden.messageEn).toContain('very hidden');
});

test('a visible sheet, or a hidden one without tables, says nothing of it', () => {
  expect(codes(checkSheet(sheet()))).not.toContain('hidden-sheet');
  expect(codes(checkSheet({ name: 'Ẩn', cells: [[{ value: 'ghi chú' }]], visibility: 'hidden' }))).not.toContain('hidden-sheet');
});
