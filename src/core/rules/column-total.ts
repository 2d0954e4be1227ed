// The total row equals the sum of the top-level rows (类, economic 类, units), per column and side.
import type { Finding } from '../findings';
import { sumFinding } from './compare';
import type { CheckContext } from './context';
import { isZeroFigure, sumFigures } from './figures';
import type { Rule } from './rule';

export const columnTotalRule: Rule = {
  id: 'column-total',
  run(ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      const sides = t.table.twoSided ? (['income', 'expense'] as const) : ([undefined] as const);
      for (const side of sides) {
        const totalIndex = t.totalRows(side)[0];
        if (totalIndex === undefined) continue;
        const top = t.topLevelRows(side);
        if (!top.length) continue;
        const totalRow = t.rows[totalIndex];
        for (const c of t.amountColumns) {
          if (side && c.side !== side) continue;
          const found = t.amount(totalRow.row, c.col);
          const expected = sumFigures(top.map((i) => t.figure(i, c.col)));
          if (found.blank && isZeroFigure(expected)) continue;
          const f = sumFinding({
            rule: 'column-total',
            t,
            index: totalIndex,
            col: c.col,
            found,
            expected,
            what: { zh: '各项之和', en: 'sum of the items' },
            related: () => top.slice(0, 20).map((i) => t.qualified(t.rows[i].row, c.col)),
          });
          if (f) out.push(f);
        }
      }
    }
    return out;
  },
};
