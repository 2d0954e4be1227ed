// The sample workbook (the seed's published tables, every mistake kept): the exact findings, each
// checked against budget-tables.md §4.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeSample } from '../../../src/cli/make-sample';
import type { Finding } from '../../../src/core/findings';
import { checkWorkbook, type CheckResult } from '../../../src/core/rules';
import { readWorkbookFile } from '../../../src/xlsx';

let tmp: string;
let result: CheckResult;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-rules-sample-'));
  const out = path.join(tmp, 'xinzhou-2022.xlsx');
  await makeSample(out);
  result = checkWorkbook(await readWorkbookFile(out));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const key = (f: Finding) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`;

function one(rule: string, sheet: string, cell: string): Finding {
  const hit = result.findings.filter((f) => f.rule === rule && f.sheet === sheet && f.cell === cell);
  expect(hit).toHaveLength(1);
  return hit[0];
}

const EXPECTED = [
  // table 3: 229 其他支出 3000.00 under 基本支出 (表5 and the forms make it 项目支出) …
  'column-total error 表3!D6', // 基本支出 合计 1410.07 ≠ Σ 类 4410.09
  'column-total error 表3!E6', // 项目支出 合计 5031.98 ≠ Σ 类 2031.98
  // … and the 201 / 20103 rows without their 基本/项目 split
  'subtotal error 表3!D7',
  'subtotal error 表3!E7',
  'subtotal error 表3!D8',
  'subtotal error 表3!E8',
  'cross-table error 表3!D27', // 2299999 基本支出 3000.00 ≠ 表5 0
  'cross-table error 表3!E27', // 2299999 项目支出 blank ≠ 表5 3000.00
  // table 5: the code column shifted two rows from 2080505 社会保障和就业支出 on
  'misaligned error 表5!A12',
  // table 6: the total "1,216.95" agrees with nothing; 维修（护）费 3732.12 cannot be 基本支出
  'column-total error 表6!C6',
  'cross-table error 表6!C6',
  'cross-table error 表6!C26',
  // table 4: cut names and cut digits
  'truncated warning 表4!A8', // 二、纳入预算管理的政
  'truncated warning 表4!C13', // 文化旅游体育与传媒
  'truncated warning 表4!D14', // 118.4 beside 118.44
  'truncated warning 表4!C21', // 资源勘探工业信息等
  'truncated warning 表4!C25', // 自然资源海洋气象等
  'truncated warning 表4!D26', // 109.9 beside 109.97
  'truncated warning 表4!C28', // 国有资本经营预算支
  'truncated warning 表4!C29', // 灾害防治及应急管理
  'truncated warning 表4!D31', // 3000.
  'truncated warning 表4!C36', // 抗疫特别国债安排的
  'number-as-text warning 表6!C6', // '1,216.95
  // 0.01 differences that are only rounding (table 1, table 2, and their copies in 3–6)
  'rounding info 表1!D35',
  'rounding info 表2!C6',
  'rounding info 表2!D6',
  'rounding info 表2!C8',
  'rounding info 表2!D8',
  'rounding info 表3!C6',
  'rounding info 表3!C7',
  'rounding info 表3!C8',
  'rounding info 表4!E37',
  'rounding info 表5!C6',
  'rounding info 表5!D6',
  'rounding info 表5!C8',
  'rounding info 表5!D8',
  'rounding info 表6!C7',
  'rounding info 表6!C16',
];

test('the exact set of findings', () => {
  // the forms' own findings are asserted in test/core/forms/sample.test.ts
  expect(result.findings.filter((f) => !f.rule.startsWith('form-')).map(key).sort()).toEqual([...EXPECTED].sort());
});

test('no finding on 表1, 表2 but rounding; none on 表7 – 表10 (表10 lists the department, then its one unit)', () => {
  for (const f of result.findings) if (['表1', '表2'].includes(f.sheet)) expect(f.severity).toBe('info');
  expect(result.findings.filter((f) => ['表7', '表8', '表9', '表10'].includes(f.sheet))).toEqual([]);
});

test('rounding differences are info only, 0.01 each', () => {
  for (const f of result.findings.filter((x) => x.rule === 'rounding')) {
    expect(f.severity).toBe('info');
    const d = Math.abs(Number(f.expected) - Number(f.actual));
    expect(d).toBeLessThanOrEqual(0.0100001);
  }
});

test('表3 · 基本支出 total: expected, found and the difference', () => {
  expect(one('column-total', '表3', 'D6')).toMatchObject({ expected: '4410.09', actual: '1410.07' });
  expect(one('cross-table', '表3', 'D27')).toMatchObject({ expected: '0.00', actual: '3000.00', related: ['表5!D27'] });
});

test('表5: one misaligned finding, +2, sixteen rows, the corrected codes, no cascade', () => {
  const f = one('misaligned', '表5', 'A12');
  expect(f.range).toBe('A12:A27');
  const d = f.details as { offset: number; corrected: { cell: string; from: string | null; to: string | null }[] };
  expect(d.offset).toBe(2);
  expect(d.corrected.map((c) => c.to)).toEqual([
    '208', '20805', '2080505', '210', '21011', '2101101', '2101102', '213', '21305', '2130599', '221', '22102', '2210201', '229', '22999', '2299999',
  ]);
  expect(d.corrected[0]).toEqual({ cell: 'A12', name: '社会保障和就业支出', from: '2080505', to: '208' });
  expect(result.findings.filter((x) => x.sheet === '表5' && x.rule !== 'misaligned' && x.rule !== 'rounding')).toEqual([]);
});

test('表6: the text total and the project money', () => {
  expect(one('column-total', '表6', 'C6')).toMatchObject({ expected: '6442.06', actual: '1216.95' });
  expect(one('cross-table', '表6', 'C6')).toMatchObject({ expected: '1410.07', actual: '1216.95', related: ['表5!D6'] });
  const repair = result.findings.find((x) => x.rule === 'cross-table' && x.cell === 'C26')!;
  expect(repair).toMatchObject({ rowLabel: '维修（护）费', actual: '3732.12', expected: '≤ 1410.07' });
  expect(repair.message.zh).toContain('项目支出');
});

test('表4: what the cut figures should read', () => {
  expect(one('truncated', '表4', 'D14')).toMatchObject({ expected: '118.44', actual: '118.4' });
  expect(one('truncated', '表4', 'D26')).toMatchObject({ expected: '109.97', actual: '109.9' });
  expect(one('truncated', '表4', 'D31')).toMatchObject({ actual: '3000.' });
  expect(one('truncated', '表4', 'A8')).toMatchObject({ expected: '纳入预算管理的政府性基金' });
});

test('every message in both languages', () => {
  for (const f of result.findings) {
    expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(f.message.en).toMatch(/[A-Za-z]{3,}/);
  }
});
