// `suanpan forms fill` through formsFillCommand: exit 1 with the forms written while to-dos are left
// (the library's 【待填】XX values count as rule violations left), 0 when none are, 2 for bad input.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formsFillCommand, type FormsFillOptions } from '../../src/cli/forms';
import { parseForms } from '../../src/core/forms/parse';
import { recognizeWorkbook } from '../../src/core/recognize';
import { buildSheet, buildWorkbook, type CellInput } from '../../src/core/workbook/sheet';
import type { WorkbookSnapshot } from '../../src/core/workbook/types';
import { readWorkbookFile, writeSnapshotFile } from '../../src/xlsx';

const PROJECT_HEADER = ['项目名称', '主管部门', '实施单位', '项目属性', '项目期', '年度资金总额', '中央', '省级', '市县', '单位自筹', '其他'];
const NAMES = [
  '政务大厅物业费', '政务大厅保安人员费用', '劳务派遣费用', '网络运行及维修维护费', '电子签章应用系统运行维护服务费',
  '政务服务平台升级改造', '智能防疫测温门购置', '专家评审费', '等级保护测评费', '审批专项业务经费',
  '12345热线系统维护费用', '档案数字化系统建设', '办公设备购置', '保洁服务费', '第三方机构评估费',
  '机房运维服务费', '一件事办事系统建设', '安保服务外包', '综合窗口劳务派遣', '视频会议设备采购',
  '公共资源交易平台服务费', '评标专家劳务费', '政务服务标准化建设', '水电暖及燃气费', '证照印制费',
  '驻村工作队经费', '数据中心维保费', '业务培训费', '宣传资料印制费', '监控系统升级改造',
];
function projectRows(n = 30): CellInput[][] {
  const kinds = ['经常性项目（长期开展）', '延续性项目（阶段开展）', '一次性项目（1年结束）'];
  return NAMES.slice(0, n).map((name, i) => {
    const total = 100000 + i * 37500;
    const kind = kinds[i % 3];
    return [name, '111-某某市行政审批服务管理局', '某某市政务服务中心', kind, kind.startsWith('一次') ? 1 : 1 + (i % 3), total, 0, 0, total, 0, 0];
  });
}
function projectsWorkbook(rows: CellInput[][] = projectRows(), header: CellInput[] = PROJECT_HEADER): WorkbookSnapshot {
  return buildWorkbook('projects', [buildSheet({ name: '项目清单', rows: [['2023年项目清单'], header, ...rows] })]);
}

let dir: string;
const f = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-forms-'));
  await writeSnapshotFile(projectsWorkbook(), f('projects.xlsx'));
  await writeSnapshotFile(projectsWorkbook([...projectRows(2), [null, 'x', 'y', null, null, 100]]), f('bad.xlsx'));
  await writeSnapshotFile(buildWorkbook('x', [buildSheet({ name: 'S', rows: [['随便写点什么'], ['a', 'b']] })]), f('nolist.xlsx'));
  await writeSnapshotFile(projectsWorkbook(projectRows(2), PROJECT_HEADER), f('two.xlsx'));
});
afterAll(() => (process.env.KEEP_FORMS ? undefined : fs.rmSync(dir, { recursive: true, force: true })));

async function run(projects: string, opts: Partial<FormsFillOptions> & { out: string }) {
  let stdout = '';
  let stderr = '';
  const code = await formsFillCommand(projects, { out: (s) => (stdout += s), err: (s) => (stderr += s) }, { lang: 'zh-CN', year: 2023, ...opts });
  return { code, out: stdout, err: stderr };
}

test('30 projects: exit 1 (to-dos left), 30 forms written, only placeholders reported', async () => {
  const r = await run(f('projects.xlsx'), { out: f('forms.xlsx') });
  expect(r.code).toBe(1);
  expect(r.out).toContain(`已生成 30 张绩效目标表：${f('forms.xlsx')}（0 张沿用上年指标，30 张取自指标库；`);
  expect(r.err).toContain('自检：还有');
  const lines = r.err.split('\n').filter((l) => l.startsWith('  ['));
  expect(lines.length).toBeGreaterThanOrEqual(30);
  for (const l of lines) expect(l).toMatch(/留有模板占位符 【待填】、XX/);
  const back = await readWorkbookFile(f('forms.xlsx'));
  expect(parseForms(back, recognizeWorkbook(back))).toHaveLength(30);
});

test('English messages', async () => {
  const r = await run(f('projects.xlsx'), { out: f('forms-en.xlsx'), lang: 'en' });
  expect(r.code).toBe(1);
  expect(r.out).toContain('30 forms written to');
  expect(r.err).toContain('self-check:');
});

test('--previous with the to-dos filled in: indicators carried over, exit 0', async () => {
  expect((await run(f('two.xlsx'), { out: f('last.xlsx'), year: 2022 })).code).toBe(1);
  // Fill last year's to-dos by hand (as a user would) and save.
  const last = await readWorkbookFile(f('last.xlsx'));
  const sheets = last.sheets.map((s) => ({
    ...s,
    rows: s.rows.map((row) => row?.map((c) => (c && c.value.kind === 'text' && c.value.value.startsWith('【待填】XX') ? { ...c, value: { kind: 'text' as const, value: c.value.value.replace('【待填】XX', '12') }, text: undefined } : c))),
  }));
  await writeSnapshotFile({ ...last, sheets }, f('last-filled.xlsx'));
  const r = await run(f('two.xlsx'), { out: f('this.xlsx'), previous: f('last-filled.xlsx') });
  expect(r.err).toBe('');
  expect(r.out).toContain('2 张沿用上年指标，0 张取自指标库；0 个指标值待填');
  expect(r.out).toContain('自检：全部检查通过');
  expect(r.code).toBe(0);
});

test('bad rows: exit 2, listed, nothing written; no list, bad usage: exit 2', async () => {
  const r = await run(f('bad.xlsx'), { out: f('never.xlsx') });
  expect(r.code).toBe(2);
  expect(r.err).toContain('项目清单有 1 行不能使用');
  expect(r.err).toContain('项目清单 第 5 行：没有项目名称');
  expect(fs.existsSync(f('never.xlsx'))).toBe(false);
  expect((await run(f('nolist.xlsx'), { out: f('never.xlsx') })).code).toBe(2);
  expect((await run(f('missing.xlsx'), { out: f('never.xlsx') })).code).toBe(2);
  expect((await run(f('projects.xlsx'), { out: f('x.csv') })).code).toBe(2);
  expect((await run(f('projects.xlsx'), { out: f('projects.xlsx') })).code).toBe(2);
});

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice && command -v pdfinfo'], { encoding: 'utf8' }).status === 0;
(hasSoffice ? test : test.skip)('prints: LibreOffice renders at least one A4 page per form', async () => {
  const r = await run(f('projects.xlsx'), { out: f('print.xlsx') });
  expect(r.code).toBe(1);
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${f('lo')}`, '--convert-to', 'pdf', '--outdir', dir, f('print.xlsx')], { timeout: 120000, stdio: 'ignore' });
  const info = execFileSync('pdfinfo', [f('print.pdf')], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(30);
  expect(info).toMatch(/Page size:.*\(A4\)/);
}, 180000);
