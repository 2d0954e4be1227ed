// Every parent row equals the sum of its children, per amount column.
import type { Finding } from '../findings';
import { sumFinding } from './compare';
import type { CheckContext } from './context';
import { isZeroFigure, sumFigures } from './figures';
import type { Rule } from './rule';

export const subtotalRule: Rule = {
  id: 'subtotal',
  run(ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      t.rows.forEach((r, i) => {
        const kids = t.children(i);
        if (!kids.length || r.isTotal) return;
        for (const c of t.amountColumns) {
          if (r.side && c.side && r.side !== c.side) continue;
          const found = t.amount(r.row, c.col);
          const expected = sumFigures(kids.map((k) => t.figure(k, c.col)));
          if (found.blank && isZeroFigure(expected)) continue;
          const f = sumFinding({
            rule: 'subtotal',
            t,
            index: i,
            col: c.col,
            found,
            expected,
            what: { zh: '下级合计', en: 'sum of sub-items' },
            related: () => kids.slice(0, 20).map((k) => t.qualified(t.rows[k].row, c.col)),
          });
          if (f) out.push(f);
        }
      });
    }
    return out;
  },
};
