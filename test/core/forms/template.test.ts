// Filling the user's own template: invented templates with their labels in different places (value
// right of the label, below it, in a merged area; funds stacked in one column, in 万元, as 财政拨款 +
// 其他资金; an extra 分值 column; too few indicator rows) take 30 projects each, and every copy
// parses back to the same data as the standard layout, raising nothing but the marked to-dos.
import Decimal from 'decimal.js';
import { fillForms, type FilledForm } from '../../../src/core/forms/fill';
import { formsLayout } from '../../../src/core/forms/layout';
import type { PerformanceForm } from '../../../src/core/forms/model';
import { parseForms } from '../../../src/core/forms/parse';
import { readProjects } from '../../../src/core/forms/projects';
import { planSnapshot, readTemplate, REQUIRED_LABELS, templatePlan, templateProblems, type FormTemplate } from '../../../src/core/forms/template';
import { recognizeWorkbook } from '../../../src/core/recognize';
import { checkWorkbook } from '../../../src/core/rules';
import { cellAddress } from '../../../src/core/workbook/address';
import { buildSheet, buildWorkbook, cellText, type CellInput } from '../../../src/core/workbook/sheet';
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/workbook/types';
import { belowTemplate, rightTemplate, stackedTemplate } from './templates';

const R = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

const PROJECT_HEADER = ['项目名称', '主管部门', '实施单位', '项目属性', '项目期', '年度资金总额', '中央', '省级', '市县', '单位自筹', '其他'];
const NAMES = [
  '政务大厅物业费', '政务大厅保安人员费用', '劳务派遣费用', '网络运行及维修维护费', '电子签章应用系统运行维护服务费',
  '政务服务平台升级改造', '智能防疫测温门购置', '专家评审费', '等级保护测评费', '审批专项业务经费',
  '12345热线系统维护费用', '档案数字化系统建设', '办公设备购置', '保洁服务费', '第三方机构评估费',
  '机房运维服务费', '一件事办事系统建设', '安保服务外包', '综合窗口劳务派遣', '视频会议设备采购',
  '公共资源交易平台服务费', '评标专家劳务费', '政务服务标准化建设', '水电暖及燃气费', '证照印制费',
  '驻村工作队经费', '数据中心维保费', '业务培训费', '宣传资料印制费', '监控系统升级改造',
];

/** 30 invented projects; `self` adds 单位自筹 money to every fifth. */
function projects(self = true): FilledForm[] {
  const kinds = ['经常性项目（长期开展）', '延续性项目（阶段开展）', '一次性项目（1年结束）'];
  const rows: CellInput[][] = NAMES.map((name, i) => {
    const total = 100000 + i * 37500;
    const central = i % 4 === 0 ? 20000 : 0;
    const own = self && i % 5 === 0 ? 5000 : 0;
    const other = i % 6 === 1 ? 1500 : 0;
    const kind = kinds[i % 3];
    return [name, '111-某某市行政审批服务管理局', '某某市政务服务中心', kind, kind.startsWith('一次') ? 1 : 1 + (i % 3), total, central, 0, total - central - own - other, own, other];
  });
  const list = readProjects(buildWorkbook('p', [buildSheet({ name: '项目清单', rows: [PROJECT_HEADER, ...rows] })]))!;
  expect(list.problems).toEqual([]);
  return fillForms(list.projects, { year: 2023 });
}

function ok(sheet: SheetSnapshot): FormTemplate {
  const r = readTemplate(buildWorkbook('t', [sheet]));
  if (!r.ok) throw new Error(`template not read: ${r.missing.join(', ')}`);
  return r.template;
}

/** Every form in a copy of the template, one sheet each. */
function fillTemplate(sheet: SheetSnapshot, forms: readonly FilledForm[]): WorkbookSnapshot {
  const t = ok(sheet);
  return buildWorkbook('out', forms.map((f, i) => planSnapshot(sheet, templatePlan(t, f, sheet), `表${i + 1}`)));
}

function standard(forms: readonly FilledForm[]): WorkbookSnapshot {
  const { layout } = formsLayout(forms);
  const rows: CellInput[][] = [];
  for (const c of layout.cells) if (c.value) (rows[c.row] ??= [])[c.col] = c.value.kind === 'number' ? c.value.value : c.value.kind === 'text' ? c.value.value : null;
  return buildWorkbook('std', [buildSheet({ name: layout.name, rows: Array.from({ length: rows.length }, (_, i) => rows[i] ?? []), merges: layout.merges })]);
}

