// The project list `forms fill` reads: one row per project, columns found by their header text
// (项目名称, 主管部门, 实施单位, 项目属性, 项目期, 年度资金总额 and its split, optional text blocks and
// 项目类型). Rows without a name or an amount are listed as problems, not filled.
import Decimal from 'decimal.js';
import type { Message } from '../findings';
import { cellText } from '../workbook/sheet';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../workbook/types';
import type { FundLine, ProjectKind, TextBlockKey } from './model';

export interface ProjectRow {
  /** 0-based sheet row. */
  readonly row: number;
  readonly name: string;
  readonly department?: string;
  readonly implementer?: string;
  /** 项目属性 as written (defaults to 经常性项目（长期开展）). */
  readonly kindText: string;
  readonly kind: ProjectKind;
  /** 项目期 in years (1 for 一次性). */
  readonly years: number;
  /** 年度资金 in 元: total and the split (missing lines are zero). */
  readonly annual: Readonly<Record<FundLine, Decimal>>;
  readonly texts: Readonly<Partial<Record<TextBlockKey, string>>>;
  /** 项目类型 as written, if the list has the column. */
  readonly type?: string;
}

export interface ProjectProblem {
  readonly row: number;
  readonly message: Message;
}

export interface ProjectList {
  readonly sheet: string;
  readonly projects: ProjectRow[];
  readonly problems: ProjectProblem[];
}

type Col = 'name' | 'department' | 'implementer' | 'kind' | 'years' | 'type' | FundLine | TextBlockKey;

const HEADERS: readonly [Col, RegExp][] = [
  ['name', /^项目名称$/],
  ['department', /^主管部门(及代码)?$/],
  ['implementer', /^实施单位$/],
  ['kind', /^项目属性$/],
  ['years', /^项目期(（年）|\(年\))?$/],
  ['type', /^项目类型$/],
  ['total', /^年度资金(总额|合计)?(（元）|\(元\))?$/],
  ['central', /^中央(财政)?(资金)?$/],
  ['provincial', /^省级(财政)?(资金)?$/],
  ['local', /^市县(（区）|\(区\))?(财政)?(资金)?$/],
  ['self', /^单位自筹(资金)?$/],
  ['other', /^其他(资金)?$/],
  ['overview', /^项目概况$/],
  ['basis', /^立项依据$/],
  ['necessity', /^项目设立必要性$/],
  ['measures', /^保证项目实施的制度、?措施$/],
  ['plan', /^项目实施计划$/],
  ['goal', /^(年度|总体)目标$/],
];

const compact = (s: string) => s.replace(/\s+/g, '').replace(/[：:]$/, '');

function kindOf(text: string): ProjectKind {
  if (/一次/.test(text)) return 'one-off';
  if (/延续/.test(text)) return 'continuing';
  return 'recurring';
}

export const KIND_TEXT: Readonly<Record<ProjectKind, string>> = {
  recurring: '经常性项目（长期开展）',
  continuing: '延续性项目（阶段开展）',
  'one-off': '一次性项目（1年结束）',
};

function amount(cell: Cell | undefined): Decimal | undefined | 'bad' {
  if (!cell) return undefined;
  if (cell.value.kind === 'number') return new Decimal(cell.value.value);
  const t = cellText(cell).replace(/[,，\s元]/g, '');
  if (t === '' || t === '-') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? new Decimal(t) : 'bad';
}

function findHeader(sheet: SheetSnapshot): { row: number; cols: Map<Col, number> } | undefined {
  for (let r = 0; r < Math.min(sheet.rowCount, 20); r++) {
    const cols = new Map<Col, number>();
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const t = compact(cellText(cell));
      const hit = HEADERS.find(([, re]) => re.test(t));
      if (hit && !cols.has(hit[0])) cols.set(hit[0], c);
    });
    if (cols.has('name') && cols.has('total')) return { row: r, cols };
  }
  return undefined;
}

/** The project list from the first sheet with a 项目名称 + 年度资金总额 header, or undefined. */
export function readProjects(workbook: WorkbookSnapshot, sheetName?: string): ProjectList | undefined {
  for (const sheet of workbook.sheets) {
    if (sheetName && sheet.name !== sheetName) continue;
    const h = findHeader(sheet);
    if (!h) continue;
    const projects: ProjectRow[] = [];
    const problems: ProjectProblem[] = [];
    for (let r = h.row + 1; r < sheet.rowCount; r++) {
      const row = sheet.rows[r] ?? [];
      const at = (k: Col) => {
        const c = h.cols.get(k);
        return c === undefined ? undefined : row[c];
      };
      const text = (k: Col) => cellText(at(k)).trim();
      if (row.every((c) => cellText(c).trim() === '')) continue;
      const name = text('name');
      const where = `${sheet.name} 第 ${r + 1} 行`;
      const whereEn = `${sheet.name} row ${r + 1}`;
      if (!name) {
        problems.push({ row: r, message: { zh: `${where}：没有项目名称`, en: `${whereEn}: no project name` } });
        continue;
      }
      const total = amount(at('total'));
      if (total === undefined || total === 'bad' || total.lte(0)) {
        problems.push({ row: r, message: { zh: `${where}（${name}）：年度资金总额不是正数`, en: `${whereEn} (${name}): 年度资金总额 is not a positive amount` } });
        continue;
      }
      const annual: Record<FundLine, Decimal> = { total, central: new Decimal(0), provincial: new Decimal(0), local: new Decimal(0), self: new Decimal(0), other: new Decimal(0) };
      let split = new Decimal(0);
      let bad = false;
      for (const k of ['central', 'provincial', 'local', 'self', 'other'] as const) {
        const v = amount(at(k));
        if (v === 'bad') bad = true;
        else if (v) {
          annual[k] = v;
          split = split.plus(v);
        }
      }
      if (bad) {
        problems.push({ row: r, message: { zh: `${where}（${name}）：资金来源栏不是数字`, en: `${whereEn} (${name}): a funding column is not a number` } });
        continue;
      }
      // No split written: all of it is 市县 money.
      if (split.isZero()) annual.local = total;
      else if (!split.eq(total)) {
        problems.push({
          row: r,
          message: { zh: `${where}（${name}）：资金来源合计 ${split.toString()} 不等于年度资金总额 ${total.toString()}`, en: `${whereEn} (${name}): the funding split sums to ${split.toString()}, not ${total.toString()}` },
        });
        continue;
      }
      const kindText = text('kind') || KIND_TEXT.recurring;
      const kind = kindOf(kindText);
      const yearsCell = at('years');
      const yearsNum = yearsCell?.value.kind === 'number' ? yearsCell.value.value : Number((/\d+/.exec(text('years')) ?? ['1'])[0]);
      const years = kind === 'one-off' ? 1 : Math.max(1, Math.round(yearsNum || 1));
      const texts: Partial<Record<TextBlockKey, string>> = {};
      for (const k of ['overview', 'basis', 'necessity', 'measures', 'plan', 'goal'] as const) if (text(k)) texts[k] = text(k);
      const opt = (k: Col) => (text(k) ? text(k) : undefined);
      const department = opt('department');
      const implementer = opt('implementer');
      const type = opt('type');
      projects.push({ row: r, name, kindText, kind, years, annual, texts, ...(department ? { department } : {}), ...(implementer ? { implementer } : {}), ...(type ? { type } : {}) });
    }
    return { sheet: sheet.name, projects, problems };
  }
  return undefined;
}
