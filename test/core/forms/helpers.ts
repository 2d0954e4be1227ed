// Invented performance forms for the form checks: a correct form in the standard layout, built from
// rows, that each test bends in one place.
import { parseForms } from '../../../src/core/forms/parse';
import { formsRule } from '../../../src/core/forms/rules';
import type { PerformanceForm } from '../../../src/core/forms/model';
import type { Finding } from '../../../src/core/findings';
import { recognizeWorkbook } from '../../../src/core/recognize';
import { makeContext } from '../../../src/core/rules/context';
import { buildSheet, buildWorkbook, type CellInput } from '../../../src/core/workbook/sheet';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/workbook/types';

export type Rows = CellInput[][];

export interface FormSpec {
  name?: string;
  kind?: string;
  years?: string;
  /** 实施期 / 年度 totals and their 市县 line (the other lines 0 / blank). */
  period?: number | null;
  annual?: number | null;
  periodLocal?: number | null;
  annualLocal?: number | null;
  goal?: string;
  /** Indicator rows, from the 绩效指标 header down (without it). */
  indicators?: Rows;
}

/** A correct form's indicators: 10 cleaners × 30,000 = the year's 300,000. */
export const GOOD_INDICATORS: Rows = [
  [null, '产出指标', '数量指标', '保洁人员数量', '10人'],
  [null, null, '质量指标', '公共场所整洁率', '≥95%'],
  [null, null, null, '系统故障率', '≤1%'],
  [null, null, '时效指标', '服务时间', '2022年1月-2022年12月'],
  [null, null, null, '投诉处理响应时间', '≤2小时'],
  [null, null, '成本指标', '项目实施成本', '≤300000元/年'],
  [null, null, null, '保洁人员每人每年人工费', '≤30000元/年'],
  [null, '效益指标', '社会效益指标', '公共服务能力提升度', '提升'],
  [null, null, null, '服务效率提高率', '≥10%'],
  [null, null, '可持续影响指标', '保洁服务持续时间', '持续使用'],
  [null, '满意度指标', '服务对象满意度指标', '办事群众满意度', '≥95%'],
];

export function formRows(spec: FormSpec = {}): Rows {
  const period = spec.period === undefined ? 900000 : spec.period;
  const annual = spec.annual === undefined ? 300000 : spec.annual;
  const pLocal = spec.periodLocal === undefined ? period : spec.periodLocal;
  const aLocal = spec.annualLocal === undefined ? annual : spec.annualLocal;
  const money = (n: number | null): CellInput => (n === null ? null : { value: n, numFmt: '#,##0' });
  return [
    ['项目支出绩效目标表'],
    ['项目名称', spec.name ?? '政务大厅保洁服务'],
    ['主管部门及代码', '111-某某市行政审批服务管理局', '实施单位', '某某市政务服务中心'],
    ['项目属性', spec.kind ?? '经常性项目（长期开展）', '项目期', spec.years ?? '3年'],
    ['项目资金（元）', '实施期资金总额：', money(period), '年度资金总额：', money(annual)],
    [null, '其中：中央财政资金', 0, '其中：中央财政资金', 0],
    [null, '省级财政资金', 0, '省级财政资金', 0],
    [null, '市县（区）财政资金', money(pLocal), '市县（区）财政资金', money(aLocal)],
    [null, '单位自筹', 0, '单位自筹', 0],
    [null, '其他资金', null, '其他资金', null],
    ['项目概况', '为政务大厅提供保洁服务。'],
    ['立项依据', '《政务服务中心管理办法》。'],
    ['项目设立必要性', '保障大厅环境整洁。'],
    ['保证项目实施的制度、措施', '制定保洁制度，按月考核。'],
    ['项目实施计划', '全年按月考核保洁服务。'],
    ['年度目标'],
    ['总体目标', spec.goal ?? '2022年保障政务大厅整洁有序。'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
    ...(spec.indicators ?? GOOD_INDICATORS),
  ];
}

/** GOOD_INDICATORS with the value of the row whose 三级 name is `name` replaced. */
export function withValue(name: string, value: CellInput, rows: Rows = GOOD_INDICATORS): Rows {
  let hit = false;
  const out = rows.map((r) => {
    if (r[3] !== name) return r;
    hit = true;
    return [...r.slice(0, 4), value];
  });
  if (!hit) throw new Error(`no indicator ${name}`);
  return out;
}

/** GOOD_INDICATORS with a row changed (by 三级 name) or added. */
export function withRow(name: string, row: CellInput[] | null, rows: Rows = GOOD_INDICATORS): Rows {
  const i = rows.findIndex((r) => r[3] === name);
  if (i < 0) throw new Error(`no indicator ${name}`);
  const out = [...rows];
  if (row) out[i] = row;
  else out.splice(i, 1);
  return out;
}

export function sheetOf(name: string, rows: Rows): SheetSnapshot {
  return buildSheet({ name, rows });
}

export function workbookOf(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return buildWorkbook('test', sheets);
}

export function run(wb: WorkbookSnapshot): { forms: PerformanceForm[]; findings: Finding[] } {
  const rec = recognizeWorkbook(wb);
  return { forms: parseForms(wb, rec), findings: formsRule.run(makeContext(wb, rec)) };
}

/** Findings of one form made from rows, on sheet 绩效. */
export function check(rows: Rows): Finding[] {
  return run(workbookOf(sheetOf('绩效', rows))).findings;
}

export function parseOne(rows: Rows): PerformanceForm {
  const { forms } = run(workbookOf(sheetOf('绩效', rows)));
  if (forms.length !== 1) throw new Error(`${forms.length} forms`);
  return forms[0];
}

/** rule@cell, for compact expectations. */
export function brief(fs: readonly Finding[]): string[] {
  return fs.map((f) => `${f.rule}@${f.cell}:${f.severity}`).sort();
}