const yuan = (d: Decimal | undefined) => (d ? d.toNumber() : 0);

/** What a parsed form says, in terms every layout can hold (财政拨款 = 中央 + 省级 + 市县). */
function data(f: PerformanceForm, opts: { period: boolean; split: 'full' | 'fiscal'; texts: readonly string[] }) {
  const side = (s: 'period' | 'annual') => {
    const c = f.funds[s];
    const fiscal = c.fiscal ? yuan(c.fiscal.value) : yuan(c.lines.central?.value) + yuan(c.lines.provincial?.value) + yuan(c.lines.local?.value);
    return {
      total: yuan(c.total?.value),
      ...(opts.split === 'full' ? { central: yuan(c.lines.central?.value), provincial: yuan(c.lines.provincial?.value), local: yuan(c.lines.local?.value) } : { fiscal }),
      self: yuan(c.lines.self?.value),
      other: yuan(c.lines.other?.value),
    };
  };
  return {
    name: f.header.name,
    department: f.header.department?.text,
    implementer: f.header.implementer?.text,
    kind: f.header.kind,
    years: f.header.years?.value,
    annual: side('annual'),
    ...(opts.period ? { period: side('period') } : {}),
    texts: Object.fromEntries(opts.texts.map((k) => [k, f.texts[k as keyof typeof f.texts]?.text])),
    indicators: f.indicators.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text]),
  };
}

