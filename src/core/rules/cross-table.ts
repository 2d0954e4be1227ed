// Identities between tables of one workbook (budget-tables.md §3, "Across tables").
import { normalizeName, stripOrdinal } from '../classification';
import type { Finding } from '../findings';
import type { ColumnRole, TableKind } from '../recognize';
import { sumFinding } from './compare';
import type { CheckContext, TableContext } from './context';
import { compareFigures, restate, whollyBelow, type Figure } from './figures';
import type { Rule } from './rule';
import { threePublicColumns } from './row-total';

const key = (s: string) => normalizeName(stripOrdinal(s));

function sameName(a: string, b: string): boolean {
  const x = key(a);
  const y = key(b);
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.startsWith(short);
}

interface Point {
  t: TableContext;
  index: number;
  col: number;
}

function figureAt(p: Point): Figure {
  return p.t.figure(p.index, p.col);
}

function totalPoint(t: TableContext | undefined, role: ColumnRole, side?: 'income' | 'expense'): Point | undefined {
  if (!t) return undefined;
  const col = t.column(role, 'current', side);
  const index = t.totalRows(side)[0];
  if (!col || index === undefined) return undefined;
  return { t, index, col: col.col };
}

function itemPoint(t: TableContext | undefined, name: string, role: ColumnRole, side?: 'income' | 'expense'): Point | undefined {
  if (!t) return undefined;
  const col = t.column(role, 'current', side);
  if (!col) return undefined;
  const index = t.rows.findIndex((r) => !r.isTotal && (side === undefined || r.side === side) && (r.level ?? 1) === 1 && sameName(r.name, name));
  return index < 0 ? undefined : { t, index, col: col.col };
}

function compare(found: Point | undefined, other: Point | undefined, out: Finding[]): void {
  if (!found || !other) return;
  const a = figureAt(found);
  const b = restate(figureAt(other), other.t.table.unit, found.t.table.unit);
  if (a.blank && b.blank) return;
  const ol = other.t.label();
  const what = {
    zh: `${ol.zh} ${other.t.rowLabel(other.index)} · ${other.t.columnLabel(other.col)}`,
    en: `${ol.en} ${other.t.rowLabel(other.index)} · ${other.t.columnLabel(other.col)}`,
  };
  const f = sumFinding({
    rule: 'cross-table',
    t: found.t,
    index: found.index,
    col: found.col,
    found: a.blank ? a : found.t.amount(found.t.rows[found.index].row, found.col).blank ? a : found.t.amount(found.t.rows[found.index].row, found.col),
    expected: b,
    what,
    related: () => [other.t.qualified(other.t.rows[other.index].row, other.col)],
  });
  if (f) out.push(f);
}

/** Rows of two function tables matched by code; report only the deepest rows that differ. */
function compareByCode(a: TableContext, b: TableContext, roles: ColumnRole[], onlyWhere: (code: string) => boolean, out: Finding[]): void {
  const byCode = new Map<string, number>();
  b.rows.forEach((r, i) => {
    if (r.code && !byCode.has(r.code)) byCode.set(r.code, i);
  });
  for (const role of roles) {
    const ca = a.column(role);
    const cb = b.column(role);
    if (!ca || !cb) continue;
    const differs = new Set<number>();
    a.rows.forEach((r, i) => {
      if (!r.code || !onlyWhere(r.code)) return;
      const j = byCode.get(r.code);
      if (j === undefined) return;
      const x = a.figure(i, ca.col);
      const y = restate(b.figure(j, cb.col), b.table.unit, a.table.unit);
      if (compareFigures(x, y).status === 'error') differs.add(i);
    });
    for (const i of differs) {
      if (a.children(i).some((k) => differs.has(k))) continue;
      compare({ t: a, index: i, col: ca.col }, { t: b, index: byCode.get(a.rows[i].code!)!, col: cb.col }, out);
    }
  }
}

