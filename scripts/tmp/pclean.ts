import { checkSheet } from '../../src/engine/check';
import { scoreTable, SCORE_SHAPES } from '../../test/fixtures/score-tables';
let bad = 0;
for (let i = 0; i < 3000; i++) {
  const shape = SCORE_SHAPES[i % 6]; const seed = 1 + ((i * 15485863) % 1073741789);
  const rep = checkSheet(scoreTable(shape, seed).sheet);
  const fl = rep.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
  if (rep.tables.length !== 1 || rep.tables[0].layout !== 'SC' || fl.length) { bad++; if (bad < 5) console.log(shape, seed, rep.tables.map((t) => t.layout), fl.map((f) => f.cell + ' ' + f.message.slice(0, 120))); }
}
console.log('bad', bad);
