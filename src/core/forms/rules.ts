// The checks a reviewer applies to performance-target forms (performance-forms.md, "What a good form
// satisfies"): funds add up (form-funds), cost indicators bound the year's money (form-cost),
// indicator values are attainable and point the right way (form-indicator), no template placeholder
// is left (form-placeholder), nothing required is missing (form-missing), and the forms' annual
// funds add up to the tables' 项目支出 total (form-total). Every finding sits at the cell to fix.
import Decimal from 'decimal.js';
import type { Finding, Message, RuleId, Severity } from '../findings';
import { formatAmount, formatWithGrouping } from '../money';
import type { CheckContext, TableContext } from '../rules/context';
import type { Rule } from '../rules/rule';
import { cellAddress, qualifiedAddress, rangeAddress } from '../workbook/address';
import {
  SPLIT_LINES,
  type AmountField,
  type CellRef,
  type Indicator,
  type Level1,
  type Operator,
  type PerformanceForm,
  type QuantityValue,
} from './model';
import { level1Label, parseForms } from './parse';
import { findPlaceholders } from './values';
import {
  FAILURE_RATE_NAME,
  GROWTH_RATE_NAME,
  OVERALL_COST_NAME,
  PER_HEAD_NAME,
  PER_UNIT_NAME,
  PROSE_PLACEHOLDERS,
  SATISFACTION_NAME,
  TIME_LIMIT_NAME,
} from './vocabulary';

// ---- helpers -------------------------------------------------------------------------------

const a1 = (c: CellRef): string => cellAddress(c.row, c.col);

function formName(f: PerformanceForm): string {
  return f.header.name.trim() || f.id;
}

/** `《name》` / `"name"`: how messages name the form. */
function who(f: PerformanceForm): Message {
  const n = formName(f);
  return { zh: `《${n}》`, en: `"${n}"` };
}