function roundTrip(sheet: SheetSnapshot, opts: { period: boolean; split: 'full' | 'fiscal'; texts: string[]; self?: boolean }) {
  const forms = projects(opts.self ?? true);
  const out = fillTemplate(sheet, forms);
  const rec = recognizeWorkbook(out);
  const parsed = parseForms(out, rec);
  const std = standard(forms);
  const expected = parseForms(std, recognizeWorkbook(std));
  expect(expected).toHaveLength(30);
  expect(parsed).toHaveLength(30);
  parsed.forEach((p, i) => expect(data(p, opts)).toEqual(data(expected[i], opts)));
  // and that data is the projects' own, not two parses failing alike
  expect(parsed.map((p) => [p.header.name, p.header.implementer?.text, yuan(p.funds.annual.total?.value), p.indicators.indicators.length])).toEqual(
    forms.map((f) => [f.name, f.implementer, f.annual.total.toNumber(), f.indicators.length]),
  );
  if (opts.period) expect(parsed.map((p) => yuan(p.funds.period.total?.value))).toEqual(forms.map((f) => f.period.total.toNumber()));
  const { findings } = checkWorkbook(out, rec);
  expect(findings.filter((f) => f.rule !== 'form-placeholder').map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.message.zh}`)).toEqual([]);
  expect(findings.filter((f) => f.rule === 'form-placeholder')).toHaveLength(forms.reduce((n, f) => n + f.todos, 0));
  return { forms, out, parsed };
}

describe('finding the labels', () => {
  test('right of the label, in merged areas', () => {
    const t = ok(rightTemplate());
    const a = (c: { row: number; col: number } | undefined) => (c ? cellAddress(c.row, c.col) : undefined);
    expect(a(t.name)).toBe('B2');
    expect([a(t.fields.department), a(t.fields.implementer), a(t.fields.kind), a(t.fields.years)]).toEqual(['B3', 'E3', 'B4', 'E4']);
    expect([a(t.funds.period.total), a(t.funds.annual.total), a(t.funds.period.fiscal), a(t.funds.annual.fiscal), a(t.funds.annual.other)]).toEqual(['C5', 'E5', 'C6', 'E6', 'E8']);
    expect(t.funds.annual.central).toBeUndefined();
    expect([a(t.texts.overview), a(t.texts.basis), a(t.texts.goal)]).toEqual(['B9', 'B10', 'B11']);
    expect(t.indicators).toMatchObject({ headerRow: 11, firstRow: 12, lastRow: 13, left: 1, right: 5, columns: { level3: { left: 3, right: 3 }, value: { left: 4, right: 4 } } });
    expect(t.unit).toBe('元');
  });

  test('below the label when labels stand side by side', () => {
    const t = ok(belowTemplate());
    const a = (c: { row: number; col: number } | undefined) => (c ? cellAddress(c.row, c.col) : undefined);
    expect([a(t.name), a(t.fields.department), a(t.fields.implementer), a(t.fields.kind), a(t.fields.years)]).toEqual(['A3', 'C3', 'D3', 'A5', 'C5']);
    expect([a(t.funds.annual.total), a(t.funds.annual.fiscal), a(t.funds.annual.other)]).toEqual(['A7', 'C7', 'D7']);
    expect(t.funds.period).toEqual({});
    expect(a(t.texts.overview)).toBe('A9');
    expect(t.indicators.columns.level3).toEqual({ left: 2, right: 3 });
  });

  test('funds stacked in one column, in 万元', () => {
    const t = ok(stackedTemplate());
    expect(t.unit).toBe('万元');
    expect(t.funds.period.local).toEqual({ row: 7, col: 2 });
    expect(t.funds.annual.local).toEqual({ row: 13, col: 2 });
    expect(t.texts.goal).toEqual({ row: 16, col: 2 });
  });

  test('no labels, or no indicator block: every missing label named', () => {
    const none = readTemplate(buildWorkbook('t', [buildSheet({ name: 'S', rows: [['随便写点什么'], ['a', 'b']] })]));
    expect(none).toEqual({ ok: false, missing: Object.values(REQUIRED_LABELS) });
    const rows = rightTemplate().rows.map((r) => (r ?? []).map((c) => (c ? cellText(c) : null)));
    rows[11] = ['绩效指标', '一级指标', '二级指标', '三级指标'];
    const noValue = readTemplate(buildWorkbook('t', [buildSheet({ name: 'S', rows, merges: [...rightTemplate().merges] })]));
    expect(noValue).toEqual({ ok: false, sheet: 'S', missing: ['指标值'] });
  });
});

describe('30 projects into each template parse back to the standard layout’s data', () => {
  test('right of labels, 财政拨款, 分值 column, rows inserted into a two-row block', () => {
    const { out, forms } = roundTrip(rightTemplate(), { period: true, split: 'fiscal', texts: ['overview', 'basis', 'goal'] });
    const first = out.sheets[0];
    // Rows were inserted: the note moved below the last indicator, the 绩效指标 heading spans the block.
    const n = forms[0].indicators.length;
    expect(cellText(first.rows[12 + n]?.[0])).toBe('填报说明：本表金额单位为元。');
    expect(first.merges).toContainEqual(R(11, 0, 11 + n, 0));
  });

  test('a template whose indicator rows are pre-printed (产出指标 / 数量指标 merged over them): cleared and written anew', () => {
    const base = rightTemplate();
    const rows = base.rows.map((r) => (r ?? []).map((c) => (c ? cellText(c) : null)));
    rows[12] = [null, '产出指标', '数量指标', '示例指标', '≥XX个', '10'];
    rows[13] = [null, null, null, '示例指标二', 'XX', '10'];
    const sheet = buildSheet({ name: base.name, rows, merges: [...base.merges, R(12, 1, 13, 1), R(12, 2, 13, 2)] });
    const { out } = roundTrip(sheet, { period: true, split: 'fiscal', texts: ['overview'] });
    const text = out.sheets.flatMap((s) => s.rows.flatMap((r) => (r ?? []).map((c) => cellText(c))));
    expect(text.filter((t) => t.startsWith('示例指标') || t === '10')).toEqual([]);
  });

  test('values below labels, annual funds only', () => {
    roundTrip(belowTemplate(), { period: false, split: 'fiscal', texts: ['overview'], self: false });
  });

  test('stacked fund columns in 万元', () => {
    roundTrip(stackedTemplate(), { period: true, split: 'full', texts: ['goal'] });
  });

  test('a form with money on a line the template lacks is a problem, not a silent loss', () => {
    const t = ok(belowTemplate());
    const forms = projects(true);
    expect(templateProblems(t, forms[0]).map((m) => m.zh)).toEqual(['《政务大厅物业费》的年度单位自筹 5000 元在模板中没有对应的栏目']);
    expect(templateProblems(t, forms[1])).toEqual([]);
    expect(templateProblems(ok(rightTemplate()), forms[0])).toEqual([]);
  });
});
