// The batch report's layouts (no files): sheet names, counts, links, unreadable workbooks.
import { checkWorkbook } from '../../../src/core/rules';
import { batchReportLayouts, decide, detailSheetNames, emptyStore, mergeScan, safeSheetName, tallyWorkbook, type BatchWorkbook } from '../../../src/core/review';
import { expenditureWorkbook } from './helpers';

const AT = '2024-05-01T06:30:00.000Z';

function entry(name: string, b: Parameters<typeof expenditureWorkbook>[1], path?: string): BatchWorkbook {
  const r = checkWorkbook(expenditureWorkbook(name, b));
  return { name, ...(path ? { path } : {}), recognition: r.recognition, scan: mergeScan(emptyStore(), r) };
}

test('sheet names are legal, numbered, unique and never the summary’s', () => {
  expect(safeSheetName("'a[b]:c*d?e/f\\g'")).toBe('a_b__c_d_e_f_g');
  expect(Array.from(safeSheetName('很'.repeat(40)))).toHaveLength(31);
  expect(detailSheetNames(['x/部门A.xlsx', 'y/部门A.xlsx', 'Z.XLSX'], ['汇总'])).toEqual(['01 部门A', '02 部门A', '03 Z']);
  const long = detailSheetNames(['某某市某某区某某街道办事处某某某某某某某某某某某某某某.xlsx', '某某市某某区某某街道办事处某某某某某某某某某某某某某某某.xlsx']);
  expect(new Set(long).size).toBe(2);
  expect(long.every((n) => Array.from(n).length <= 31)).toBe(true);
});

test('one summary row per workbook with its counts and worst finding; one sheet per readable workbook', () => {
  const books = [entry('a/clean.xlsx', {}, 'a/clean.xlsx'), entry('a/bad.xlsx', { subtotal: 1600 }, 'a/bad.xlsx'), { name: 'b/junk.xlsx', error: '不是 .xlsx 文件' }];
  const [summary, ...details] = batchReportLayouts(books, { folder: 'in', scannedAt: AT, reviewer: '张三' });
  expect(summary.name).toBe('汇总');
  expect(details.map((d) => d.name)).toEqual(['01 clean', '02 bad']);
  const row = (r: number) => Array.from({ length: 10 }, (_, c) => summary.cells.find((x) => x.row === r && x.col === c)?.value?.value ?? null);
  const bad = checkWorkbook(expenditureWorkbook('bad', { subtotal: 1600 })).findings;
  expect(row(4)).toEqual([1, 'a/clean.xlsx', 1, 0, 0, 0, 0, 0, '未发现问题', '01 clean']);
  expect(row(5)).toEqual([2, 'a/bad.xlsx', 1, 0, bad.length, 0, 0, bad.length, `${bad[0].sheet}!${bad[0].cell}  ${bad[0].message.zh}`, '02 bad']);
  expect(row(6)).toEqual([3, 'b/junk.xlsx', null, null, null, null, null, null, '无法读取：不是 .xlsx 文件', null]);
  expect(row(7)).toEqual([null, '合计', 2, 0, bad.length, 0, 0, bad.length, null, null]);
  expect(summary.cells.find((c) => c.row === 5 && c.col === 9)?.link).toBe("#'02 bad'!A1");
  expect(summary.cells.find((c) => c.row === 5 && c.col === 1)?.link).toBe('a/bad.xlsx');
  expect(String(summary.cells.find((c) => c.row === 2 && c.col === 0)?.value?.value)).toBe('共 3 个工作簿：有错误 1 个，未发现问题 1 个，无法读取 1 个');
  // Detail rows link into the department's own file, and back to the summary.
  const d = details[1];
  expect(d.cells.find((c) => c.row === 4 && c.col === 12)?.link).toBe(`a/bad.xlsx#'支出总表'!${bad[0].cell}`);
  expect(d.cells.find((c) => c.row === 1 && c.col === 12)?.link).toBe("#'汇总'!A1");
});

test('without a path to the workbook there are no links into it', () => {
  const [, detail] = batchReportLayouts([entry('bad.xlsx', { subtotal: 1600 })], { scannedAt: AT });
  expect(detail.cells.filter((c) => c.link).map((c) => c.link)).toEqual(["#'汇总'!A1"]);
});

test('open counts only what no one has decided on', () => {
  const e = entry('bad.xlsx', { subtotal: 1600 });
  const store = decide(emptyStore(), e.scan!.items[0], 'dismissed', { reviewer: '张三', reason: '已核实', at: AT });
  const t = tallyWorkbook({ ...e, scan: mergeScan(store, checkWorkbook(expenditureWorkbook('bad', { subtotal: 1600 }))) });
  expect(t).toMatchObject({ tables: 1, forms: 0, error: 3, warning: 0, info: 0, open: 2 });
  expect(t.worst?.snapshot.severity).toBe('error');
});

test('English labels', () => {
  const [summary] = batchReportLayouts([entry('ok.xlsx', {})], { lang: 'en', scannedAt: AT });
  expect(summary.cells.find((c) => c.row === 3 && c.col === 8)?.value).toEqual({ kind: 'text', value: 'Worst finding' });
  expect(summary.cells.find((c) => c.row === 4 && c.col === 8)?.value).toEqual({ kind: 'text', value: 'no findings' });
});