function plain(d: Decimal): string {
  const s = d.toFixed();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** An amount in 元 as people write it: 1,770,000 / 900,599.96. */
function yuan(d: Decimal): string {
  return formatWithGrouping(d, Math.min(Math.max(d.decimalPlaces(), 0), 2));
}

/** An amount in the form's own unit, with the decimals it was printed with. */
function shown(d: Decimal, decimals: number): string {
  return formatWithGrouping(d, Math.max(decimals, Math.min(d.decimalPlaces(), 2)));
}

interface Extra {
  expected?: string;
  actual?: string;
  related?: readonly CellRef[];
  rowLabel?: string;
  columnLabel?: string;
  range?: string;
  details?: Readonly<Record<string, unknown>>;
}

function finding(f: PerformanceForm, rule: RuleId, severity: Severity, at: CellRef, message: Message, x: Extra = {}): Finding {
  return {
    rule,
    severity,
    sheet: f.sheet,
    cell: a1(at),
    range: x.range ?? a1(at),
    form: f.id,
    message,
    ...(x.expected !== undefined ? { expected: x.expected } : {}),
    ...(x.actual !== undefined ? { actual: x.actual } : {}),
    related: (x.related ?? []).map((c) => qualifiedAddress(f.sheet, a1(c))),
    rowLabel: x.rowLabel ?? formName(f),
    ...(x.columnLabel ? { columnLabel: x.columnLabel } : {}),
    ...(x.details ? { details: x.details } : {}),
  };
}

function near(a: Decimal, b: Decimal, tol: Decimal): boolean {
  return a.minus(b).abs().lte(tol);
}

const RISING: ReadonlySet<Operator> = new Set(['≥', '＞']);

/** Indicators whose value is a ceiling, so `≥` / `＞` before it is a mistake for `≤`. */
const CEILINGS: readonly {
  readonly kind: string;
  readonly applies: (v: QuantityValue, name: string) => boolean;
  readonly message: (w: Message, name: string, text: string, fixed: string) => Message;
}[] = [
  {
    kind: 'time-limit',
    applies: (v, name) => v.unitKind === 'time' && TIME_LIMIT_NAME.test(name),
    message: (w, name, text, fixed) => ({
      zh: `${w.zh}时限指标「${name}」写作 ${text}：时限是上限，应使用 ≤，如 ${fixed}`,
      en: `${w.en}: time limit "${name}" is written ${text}: a limit is a ceiling, write ≤, e.g. ${fixed}`,
    }),
  },
  {
    kind: 'failure-rate',
    applies: (_, name) => FAILURE_RATE_NAME.test(name),
    message: (w, name, text, fixed) => ({
      zh: `${w.zh}「${name}」写作 ${text}：故障、丢失、差错等比率应使用 ≤，如 ${fixed}`,
      en: `${w.en}: "${name}" is written ${text}: a rate of failure or loss is a ceiling, write ≤, e.g. ${fixed}`,
    }),
  },
];
const BOUNDING: ReadonlySet<Operator | undefined> = new Set(['≤', '＜', '=', '≈', undefined]);

export function isCostIndicator(ind: Indicator): boolean {
  return ind.level1 === 'cost' || ind.level2 === 'cost' || ind.level2 === 'economic-cost' || ind.level2 === 'social-cost' || ind.level2 === 'ecological-cost';
}

// ---- form-funds ----------------------------------------------------------------------------

/** 财政拨款 written beside the 中央 / 省级 / 市县 lines it sums. */
function checkFiscal(f: PerformanceForm, side: 'period' | 'annual', fiscal: AmountField, parts: readonly AmountField[]): Finding[] {
  const sum = parts.reduce((s, a) => s.plus(a.value), new Decimal(0));
  const tol = parts.reduce((s, a) => s.plus(a.tolerance), fiscal.tolerance);
  if (near(fiscal.value, sum, tol)) return [];
  const w = who(f);
  const sumShown = parts.reduce((s, a) => s.plus(a.shown), new Decimal(0));
  const decimals = Math.max(fiscal.decimals, ...parts.map((a) => a.decimals));
  const unit = f.funds.unit;
  return [
    finding(
      f,
      'form-funds',
      'error',
      fiscal.cell,
      {
        zh: `${w.zh}${SIDE[side].zh}财政拨款 ${shown(fiscal.shown, decimals)} ≠ 中央、省级、市县财政资金合计 ${shown(sumShown, decimals)} ${unit}`,
        en: `${w.en}: the ${SIDE[side].en} fiscal funds (财政拨款) ${shown(fiscal.shown, decimals)} ≠ central + provincial + city/county ${shown(sumShown, decimals)} ${unit}`,
      },
      { expected: formatAmount(sumShown, decimals), actual: formatAmount(fiscal.shown, decimals), related: parts.map((a) => a.cell), columnLabel: `${SIDE[side].zh}财政拨款` },
    ),
  ];
}

const SIDE: Record<'period' | 'annual', Message> = {
  period: { zh: '实施期', en: 'project-period' },
  annual: { zh: '年度', en: 'annual' },
};

function checkFunds(f: PerformanceForm): Finding[] {
  const out: Finding[] = [];
  const w = who(f);
  const unit = f.funds.unit;
  for (const side of ['period', 'annual'] as const) {
    const col = f.funds[side];
    const total = col.total;
    if (!total) continue;
    const split = SPLIT_LINES.map((l) => col.lines[l]).filter((a): a is AmountField => a !== undefined);
    const fiscalParts = [col.lines.central, col.lines.provincial, col.lines.local].filter((a): a is AmountField => a !== undefined);
    // 财政拨款 stands for 中央 + 省级 + 市县 where they are not written; where they are, it must equal them.
    const parts = col.fiscal && !fiscalParts.length ? [col.fiscal, ...split] : split;
    if (col.fiscal && fiscalParts.length) out.push(...checkFiscal(f, side, col.fiscal, fiscalParts));
    const sum = parts.reduce((s, a) => s.plus(a.value), new Decimal(0));
    const sumShown = parts.reduce((s, a) => s.plus(a.shown), new Decimal(0));
    const decimals = Math.max(total.decimals, ...parts.map((a) => a.decimals));
    if (total.derived) {
      if (col.labels.total)
        out.push(
          finding(
            f,
            'form-funds',
            'warning',
            col.labels.total,
            {
              zh: `${w.zh}${SIDE[side].zh}资金总额未填写；各项资金合计 ${shown(sumShown, decimals)} ${unit}`,
              en: `${w.en}: the ${SIDE[side].en} total is blank; the sources add up to ${shown(sumShown, decimals)} ${unit}`,
            },
            { expected: formatAmount(sumShown, decimals), actual: '', related: parts.map((a) => a.cell), columnLabel: `${SIDE[side].zh}资金总额` },
          ),
        );
      continue;
    }
    if (!parts.length) continue;
    const tol = parts.reduce((s, a) => s.plus(a.tolerance), total.tolerance);
    if (!near(total.value, sum, tol)) {
      const diff = total.shown.minus(sumShown);
      out.push(
        finding(
          f,
          'form-funds',
          'error',
          total.cell,
          {
            zh: `${w.zh}${SIDE[side].zh}资金总额 ${shown(total.shown, decimals)} ≠ 各项资金合计 ${shown(sumShown, decimals)}（差 ${shown(diff, decimals)} ${unit}）`,
            en: `${w.en}: the ${SIDE[side].en} total ${shown(total.shown, decimals)} ≠ the sum of its sources ${shown(sumShown, decimals)} (difference ${shown(diff, decimals)} ${unit})`,
          },
          {
            expected: formatAmount(sumShown, decimals),
            actual: formatAmount(total.shown, decimals),
            related: parts.map((a) => a.cell),
            columnLabel: `${SIDE[side].zh}资金总额`,
          },
        ),
      );
    }
  }

  const P = f.funds.period.total;
  const A = f.funds.annual.total;
  const years = f.header.years?.value;
  const kind = f.header.kind;
  if (P && A) {
    const decimals = Math.max(P.decimals, A.decimals);
    if (kind === 'one-off') {
      if (!near(P.value, A.value, P.tolerance.plus(A.tolerance)))
        out.push(
          finding(
            f,
            'form-funds',
            'error',
            P.cell,
            {
              zh: `${w.zh}一次性项目的实施期资金总额 ${shown(P.shown, decimals)} ≠ 年度资金总额 ${shown(A.shown, decimals)} ${unit}`,
              en: `${w.en}: a one-off project's project-period total ${shown(P.shown, decimals)} ≠ its annual total ${shown(A.shown, decimals)} ${unit}`,
            },
            { expected: formatAmount(A.shown, decimals), actual: formatAmount(P.shown, decimals), related: [A.cell], columnLabel: '实施期资金总额' },
          ),
        );
    } else if (years !== undefined && years > 0 && Number.isInteger(years)) {
      const expected = A.value.times(years);
      const expectedShown = A.shown.times(years);
      if (!near(P.value, expected, P.tolerance.plus(A.tolerance.times(years))))
        out.push(
          finding(
            f,
            'form-funds',
            'warning',
            P.cell,
            {
              zh: `${w.zh}实施期资金总额 ${shown(P.shown, decimals)} ≠ 年度资金总额 ${shown(A.shown, decimals)} × 项目期 ${years} 年 = ${shown(expectedShown, decimals)} ${unit}`,
              en: `${w.en}: the project-period total ${shown(P.shown, decimals)} ≠ the annual total ${shown(A.shown, decimals)} × ${years} years = ${shown(expectedShown, decimals)} ${unit}`,
            },
            {
              expected: formatAmount(expectedShown, decimals),
              actual: formatAmount(P.shown, decimals),
              related: [A.cell, ...(f.header.years ? [f.header.years.cell] : [])],
              columnLabel: '实施期资金总额',
            },
          ),
        );
    }
  }
  return out;
}

// ---- form-cost -----------------------------------------------------------------------------

interface MoneyCost {
  ind: Indicator;
  v: QuantityValue;
  /** In 元. */
  amount: Decimal;
}

function stripNote(s: string): string {
  return s.replace(/[(（][^()（）]*[)）]/g, '');
}

/** `人年` → `人`, `人/年` → `人`: the thing counted, without the per-year. */
function countedThing(s: string): string {
  const t = stripNote(s).split('/')[0];
  return t.length > 1 ? t.replace(/(年|年度)$/, '') : t;
}

function isTotalBound(c: MoneyCost): boolean {
  const per = c.v.per;
  if (per !== undefined && !/^(年|年度)$/.test(per)) return false;
  return !PER_HEAD_NAME.test(c.ind.name) && !PER_UNIT_NAME.test(c.ind.name);
}

/** What a per-unit cost is per: its unit's denominator, or 人 for 每人… names. */
function perWhat(c: MoneyCost): string | undefined {
  const per = c.v.per;
  if (per !== undefined && !/^(年|年度)$/.test(per)) return countedThing(per);
  if (PER_HEAD_NAME.test(c.ind.name)) return '人';
  return undefined;
}

function commonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  return best;
}

