// An invented department for the pane's build actions: a budget ledger (one line per amount, in 元
// with fen) and a project list, as a snapshot (for the jsdom tests) or as .xlsx bytes written with
// exceljs (for the file host and the browser). Not the sample: other codes, names and amounts.
import Decimal from 'decimal.js';
import * as ExcelJS from 'exceljs';
import { buildSheet, buildWorkbook, type CellInput } from '../../src/core/workbook/sheet';
import type { WorkbookSnapshot } from '../../src/core/workbook/types';

export const DEPARTMENT = '青禾县数据管理局';
export const YEAR = 2024;
export const LEDGER_SHEET = '预算明细';
export const PROJECT_SHEET = '项目清单';

const LEDGER_HEADER = ['单位', '单位类型', '功能科目编码', '经济科目编码', '支出类型', '资金性质', '项目名称', '金额（元）'];

/** [功能科目, 经济科目, 支出类型, 项目, 金额 元]. */
export const LEDGER_LINES: readonly [string, string, '基本支出' | '项目支出', string, string][] = [
  ['2010301', '30101', '基本支出', '', '1234567.89'],
  ['2010301', '30102', '基本支出', '', '456789.12'],
  ['2010301', '30201', '基本支出', '', '88000.50'],
  ['2080505', '30108', '基本支出', '', '210345.67'],
  ['2101101', '30110', '基本支出', '', '98765.43'],
  ['2210201', '30113', '基本支出', '', '150000.00'],
  ['2010302', '30209', '项目支出', '政务大厅物业费', '660000.00'],
  ['2010302', '30213', '项目支出', '数据中心维保费', '420500.00'],
  ['2010302', '31002', '项目支出', '办公设备购置', '85000.00'],
];

/** The ledger total in 万元, rounded to 0.01 as the tables print it. */
export function ledgerTotalWan(): string {
  return LEDGER_LINES.reduce((s, l) => s.plus(l[4]), new Decimal(0)).div(10000).toFixed(2);
}

/** [项目名称, 项目属性, 项目期, 年度资金总额 元]. */
export const PROJECTS: readonly [string, string, number, number][] = [
  ['政务大厅物业费', '经常性项目（长期开展）', 3, 660000],
  ['数据中心维保费', '延续性项目（阶段开展）', 2, 420500],
  ['办公设备购置', '一次性项目（1年结束）', 1, 85000],
];

const PROJECT_HEADER = ['项目名称', '主管部门', '实施单位', '项目属性', '项目期', '年度资金总额'];

export interface WorkbookOptions {
  /** Rows the ledger cannot use: text in an amount, a missing function code. */
  readonly badLedgerRows?: boolean;
  /** Leave the ledger's title out (then the department cannot be told: two units). */
  readonly noTitle?: boolean;
  readonly withProjects?: boolean;
  readonly withLedger?: boolean;
}

function ledgerRows(opts: WorkbookOptions): CellInput[][] {
  const rows: CellInput[][] = [];
  if (!opts.noTitle) rows.push([`${DEPARTMENT}${YEAR}年部门预算明细`], []);
  rows.push(LEDGER_HEADER);
  LEDGER_LINES.forEach(([func, econ, type, project, amount], i) => {
    const unit = opts.noTitle && i % 2 ? `${DEPARTMENT}信息中心` : DEPARTMENT;
    rows.push([unit, '行政单位', func, econ, type, '一般公共预算', project, Number(amount)]);
  });
  if (opts.badLedgerRows) {
    rows.push([DEPARTMENT, '行政单位', '2010301', '30201', '基本支出', '一般公共预算', '', '约五千元']);
    rows.push([DEPARTMENT, '行政单位', '', '30201', '基本支出', '一般公共预算', '', 1200]);
  }
  return rows;
}

function projectRows(): CellInput[][] {
  return [PROJECT_HEADER, ...PROJECTS.map(([name, kind, years, total]) => [name, `201-${DEPARTMENT}`, DEPARTMENT, kind, years, total])];
}

export function buildSnapshot(opts: WorkbookOptions = {}): WorkbookSnapshot {
  const sheets = [];
  if (opts.withLedger !== false) sheets.push(buildSheet({ name: LEDGER_SHEET, rows: ledgerRows(opts) }));
  if (opts.withProjects !== false) sheets.push(buildSheet({ name: PROJECT_SHEET, rows: projectRows() }));
  return buildWorkbook('青禾县.xlsx', sheets);
}

/** The same workbook as .xlsx bytes, written by exceljs (plain values, as a user would type them). */
export async function buildXlsx(opts: WorkbookOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: CellInput[][]) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => (v === null || v === undefined || v === '' ? undefined : (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue))));
  };
  if (opts.withLedger !== false) add(LEDGER_SHEET, ledgerRows(opts));
  if (opts.withProjects !== false) add(PROJECT_SHEET, projectRows());
  return Buffer.from(await wb.xlsx.writeBuffer());
}
