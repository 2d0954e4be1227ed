// `suanpan check` through main(): JSON contract, exit codes, folder mode, annotated copy.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { buildSheet, buildWorkbook } from '../../src/core/workbook/sheet';
import { writeSnapshotFile } from '../../src/xlsx';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'samples', 'xinzhou-2022.xlsx');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** A small correct 支出总表 in 元, and a copy with one broken subtotal. */
function expenditureSheet(broken: boolean) {
  return buildSheet({
    name: '支出总表',
    rows: [
      ['2023年部门支出总表'],
      ['单位：元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', 1500, 1000, 500],
      ['201', '一般公共服务支出', 1500, 1000, 500],
      ['20103', '政府办公厅（室）及相关机构事务', broken ? 1600 : 1500, 1000, broken ? 600 : 500],
      ['2010301', '行政运行', 1000, 1000, ''],
      ['2010302', '一般行政管理事务', 500, '', 500],
    ],
  });
}

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-check-'));
  fs.mkdirSync(path.join(dir, 'batch', 'sub'), { recursive: true });
  await writeSnapshotFile(buildWorkbook('ok', [expenditureSheet(false)]), path.join(dir, 'batch', 'ok.xlsx'));
  await writeSnapshotFile(buildWorkbook('bad', [expenditureSheet(true)]), path.join(dir, 'batch', 'sub', 'bad.xlsx'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the sample: JSON per the contract, exit 1 because it has errors', async () => {
  const r = await run(['check', SAMPLE, '--json']);
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.out);
  expect(doc.workbook).toBe(SAMPLE);
  expect(doc.tables).toHaveLength(10);
  expect(doc.forms).toHaveLength(27);
  expect(doc.findings.length).toBeGreaterThan(5);
  for (const f of doc.findings) {
    expect(f).toEqual(
      expect.objectContaining({ id: expect.stringMatching(/^F\d+$/), rule: expect.any(String), severity: expect.stringMatching(/^(error|warning|info)$/), sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/), range: expect.any(String), message: expect.any(String), related: expect.any(Array) }),
    );
  }
  const ranks = doc.findings.map((f: any) => ['error', 'warning', 'info'].indexOf(f.severity));
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  const mis = doc.findings.find((f: any) => f.rule === 'misaligned');
  expect(mis).toMatchObject({ sheet: '表5', table: 't5', severity: 'error' });
  expect(mis.details.offset).toBe(2);
});

test('--lang en gives English messages', async () => {
  const r = await run(['check', SAMPLE, '--json', '--lang', 'en']);
  const doc = JSON.parse(r.out);
  expect(doc.findings.every((f: any) => !/[\u4e00-\u9fff]{4,}：/.test(f.message))).toBe(true);
  expect(doc.findings.some((f: any) => /differ|≠|shifted/.test(f.message))).toBe(true);
});

test('a correct workbook exits 0, a broken one 1 with the cell named', async () => {
  const ok = await run(['check', path.join(dir, 'batch', 'ok.xlsx'), '--json']);
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.out).findings.filter((f: any) => f.severity !== 'info')).toEqual([]);
  const bad = await run(['check', path.join(dir, 'batch', 'sub', 'bad.xlsx'), '--json']);
  expect(bad.code).toBe(1);
  const cells = JSON.parse(bad.out).findings.filter((f: any) => f.severity === 'error').map((f: any) => `${f.rule}@${f.cell}`);
  expect(cells).toEqual(expect.arrayContaining(['subtotal@C6']));
});

test('check DIR: one line per workbook, then totals; exit is the worst', async () => {
  const r = await run(['check', path.join(dir, 'batch')]);
  expect(r.code).toBe(1);
  const lines = r.out.trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toContain('ok.xlsx');
  expect(lines[0]).toContain('错误 0');
  expect(lines[1]).toContain('bad.xlsx');
  expect(lines[2]).toMatch(/^共 2 个工作簿/);
});

test('--annotate writes a copy with fills and notes, leaving the original untouched', async () => {
  const src = path.join(dir, 'batch', 'sub', 'bad.xlsx');
  const before = fs.readFileSync(src);
  const out = path.join(dir, 'annotated.xlsx');
  const r = await run(['check', src, '--annotate', out]);
  expect(r.code).toBe(1);
  expect(fs.readFileSync(src).equals(before)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const cell = wb.getWorksheet('支出总表')!.getCell('C6');
  expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  const note = typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join('');
  expect(note).toContain('下级合计');
  expect(cell.value).toBe(1600);
});

test('human output lists the forms\' findings under each form', async () => {
  const r = await run(['check', SAMPLE]);
  expect(r.code).toBe(1);
  expect(r.out).toContain('绩效目标表 · f1 《“互联网+政务服务”平台技术服务费》');
  expect(r.out).toMatch(/\[警告\] C22\s+form-placeholder/);
});