/** The 数量 indicator a per-unit cost multiplies: the one counted in the same thing. */
function quantityFor(c: MoneyCost, quantities: readonly { ind: Indicator; v: QuantityValue }[]): { ind: Indicator; v: QuantityValue } | undefined {
  const what = perWhat(c);
  if (!what) return undefined;
  const same = quantities.filter((q) => countedThing(q.v.unitHead) === what);
  if (same.length <= 1) return same[0];
  const scored = same.map((q) => ({ q, s: commonRun(stripNote(c.ind.name), stripNote(q.ind.name)) })).sort((x, y) => y.s - x.s);
  if (scored[0].s >= 2 && scored[0].s > scored[1].s) return scored[0].q;
  return undefined;
}

function ratioPower(v: Decimal, a: Decimal, tol: Decimal): number | undefined {
  if (a.isZero()) return undefined;
  for (let k = -8; k <= 8; k++) {
    if (k === 0) continue;
    const t = new Decimal(10).pow(k);
    if (near(v, a.times(t), tol.times(t))) return k;
  }
  return undefined;
}

function checkCosts(f: PerformanceForm): Finding[] {
  const out: Finding[] = [];
  const w = who(f);
  const inds = f.indicators.indicators;
  const costInds = inds.filter(isCostIndicator);
  const A = f.funds.annual.total;
  const P = f.funds.period.total;
  const money: MoneyCost[] = [];

  for (const ind of costInds) {
    const v = ind.value;
    if (v.kind === 'empty' || v.kind === 'placeholder') continue;
    const base = { rowLabel: ind.name, columnLabel: '指标值' };
    if (v.kind !== 'quantity' || v.unitKind !== 'money') {
      out.push(
        finding(
          f,
          'form-cost',
          'warning',
          ind.valueCell,
          {
            zh: `${w.zh}成本指标「${ind.name}」的指标值 ${v.text} 不是金额：成本指标应以元、万元等货币单位填写`,
            en: `${w.en}: cost indicator "${ind.name}" has the value ${v.text}, not an amount of money; write it in 元 / 万元`,
          },
          { ...base, actual: v.text },
        ),
      );
      continue;
    }
    if (v.operator && RISING.has(v.operator)) {
      const fixed = `≤${plain(v.number)}${v.unit}`;
      out.push(
        finding(
          f,
          'form-cost',
          'error',
          ind.valueCell,
          {
            zh: `${w.zh}成本指标「${ind.name}」写作 ${v.text}：成本是上限，应使用 ≤（或 =），如 ${fixed}`,
            en: `${w.en}: cost indicator "${ind.name}" is written ${v.text}: a cost is a ceiling, write ≤ (or =), e.g. ${fixed}`,
          },
          { ...base, expected: fixed, actual: v.text },
        ),
      );
    }
    money.push({ ind, v, amount: v.number.times(v.moneyFactor ?? 1) });
  }
  if (!A || A.value.isZero()) return out;

  const totals = money.filter(isTotalBound);
  const named = totals.filter((c) => OVERALL_COST_NAME.test(stripNote(c.ind.name).replace(/\s+/g, '')));
  const overall = named[0] ?? (totals.length === 1 ? totals[0] : undefined);
  const aText = yuan(A.value);
  const aTol = A.tolerance;

  if (overall) {
    const { ind, v, amount } = overall;
    const base = { rowLabel: ind.name, columnLabel: '指标值', related: [A.cell] };
    const op = v.operator && !RISING.has(v.operator) ? v.operator : '≤';
    const inUnit = (d: Decimal) => `${op}${plain(d.div(v.moneyFactor ?? 1))}${v.unit}`;
    if (!near(amount, A.value, aTol)) {
      const k = ratioPower(amount, A.value, aTol);
      if (P && !near(P.value, A.value, P.tolerance.plus(aTol)) && near(amount, P.value, P.tolerance)) {
        out.push(
          finding(
            f,
            'form-cost',
            'error',
            ind.valueCell,
            {
              zh: `${w.zh}成本指标「${ind.name}」${v.text} 是实施期资金总额 ${yuan(P.value)} 元，应为年度资金总额 ${aText} 元`,
              en: `${w.en}: cost indicator "${ind.name}" ${v.text} is the project-period total ${yuan(P.value)} 元, not the year's funds ${aText} 元`,
            },
            { ...base, related: [A.cell, P.cell], expected: inUnit(A.value), actual: v.text },
          ),
        );
      } else if (k === 4 && /万/.test(v.unitHead)) {
        const meant = `${op}${plain(v.number)}${v.unit.replace(/万元|万/, '元')}`;
        out.push(
          finding(
            f,
            'form-cost',
            'error',
            ind.valueCell,
            {
              zh: `${w.zh}成本指标「${ind.name}」${v.text} 单位有误：按“万”计为 ${yuan(amount)} 元，是年度资金总额 ${aText} 元的 10000 倍，应为 ${meant}`,
              en: `${w.en}: cost indicator "${ind.name}" ${v.text} has a unit slip: read in 万 it is ${yuan(amount)} 元, 10,000× the year's funds ${aText} 元; meant ${meant}`,
            },
            { ...base, expected: meant, actual: v.text },
          ),
        );
      } else if (k === -4 && v.unitHead === '元' && f.funds.unit === '万元') {
        const meant = `${op}${plain(v.number)}${v.unit.replace(/^元/, '万元')}`;
        out.push(
          finding(
            f,
            'form-cost',
            'error',
            ind.valueCell,
            {
              zh: `${w.zh}成本指标「${ind.name}」${v.text} 单位有误：表中资金以万元计，年度资金总额为 ${aText} 元，应为 ${meant}`,
              en: `${w.en}: cost indicator "${ind.name}" ${v.text} has a unit slip: the form's funds are in 万元 (the year's funds are ${aText} 元); meant ${meant}`,
            },
            { ...base, expected: meant, actual: v.text },
          ),
        );
      } else if (k !== undefined) {
        const times = plain(new Decimal(10).pow(k));
        out.push(
          finding(
            f,
            'form-cost',
            'error',
            ind.valueCell,
            {
              zh: `${w.zh}成本指标「${ind.name}」${v.text} 是年度资金总额 ${aText} 元的 ${times} 倍`,
              en: `${w.en}: cost indicator "${ind.name}" ${v.text} is ${times}× the year's funds (${aText} 元)`,
            },
            { ...base, expected: inUnit(A.value), actual: v.text, details: { ratio: times } },
          ),
        );
      } else if (amount.gt(A.value)) {
        out.push(
          finding(
            f,
            'form-cost',
            'error',
            ind.valueCell,
            {
              zh: `${w.zh}成本指标「${ind.name}」${v.text}（${yuan(amount)} 元）超过年度资金总额 ${aText} 元`,
              en: `${w.en}: cost indicator "${ind.name}" ${v.text} (${yuan(amount)} 元) is above the year's funds ${aText} 元`,
            },
            { ...base, expected: inUnit(A.value), actual: v.text },
          ),
        );
      } else {
        out.push(
          finding(
            f,
            'form-cost',
            'warning',
            ind.valueCell,
            {
              zh: `${w.zh}成本指标「${ind.name}」${v.text}（${yuan(amount)} 元）与年度资金总额 ${aText} 元不一致`,
              en: `${w.en}: cost indicator "${ind.name}" ${v.text} (${yuan(amount)} 元) differs from the year's funds ${aText} 元`,
            },
            { ...base, expected: inUnit(A.value), actual: v.text },
          ),
        );
      }
    }
  }

  // The other cost figures: further totals, and per-unit costs × the quantity they are per.
  const quantities = inds
    .filter((i) => i.level2 === 'quantity' && i.value.kind === 'quantity' && (i.value.unitKind === 'count' || i.value.unitKind === 'measure'))
    .map((i) => ({ ind: i, v: i.value as QuantityValue }));
  const parts: { cells: CellRef[]; name: string; amount: Decimal; product: boolean }[] = [];
  for (const c of money) {
    if (c === overall || !BOUNDING.has(c.v.operator)) continue;
    if (isTotalBound(c)) {
      parts.push({ cells: [c.ind.valueCell], name: `「${c.ind.name}」`, amount: c.amount, product: false });
      continue;
    }
    const q = quantityFor(c, quantities);
    if (q)
      parts.push({
        cells: [c.ind.valueCell, q.ind.valueCell],
        name: `「${c.ind.name}」×「${q.ind.name}」`,
        amount: c.amount.times(q.v.number),
        product: true,
      });
  }
  if (parts.length && (overall || parts.length >= 2 || parts.some((p) => p.product))) {
    const sum = parts.reduce((s, p) => s.plus(p.amount), new Decimal(0));
    const names = parts.map((p) => p.name).join(overall ? '、' : ' + ');
    const at = parts[0].cells[0];
    const related = [...parts.flatMap((p) => p.cells).slice(1), A.cell];
    const onlyTotals = parts.every((p) => !p.product);
    const first = inds.find((i) => i.valueCell === at);
    const base = { rowLabel: first?.name ?? '', columnLabel: '指标值', related, expected: `≤${plain(A.value)}`, actual: plain(sum) };
    if (!overall && onlyTotals && P && !near(P.value, A.value, P.tolerance.plus(aTol)) && near(sum, P.value, P.tolerance)) {
      out.push(
        finding(
          f,
          'form-cost',
          'error',
          at,
          {
            zh: `${w.zh}成本指标 ${names} 合计 ${yuan(sum)} 元，是实施期资金总额 ${yuan(P.value)} 元，应不超过年度资金总额 ${aText} 元`,
            en: `${w.en}: cost indicators ${names} add up to ${yuan(sum)} 元, the project-period total ${yuan(P.value)} 元, not the year's funds ${aText} 元`,
          },
          { ...base, related: [...related, P.cell] },
        ),
      );
    } else if (sum.minus(A.value).gt(aTol)) {
      out.push(
        finding(
          f,
          'form-cost',
          onlyTotals ? 'error' : 'warning',
          at,
          {
            zh: `${w.zh}成本指标 ${names} 合计 ${yuan(sum)} 元，超过年度资金总额 ${aText} 元`,
            en: `${w.en}: cost indicators ${names} add up to ${yuan(sum)} 元, above the year's funds ${aText} 元`,
          },
          base,
        ),
      );
    }
  }
  return out;
}

