/**
 * Summary sheets for the appendices without arithmetic: task progress per section and overall,
 * completion by lead unit, and reporting compliance. Drafts rendered by each host, like rankings.
 */
import { formatDay } from '../read/format';
import { ChecklistSummary } from '../findings/checklist';
import { RankingSource, SheetDraft } from './ranking-sheet';
import { uniqueSheetName } from '../read/sheet-names';
import { StatusCounts, TaskSummary } from '../findings/tasks';

const STATUS_HEADER = ['Số nhiệm vụ', 'Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Chưa đến hạn', 'Chưa báo cáo', 'Tỉ lệ hoàn thành'];

function statusCells(c: StatusCounts): (number | null)[] {
  return [c.tasks, c.done, c.inProgress, c.notStarted, c.notYetDue, c.noReport, c.tasks ? c.done / c.tasks : null];
}

function sourceLine(source: RankingSource): string {
  return `Nguồn: trang "${source.sheet}", bảng ${source.range} (${source.layout})${source.file ? `, tệp ${source.file}` : ''}. Lập ngày ${formatDay(source.date)}.`;
}

function widths(header: string[], rows: (string | number | null)[][]): number[] {
  return header.map((h, c) => Math.min(60, rows.reduce((w, r) => Math.max(w, String(r[c] ?? '').length + 2), Math.max(h.length + 2, 8))));
}

export function taskSummarySheets(summary: TaskSummary, source: RankingSource, existing: string[]): SheetDraft[] {
  const header = ['Mục', ...STATUS_HEADER];
  const rows = [
    ...summary.bySection.map((s) => [`${s.number ? `${s.number}. ` : ''}${s.title}`, ...statusCells(s)]),
    ['Tổng cộng', ...statusCells(summary)],
  ];
  const formats = [undefined, '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '0.00%'];
  const drafts: SheetDraft[] = [
    {
      name: uniqueSheetName(`Tổng hợp – ${source.sheet}`, existing),
      title: 'TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ',
      info: [
        sourceLine(source),
        'Trạng thái đọc từ cột kết quả: hoàn thành, đang thực hiện, chưa thực hiện, chưa đến hạn; để trống hoặc "chưa nhận báo cáo" là chưa báo cáo. Tỉ lệ hoàn thành = hoàn thành / số nhiệm vụ.',
      ],
      header,
      rows,
      formats,
      widths: widths(header, rows),
      measureColumn: 7,
      better: 'higher',
    },
  ];
  if (summary.byUnit.length) {
    const unitHeader = ['Hạng', 'Đơn vị chủ trì', ...STATUS_HEADER];
    const unitRows = summary.byUnit.map((u) => [u.rank, u.unit, ...statusCells(u)]);
    drafts.push({
      name: uniqueSheetName('Xếp hạng – Hoàn thành nhiệm vụ', [...existing, drafts[0].name]),
      title: 'XẾP HẠNG – TỈ LỆ HOÀN THÀNH NHIỆM VỤ',
      info: [sourceLine(source), 'Tỉ lệ hoàn thành = hoàn thành / số nhiệm vụ được giao; bằng nhau thì cùng hạng, đơn vị nhiều nhiệm vụ hơn đứng trước, rồi theo tên.'],
      header: unitHeader,
      rows: unitRows,
      formats: ['0', undefined, ...formats.slice(1)],
      widths: widths(unitHeader, unitRows),
      measureColumn: 8,
      better: 'higher',
    });
  }
  return drafts;
}

const STATE_TEXT = { done: 'Đã có', late: 'Trễ', missing: 'Chưa có' } as const;

export function checklistSheet(summary: ChecklistSummary, source: RankingSource, existing: string[]): SheetDraft {
  const header = ['Hạng', 'Cơ quan, đơn vị', ...summary.columns.map((c) => c.title), 'Số đúng hạn'];
  const rows = summary.ranking.map((u) => [u.rank, u.name, ...u.states.map((s) => STATE_TEXT[s]), u.onTime]);
  return {
    name: uniqueSheetName(`Tổng hợp – ${source.sheet}`, existing),
    title: 'TỔNG HỢP TÌNH HÌNH GỬI KẾ HOẠCH, BÁO CÁO',
    info: [
      sourceLine(source),
      ...summary.columns.map((c) => `${c.title}: ${c.done} đã có, ${c.late} trễ, ${c.missing} chưa có.`),
      'Xếp hạng theo số việc đúng hạn, rồi ít việc chưa có hơn; bằng nhau thì cùng hạng.',
    ],
    header,
    rows,
    formats: ['0', undefined, ...summary.columns.map(() => undefined), '0'],
    widths: widths(header, rows),
    measureColumn: header.length - 1,
    better: 'higher',
  };
}
