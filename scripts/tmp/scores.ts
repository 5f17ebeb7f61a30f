import { checkWorkbook } from '../../src/engine/check';
import { precisionOf, recallOf, scoreShape, SHAPE_KINDS } from '../../test/fixtures/grid-shapes';
const flagged = (sheets: any) => checkWorkbook(sheets).sheets.flatMap((s) => s.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info').map((f) => ({ ...f, sheet: s.sheet }))) as any;
for (const kind of (process.argv[2] ? [process.argv[2]] : SHAPE_KINDS) as any[]) { const s = scoreShape(kind, 100, flagged); console.log(kind.padEnd(18), JSON.stringify(s), (100*precisionOf(s)).toFixed(1), (100*recallOf(s)).toFixed(1)); }
