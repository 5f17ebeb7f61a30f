import { LayoutDeclaration } from './types';
import { taskProgress } from './l1-task-progress';
import { reportingChecklist } from './l2-reporting-checklist';
import { countByUnit } from './l3-count-by-unit';
import { dossierResults } from './l4-dossier-results';
import { dossierResultsOnline } from './l5-online-share';
import { planCompletion } from './l6-plan-completion';
import { countsByAdminLevel } from './l7-by-admin-level';
import { dossierStatus } from './l8-dossier-status';
import { indicatorForm } from './l9-indicator-form';

export const LAYOUTS: LayoutDeclaration[] = [
  taskProgress,
  reportingChecklist,
  countByUnit,
  dossierResults,
  dossierResultsOnline,
  planCompletion,
  countsByAdminLevel,
  dossierStatus,
  indicatorForm,
];

export * from './types';
export { unknownLayout } from './l0-unknown';
export { scoreLayout, SCORE_WORDS, statedMaximum } from './score-table';
export type { ScoreStat } from './score-table';
