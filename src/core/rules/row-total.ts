// Within a row: 合计 = 基本支出 + 项目支出, 本年收入合计 = its sources, 小计 = 一般公共预算 + 政府性基金 …
import type { Finding } from '../findings';
import type { ColumnRole, TableKind } from '../recognize';
import { sumFinding } from './compare';
import type { CheckContext } from './context';
import { sumFigures } from './figures';
import type { Rule } from './rule';

export interface RowIdentity {
  readonly kinds: readonly TableKind[] | 'all';
  readonly total: ColumnRole;
  readonly parts: readonly ColumnRole[];
}

export const ROW_IDENTITIES: readonly RowIdentity[] = [
  { kinds: ['expenditure', 'general-expenditure', 'fund-expenditure', 'state-capital-expenditure'], total: 'total', parts: ['basic', 'project'] },
  { kinds: ['income'], total: 'total', parts: ['general-budget', 'fund', 'special-account', 'unit-funds', 'state-capital'] },
  { kinds: ['fiscal-summary'], total: 'expense-amount', parts: ['general-budget', 'fund', 'state-capital'] },
  { kinds: 'all', total: 'basic', parts: ['personnel', 'public-funds'] },
];

export const rowTotalRule: Rule = {
  id: 'row-total',
  run(ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      for (const id of ROW_IDENTITIES) {
        if (id.kinds !== 'all' && !id.kinds.includes(t.table.kind)) continue;
        for (const period of ['current', 'prior'] as const) {
          const total = t.column(id.total, period);
          const parts = id.parts.map((p) => t.column(p, period)).filter((c) => c !== undefined);
          if (!total || parts.length < 2) continue;
          t.rows.forEach((r, i) => {
            if (r.side && total.side && r.side !== total.side) return;
            const found = t.figure(i, total.col);
            const expected = sumFigures(parts.map((p) => t.figure(i, p.col)));
            if (found.blank && expected.blank) return;
            const names = parts.map((p) => t.columnLabel(p.col)).join(' + ');
            const f = sumFinding({
              rule: 'row-total',
              t,
              index: i,
              col: total.col,
              found: t.amount(r.row, total.col).blank ? found : t.amount(r.row, total.col),
              expected,
              what: { zh: names, en: names },
              related: parts.map((p) => t.qualified(r.row, p.col)),
            });
            if (f) out.push(f);
          });
        }
      }
    }
    return out;
  },
};
