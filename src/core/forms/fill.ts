// Fills one performance-target form per project of a project list: 实施期 totals = 年度 × 项目期
// (一次性: = 年度), the funding split copied, 项目实施成本 ≤ 年度资金总额 元/年, indicators carried over
// from last year's form of the same project name, else proposed from the library by project type.
import Decimal from 'decimal.js';
import { SPLIT_LINES, type FundLine, type PerformanceForm, type TextBlockKey } from './model';
import { level1Label, level2Label, level2Parent } from './parse';
import type { ProjectRow } from './projects';
import { fillValue, libraryIndicators, projectType, TODO, type LibraryIndicator, type ProjectType } from './library';
import { OVERALL_COST_NAME } from './vocabulary';

export interface FilledForm {
  readonly name: string;
  readonly department: string;
  readonly implementer: string;
  readonly kindText: string;
  readonly years: number;
  /** Amounts in 元. */
  readonly period: Readonly<Record<FundLine, Decimal>>;
  readonly annual: Readonly<Record<FundLine, Decimal>>;
  readonly texts: Readonly<Record<TextBlockKey, string>>;
  readonly indicators: readonly LibraryIndicator[];
  readonly type: ProjectType;
  /** Where the indicators came from. */
  readonly source: 'previous' | 'library';
  /** Values left as to-dos (the TODO marker). */
  readonly todos: number;
}

export interface FillOptions {
  /** The budget year (default: this year). */
  readonly year?: number;
  /** Last year's forms; indicators are carried over by project name. */
  readonly previous?: readonly PerformanceForm[];
}

/** Project names compared without spaces and quote styles. */
export function nameKey(s: string): string {
  return s.replace(/[\s“”"'‘’「」]/g, '');
}

/** An amount in 元 as printed in a value: whole yuan without decimals, else two. */
export function yuanText(d: Decimal): string {
  return d.isInteger() ? d.toFixed(0) : d.toFixed(2);
}

function carried(form: PerformanceForm, year: number, annual: string): LibraryIndicator[] {
  const prev = String(year - 1);
  return form.indicators.indicators.map((ind) => {
    const l1 = ind.level1 ?? (ind.level2 ? level2Parent(ind.level2) : undefined);
    const name = ind.name;
    let value = ind.value.text;
    if (OVERALL_COST_NAME.test(name.replace(/\s+/g, ''))) value = fillValue('{cost}', { annual, year });
    else if (ind.value.kind === 'date') value = value.split(`${prev}年`).join(`${year}年`);
    return { level1: l1 ? level1Label(l1) : '', level2: ind.level2 ? level2Label(ind.level2) : '', name, value };
  });
}

function defaultTexts(p: ProjectRow, year: number): Record<TextBlockKey, string> {
  return {
    overview: p.texts.overview ?? `${p.name}。`,
    basis: p.texts.basis ?? '依据部门职能及年度工作安排。',
    necessity: p.texts.necessity ?? `保障${p.name}相关工作正常开展。`,
    measures: p.texts.measures ?? '严格执行财务管理制度，专款专用，按进度支付。',
    plan: p.texts.plan ?? `${year}年按计划组织实施。`,
    goal: p.texts.goal ?? `${year}年按计划完成${p.name}各项工作。`,
  };
}

export function fillForm(p: ProjectRow, opts: FillOptions & { year: number }, previous?: PerformanceForm): FilledForm {
  const years = p.kind === 'one-off' ? 1 : p.years;
  const period = {} as Record<FundLine, Decimal>;
  for (const k of ['total', ...SPLIT_LINES] as const) period[k] = p.annual[k].times(years);
  const annualText = yuanText(p.annual.total);
  const type = projectType(p.name, p.type);
  const indicators = previous ? carried(previous, opts.year, annualText) : libraryIndicators(type, { annual: annualText, year: opts.year });
  return {
    name: p.name,
    department: p.department ?? '',
    implementer: p.implementer ?? p.department ?? '',
    kindText: p.kindText,
    years,
    period,
    annual: p.annual,
    texts: defaultTexts(p, opts.year),
    indicators,
    type,
    source: previous ? 'previous' : 'library',
    todos: indicators.filter((i) => i.value.includes(TODO)).length,
  };
}

export function fillForms(projects: readonly ProjectRow[], opts: FillOptions = {}): FilledForm[] {
  const year = opts.year ?? new Date().getFullYear();
  const byName = new Map<string, PerformanceForm>();
  for (const f of opts.previous ?? []) if (f.header.name && !byName.has(nameKey(f.header.name))) byName.set(nameKey(f.header.name), f);
  return projects.map((p) => fillForm(p, { ...opts, year }, byName.get(nameKey(p.name))));
}