// ---- form-indicator, form-placeholder, form-missing ----------------------------------------

function checkIndicators(f: PerformanceForm): Finding[] {
  const out: Finding[] = [];
  const w = who(f);
  for (const ind of f.indicators.indicators) {
    const v = ind.value;
    const base = { rowLabel: ind.name, columnLabel: '指标值' };
    if (v.kind === 'empty') {
      out.push(
        finding(
          f,
          'form-missing',
          'error',
          ind.valueCell,
          { zh: `${w.zh}三级指标「${ind.name}」没有填写指标值`, en: `${w.en}: indicator "${ind.name}" has no target value` },
          { ...base, related: [ind.nameCell] },
        ),
      );
      continue;
    }
    if (v.placeholders.length) {
      const unique = [...new Set(v.placeholders)];
      const ph = unique.join('、');
      out.push(
        finding(
          f,
          'form-placeholder',
          'warning',
          ind.valueCell,
          {
            zh: `${w.zh}「${ind.name}」的指标值 ${v.text} 留有模板占位符 ${ph}`,
            en: `${w.en}: the value of "${ind.name}", ${v.text}, still holds the template placeholder ${unique.join(', ')}`,
          },
          { ...base, actual: v.text },
        ),
      );
    }
    const namePh = findPlaceholders(ind.name).found;
    if (namePh.length)
      out.push(
        finding(
          f,
          'form-placeholder',
          'warning',
          ind.nameCell,
          {
            zh: `${w.zh}三级指标名称「${ind.name}」留有模板占位符 ${namePh.join('、')}`,
            en: `${w.en}: the indicator name "${ind.name}" still holds the template placeholder ${namePh.join(', ')}`,
          },
          { ...base, columnLabel: '三级指标', actual: ind.name },
        ),
      );
    if (v.kind !== 'quantity') continue;
    const op = v.operator;
    const name = ind.name;
    if (v.unitKind === 'percent') {
      const growth = GROWTH_RATE_NAME.test(name);
      if (op && RISING.has(op) && v.number.gte(100)) {
        const msg: Message = growth
          ? {
              zh: `${w.zh}「${name}」目标值 ${v.text}：增幅不低于 100% 即翻一番，难以实现，请核实`,
              en: `${w.en}: "${name}" target ${v.text}: a rise of at least 100% means doubling; unattainable as a target, check it`,
            }
          : {
              zh: `${w.zh}「${name}」目标值 ${v.text} 无法实现：100% 已是上限（可写 =100% 或 ≥95% 等）`,
              en: `${w.en}: "${name}" target ${v.text} is unattainable: 100% is the ceiling (write =100%, or e.g. ≥95%)`,
            };
        out.push(
          finding(f, 'form-indicator', 'warning', ind.valueCell, msg, {
            ...base,
            actual: v.text,
            details: { kind: 'unattainable', satisfaction: SATISFACTION_NAME.test(name) },
          }),
        );
        continue;
      }
      if (v.number.gt(100) && !growth) {
        out.push(
          finding(
            f,
            'form-indicator',
            'warning',
            ind.valueCell,
            { zh: `${w.zh}「${name}」的百分比 ${v.text} 超过 100%`, en: `${w.en}: "${name}" is a percentage above 100%: ${v.text}` },
            { ...base, actual: v.text, expected: '≤100%', details: { kind: 'percent-above-100' } },
          ),
        );
        continue;
      }
    }
    const ceiling = op && RISING.has(op) ? CEILINGS.find((c) => c.applies(v, name)) : undefined;
    if (ceiling) {
      const fixed = `≤${plain(v.number)}${v.unit}`;
      out.push(
        finding(f, 'form-indicator', 'warning', ind.valueCell, ceiling.message(w, name, v.text, fixed), {
          ...base,
          expected: fixed,
          actual: v.text,
          details: { kind: ceiling.kind },
        }),
      );
    }
  }
  return out;
}

