// The standard 项目支出绩效目标表 layout: forms stacked on one sheet, five columns, merged label
// cells, thin borders, wrapped text, one print area per form and a page break after each, A4
// portrait.
import type { CellRange } from '../workbook/types';
import type { CellStyle, SheetLayout, SheetLayoutCell } from '../workbook/edits';
import type { FundLine, TextBlockKey } from './model';
import type { FilledForm } from './fill';

export const FORMS_SHEET = '绩效目标表';

const COLS = 5;
const MONEY = '#,##0.00';

const FUND_LABELS: readonly [FundLine, string, string][] = [
  ['total', '实施期资金总额：', '年度资金总额：'],
  ['central', '其中：中央财政资金', '其中：中央财政资金'],
  ['provincial', '省级财政资金', '省级财政资金'],
  ['local', '市县（区）财政资金', '市县（区）财政资金'],
  ['self', '单位自筹', '单位自筹'],
  ['other', '其他资金', '其他资金'],
];

const TEXT_LABELS: readonly [TextBlockKey, string][] = [
  ['overview', '项目概况'],
  ['basis', '立项依据'],
  ['necessity', '项目设立必要性'],
  ['measures', '保证项目实施的制度、措施'],
  ['plan', '项目实施计划'],
];

const base: CellStyle = { border: true, wrap: true, vertical: 'middle', fontName: '宋体', fontSize: 10 };
const label: CellStyle = { ...base, horizontal: 'center' };
const left: CellStyle = { ...base, horizontal: 'left' };
const money: CellStyle = { ...base, horizontal: 'right', numFmt: MONEY };

export interface FormsLayoutResult {
  readonly layout: SheetLayout;
  /** Each form's rows, in order. */
  readonly ranges: CellRange[];
}

/** All forms stacked on one sheet, a blank row between them. */
export function formsLayout(forms: readonly FilledForm[], sheet = FORMS_SHEET): FormsLayoutResult {
  const cells: SheetLayoutCell[] = [];
  const merges: CellRange[] = [];
  const rowHeights: Record<number, number> = {};
  const ranges: CellRange[] = [];
  let r = 0;
  const put = (row: number, col: number, value: string | number | null, style: CellStyle) => {
    cells.push({ row, col, value: value === null ? null : typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', value }, style });
  };
  const merge = (top: number, left: number, bottom: number, right: number) => {
    // Border the covered cells too, so merged cells print with their frame.
    for (let rr = top; rr <= bottom; rr++) for (let cc = left; cc <= right; cc++) if (rr !== top || cc !== left) put(rr, cc, null, base);
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };

  for (const f of forms) {
    const top = r;
    put(r, 0, '项目支出绩效目标表', { horizontal: 'center', vertical: 'middle', bold: true, fontSize: 16, fontName: '宋体' });
    merges.push({ top: r, left: 0, bottom: r, right: COLS - 1 });
    rowHeights[r] = 30;
    r++;
    put(r, 0, '项目名称', label);
    put(r, 1, f.name, left);
    merge(r, 1, r, 4);
    r++;
    put(r, 0, '主管部门及代码', label);
    put(r, 1, f.department, left);
    put(r, 2, '实施单位', label);
    put(r, 3, f.implementer, left);
    merge(r, 3, r, 4);
    rowHeights[r] = 30;
    r++;
    put(r, 0, '项目属性', label);
    put(r, 1, f.kindText, left);
    put(r, 2, '项目期', label);
    put(r, 3, `${f.years}年`, left);
    merge(r, 3, r, 4);
    r++;
    const fundsTop = r;
    for (const [k, pl, al] of FUND_LABELS) {
      put(r, 1, pl, left);
      put(r, 2, f.period[k].toNumber(), money);
      put(r, 3, al, left);
      put(r, 4, f.annual[k].toNumber(), money);
      r++;
    }
    put(fundsTop, 0, '项目资金（元）', label);
    merge(fundsTop, 0, r - 1, 0);
    for (const [k, l] of TEXT_LABELS) {
      put(r, 0, l, label);
      put(r, 1, f.texts[k], left);
      merge(r, 1, r, 4);
      rowHeights[r] = 40;
      r++;
    }
    put(r, 0, '年度目标', label);
    merge(r, 0, r, 4);
    r++;
    put(r, 0, '总体目标', label);
    put(r, 1, f.texts.goal, left);
    merge(r, 1, r, 4);
    rowHeights[r] = 40;
    r++;
    const indTop = r;
    put(r, 0, '绩效指标', label);
    ['一级指标', '二级指标', '三级指标', '指标值'].forEach((h, i) => put(r, i + 1, h, { ...label, bold: true }));
    r++;
    let l1Start = r;
    let l2Start = r;
    f.indicators.forEach((ind, i) => {
      const prev = f.indicators[i - 1];
      const newL1 = !prev || prev.level1 !== ind.level1;
      const newL2 = newL1 || prev.level2 !== ind.level2;
      if (newL1) {
        if (prev) merge(l1Start, 1, r - 1, 1);
        l1Start = r;
        put(r, 1, ind.level1, label);
      }
      if (newL2) {
        if (prev) merge(l2Start, 2, r - 1, 2);
        l2Start = r;
        put(r, 2, ind.level2, label);
      }
      put(r, 3, ind.name, left);
      put(r, 4, ind.value, left);
      rowHeights[r] = 20;
      r++;
    });
    if (f.indicators.length) {
      merge(l1Start, 1, r - 1, 1);
      merge(l2Start, 2, r - 1, 2);
    }
    merge(indTop, 0, r - 1, 0);
    ranges.push({ top, left: 0, bottom: r - 1, right: COLS - 1 });
    r += 2;
  }
  // A covered cell may have been written before the label that owns its merge; keep the last write per cell
  // but never let a covered null replace a value.
  const byCell = new Map<string, SheetLayoutCell>();
  for (const c of cells) {
    const key = `${c.row}:${c.col}`;
    const had = byCell.get(key);
    if (had && had.value !== null && c.value === null) continue;
    byCell.set(key, c);
  }
  return {
    layout: {
      name: sheet,
      cells: [...byCell.values()],
      merges,
      colWidths: { 0: 14, 1: 18, 2: 18, 3: 30, 4: 22 },
      rowHeights,
      print: { paper: 'A4', orientation: 'portrait', areas: ranges, fitToWidth: true, breaksAfter: ranges.slice(0, -1).map((r) => r.bottom) },
    },
    ranges,
  };
}
