/** The human report: Vietnamese, grouped by sheet and table, one line per finding. */
import { WorkbookReport } from '../engine/check';
import { formatCount } from '../engine/read/format';
import { ChecklistSummary } from '../engine/findings/checklist';
import { TaskSummary } from '../engine/findings/tasks';
import { FixResult } from './xlsx-fixer';

const MARK = { error: '✗', warning: '!', info: 'i' } as const;
const WORD = { error: 'lỗi', warning: 'cảnh báo', info: 'ghi chú' } as const;

function summaryLines(summary: TaskSummary | ChecklistSummary): string[] {
  if (summary.kind === 'tasks') {
    const s = summary;
    const line = (label: string, c: TaskSummary | TaskSummary['bySection'][number]) =>
      `${label}: ${c.tasks} nhiệm vụ — ${c.done} hoàn thành, ${c.inProgress} đang thực hiện, ${c.notStarted} chưa thực hiện, ${c.notYetDue} chưa đến hạn, ${c.noReport} chưa báo cáo (hoàn thành ${String(c.completionRate).replace('.', ',')}%)`;
    return [line(`Tổng cộng ${s.sections} mục`, s), ...s.bySection.map((b) => `  ${line(`${b.number ? `${b.number}. ` : ''}${b.title}`.slice(0, 70), b)}`)];
  }
  return [
    `${summary.units} cơ quan, đơn vị:`,
    ...summary.columns.map((c) => `  ${c.title}: ${c.done} đã có, ${c.late} trễ, ${c.missing} chưa có`),
    ...(summary.late.length ? [`  Trễ: ${summary.late.join('; ')}`] : []),
    ...(summary.missing.length ? [`  Chưa có: ${summary.missing.join('; ')}`] : []),
  ];
}

export function formatTextReport(file: string, workbook: WorkbookReport): string {
  const lines: string[] = [`Tệp: ${file}`];
  const count = { error: 0, warning: 0, info: 0 };
  let unchecked = 0;
  for (const report of workbook.sheets) {
    lines.push('', `Trang tính "${report.sheet}"`);
    for (const notice of report.notices) lines.push(`  ${notice.message}`);
    // A table with figures left unchecked inside it is clean only as far as it was checked.
    const cleanLine = (range: string) => {
      const inTable = report.unchecked.filter((u) => u.table === range);
      if (inTable.some((u) => u.reason === 'no-relation')) return '    Chưa kiểm tra được số nào của bảng này.';
      return inTable.length ? '    Các số đã kiểm tra không có sai sót; còn số chưa kiểm tra được (dòng "?" bên dưới).' : '    Không phát hiện sai sót.';
    };
    for (const table of report.tables) {
      lines.push(`  Bảng ${table.range} — ${table.layout}: ${table.layoutName} (độ tin cậy ${Math.round(table.confidence * 100)}%)`);
      for (const notice of table.notices) lines.push(`    ${notice.message}`);
      if (table.summary) lines.push(...summaryLines(table.summary).map((l) => `    ${l}`));
      if (!table.findings.length) lines.push(cleanLine(table.range));
      for (const f of table.findings) {
        count[f.severity]++;
        lines.push(`    ${MARK[f.severity]} ${f.cell.padEnd(6)} ${f.message}`);
      }
    }
    if (report.unchecked.length) {
      unchecked += report.unchecked.length;
      lines.push(`  Chưa kiểm tra được ${formatCount(report.unchecked.length, 'vi')} vùng số liệu:`);
      for (const u of report.unchecked) lines.push(`    ? ${u.range.padEnd(6)} ${u.message}`);
    }
  }
  if (workbook.crossSheet.length) {
    lines.push('', 'Quan hệ giữa các trang:');
    for (const link of workbook.crossSheet) {
      const broken = link.columns.filter((c) => !c.holds);
      lines.push(
        `  "${link.from.label}" (${link.from.sheet}, dòng ${link.from.row}) = dòng tổng của "${link.to.sheet}" (dòng ${link.to.row}): ` +
          (broken.length ? `KHÔNG KHỚP ở ${broken.map((c) => `${c.title} (${c.fromValue} ≠ ${c.toValue})`).join(', ')}` : `khớp (${link.columns.length} cột)`),
      );
    }
  }
  lines.push('', verdict(count, unchecked));
  return lines.join('\n');
}

/** "Không phát hiện sai sót" only when every figure was checked; otherwise what was not, said as plainly. */
function verdict(count: Record<'error' | 'warning' | 'info', number>, unchecked: number): string {
  const parts = (['error', 'warning', 'info'] as const).filter((s) => count[s]).map((s) => `${formatCount(count[s], 'vi')} ${WORD[s]}`);
  const notChecked = `${formatCount(unchecked, 'vi')} vùng số liệu chưa kiểm tra được (xem các dòng "?" ở trên)`;
  if (!unchecked) return parts.length ? `Tổng kết: ${parts.join(', ')}.` : 'Tổng kết: không phát hiện sai sót.';
  return parts.length ? `Tổng kết: ${parts.join(', ')}; ${notChecked}.` : `Tổng kết: ${notChecked}; các số đã kiểm tra không có sai sót.`;
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
