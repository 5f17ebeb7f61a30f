import { checkSheet } from '../../src/engine/check';
import { sheetOf } from '../../test/fixtures/grid';
const maxima = [18, 20, 22, 22, 18];
const header = ['STT', 'Đơn vị', 'Công khai, minh bạch (18 điểm)', 'Tiến độ giải quyết (20 điểm)', 'Số hóa hồ sơ (22 điểm)', 'Cung cấp DVC trực tuyến (22 điểm)', 'Mức độ hài lòng (18 điểm)', 'Tổng điểm', 'Chỉ số (%)', 'Xếp hạng'];
const names = ['Sở Tư pháp', 'Sở Y tế', 'Sở Xây dựng', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Công Thương', 'Sở Giáo dục và Đào tạo', 'Sở Nông nghiệp và Môi trường'];
let seed = 7; const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const data = names.map((n, i) => { const s = maxima.map((m) => Math.round(m * (0.6 + 0.4 * r()) * 100) / 100); const t = Math.round(s.reduce((a, b) => a + b, 0) * 100) / 100; return [String(i + 1), n, ...s, t, t] as any[]; });
for (const d of data) d.push(1 + data.filter((e) => e[7] > d[7]).length);
const mode = process.argv[2];
const text = (v: number) => v.toFixed(2).replace('.', ',');
const rows = data.map((d) => d.map((v: any, k: number) => (k >= 2 && k <= 8 ? text(v) : v)));
const stats = [['', 'Cao nhất', ...[2,3,4,5,6,7,8].map((k) => text(Math.max(...data.map((d) => d[k]))))], ['', 'Trung bình', ...[2,3,4,5,6,7,8].map((k) => text(data.reduce((s, d) => s + d[k], 0) / data.length))]];
if (mode === 'crit') rows[2][3] = text(data[2][3] + 1);
if (mode === 'over') { rows[4][4] = text(data[4][4] * 10); }
if (mode === 'index') rows[5][8] = text(data[5][8] + 10);
if (mode === 'rank') rows[1][9] = rows[1][9] + 1;
if (mode === 'stat') stats[1][4] = text(Number(stats[1][4].replace(',', '.')) + 1);
const rep = checkSheet(sheetOf([header, ...rows, ...stats], 'A3'));
for (const t of rep.tables) { console.log(t.range, t.layout, t.notices.map((n) => n.message)); for (const f of t.findings) console.log(' ', f.severity, f.cell, f.expected, f.message.slice(0, 220)); }
console.log(JSON.stringify(rep.unchecked.map((u) => [u.range, u.reason])), rep.notices.map((n) => n.code));
