// Small 支出总表 workbooks for the review tests: clean, or with chosen figures broken.
import { buildSheet, buildWorkbook, type CellInput } from '../../../src/core/workbook/sheet';
import type { WorkbookSnapshot } from '../../../src/core/workbook/types';

export interface Breaks {
  /** 20103's 合计 (a subtotal that no longer matches its items), or undefined for the right 1500. */
  subtotal?: number;
  /** The 合计 row's 基本支出 (a column total that does not match). */
  totalBasic?: number;
  /** Empty rows above the title (a row inserted above the table). */
  above?: number;
}

/** Rows of a small expenditure table in 元; correct unless `b` breaks a figure. */
export function expenditureRows(b: Breaks = {}): CellInput[][] {
  return [
    ...Array.from({ length: b.above ?? 0 }, () => [] as CellInput[]),
    ['2023年部门支出总表'],
    ['单位：元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['', '合计', 2700, b.totalBasic ?? 1800, 900],
    ['201', '一般公共服务支出', 1500, 1000, 500],
    ['20103', '政府办公厅（室）及相关机构事务', b.subtotal ?? 1500, 1000, 500],
    ['2010301', '行政运行', 1000, 1000, ''],
    ['2010302', '一般行政管理事务', 500, '', 500],
    ['208', '社会保障和就业支出', 1200, 800, 400],
    ['20805', '行政事业单位养老支出', 1200, 800, 400],
    ['2080505', '机关事业单位基本养老保险缴费支出', 800, 800, ''],
    ['2080599', '其他行政事业单位养老支出', 400, '', 400],
  ];
}

export function expenditureWorkbook(source: string, b: Breaks = {}): WorkbookSnapshot {
  return buildWorkbook(source, [buildSheet({ name: '支出总表', rows: expenditureRows(b) })]);
}
