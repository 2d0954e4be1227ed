// `suanpan publish LEDGER.xlsx --out TABLES.xlsx` through publishCommand: exit 0 with the tables
// written and self-checked, exit 2 (and nothing written) for unreadable input, bad rows, bad usage.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { publishCommand, publishOptionsFromFlags, type PublishCommandOptions } from '../../src/cli/publish';
import { buildSheet, buildWorkbook } from '../../src/core/workbook/sheet';
import { readWorkbookFile, writeSnapshotFile } from '../../src/xlsx';
import { ledgerWorkbook, seedLedger, SEED_TITLE } from '../core/publish/fixtures';

let dir: string;
const f = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-publish-'));
  await writeSnapshotFile(seedLedger(), f('ledger.xlsx'));
  const good = { func: '2010301', econ: '30101', amount: 100 };
  await writeSnapshotFile(ledgerWorkbook([good, { ...good, amount: '待定' }, { ...good, func: '2010398' }], { title: SEED_TITLE }), f('bad.xlsx'));
  await writeSnapshotFile(buildWorkbook('x', [buildSheet({ name: 'S', rows: [['随便写点什么'], ['a', 'b'], [1, 2]] })]), f('noheader.xlsx'));
  await writeSnapshotFile(ledgerWorkbook([good]), f('noyear.xlsx'));
  fs.writeFileSync(f('text.xlsx'), '科目编码,金额\n2010301,100\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(ledger: string, out: string, opts?: PublishCommandOptions) {
  let stdout = '';
  let stderr = '';
  const code = await publishCommand(ledger, out, { out: (s) => (stdout += s), err: (s) => (stderr += s) }, opts);
  return { code, out: stdout, err: stderr };
}

test('a good ledger: exit 0, ten sheets written, totals and the self-check reported', async () => {
  const r = await run(f('ledger.xlsx'), f('tables.xlsx'));
  expect(r.code).toBe(0);
  expect(r.err).toBe('');
  expect(r.out).toContain(`已生成 10 张公开表：${f('tables.xlsx')}`);
  expect(r.out).toContain('忻州市行政审批服务管理局，2022 年；明细 37 行，合计 64420700.00 元 = 6442.07 万元，表中总计 6442.07 万元');
  expect(r.out).toContain('舍入：131 个数字在表内、表间完全勾稽，每个与精确值相差不到 0.01 万元');
  expect(r.out).toContain('自检：全部检查通过');
  const back = await readWorkbookFile(f('tables.xlsx'));
  expect(back.sheets.map((s) => s.name)).toEqual(['表1', '表2', '表3', '表4', '表5', '表6', '表7', '表8', '表9', '表10']);
});

test('English messages; --year and --dept go into the titles', async () => {
  const r = await run(f('ledger.xlsx'), f('tables-en.xlsx'), { lang: 'en', year: 2023, department: '某某局' });
  expect(r.code).toBe(0);
  expect(r.out).toContain('10 tables written to');
  expect(r.out).toContain('某某局, 2023; 37 ledger lines');
  expect(r.out).toContain('self-check: every check passes');
  const back = await readWorkbookFile(f('tables-en.xlsx'));
  expect(back.sheets[0].rows[1]?.[0]?.value).toEqual({ kind: 'text', value: '2023年预算收支总表' });
  expect(back.sheets[0].rows[2]?.[0]?.value).toEqual({ kind: 'text', value: '部门：某某局' });
});

test('bad rows: exit 2, each listed with its cell, nothing written', async () => {
  const r = await run(f('bad.xlsx'), f('never.xlsx'));
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain('预算明细有 2 行不能使用');
  expect(r.err).toContain('预算明细!H5：金额栏是文字，不是数字（待定）');
  expect(r.err).toContain('预算明细!C6：功能科目编码 2010398 不在科目字典中');
  expect(fs.existsSync(f('never.xlsx'))).toBe(false);
});

test('--skip-bad: exit 0, the skipped rows listed on stderr', async () => {
  const r = await run(f('bad.xlsx'), f('skipped.xlsx'), { skipBad: true });
  expect(r.code).toBe(0);
  expect(r.out).toContain('明细 1 行（跳过 2 行）');
  expect(r.err).toContain('已跳过的行：');
  expect(r.err).toContain('预算明细!H5');
  expect(fs.existsSync(f('skipped.xlsx'))).toBe(true);
});

test.each([
  ['a missing ledger', 'missing.xlsx', 'out1.xlsx', '文件不存在'],
  ['a text file named .xlsx', 'text.xlsx', 'out2.xlsx', '不是 .xlsx 文件'],
  ['a workbook without ledger headers', 'noheader.xlsx', 'out3.xlsx', '找不到预算明细表的表头'],
  ['a ledger without a year', 'noyear.xlsx', 'out4.xlsx', '请用 --year 指定'],
  ['--out the ledger itself', 'ledger.xlsx', 'ledger.xlsx', '不能覆盖明细'],
  ['--out not an .xlsx', 'ledger.xlsx', 'out.pdf', '--out 须是 .xlsx 文件'],
  ['--out in a folder that does not exist', 'ledger.xlsx', path.join('no', 'such', 'dir', 'x.xlsx'), '无法写出'],
])('%s: exit 2 with the reason', async (_, ledger, out, reason) => {
  const r = await run(f(ledger), f(out));
  expect(r.code).toBe(2);
  expect(r.err).toContain(reason);
  expect(r.out).toBe('');
});

test('no --out: usage, exit 2', async () => {
  const r = await run(f('ledger.xlsx'), '');
  expect(r.code).toBe(2);
  expect(r.err).toContain('suanpan publish LEDGER.xlsx --out TABLES.xlsx');
});

test('flags → options', () => {
  const flags = (xs: [string, string | true][]) => new Map<string, string | true>(xs);
  expect(publishOptionsFromFlags(flags([['--skip-bad', true], ['--year', '2024'], ['--dept', '某局'], ['--three-public', 'basic'], ['--lang', 'en'], ['--sheet', '明细']]))).toEqual({
    ok: true,
    opts: { skipBad: true, year: 2024, department: '某局', threePublicScope: 'basic', lang: 'en', sheet: '明细' },
  });
  expect(publishOptionsFromFlags(flags([]))).toEqual({ ok: true, opts: {} });
  expect(publishOptionsFromFlags(flags([['--year', true]]))).toEqual({ ok: false, error: '--year must be a year such as 2022' });
  expect(publishOptionsFromFlags(flags([['--year', '22']])).ok).toBe(false);
  expect(publishOptionsFromFlags(flags([['--three-public', 'some']])).ok).toBe(false);
  expect(publishOptionsFromFlags(flags([['--dept', true]])).ok).toBe(false);
});
