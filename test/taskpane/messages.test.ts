import fc from 'fast-check';
import { messageText, PaneMessage } from '../../src/taskpane/messages';
import { STRINGS } from '../../src/taskpane/strings';

/** One message of every code, with `n` wherever a count goes (the compiler keeps this complete). */
function everyMessage(n: number): { [C in PaneMessage['code']]: Extract<PaneMessage, { code: C }> } {
  return {
    reading: { code: 'reading' },
    'checking-rows': { code: 'checking-rows', sheet: 'PL VII', rows: n },
    'checking-sheets': { code: 'checking-sheets', done: n, total: n },
    'saving-choices': { code: 'saving-choices' },
    selecting: { code: 'selecting' },
    highlighting: { code: 'highlighting' },
    recomputing: { code: 'recomputing', sheet: 'PL VII' },
    ranking: { code: 'ranking', sheet: 'PL VII' },
    fixed: { code: 'fixed', cells: n, sheet: 'PL VII', backup: 'PL VII (gốc)' },
    'sheet-added': { code: 'sheet-added', name: 'Xếp hạng – Tỉ lệ đúng hạn', sheet: 'PL VII', range: 'A4:L151' },
    'sheet-changed': { code: 'sheet-changed', shown: 'PL IV', checked: 'PL VII' },
    'preview-stale': { code: 'preview-stale', shown: 'PL IV', previewed: 'PL VII' },
    unavailable: { code: 'unavailable', features: ['comments', 'mergedAreas'] },
    protected: { code: 'protected', sheet: 'PL VII' },
    'no-measure': { code: 'no-measure', sheet: 'PL VII' },
    'bands-unreadable': { code: 'bands-unreadable', text: 'Tốt ≥ 80; Khá ≥ 80' },
    'cannot-rank': { code: 'cannot-rank', sheet: 'PL VII', vi: 'Bảng L4 không xếp hạng được theo "online". Các tiêu chí có: on-time, late.', en: 'A L4 table cannot be ranked by "online". Available: on-time, late.' },
    'no-table': { code: 'no-table', sheet: 'PL VII' },
    'write-undone': { code: 'write-undone', sheet: 'PL VII' },
    'write-not-undone': { code: 'write-not-undone', sheet: 'PL VII', backup: 'PL VII (gốc)' },
    'excel-failed': { code: 'excel-failed', detail: 'GeneralException' },
  };
}

test('every message has words in both languages, different ones, and no command-line flags', () => {
  for (const message of Object.values(everyMessage(3))) {
    const vi = messageText(message, 'vi');
    const en = messageText(message, 'en');
    expect([message.code, vi.length > 5, en.length > 5, vi !== en]).toEqual([message.code, true, true, true]);
    expect(`${vi} ${en}`).not.toMatch(/--[a-z]/);
  }
});

test('counts are written in each language\'s own style, never mixed in one message', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1000, max: 9_999_999 }), (n) => {
      const vi = n.toLocaleString('de-DE'); // 14.758
      const en = n.toLocaleString('en-US'); // 14,758
      for (const message of Object.values(everyMessage(n))) {
        expect(messageText(message, 'vi')).not.toContain(en);
        expect(messageText(message, 'en')).not.toContain(vi);
      }
      expect(messageText(everyMessage(n).fixed, 'vi')).toContain(`Đã sửa ${vi} ô`);
      expect(messageText(everyMessage(n).fixed, 'en')).toContain(`Fixed ${en} cells`);
      expect(STRINGS.vi.apply(n, 'PL VII')).toContain(`${vi} ô`);
      expect(STRINGS.en.summary(n, n)).toBe(`${en} errors, ${en} warnings`);
    }),
  );
});