function checkProsePlaceholders(f: PerformanceForm): Finding[] {
  const out: Finding[] = [];
  const w = who(f);
  const fields: { label: string; text: string; cell: CellRef }[] = [];
  const h = f.header;
  if (h.department) fields.push({ label: '主管部门及代码', ...h.department });
  if (h.implementer) fields.push({ label: '实施单位', ...h.implementer });
  if (h.kindText) fields.push({ label: '项目属性', ...h.kindText });
  if (h.years) fields.push({ label: '项目期', ...h.years });
  if (h.nameCell) fields.push({ label: '项目名称', text: h.name, cell: h.nameCell });
  const LABELS: Record<string, string> = {
    overview: '项目概况',
    basis: '立项依据',
    necessity: '项目设立必要性',
    measures: '保证项目实施的制度、措施',
    plan: '项目实施计划',
    goal: '总体目标',
  };
  for (const [k, t] of Object.entries(f.texts)) if (t) fields.push({ label: LABELS[k] ?? k, text: t.text, cell: t.cell });
  for (const x of f.placeholderCells ?? []) fields.push({ label: '表内', ...x });
  for (const x of fields) {
    const found = findPlaceholders(x.text, PROSE_PLACEHOLDERS).found;
    if (!found.length) continue;
    out.push(
      finding(
        f,
        'form-placeholder',
        'warning',
        x.cell,
        {
          zh: `${w.zh}${x.label}留有模板占位符 ${found.join('、')}`,
          en: `${w.en}: ${x.label} still holds the template placeholder ${found.join(', ')}`,
        },
        { rowLabel: x.label, actual: found.join(' ') },
      ),
    );
  }
  return out;
}

