// Filling forms from a project list: 30 invented projects → 30 forms in the standard layout that are
// recognized and parsed back to the same data, and raise nothing but the marked to-dos.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Decimal from 'decimal.js';
import { fillForms, yuanText } from '../../../src/core/forms/fill';
import { formsLayout, FORMS_SHEET } from '../../../src/core/forms/layout';
import { LIBRARY, PROJECT_TYPES, projectType, TODO, TODO_VALUE } from '../../../src/core/forms/library';
import { parseForms } from '../../../src/core/forms/parse';
import { readProjects } from '../../../src/core/forms/projects';
import { recognizeWorkbook } from '../../../src/core/recognize';
import { checkWorkbook } from '../../../src/core/rules';
import { buildSheet, buildWorkbook, type CellInput } from '../../../src/core/workbook/sheet';
import type { WorkbookSnapshot } from '../../../src/core/workbook/types';
import { applyEdits, readWorkbookFile, snapshotToWorkbook } from '../../../src/xlsx';
import { writeWorkbookFile } from '../../../src/xlsx/write';

const PROJECT_HEADER = ['项目名称', '主管部门', '实施单位', '项目属性', '项目期', '年度资金总额', '中央', '省级', '市县', '单位自筹', '其他'];

const NAMES = [
  '政务大厅物业费', '政务大厅保安人员费用', '劳务派遣费用', '网络运行及维修维护费', '电子签章应用系统运行维护服务费',
  '政务服务平台升级改造', '智能防疫测温门购置', '专家评审费', '等级保护测评费', '审批专项业务经费',
  '12345热线系统维护费用', '档案数字化系统建设', '办公设备购置', '保洁服务费', '第三方机构评估费',
  '机房运维服务费', '一件事办事系统建设', '安保服务外包', '综合窗口劳务派遣', '视频会议设备采购',
  '公共资源交易平台服务费', '评标专家劳务费', '政务服务标准化建设', '水电暖及燃气费', '证照印制费',
  '驻村工作队经费', '数据中心维保费', '业务培训费', '宣传资料印制费', '监控系统升级改造',
];

/** 30 invented projects: kinds, years and splits varied. */
function projectRows(n = 30): CellInput[][] {
  const kinds = ['经常性项目（长期开展）', '延续性项目（阶段开展）', '一次性项目（1年结束）'];
  return NAMES.slice(0, n).map((name, i) => {
    const total = 100000 + i * 37500;
    const central = i % 4 === 0 ? 20000 : 0;
    const self = i % 5 === 0 ? 5000 : 0;
    const kind = kinds[i % 3];
    return [name, '111-某某市行政审批服务管理局', '某某市政务服务中心', kind, kind.startsWith('一次') ? 1 : 1 + (i % 3), total, central, 0, total - central - self, self, 0];
  });
}

