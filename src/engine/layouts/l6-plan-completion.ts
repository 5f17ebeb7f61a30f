import { LayoutDeclaration } from './types';
import { count, noteColumn, sttColumn } from './common';

/** L6: plans with the number of tasks or units planned and completed ("23 nhiệm vụ"). */
export const planCompletion: LayoutDeclaration = {
  id: 'L6',
  name: 'Kết quả thực hiện kế hoạch',
  nameEn: 'Plan completion',
  columns: [
    sttColumn,
    { key: 'plan', role: 'label', title: 'Kế hoạch', titleEn: 'Plan', header: ['ke hoach', 'ten ke hoach'], weight: 1 },
    { key: 'issued', role: 'text', title: 'Thời gian ban hành', titleEn: 'Issued', header: ['thoi gian ban hanh', 'ngay ban hanh'], weight: 0.5 },
    count('planned', 'Số nhiệm vụ/đơn vị trong kế hoạch', 'Planned', [
      'so nhiem vu so don vi trong ke hoach',
      'so nhiem vu trong ke hoach',
      'trong ke hoach',
    ], undefined, 1.5),
    count('completed', 'Số nhiệm vụ/đơn vị được hoàn thành', 'Completed', [
      'so nhiem vu don vi duoc hoan thanh theo ke hoach',
      'duoc hoan thanh',
      'da hoan thanh',
      'hoan thanh',
    ], undefined, 1.5),
    noteColumn,
  ],
  identities: [],
  rates: [],
  bounds: [{ part: ['completed'], whole: ['planned'] }],
  hierarchy: 'none',
};
