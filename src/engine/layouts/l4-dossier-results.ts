import { LayoutDeclaration } from './types';
import { count, QUANTITY, rate, sttColumn, unitNameColumn } from './common';

const RESOLVED = ['hs da giai quyet', 'ho so da giai quyet', 'da giai quyet'];
const EARLY = ['hs truoc han', 'ho so truoc han', 'truoc han', 'som han'];
const ON_TIME = ['hs dung han', 'ho so dung han', 'dung han'];
const LATE = ['hs tre', 'hs tre han', 'ho so tre han', 'tre han', 'qua han'];
const UNRESOLVED = ['hs chua giai quyet', 'ho so chua giai quyet', 'chua giai quyet', 'ho so dang giai quyet', 'dang giai quyet'];

/** L4: dossiers received, resolved early / on time / late, unresolved, each with its rate. */
export const dossierResults: LayoutDeclaration = {
  id: 'L4',
  name: 'Kết quả giải quyết hồ sơ (trước hạn, đúng hạn, trễ hạn)',
  nameEn: 'Dossier results (early, on time, late)',
  columns: [
    sttColumn,
    { ...unitNameColumn, header: [...unitNameColumn.header, 'linh vuc'] },
    count('received', 'Hồ sơ nhận', 'Received', [
      'ho so nhan',
      'hs nhan',
      'ho so tiep nhan',
      'tong so ho so tiep nhan',
      'tong so ho so nhan',
      'so ho so nhan',
    ], undefined, 1.5),
    count('resolved', 'HS đã giải quyết', 'Resolved', QUANTITY, RESOLVED),
    rate('resolvedRate', 'Tỉ lệ đã giải quyết', 'Resolved rate', RESOLVED),
    count('early', 'HS trước hạn', 'Early', QUANTITY, EARLY),
    rate('earlyRate', 'Tỉ lệ trước hạn', 'Early rate', EARLY),
    count('onTime', 'HS đúng hạn', 'On time', QUANTITY, ON_TIME),
    rate('onTimeRate', 'Tỉ lệ đúng hạn', 'On-time rate', ON_TIME),
    count('late', 'HS trễ hạn', 'Late', QUANTITY, LATE),
    rate('lateRate', 'Tỉ lệ trễ hạn', 'Late rate', LATE),
    count('unresolved', 'HS chưa giải quyết', 'Unresolved', QUANTITY, UNRESOLVED),
    rate('unresolvedRate', 'Tỉ lệ chưa giải quyết', 'Unresolved rate', UNRESOLVED),
  ],
  identities: [
    { total: 'received', parts: ['resolved', 'unresolved'] },
    { total: 'resolved', parts: ['early', 'onTime', 'late'] },
  ],
  rates: [
    { rate: 'resolvedRate', numerator: ['resolved'], denominator: ['received'], alternatives: [{ denominator: ['resolved', 'unresolved'] }] },
    { rate: 'unresolvedRate', numerator: ['unresolved'], denominator: ['received'], alternatives: [{ denominator: ['resolved', 'unresolved'] }] },
    { rate: 'earlyRate', numerator: ['early'], denominator: ['resolved'], alternatives: [{ denominator: ['received'] }] },
    {
      rate: 'onTimeRate',
      numerator: ['onTime'],
      denominator: ['resolved'],
      alternatives: [{ denominator: ['received'] }, { numerator: ['early', 'onTime'] }, { numerator: ['early', 'onTime'], denominator: ['received'] }],
    },
    { rate: 'lateRate', numerator: ['late'], denominator: ['resolved'], alternatives: [{ denominator: ['received'] }] },
  ],
  bounds: [],
  hierarchy: 'sum',
  measures: [
    { id: 'on-time', title: 'Tỉ lệ đúng hạn', titleEn: 'On-time rate', numerator: ['early', 'onTime'], denominator: ['resolved'], better: 'higher' },
    { id: 'late', title: 'Tỉ lệ trễ hạn', titleEn: 'Late rate', numerator: ['late'], denominator: ['resolved'], better: 'lower' },
    { id: 'resolved', title: 'Tỉ lệ đã giải quyết', titleEn: 'Resolved rate', numerator: ['resolved'], denominator: ['received'], better: 'higher' },
    { id: 'received', title: 'Số hồ sơ nhận', titleEn: 'Dossiers received', numerator: ['received'], better: 'higher' },
  ],
};
