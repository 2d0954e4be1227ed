// 基本支出分经济科目表 holds basic expenditure only. An item larger than the whole 基本支出 of the
// department (表5 / 表3 合计 · 基本支出) cannot be basic money: the table has taken in 项目支出 (the seed's
// 维修（护）费 3732.12 against 基本支出 1410.07). Reported at the deepest such rows.
import type { Finding } from '../findings';
import type { CheckContext, TableContext } from './context';
import { restate, type Figure } from './figures';
import type { Rule } from './rule';

function basicTotal(t: TableContext | undefined): { t: TableContext; index: number; col: number; fig: Figure } | undefined {
  const col = t?.column('basic');
  const index = t?.totalRows()[0];
  if (!t || !col || index === undefined) return undefined;
  const fig = t.figure(index, col.col);
  return fig.blank ? undefined : { t, index, col: col.col, fig };
}

export const basicScopeRule: Rule = {
  id: 'cross-table',
  run(ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    const of = (k: string) => ctx.tables.find((t) => t.table.kind === k);
    const economic = of('basic-economic');
    const col = economic?.column('amount') ?? economic?.column('total');
    if (!economic || !col) return out;
    const refs = [basicTotal(of('general-expenditure')), basicTotal(of('expenditure'))]
      .filter((x) => x !== undefined)
      .map((r) => ({ ...r, fig: restate(r.fig, r.t.table.unit, economic.table.unit) }));
    if (!refs.length) return out;
    // The larger of the two: 表3 counts basic money of every source, 表5 the general budget's only.
    const ref = refs.reduce((a, b) => (b.fig.hi.gt(a.fig.hi) ? b : a));
    const limitFig = ref.fig;
    const over = new Set<number>();
    economic.rows.forEach((r, i) => {
      if (r.isTotal) return;
      const f = economic.figure(i, col.col);
      if (!f.blank && f.lo.gt(limitFig.hi)) over.add(i);
    });
    for (const i of over) {
      if (economic.children(i).some((k) => over.has(k))) continue;
      const r = economic.rows[i];
      const cell = economic.address(r.row, col.col);
      const found = economic.fmt(economic.figure(i, col.col).value);
      const limit = economic.fmt(limitFig.value);
      const where = economic.label();
      const other = ref.t.label();
      const unit = economic.table.unit;
      out.push({
        rule: 'cross-table',
        severity: 'error',
        sheet: economic.table.sheet,
        cell,
        range: cell,
        table: economic.table.id,
        expected: `≤ ${limit}`,
        actual: found,
        related: [ref.t.qualified(ref.t.rows[ref.index].row, ref.col)],
        rowLabel: economic.rowLabel(i),
        columnLabel: economic.columnLabel(col.col),
        message: {
          zh: `${where.zh} ${economic.rowLabel(i)}：${found} ${unit} 超过${other.zh}基本支出合计 ${limit}，不可能全是基本支出（本表混入了项目支出？）`,
          en: `${where.en} ${economic.rowLabel(i)}: ${found} ${unit} exceeds the whole basic expenditure of ${other.en}, ${limit}; it cannot all be basic money (project spending in this table?)`,
        },
      });
    }
    return out;
  },
};
