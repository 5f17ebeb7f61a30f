/**
 * Classes are score bands that differ by province and year, so they are settings; these presets
 * are starting points a user can adjust. Bands are in percent, highest first.
 */
export interface ClassBand {
  label: string;
  labelEn: string;
  /** The measure must be at least this (percent). */
  min: number;
}

export interface RankingPreset {
  id: PresetId;
  name: string;
  /** The measure the bands apply to, whatever the ranking is by: classes are a unit's, not a ranking's. */
  measure: 'on-time';
  bands: ClassBand[];
  /** A unit with at least this late share (percent) cannot get the first band. */
  lateShareCap?: number;
}

export type PresetId = 'khanh-hoa' | 'bnv';

export const PRESETS: Record<PresetId, RankingPreset> = {
  'khanh-hoa': {
    id: 'khanh-hoa',
    name: 'Khánh Hòa (Tốt / Khá / Trung bình / Yếu)',
    measure: 'on-time',
    bands: [
      { label: 'Tốt', labelEn: 'Good', min: 90 },
      { label: 'Khá', labelEn: 'Fair', min: 80 },
      { label: 'Trung bình', labelEn: 'Average', min: 65 },
      { label: 'Yếu', labelEn: 'Weak', min: 0 },
    ],
    // Provincial rule: 10 % or more late dossiers in the period rules out "Tốt", whatever the score.
    lateShareCap: 10,
  },
  bnv: {
    id: 'bnv',
    name: 'Bộ Nội vụ 2023 (nhóm A ≥ 90%, nhóm B 80–90%)',
    measure: 'on-time',
    bands: [
      { label: 'Nhóm A', labelEn: 'Group A', min: 90 },
      { label: 'Nhóm B', labelEn: 'Group B', min: 80 },
      { label: 'Nhóm C', labelEn: 'Group C', min: 0 },
    ],
  },
};

/** Class and tier words that notes and index tables use: a note names them all, used by a unit or not. */
export const CLASS_VOCABULARY = ['Xuất sắc', 'Rất tốt', 'Tốt', 'Khá', 'Trung bình', 'Tương đối thấp', 'Thấp', 'Yếu', 'Kém', 'Đạt', 'Không đạt', 'Nhóm A', 'Nhóm B', 'Nhóm C', 'Nhóm D', 'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ'];
