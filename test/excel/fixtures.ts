// Shared inputs of the Office.js adapter tests: an invented budget ledger, the publication tables
// core builds from it, and a user's workbook to add them to.
import { publish } from '../../src/core/publish';
import type { SheetLayout } from '../../src/core/workbook/edits';
import { buildSheet, buildWorkbook } from '../../src/core/workbook/sheet';
import type { Capabilities } from '../../src/excel/limits';
import { FakeWorkbook } from './fake-excel';

export const ALL: Capabilities = { notes: true, comments: true, undoGroup: false, rangeAreas: true, mergedAreas: true, pageLayout: true };

export const DEPT = '某县统计局';

/** An invented ledger: a few 项 codes across funds and types, amounts in 元 with fen. */
export function ledger() {
  const header = ['单位', '单位类型', '功能科目编码', '经济科目编码', '支出类型', '资金性质', '项目名称', '金额（元）'];
  const lines: (string | number)[][] = [
    [DEPT, '行政单位', '2010506', '30101', '基本支出', '一般公共预算', '', 812345.67],
    [DEPT, '行政单位', '2010506', '30102', '基本支出', '一般公共预算', '', 301200.05],
    [DEPT, '行政单位', '2010506', '30201', '基本支出', '一般公共预算', '', 45678.9],
    [DEPT, '行政单位', '2010506', '30211', '基本支出', '一般公共预算', '', 12000],
    [DEPT, '行政单位', '2010507', '30227', '项目支出', '一般公共预算', '经济普查', 260000],
    [DEPT, '行政单位', '2010506', '30202', '项目支出', '一般公共预算', '统计调查', 33333.33],
    [DEPT, '行政单位', '2080505', '30108', '基本支出', '一般公共预算', '', 98765.43],
    [DEPT, '行政单位', '2101101', '30110', '基本支出', '一般公共预算', '', 40321.1],
    [DEPT, '行政单位', '2210201', '30113', '基本支出', '一般公共预算', '', 88000],
    [DEPT, '行政单位', '2010507', '', '项目支出', '单位资金', '资料整理', 15000.5],
  ];
  return buildWorkbook('ledger', [buildSheet({ name: '预算明细', rows: [header, ...lines] })]);
}

export function publication(): SheetLayout[] {
  const r = publish(ledger(), { year: 2024, department: DEPT });
  if (!r.ok) throw new Error(r.message.en);
  return [...r.layouts];
}

/** The user's workbook: the ledger, and a sheet of their own that happens to be called 表1. */
export function userWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet('预算明细', [['单位', '金额'], [DEPT, 1]]);
  wb.addSheet('表1', [['我自己的表', 42]]);
  wb.addSheet('Sheet3');
  return wb;
}