const REQUIRED_LEVEL1: readonly { key: Level1; en: string }[] = [
  { key: 'output', en: 'output (产出)' },
  { key: 'benefit', en: 'benefit (效益)' },
  { key: 'satisfaction', en: 'satisfaction (满意度)' },
];

function checkMissing(f: PerformanceForm): Finding[] {
  const out: Finding[] = [];
  const w = who(f);
  const block = f.indicators;
  const inds = block.indicators;
  const fallback = block.headerCell ?? f.header.nameCell ?? { row: f.range.top, col: f.range.left };
  const range = rangeAddress(f.range);
  if (!inds.length) {
    out.push(
      finding(f, 'form-missing', 'error', fallback, { zh: `${w.zh}没有填写绩效指标`, en: `${w.en}: no performance indicators` }, { range, rowLabel: '绩效指标' }),
    );
    return out;
  }
  for (const l of REQUIRED_LEVEL1) {
    if (inds.some((i) => i.level1 === l.key)) continue;
    const group = block.tree.find((g) => g.level1 === l.key);
    const label = level1Label(l.key);
    out.push(
      finding(
        f,
        'form-missing',
        'error',
        group?.cell ?? fallback,
        { zh: `${w.zh}${label}下没有任何三级指标`, en: `${w.en}: no indicator under ${l.en}` },
        { range, rowLabel: label },
      ),
    );
  }
  if (!inds.some((i) => i.level2 === 'quantity')) {
    const at = block.tree.flatMap((g) => g.groups).find((g) => g.level2 === 'quantity')?.cell ?? block.tree.find((g) => g.level1 === 'output')?.cell ?? fallback;
    out.push(
      finding(f, 'form-missing', 'warning', at, { zh: `${w.zh}没有数量指标`, en: `${w.en}: no quantity (数量) indicator` }, { range, rowLabel: '数量指标' }),
    );
  }
  if (!inds.some(isCostIndicator)) {
    const at =
      block.tree.flatMap((g) => g.groups).find((g) => g.level2 === 'cost')?.cell ?? block.tree.find((g) => g.level1 === 'cost')?.cell ?? block.tree.find((g) => g.level1 === 'output')?.cell ?? fallback;
    out.push(finding(f, 'form-missing', 'warning', at, { zh: `${w.zh}没有成本指标`, en: `${w.en}: no cost (成本) indicator` }, { range, rowLabel: '成本指标' }));
  }
  return out;
}