export const crossTableRule: Rule = {
  id: 'cross-table',
  run(ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    const of = (k: TableKind) => ctx.tables.find((t) => t.table.kind === k);
    const summary = of('summary');
    const income = of('income');
    const expenditure = of('expenditure');
    const fiscal = of('fiscal-summary');
    const general = of('general-expenditure');
    const economic = of('basic-economic');
    const threePublic = of('three-public');

    const summaryTotal = totalPoint(summary, 'income-amount', 'income');
    compare(totalPoint(income, 'total'), summaryTotal, out);
    compare(totalPoint(expenditure, 'total'), summaryTotal, out);

    const gb = '一般公共预算';
    const summaryGeneral = itemPoint(summary, gb, 'income-amount', 'income');
    compare(itemPoint(fiscal, gb, 'income-amount', 'income'), summaryGeneral, out);
    compare(totalPoint(general, 'total'), itemPoint(fiscal, gb, 'income-amount', 'income') ?? summaryGeneral, out);

    if (summary) {
      summary.rows.forEach((r, i) => {
        if (r.side !== 'expense' || r.isTotal) return;
        const col = summary.column('expense-amount');
        if (!col) return;
        const here = { t: summary, index: i, col: col.col };
        compare(itemPoint(income, r.name, 'total'), here, out);
        compare(itemPoint(expenditure, r.name, 'total'), here, out);
      });
    }
    if (fiscal && general) {
      const col = fiscal.column('general-budget') ?? fiscal.column('expense-amount');
      if (col)
        fiscal.rows.forEach((r, i) => {
          if (r.side !== 'expense' || r.isTotal) return;
          compare({ t: fiscal, index: i, col: col.col }, itemPoint(general, r.name, 'total'), out);
        });
    }
    if (general && expenditure) {
      let incomeRow: Map<string, number> | undefined;
      const allGeneral = (code: string): boolean => {
        if (!income) return true;
        if (!incomeRow) {
          incomeRow = new Map();
          for (let j = 0; j < income.rows.length; j++) {
            const c = income.rows[j].code;
            if (c !== undefined && !incomeRow.has(c)) incomeRow.set(c, j);
          }
        }
        const i = incomeRow.get(code) ?? -1;
        const tc = income.column('total');
        const gc = income.column('general-budget');
        if (i < 0 || !tc || !gc) return true;
        return compareFigures(income.figure(i, tc.col), income.figure(i, gc.col)).status === 'equal';
      };
      compareByCode(expenditure, general, ['basic', 'project'], allGeneral, out);
    }
    if (general && economic) {
      const econTotal = totalPoint(economic, 'amount') ?? totalPoint(economic, 'total');
      compare(econTotal, totalPoint(general, 'basic'), out);
    }
    if (threePublic && economic) {
      const car = '公务用车运行维护费';
      const a = itemPointAnyLevel(threePublic, car) ?? runningColumnPoint(threePublic);
      const b = itemPointAnyLevel(economic, car);
      // 表9 counts basic and project money, 表6 basic only: 表9 may exceed 表6, never fall short of it.
      if (a && b && !figureAt(a).blank && !figureAt(b).blank && whollyBelow(figureAt(a), figureAt(b))) compare(a, b, out);
    }
    return out;
  },
};

function itemPointAnyLevel(t: TableContext, name: string): Point | undefined {
  const col = t.column('amount') ?? t.column('total');
  if (!col) return undefined;
  const index = t.rows.findIndex((r) => !r.isTotal && key(r.name) === key(name));
  return index < 0 ? undefined : { t, index, col: col.col };
}

/** A 三公 table by columns: its 运行费 column, on the total row or on its only row. */
function runningColumnPoint(t: TableContext): Point | undefined {
  const col = threePublicColumns(t).get('running');
  if (!col) return undefined;
  const total = t.totalRows()[0];
  const rows = t.rows.map((_, i) => i).filter((i) => !t.rows[i].isTotal);
  const index = total ?? (rows.length === 1 ? rows[0] : undefined);
  return index === undefined ? undefined : { t, index, col: col.col };
}
