import { checkSheet } from '../../src/engine/check';
import { sheetOf } from '../../test/fixtures/grid';
const maxima = [18, 20, 22, 22, 18];
const rows: any[][] = [['STT', 'Đơn vị', 'Công khai, minh bạch (18 điểm)', 'Tiến độ giải quyết (20 điểm)', 'Số hóa hồ sơ (22 điểm)', 'Cung cấp DVC trực tuyến (22 điểm)', 'Mức độ hài lòng (18 điểm)', 'Tổng điểm', 'Chỉ số (%)', 'Xếp hạng']];
const names = ['Sở Tư pháp', 'Sở Y tế', 'Sở Xây dựng', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Công Thương', 'Sở Giáo dục và Đào tạo', 'Sở Nông nghiệp và Môi trường'];
let seed = 7; const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const data = names.map((n, i) => { const s = maxima.map((m) => Math.round(m * (0.6 + 0.4 * r()) * 100) / 100); const t = Math.round(s.reduce((a, b) => a + b, 0) * 100) / 100; return [String(i + 1), n, ...s, t, Math.round(t * 100) / 100]; });
const totals = data.map((d) => d[7] as number);
for (const d of data) d.push(1 + totals.filter((t) => t > (d[7] as number)).length);
const asText = process.argv[2] === 'text';
rows.push(...data.map((d) => d.map((v, k) => (asText && k >= 2 && k <= 8 ? String((v as number).toFixed(2)).replace('.', ',') : v))));
const rep = checkSheet(sheetOf(rows, 'A3'));
for (const t of rep.tables) { console.log(t.range, t.layout, t.notices.map((n) => n.message)); for (const f of t.findings) console.log(' ', f.severity, f.cell, f.message.slice(0, 160)); }
console.log(JSON.stringify(rep.unchecked.map((u) => [u.range, u.reason])), rep.notices.map((n) => n.code));
