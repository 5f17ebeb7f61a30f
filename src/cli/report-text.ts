/** The human report: Vietnamese, grouped by sheet and table, one line per finding. */
import { SheetReport } from '../engine/model';
import { FixResult } from './xlsx-fixer';

const MARK = { error: '✗', warning: '!', info: 'i' } as const;
const WORD = { error: 'lỗi', warning: 'cảnh báo', info: 'ghi chú' } as const;

export function formatTextReport(file: string, reports: SheetReport[]): string {
  const lines: string[] = [`Tệp: ${file}`];
  const count = { error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    lines.push('', `Trang tính "${report.sheet}"`);
    for (const notice of report.notices) lines.push(`  ${notice.message}`);
    for (const table of report.tables) {
      lines.push(`  Bảng ${table.range} — ${table.layout}: ${table.layoutName} (độ tin cậy ${Math.round(table.confidence * 100)}%)`);
      if (!table.findings.length) lines.push('    Không phát hiện sai sót.');
      for (const f of table.findings) {
        count[f.severity]++;
        lines.push(`    ${MARK[f.severity]} ${f.cell.padEnd(6)} ${f.message}`);
      }
    }
  }
  const parts = (['error', 'warning', 'info'] as const).filter((s) => count[s]).map((s) => `${count[s]} ${WORD[s]}`);
  lines.push('', parts.length ? `Tổng kết: ${parts.join(', ')}.` : 'Tổng kết: không phát hiện sai sót.');
  return lines.join('\n');
}

/** The summary of a fix: what changed in each sheet, where the original copy is, what was skipped. */
export function formatFixReport(file: string, result: FixResult): string {
  const lines: string[] = [`Tệp gốc: ${file} (không bị sửa)`, `Tệp kết quả: ${result.output}`];
  let total = 0;
  for (const s of result.sheets) {
    const n = s.plan.edits.length;
    total += n;
    lines.push('', `Trang tính "${s.sheet}": ${n ? `${n} ô được sửa; bản gốc giữ ở trang "${s.backup}".` : 'không cần sửa.'}`);
    for (const notice of s.plan.notices) lines.push(`  ${notice.message}`);
  }
  lines.push('', total ? `Tổng cộng ${total} ô được sửa; chi tiết ở trang "Nhật ký PhuLuc".` : 'Không có gì cần sửa.');
  return lines.join('\n');
}
