import { typedBands } from '../../src/engine/output/ranking';
for (const t of ['Xuất sắc ≥ 90; Tốt ≥ 80; Khá ≥ 70; Yếu', 'Tốt: từ 80 điểm trở lên; Khá: từ 65; Trung bình: 50; Yếu', 'Đạt >= 50\nKhông đạt', 'Tốt ≥ 80; Khá ≥ 80; Yếu', 'abc 12 def', 'Tốt']) console.log(JSON.stringify(t), JSON.stringify(typedBands(t)?.map((b) => [b.label, b.min])));
