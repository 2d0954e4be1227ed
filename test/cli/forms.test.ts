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
import { readWorkbookFile, snapshotToWorkbook, writeSnapshotFile } from '../../src/xlsx';
import { writeWorkbookFile } from '../../src/xlsx/write';
import * as ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/rules';
import { belowTemplate, rightTemplate } from '../core/forms/templates';
import type { SheetSnapshot } from '../../src/core/workbook/types';

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
  await writeStyledTemplate(rightTemplate(), f('template.xlsx'));
  await writeStyledTemplate(belowTemplate(), f('template-below.xlsx'));
  await writeSnapshotFile(buildWorkbook('x', [buildSheet({ name: '模板', rows: [['项目名称'], ['主管部门'], ['说明：请按要求填写']] })]), f('template-bad.xlsx'));
  const selfRows = projectRows(3).map((r, i) => (i === 1 ? [...r.slice(0, 8), (r[5] as number) - 5000, 5000, 0] : r));
  await writeSnapshotFile(projectsWorkbook(selfRows), f('self.xlsx'));
});

const LABEL_FILL = 'FFDDEBF7';

/** A template as a user would make it: borders, a label fill, widths, heights, A4. */
async function writeStyledTemplate(sheet: SheetSnapshot, file: string): Promise<void> {
  const wb = snapshotToWorkbook({ source: file, sheets: [sheet] });
  const ws = wb.worksheets[0];
  const thin = { style: 'thin' as const };
  for (let r = 1; r <= sheet.rowCount; r++) {
    ws.getRow(r).height = r === 1 ? 32 : 22;
    for (let c = 1; c <= sheet.colCount; c++) {
      const cell = ws.getCell(r, c);
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      cell.alignment = { wrapText: true, vertical: 'middle' };
      if (typeof cell.value === 'string' && r > 1) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LABEL_FILL } };
    }
  }
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  [14, 16, 16, 30, 18, 8].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await writeWorkbookFile(wb, file);
}
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

describe('--template and --sheet-per-form', () => {
  test('30 projects into the template, stacked: the template’s formatting kept, parses back, only to-dos left', async () => {
    const r = await run(f('projects.xlsx'), { out: f('tpl.xlsx'), template: f('template.xlsx') });
    expect(r.code).toBe(1);
    expect(r.out).toContain('已生成 30 张绩效目标表');
    const lines = r.err.split('\n').filter((l) => l.startsWith('  ['));
    for (const l of lines) expect(l).toMatch(/form-placeholder|留有模板占位符/);
    const back = await readWorkbookFile(f('tpl.xlsx'));
    expect(back.sheets.map((s) => s.name)).toEqual(['绩效目标表']);
    const parsed = parseForms(back, recognizeWorkbook(back));
    expect(parsed.map((p) => p.header.name)).toEqual(NAMES);
    parsed.forEach((p, i) => {
      const total = 100000 + i * 37500;
      expect(p.funds.annual.total?.value.toNumber()).toBe(total);
      expect(p.funds.annual.fiscal?.value.toNumber()).toBe(total);
      expect(p.indicators.indicators.length).toBeGreaterThanOrEqual(6);
    });
    expect(checkWorkbook(back).findings.filter((x) => x.rule !== 'form-placeholder')).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f('tpl.xlsx'));
    const ws = wb.worksheets[0];
    expect(ws.getColumn(4).width).toBe(30);
    // The second copy: its 项目名称 label keeps the template's fill, its title the template's font and height.
    const second = parsed[1].recognized.range.top;
    const label = ws.getCell(second + 2, 1);
    expect(label.value).toBe('项目名称');
    expect((label.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(LABEL_FILL);
    expect(ws.getCell(second + 1, 1).font?.size).toBe(16);
    expect(ws.getRow(second + 1).height).toBe(32);
    // An inserted indicator row is framed like the template's.
    const lastInd = parsed[1].indicators.indicators.at(-1)!;
    expect(ws.getCell(lastInd.row + 1, 5).border?.bottom?.style).toBe('thin');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(String(ws.pageSetup.printArea).split('&&')).toHaveLength(30);
  });

  test('--sheet-per-form, with and without the template: one sheet per project, named after it, each its own print area', async () => {
    for (const [out, template] of [['per-form.xlsx', undefined], ['per-form-tpl.xlsx', f('template.xlsx')]] as const) {
      const r = await run(f('projects.xlsx'), { out: f(out), sheetPerForm: true, ...(template ? { template } : {}) });
      expect(r.code).toBe(1);
      const back = await readWorkbookFile(f(out));
      expect(back.sheets.map((s) => s.name)).toEqual(NAMES);
      const parsed = parseForms(back, recognizeWorkbook(back));
      expect(parsed.map((p) => [p.sheet, p.header.name])).toEqual(NAMES.map((n) => [n, n]));
      expect(checkWorkbook(back).findings.filter((x) => x.rule !== 'form-placeholder')).toEqual([]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f(out));
      for (const ws of wb.worksheets) {
        expect(String(ws.pageSetup.printArea).split('&&')).toHaveLength(1);
        expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 1 });
      }
    }
  });

  test('values below labels; a template without a line the money needs: exit 2, the line and project named, nothing written', async () => {
    const r = await run(f('projects.xlsx'), { out: f('below.xlsx'), template: f('template-below.xlsx') });
    expect(r.code).toBe(1);
    expect(r.out).toContain('模板没有实施期资金栏');
    const back = await readWorkbookFile(f('below.xlsx'));
    expect(parseForms(back, recognizeWorkbook(back)).map((p) => p.header.name)).toEqual(NAMES);
    const bad = await run(f('self.xlsx'), { out: f('never.xlsx'), template: f('template-below.xlsx') });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('《政务大厅保安人员费用》的年度单位自筹 5000 元在模板中没有对应的栏目');
    expect(fs.existsSync(f('never.xlsx'))).toBe(false);
  });

  test('a template without the labels: exit 2, naming the template and the labels', async () => {
    const r = await run(f('projects.xlsx'), { out: f('never.xlsx'), template: f('template-bad.xlsx') });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${f('template-bad.xlsx')}（工作表 模板）：不是可用的绩效目标表模板，找不到或读不回这些标签的填写位置：项目名称、年度资金总额、一级指标、二级指标、三级指标、指标值\n`);
    const none = await run(f('projects.xlsx'), { out: f('never.xlsx'), template: f('nolist.xlsx'), lang: 'en' });
    expect(none.code).toBe(2);
    expect(none.err).toContain(`${f('nolist.xlsx')}: not a usable form template; no value cell found (or read back) for these labels: 项目名称, 年度资金总额, 一级指标`);
    expect(fs.existsSync(f('never.xlsx'))).toBe(false);
  });
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

(hasSoffice ? test : test.skip)('prints from the template: LibreOffice renders exactly one A4 page per form', async () => {
  const r = await run(f('projects.xlsx'), { out: f('print-tpl.xlsx'), template: f('template.xlsx') });
  expect(r.code).toBe(1);
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${f('lo')}`, '--convert-to', 'pdf', '--outdir', dir, f('print-tpl.xlsx')], { timeout: 120000, stdio: 'ignore' });
  const info = execFileSync('pdfinfo', [f('print-tpl.pdf')], { encoding: 'utf8' });
  expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(NAMES.length);
  expect(info).toMatch(/Page size:.*\(A4\)/);
}, 180000);
