// An invented department for the pane's build actions: a budget ledger (one line per amount, in 元
// with fen) and a project list, as a snapshot (for the jsdom tests) or as .xlsx bytes written with
// exceljs (for the file host and the browser). Not the sample: other codes, names and amounts.
import Decimal from 'decimal.js';
import * as ExcelJS from 'exceljs';
import type { SheetLayout, SheetLayoutCell } from '../../src/core/workbook/edits';
import { buildSheet, buildWorkbook, cellText, type CellInput } from '../../src/core/workbook/sheet';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/workbook/types';
import { applyEdits, snapshotToWorkbook } from '../../src/xlsx';

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

export type Project = readonly [string, string, number, number];

export function projectRows(projects: readonly Project[] = PROJECTS): CellInput[][] {
  return [PROJECT_HEADER, ...projects.map(([name, kind, years, total]) => [name, `201-${DEPARTMENT}`, DEPARTMENT, kind, years, total])];
}

/** The project list as a sheet layout (plain values, as a user would type them). */
export function projectListLayout(projects: readonly Project[] = PROJECTS): SheetLayout {
  const cells: SheetLayoutCell[] = projectRows(projects).flatMap((r, i) =>
    r.flatMap((v, j) => (v === null || v === undefined || v === '' ? [] : [{ row: i, col: j, value: typeof v === 'number' ? { kind: 'number' as const, value: v } : { kind: 'text' as const, value: String(v) } }])),
  );
  return { name: PROJECT_SHEET, cells, merges: [] };
}

/** A workbook with the project list and a styled form template (styledTemplate), as .xlsx bytes. */
export async function buildTemplateXlsx(template: SheetSnapshot, opts: { emptyRows?: number; projects?: readonly Project[]; more?: readonly SheetLayout[] } = {}): Promise<Buffer> {
  const wb = snapshotToWorkbook({ source: 'template.xlsx', sheets: [] });
  applyEdits(wb, { cells: [], sheets: [projectListLayout(opts.projects), styledTemplate(template, opts.emptyRows ?? 0), ...(opts.more ?? [])] });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `n` more invented projects (for counting syncs against the number of forms). */
export function manyProjects(n: number): Project[] {
  const kinds = ['经常性项目（长期开展）', '延续性项目（阶段开展）', '一次性项目（1年结束）'];
  const what = ['档案数字化', '网络安全等级保护测评', '政务热线运维', '公共数据目录编制', '电子证照归集'];
  return Array.from({ length: n }, (_, i) => [`${what[i % what.length]}项目${i + 1}号`, kinds[i % 3], i % 3 === 2 ? 1 : 2 + (i % 2), 50000 + 1234 * (i + 1)] as const);
}

/**
 * A user's form template as a sheet layout with the look such templates have: `sheet`'s labels and
 * merges; thin borders over the whole form, its `emptyRows` more rows below included (empty,
 * bordered: the indicator rows to fill); labels bold; the title large and centred; the indicator
 * header shaded; widths and heights; the annual-total value cell with a number format of its own.
 */
export function styledTemplate(sheet: SheetSnapshot, emptyRows = 0): SheetLayout {
  const rows = sheet.rowCount + emptyRows;
  const cols = sheet.colCount;
  const header = sheet.rows.findIndex((r) => r?.some((c) => c && cellText(c) === '一级指标'));
  const cells: SheetLayoutCell[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const cell = sheet.rows[r]?.[c];
      const label = cell ? cellText(cell) : '';
      const left = sheet.rows[r]?.[c - 1];
      const annual = left && cellText(left) === '年度资金总额';
      cells.push({
        row: r,
        col: c,
        value: cell ? cell.value : null,
        style: {
          border: true,
          vertical: 'middle',
          wrap: true,
          ...(label ? { bold: true } : {}),
          ...(r === 0 ? { fontSize: 16, horizontal: 'center' as const } : {}),
          ...(r === header ? { fill: 'D9E1F2', horizontal: 'center' as const } : {}),
          ...(r > header && header >= 0 ? { fontName: '仿宋' } : {}),
          ...(annual ? { numFmt: '#,##0' } : {}),
        },
      });
    }
  const colWidths = Object.fromEntries(Array.from({ length: cols }, (_, c) => [c, 12 + 2 * (c % 3)]));
  const rowHeights = Object.fromEntries(Array.from({ length: rows }, (_, r) => [r, r === 0 ? 32 : r === header ? 24 : r > header ? 21 : 18]));
  return { name: sheet.name, cells, merges: [...sheet.merges], colWidths, rowHeights, print: { paper: 'A4', orientation: 'landscape' } };
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