/** Every per-form check, on one form. */
const TEMPLATE_SHEET = /模板|样表|表样|空表|template/i;

/**
 * A form template kept in the workbook, not a form to check: no amount other than zero, no
 * indicator value, and no project of its own (no name, a placeholder name such as XX项目, or a
 * sheet named 模板 / 样表 / 表样). A named project's form left unfilled is not a template.
 */
export function isBlankTemplate(f: PerformanceForm): boolean {
  const amounts = [f.funds.period, f.funds.annual].flatMap((c) => [c.total, c.fiscal, ...Object.values(c.lines)]);
  if (amounts.some((a) => a && !a.value.isZero())) return false;
  if (f.indicators.indicators.some((i) => i.value.kind !== 'empty' && i.value.kind !== 'placeholder')) return false;
  const name = f.header.name.trim();
  return !name || findPlaceholders(name).found.length > 0 || TEMPLATE_SHEET.test(f.sheet);
}

export function checkForm(f: PerformanceForm): Finding[] {
  return [...checkFunds(f), ...checkCosts(f), ...checkIndicators(f), ...checkProsePlaceholders(f), ...checkMissing(f)];
}

// ---- form-total ----------------------------------------------------------------------------

const UNIT_FACTOR: Record<string, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };

/** The table whose 项目支出 total the forms must add up to: 预算支出总表, else 一般公共预算支出表. */
function expenditureTable(tables: readonly TableContext[]): TableContext | undefined {
  return tables.find((t) => t.table.kind === 'expenditure' && t.column('project')) ?? tables.find((t) => t.table.kind === 'general-expenditure' && t.column('project'));
}

