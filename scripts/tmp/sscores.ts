import { checkSheet } from '../../src/engine/check';
import { SCORE_SHAPES, scoreScoreShape, scorePrecision, scoreRecall } from '../../test/fixtures/score-tables';
const flagged = (sheet: any) => checkSheet(sheet).tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info') as any;
for (const shape of (process.argv[2] ? [process.argv[2]] : SCORE_SHAPES) as any[]) { const s = scoreScoreShape(shape, 60, flagged); console.log(shape.padEnd(18), JSON.stringify(s), (100*scorePrecision(s)).toFixed(1), (100*scoreRecall(s)).toFixed(1)); }