function projectsWorkbook(rows: CellInput[][] = projectRows(), header: CellInput[] = PROJECT_HEADER): WorkbookSnapshot {
  return buildWorkbook('projects', [buildSheet({ name: '项目清单', rows: [['2023年项目清单'], header, ...rows] })]);
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-fill-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function roundTrip(wbName: string, ...args: Parameters<typeof fillForms>) {
  const forms = fillForms(...args);
  const { layout } = formsLayout(forms);
  const wb = snapshotToWorkbook({ source: wbName, sheets: [] });
  applyEdits(wb, { cells: [], sheets: [layout] });
  const file = path.join(dir, wbName);
  await writeWorkbookFile(wb, file);
  const back = await readWorkbookFile(file);
  const rec = recognizeWorkbook(back);
  return { forms, layout, back, rec, parsed: parseForms(back, rec), file };
}

test('the project list is read by header text; bad rows listed', () => {
  const list = readProjects(projectsWorkbook([...projectRows(3), [null, 'x', 'y', null, null, 100], ['无金额项目', 'x', 'y', null, null, '待定']]));
  expect(list?.sheet).toBe('项目清单');
  expect(list?.projects.map((p) => p.name)).toEqual(NAMES.slice(0, 3));
  expect(list?.projects[1]).toMatchObject({ kind: 'continuing', years: 2, department: '111-某某市行政审批服务管理局' });
  expect(list?.projects[0].annual.central.toNumber()).toBe(20000);
  expect(list?.problems.map((p) => p.message.zh)).toEqual(['项目清单 第 6 行：没有项目名称', '项目清单 第 7 行（无金额项目）：年度资金总额不是正数']);
  expect(readProjects(buildWorkbook('x', [buildSheet({ name: 'S', rows: [['a', 'b']] })]))).toBeUndefined();
});

test('project type by 项目类型 or by keywords in the name', () => {
  expect(projectType('政务大厅物业费')).toBe('物业');
  expect(projectType('政务大厅保安人员费用')).toBe('保安');
  expect(projectType('劳务派遣费用')).toBe('劳务派遣');
  expect(projectType('专家评审费')).toBe('评审');
  expect(projectType('智能防疫测温门')).toBe('设备购置');
  expect(projectType('政务服务平台升级改造')).toBe('系统建设');
  expect(projectType('网络运行及维修维护费')).toBe('运维');
  expect(projectType('证照费')).toBe('其他');
  expect(projectType('证照费', '设备购置')).toBe('设备购置');
});

test('30 projects → 30 forms that parse back to the same data, only to-dos left', async () => {
  const list = readProjects(projectsWorkbook())!;
  const { forms, layout, back, rec, parsed } = await roundTrip('forms.xlsx', list.projects, { year: 2023 });
  expect(forms).toHaveLength(30);
  expect(layout.print?.areas).toHaveLength(30);
  expect(back.sheets.map((s) => s.name)).toEqual([FORMS_SHEET]);
  expect(parsed).toHaveLength(30);
  parsed.forEach((p, i) => {
    const src = list.projects[i];
    const years = src.kind === 'one-off' ? 1 : src.years;
    expect(p.header.name).toBe(src.name);
    expect(p.header.years?.value).toBe(years);
    expect(p.header.kind).toBe(src.kind);
    expect(p.funds.annual.total?.value.toNumber()).toBe(src.annual.total.toNumber());
    expect(p.funds.period.total?.value.toNumber()).toBe(src.annual.total.times(years).toNumber());
    expect(p.funds.annual.lines.central?.value.toNumber() ?? 0).toBe(src.annual.central.toNumber());
    expect(p.funds.period.lines.local?.value.toNumber()).toBe(src.annual.local.times(years).toNumber());
    expect(p.indicators.indicators.map((x) => x.name)).toEqual(forms[i].indicators.map((x) => x.name));
    const cost = p.indicators.indicators.find((x) => x.name === '项目实施成本');
    expect(cost?.value.text).toBe(`≤${yuanText(new Decimal(src.annual.total))}元/年`);
  });
  const { findings } = checkWorkbook(back, rec);
  const other = findings.filter((f) => f.rule !== 'form-placeholder');
  expect(other.map((f) => `${f.rule}@${f.cell} ${f.message.zh}`)).toEqual([]);
  const todos = forms.reduce((n, f) => n + f.todos, 0);
  expect(todos).toBeGreaterThanOrEqual(30);
  expect(findings.filter((f) => f.rule === 'form-placeholder')).toHaveLength(todos);
});

test('--previous: indicators carried over by project name, cost and year brought up to date', async () => {
  const list = readProjects(projectsWorkbook())!;
  const first = await roundTrip('last.xlsx', list.projects.slice(0, 2), { year: 2022 });
  // Last year's form of the first project had its own indicators.
  const lastForm = first.parsed[0];
  expect(lastForm.indicators.indicators.some((i) => i.value.text.includes(TODO))).toBe(true);
  const edited = first.forms.map((f, i) =>
    i === 0 ? { ...f, indicators: [...f.indicators.map((x) => (x.value.includes(TODO) ? { ...x, value: '12人' } : x)), { level1: '满意度指标', level2: '服务对象满意度指标', name: '入驻单位满意度', value: '≥90%' }] } : f,
  );
  const wb = snapshotToWorkbook({ source: 'last', sheets: [] });
  applyEdits(wb, { cells: [], sheets: [formsLayout(edited).layout] });
  const lastFile = path.join(dir, 'last-edited.xlsx');
  await writeWorkbookFile(wb, lastFile);
  const lastBack = await readWorkbookFile(lastFile);
  const previous = parseForms(lastBack, recognizeWorkbook(lastBack));
  const grown = list.projects.slice(0, 3).map((p, i) => (i === 0 ? { ...p, annual: { ...p.annual, total: p.annual.total.plus(1000), local: p.annual.local.plus(1000) } } : p));
  const { forms, parsed } = await roundTrip('this.xlsx', grown, { year: 2023, previous });
  expect(forms.map((f) => f.source)).toEqual(['previous', 'previous', 'library']);
  expect(forms[0].todos).toBe(0);
  expect(parsed[0].indicators.indicators.map((i) => i.name)).toContain('入驻单位满意度');
  expect(parsed[0].indicators.indicators.find((i) => i.name === '项目实施成本')?.value.text).toBe(`≤${yuanText(grown[0].annual.total)}元/年`);
  const time = parsed[0].indicators.indicators.find((i) => i.value.kind === 'date');
  expect(time?.value.text).toBe('2023年1月-2023年12月');
});

test('the library: every type fills a clean form once its to-dos are decided; no ≥100%, costs bounded with ≤', async () => {
  const base = readProjects(projectsWorkbook(projectRows(1)))!.projects[0];
  const projects = PROJECT_TYPES.map((type, i) => ({ ...base, name: `测试项目${i + 1}`, type }));
  const forms = fillForms(projects, { year: 2023 }).map((f) => ({
    ...f,
    indicators: f.indicators.map((x) => ({ ...x, value: x.value.replace(TODO_VALUE, '10') })),
  }));
  expect(forms.map((f) => f.type)).toEqual(PROJECT_TYPES);
  const wb = snapshotToWorkbook({ source: 'lib', sheets: [] });
  applyEdits(wb, { cells: [], sheets: [formsLayout(forms).layout] });
  await writeWorkbookFile(wb, path.join(dir, 'lib.xlsx'));
  const back = await readWorkbookFile(path.join(dir, 'lib.xlsx'));
  expect(checkWorkbook(back).findings.map((f) => `${f.rule}@${f.cell} ${f.message.zh}`)).toEqual([]);
  for (const type of PROJECT_TYPES)
    for (const ind of LIBRARY[type]) {
      expect(ind.value).not.toMatch(/≥\s*100%/);
      if (ind.level2 === '成本指标') expect(ind.value.startsWith('≤') || ind.value === '{cost}').toBe(true);
      expect(ind.value).not.toMatch(/XX|…/);
    }
});
