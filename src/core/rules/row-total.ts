// Within a row: 合计 = 基本支出 + 项目支出, 本年收入合计 = its sources, 小计 = 一般公共预算 + 政府性基金,
// 基本支出 = 人员经费 + 公用经费; in a 三公 table laid out by columns, 合计 = 因公出国（境）费 + 公务接待费
// + 公务用车购置及运行费 and 公务用车购置及运行费 = 购置费 + 运行费.
import type { Finding } from '../findings';
import type { ColumnRole, TableColumn, TableKind } from '../recognize';
import { sumFinding } from './compare';
import type { CheckContext, TableContext } from './context';
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
  { kinds: ['basic-economic'], total: 'total', parts: ['personnel', 'public-funds'] },
  { kinds: 'all', total: 'basic', parts: ['personnel', 'public-funds'] },
];

/** Columns of a 三公 table laid out by columns, told apart by their header text (last part first). */
const THREE_PUBLIC_COLUMNS: readonly { id: string; last: RegExp; chain?: RegExp; not?: RegExp }[] = [
  { id: 'abroad', last: /因公出国/ },
  { id: 'reception', last: /公务接待/ },
  { id: 'car', last: /公务用车购置及运行/ },
  { id: 'car', last: /^(小计|合计)$/, chain: /公务用车/ },
  { id: 'purchase', last: /购置(费)?$/, chain: /公务用车/, not: /运行/ },
  { id: 'running', last: /运行(维护)?费?$/, chain: /公务用车/, not: /购置及运行/ },
  { id: 'total', last: /^(合计|小计|总计)$/, chain: /三公/, not: /公务用车/ },
];

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The 三公 columns of a three-public table that has them as columns (Shanghai style), by id. */
export function threePublicColumns(t: TableContext): Map<string, TableColumn> {
  const out = new Map<string, TableColumn>();
  if (t.table.kind !== 'three-public') return out;
  for (const c of t.table.columns) {
    if (c.period !== 'current' || c.role === 'operating-costs' || c.role === 'name' || c.role === 'note') continue;
    const chain = squash(c.header);
    const last = chain.split('/').pop() ?? '';
    const hit = THREE_PUBLIC_COLUMNS.find((p) => p.last.test(last) && (!p.chain || p.chain.test(chain)) && !(p.not && p.not.test(last)));
    if (hit && !out.has(hit.id)) out.set(hit.id, c);
  }
  return out;
}

export interface ResolvedIdentity {
  readonly total: TableColumn;
  readonly parts: readonly TableColumn[];
}

/** The row identities that apply to a table, with their columns (per period). */
export function identitiesOf(t: TableContext): ResolvedIdentity[] {
  const out: ResolvedIdentity[] = [];
  for (const id of ROW_IDENTITIES) {
    if (id.kinds !== 'all' && !id.kinds.includes(t.table.kind)) continue;
    for (const period of ['current', 'prior'] as const) {
      const total = t.column(id.total, period);
      const parts: TableColumn[] = [];
      for (const role of id.parts) {
        const c = t.column(role, period);
        if (c) parts.push(c);
        else if (role === 'basic') {
          // No 基本支出 column: its 人员经费 and 公用经费 stand in for it.
          const personnel = t.column('personnel', period);
          const publicFunds = t.column('public-funds', period);
          if (personnel && publicFunds) parts.push(personnel, publicFunds);
        }
      }
      if (total && parts.length >= 2) out.push({ total, parts });
    }
  }
  const tp = threePublicColumns(t);
  const pick = (ids: string[]) => ids.map((i) => tp.get(i)).filter((c): c is TableColumn => c !== undefined);
  if (tp.has('total') && tp.has('car')) {
    const parts = pick(['abroad', 'reception', 'car']);
    if (parts.length === 3) out.push({ total: tp.get('total')!, parts });
  }
  if (tp.has('car')) {
    const parts = pick(['purchase', 'running']);
    if (parts.length === 2) out.push({ total: tp.get('car')!, parts });
  }
  return out;
}

export const rowTotalRule: Rule = {
  id: 'row-total',
  run(ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      for (const { total, parts } of identitiesOf(t)) {
        const names = parts.map((p) => t.columnLabel(p.col)).join(' + ');
        const what = { zh: names, en: names };
        t.rows.forEach((r, i) => {
          if (r.side && total.side && r.side !== total.side) return;
          const found = t.figure(i, total.col);
          const expected = sumFigures(parts.map((p) => t.figure(i, p.col)));
          if (found.blank && expected.blank) return;
          const f = sumFinding({
            rule: 'row-total',
            t,
            index: i,
            col: total.col,
            found: t.amount(r.row, total.col).blank ? found : t.amount(r.row, total.col),
            expected,
            what,
            related: () => parts.map((p) => t.qualified(r.row, p.col)),
          });
          if (f) out.push(f);
        });
      }
    }
    return out;
  },
};
