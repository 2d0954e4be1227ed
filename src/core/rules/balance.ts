// Two-sided tables: the income total equals the expenditure total.
import type { Finding } from '../findings';
import { sumFinding } from './compare';
import type { CheckContext } from './context';
import type { Rule } from './rule';

export const balanceRule: Rule = {
  id: 'balance',
  run(ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      if (!t.table.twoSided) continue;
      const inc = t.totalRows('income')[0];
      const exp = t.totalRows('expense')[0];
      const incCol = t.column('income-amount');
      const expCol = t.column('expense-amount');
      if (inc === undefined || exp === undefined || !incCol || !expCol) continue;
      const f = sumFinding({
        rule: 'balance',
        t,
        index: exp,
        col: expCol.col,
        found: t.figure(exp, expCol.col),
        expected: t.figure(inc, incCol.col),
        what: { zh: '收入合计', en: 'the income total' },
        related: () => [t.qualified(t.rows[inc].row, incCol.col)],
      });
      if (f) out.push(f);
    }
    return out;
  },
};
