import { LayoutDeclaration } from './types';
import { noteColumn, sttColumn } from './common';

/** L1: tasks of the reform plan, grouped in Roman-numbered sections, with their progress. */
export const taskProgress: LayoutDeclaration = {
  id: 'L1',
  name: 'Tiến độ thực hiện nhiệm vụ',
  nameEn: 'Task progress',
  columns: [
    sttColumn,
    { key: 'task', role: 'task', title: 'Nhiệm vụ', titleEn: 'Task', header: ['nhiem vu', 'noi dung nhiem vu'], weight: 1.5 },
    { key: 'product', role: 'text', title: 'Sản phẩm', titleEn: 'Deliverable', header: ['san pham', 'ket qua san pham'], weight: 1 },
    { key: 'deadline', role: 'text', title: 'Tiến độ', titleEn: 'Deadline', header: ['tien do', 'thoi gian', 'thoi gian hoan thanh'], weight: 1 },
    { key: 'unit', role: 'label', title: 'Đơn vị chủ trì', titleEn: 'Lead unit', header: ['don vi chu tri', 'co quan chu tri', 'don vi thuc hien', 'co quan thuc hien'], weight: 0.75 },
    { key: 'assignee', role: 'text', title: 'Phân công', titleEn: 'Assigned to', header: ['phan cong va cach thuc thuc hien', 'phan cong', 'co quan chu tri'], weight: 0.75 },
    { key: 'result', role: 'result', title: 'Tiến độ, kết quả', titleEn: 'Progress and result', header: ['tien do ket qua thuc hien', 'tien do ket qua', 'ket qua thuc hien', 'ket qua'], weight: 1 },
    noteColumn,
  ],
  identities: [],
  rates: [],
  bounds: [],
  hierarchy: 'tasks',
  taskRules: {
    // Without a result column (003) the "Tiến độ" column holds the status.
    statusFrom: ['result', 'deadline'],
    // First match wins: a report of trouble or waiting outweighs the "đã" of what was done so far.
    statusPhrases: [
      { status: 'noReport', phrases: ['chua nhan bao cao', 'chua nhan duoc bao cao', 'khong co bao cao', 'chua bao cao'] },
      { status: 'notYetDue', phrases: ['chua den thoi han', 'chua den han', 'theo tien do cua tinh'] },
      {
        status: 'notStarted',
        phrases: ['chua thuc hien', 'chua trien khai', 'chua co nghi dinh', 'chua co van ban', 'chua co su trien khai', 'tam dung'],
      },
      {
        status: 'inProgress',
        phrases: [
          'dang thuc hien',
          'dang trien khai',
          'dang nghien cuu',
          'dang xay dung',
          'dang hoan thien',
          'dang trinh',
          'dang cho',
          'dang tong hop',
          'thuc hien thuong xuyen',
          'chua hoan thanh',
          'van chua',
          'vuong mac',
          'se tiep tuc',
        ],
      },
      {
        status: 'done',
        phrases: ['hoan thanh', 'thong qua nghi quyet', 'duoc trien khai', 'dua vao su dung', 'da'],
      },
      // "Nothing arose this year" only when nothing was done either.
      { status: 'notStarted', phrases: ['chua phat sinh', 'khong phat sinh'] },
    ],
  },
};
