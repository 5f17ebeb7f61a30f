import { checkSheet } from '../../../src/engine/check';
import { taskProgress } from '../../../src/engine/layouts/l1-task-progress';
import { classifyStatus, TaskSummary } from '../../../src/engine/findings/tasks';
import { sheetOf } from '../../fixtures/grid';

const rules = taskProgress.taskRules!;

test.each([
  ['', 'noReport'],
  ['Sở Nội vụ chưa nhận báo cáo.', 'noReport'],
  ['Đã hoàn thành', 'done'],
  ['Hoàn thành 100%', 'done'],
  ['Đang triển khai theo tiến độ.', 'inProgress'],
  ['Thực hiện thường xuyên', 'inProgress'],
  ['Đã xây dựng kế hoạch; tuy nhiên còn vướng mắc về kinh phí', 'inProgress'],
  ['Chưa thực hiện.', 'notStarted'],
  ['Trong năm không phát sinh hồ sơ', 'notStarted'],
  ['Chưa phát sinh hồ sơ mới; đã ban hành văn bản hướng dẫn', 'done'],
  ['Chưa đến thời hạn báo cáo', 'notYetDue'],
  ['Một nội dung tự do không rõ trạng thái', 'inProgress'],
])('"%s" is %s', (text, status) => {
  expect(classifyStatus(text, rules)).toBe(status);
});

test('numbering gaps and duplicates are reported at the number', () => {
  const report = checkSheet(
    sheetOf([
      ['TT', 'Nhiệm vụ', 'Sản phẩm', 'Tiến độ', 'Tiến độ, kết quả'],
      ['I', 'CẢI CÁCH THỂ CHẾ', '', '', ''],
      ['1', 'Nhiệm vụ một', 'Quyết định', 'Quý I', 'Đã hoàn thành'],
      ['2', 'Nhiệm vụ hai', 'Kế hoạch', 'Quý II', 'Đang thực hiện'],
      ['4', 'Nhiệm vụ bốn', 'Báo cáo', 'Quý III', ''],
      ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', '', '', ''],
      ['1', 'Nhiệm vụ năm', 'Quyết định', 'Năm 2024', 'Chưa thực hiện'],
      ['1', 'Nhiệm vụ sáu', 'Quyết định', 'Năm 2024', 'Đã thực hiện'],
    ]),
  );
  const table = report.tables[0];
  expect(table.layout).toBe('L1');
  expect(table.findings.map((f) => [f.cell, f.rule, f.expected])).toEqual([
    ['A5', 'numbering-gap', 3],
    ['A8', 'numbering-duplicate', 2],
  ]);
  const s = table.summary as TaskSummary;
  expect([s.sections, s.tasks, s.done, s.inProgress, s.notStarted, s.noReport, s.completionRate]).toEqual([2, 5, 2, 1, 1, 1, 40]);
});

test('with a lead-unit column, units are ranked by completion; equal rates share a rank', () => {
  const report = checkSheet(
    sheetOf([
      ['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Tiến độ', 'Tiến độ, kết quả'],
      ['1', 'Việc một', 'Sở Nội vụ', 'Quý I', 'Đã hoàn thành'],
      ['2', 'Việc hai', 'Sở Nội vụ', 'Quý II', 'Đang thực hiện'],
      ['3', 'Việc ba', 'Sở Tư pháp', 'Quý I', 'Đã hoàn thành'],
      ['4', 'Việc bốn', 'Sở Y tế', 'Quý I', 'Đã thực hiện'],
      ['5', 'Việc năm', 'Sở Y tế', 'Quý II', 'Đã ban hành'],
    ]),
  );
  const s = report.tables[0].summary as TaskSummary;
  expect(s.byUnit.map((u) => [u.rank, u.unit, u.done, u.tasks])).toEqual([
    [1, 'Sở Y tế', 2, 2],
    [1, 'Sở Tư pháp', 1, 1],
    [3, 'Sở Nội vụ', 1, 2],
  ]);
});
