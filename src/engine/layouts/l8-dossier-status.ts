import { LayoutDeclaration } from './types';
import { count, sttColumn, unitNameColumn } from './common';

const HANDLED = ['ho so giai quyet', 'hs giai quyet'];
const APPROVED = ['dong y giai quyet', 'dong y'];
const REFUSED = ['tu choi giai quyet', 'tu choi'];
const IN_PROGRESS = ['ho so dang giai quyet', 'dang giai quyet'];
const TOTAL = ['tong so', 'tong'];

/** L8: detailed dossier status: carried over and new, approved/refused by timeliness, in progress, cancelled. */
export const dossierStatus: LayoutDeclaration = {
  id: 'L8',
  name: 'Chi tiết tình trạng hồ sơ',
  nameEn: 'Detailed dossier status',
  columns: [
    sttColumn,
    { ...unitNameColumn, header: [...unitNameColumn.header, 'linh vuc'] },
    count('total', 'Tổng số hồ sơ giải quyết', 'Total handled', TOTAL, HANDLED),
    count('carried', 'Kỳ trước chuyển sang', 'Carried over', ['ky truoc chuyen sang', 'ky truoc chuyen sang', 'tu ky truoc', 'ky truoc'], HANDLED),
    count('new', 'Nhận trong kỳ', 'New in period', ['nhan trong ky', 'moi tiep nhan'], HANDLED),
    count('approved', 'Đồng ý giải quyết: tổng', 'Approved: total', TOTAL, APPROVED),
    count('approvedEarly', 'Đồng ý: sớm hạn', 'Approved early', ['som han', 'truoc han'], APPROVED, 0.75),
    count('approvedOnTime', 'Đồng ý: đúng hạn', 'Approved on time', ['dung han'], APPROVED, 0.75),
    count('approvedLate', 'Đồng ý: trễ hạn', 'Approved late', ['tre han'], APPROVED, 0.75),
    count('refused', 'Từ chối giải quyết: tổng', 'Refused: total', TOTAL, REFUSED),
    count('refusedEarly', 'Từ chối: sớm hạn', 'Refused early', ['som han', 'truoc han'], REFUSED, 0.75),
    count('refusedOnTime', 'Từ chối: đúng hạn', 'Refused on time', ['dung han'], REFUSED, 0.75),
    count('refusedLate', 'Từ chối: trễ hạn', 'Refused late', ['tre han'], REFUSED, 0.75),
    count('inProgress', 'Đang giải quyết: tổng', 'In progress: total', TOTAL, IN_PROGRESS),
    count('inTime', 'Đang giải quyết: trong hạn', 'In progress within deadline', ['trong han'], IN_PROGRESS, 0.75),
    count('overdue', 'Đang giải quyết: quá hạn', 'In progress overdue', ['qua han', 'tre han'], IN_PROGRESS, 0.75),
    count('stopped', 'Đang giải quyết: dừng tính', 'Clock stopped', ['dung tinh'], IN_PROGRESS, 0.75),
    count('cancelled', 'Hồ sơ hủy', 'Cancelled', ['ho so huy', 'hs huy', 'huy', 'tra lai rut'], undefined, 1),
  ],
  identities: [
    { total: 'total', parts: ['carried', 'new'] },
    { total: 'total', parts: ['approved', 'refused', 'inProgress', 'cancelled'] },
    { total: 'approved', parts: ['approvedEarly', 'approvedOnTime', 'approvedLate'] },
    { total: 'refused', parts: ['refusedEarly', 'refusedOnTime', 'refusedLate'] },
    { total: 'inProgress', parts: ['inTime', 'overdue', 'stopped'] },
  ],
  rates: [],
  bounds: [],
  hierarchy: 'sum',
  measures: [
    {
      id: 'on-time',
      title: 'Tỉ lệ đúng hạn',
      titleEn: 'On-time rate',
      numerator: ['approvedEarly', 'approvedOnTime', 'refusedEarly', 'refusedOnTime'],
      denominator: ['approved', 'refused'],
      better: 'higher',
    },
    { id: 'late', title: 'Tỉ lệ trễ hạn', titleEn: 'Late rate', numerator: ['approvedLate', 'refusedLate'], denominator: ['approved', 'refused'], better: 'lower' },
    { id: 'received', title: 'Tổng số hồ sơ', titleEn: 'Dossiers handled', numerator: ['total'], better: 'higher' },
  ],
};
