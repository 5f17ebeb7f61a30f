import { LayoutDeclaration } from './types';
import { count, QUANTITY, rate, sttColumn, unitNameColumn } from './common';

const RESOLVED = ['ho so da giai quyet xong', 'ho so da giai quyet', 'da giai quyet xong', 'da giai quyet'];
const IN_PROGRESS = ['ho so dang giai quyet', 'dang giai quyet'];
const LATE = ['ho so tre han', 'hs tre han'];
const ONLINE = ['ho so truc tuyen', 'hs truc tuyen'];
const TOTAL = ['tong', 'tong so'];

/** L5: dossier results with on-time/late split, in-progress split, late share and online share. */
export const dossierResultsOnline: LayoutDeclaration = {
  id: 'L5',
  name: 'Kết quả giải quyết hồ sơ và tỷ lệ trực tuyến',
  nameEn: 'Dossier results with online share',
  columns: [
    sttColumn,
    { ...unitNameColumn, header: [...unitNameColumn.header, 'co quan don vi dia phuong tiep nhan ho so'] },
    count('received', 'Hồ sơ tiếp nhận', 'Received', ['ho so tiep nhan', 'hs tiep nhan', 'ho so nhan']),
    count('resolved', 'Đã giải quyết: tổng', 'Resolved: total', TOTAL, RESOLVED),
    count('resolvedOnTime', 'Đã giải quyết: đúng hạn', 'Resolved on time', ['dung han', 'dung han truoc han'], RESOLVED),
    count('resolvedLate', 'Đã giải quyết: trễ hạn', 'Resolved late', ['tre han', 'qua han'], RESOLVED),
    count('inProgress', 'Đang giải quyết: tổng', 'In progress: total', TOTAL, IN_PROGRESS),
    count('inTime', 'Đang giải quyết: trong hạn', 'In progress within deadline', ['trong han'], IN_PROGRESS),
    count('overdue', 'Đang giải quyết: trễ hạn', 'In progress overdue', ['tre han', 'qua han'], IN_PROGRESS),
    count('lateCount', 'Hồ sơ trễ hạn: số lượng', 'Late dossiers', QUANTITY, LATE),
    rate('lateRate', 'Tỷ lệ trễ hạn', 'Late rate', LATE),
    count('online', 'Hồ sơ trực tuyến', 'Online dossiers', ['hs truc tuyen', 'ho so truc tuyen', 'so luong truc tuyen'], ONLINE),
    count('generated', 'Tổng số HS phát sinh', 'Dossiers of online procedures', ['tong so hs phat sinh', 'tong so ho so phat sinh', 'phat sinh'], ONLINE),
    rate('onlineRate', 'Tỷ lệ trực tuyến', 'Online rate', ONLINE),
  ],
  identities: [
    { total: 'resolved', parts: ['resolvedOnTime', 'resolvedLate'] },
    { total: 'inProgress', parts: ['inTime', 'overdue'] },
    { total: 'lateCount', parts: ['resolvedLate', 'overdue'] },
  ],
  rates: [
    { rate: 'lateRate', numerator: ['lateCount'], denominator: ['resolved', 'inProgress'], alternatives: [{ denominator: ['resolved'] }, { denominator: ['received'] }] },
    { rate: 'onlineRate', numerator: ['online'], denominator: ['generated'] },
  ],
  // Returned and withdrawn dossiers have no column, so received is only an upper bound here.
  bounds: [
    { part: ['online'], whole: ['generated'] },
    { part: ['resolved', 'inProgress'], whole: ['received'] },
  ],
  hierarchy: 'sum',
  measures: [
    // Here "Đúng hạn" already includes the early ones.
    { id: 'on-time', title: 'Tỉ lệ đúng hạn', titleEn: 'On-time rate', numerator: ['resolvedOnTime'], denominator: ['resolved'], better: 'higher' },
    { id: 'late', title: 'Tỉ lệ trễ hạn', titleEn: 'Late rate', numerator: ['lateCount'], denominator: ['resolved', 'inProgress'], better: 'lower' },
    { id: 'resolved', title: 'Tỉ lệ đã giải quyết', titleEn: 'Resolved rate', numerator: ['resolved'], denominator: ['received'], better: 'higher' },
    { id: 'online', title: 'Tỉ lệ hồ sơ trực tuyến', titleEn: 'Online rate', numerator: ['online'], denominator: ['generated'], better: 'higher' },
    { id: 'received', title: 'Số hồ sơ tiếp nhận', titleEn: 'Dossiers received', numerator: ['received'], better: 'higher' },
  ],
};