/** Σ of the forms' 年度资金总额 (元) against the tables' 项目支出 total (万元 × 10,000). */
export function checkFormsTotal(forms: readonly PerformanceForm[], tables: readonly TableContext[]): Finding[] {
  const withAnnual = forms.filter((f) => f.funds.annual.total);
  if (!withAnnual.length) return [];
  const t = expenditureTable(tables);
  if (!t) return [];
  const col = t.column('project')!;
  const factor = new Decimal(UNIT_FACTOR[t.table.unit] ?? 10000);
  const totalIdx = t.totalRows('expense').concat(t.totalRows())[0];
  let fig = totalIdx !== undefined ? t.figure(totalIdx, col.col) : undefined;
  let at: { sheet: string; cell: string } | undefined = fig && !fig.blank ? { sheet: t.table.sheet, cell: t.address(t.rows[totalIdx!].row, col.col) } : undefined;
  if (!fig || fig.blank) {
    const tops = t.topLevelRows().map((i) => t.figure(i, col.col)).filter((x) => !x.blank);
    if (!tops.length) return [];
    fig = {
      value: tops.reduce((s, x) => s.plus(x.value), new Decimal(0)),
      lo: tops.reduce((s, x) => s.plus(x.lo), new Decimal(0)),
      hi: tops.reduce((s, x) => s.plus(x.hi), new Decimal(0)),
      blank: false,
      cut: tops.some((x) => x.cut),
    };
    at = undefined;
  }
  const sum = withAnnual.reduce((s, f) => s.plus(f.funds.annual.total!.value), new Decimal(0));
  const tol = withAnnual.reduce((s, f) => s.plus(f.funds.annual.total!.tolerance), new Decimal(0));
  const lo = fig.lo.times(factor);
  const hi = fig.hi.times(factor);
  if (sum.plus(tol).gte(lo) && sum.minus(tol).lte(hi)) return [];
  const tableYuan = fig.value.times(factor);
  const diff = sum.minus(tableYuan);
  const first = withAnnual[0];
  const missing = forms.length - withAnnual.length;
  const label = t.label();
  const unit = t.table.unit;
  const tableShown = formatWithGrouping(fig.value, t.decimals);
  const note: Message = missing ? { zh: `；另有 ${missing} 张表未填年度资金总额`, en: `; ${missing} more form(s) have no annual total` } : { zh: '', en: '' };
  const related = withAnnual.map((f) => qualifiedAddress(f.sheet, a1(f.funds.annual.total!.cell)));
  return [
    {
      rule: 'form-total',
      severity: 'error',
      sheet: at?.sheet ?? first.sheet,
      cell: at?.cell ?? a1(first.funds.annual.total!.cell),
      range: at?.cell ?? a1(first.funds.annual.total!.cell),
      ...(at ? { table: t.table.id } : { form: first.id }),
      message: {
        zh: `${withAnnual.length} 张绩效目标表的年度资金总额合计 ${yuan(sum)} 元 ≠ ${label.zh}项目支出合计 ${tableShown} ${unit}（${yuan(tableYuan)} 元，差 ${yuan(diff)} 元）${note.zh}`,
        en: `the ${withAnnual.length} performance forms' annual totals add up to ${yuan(sum)} 元 ≠ the 项目支出 total of ${label.en}, ${tableShown} ${unit} (${yuan(tableYuan)} 元; difference ${yuan(diff)} 元)${note.en}`,
      },
      expected: plain(tableYuan),
      actual: plain(sum),
      related: at ? related : related.slice(1),
      rowLabel: '项目支出合计',
      columnLabel: '项目支出',
    },
  ];
}

/** The forms rule: parses every recognized form and runs every form check. */
export const formsRule: Rule = {
  id: 'forms',
  run(ctx: CheckContext): Finding[] {
    const forms = parseForms(ctx.workbook, ctx.recognition).filter((f) => !isBlankTemplate(f));
    return [...forms.flatMap(checkForm), ...checkFormsTotal(forms, ctx.tables)];
  },
};
