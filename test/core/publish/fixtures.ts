// Ledgers for the publish tests, built in code: the seed department's 2022 budget reconstructed
// from its published tables, and helpers to make ledgers from lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSheet, buildWorkbook, type CellInput } from '../../../src/core/workbook/sheet';
import type { WorkbookSnapshot } from '../../../src/core/workbook/types';

export const SEED_DEPARTMENT = '忻州市行政审批服务管理局';

export const LEDGER_HEADER = ['单位', '单位类型', '功能科目编码', '经济科目编码', '支出类型', '资金性质', '项目名称', '金额（元）'];

export interface LineInput {
  unit?: string;
  unitType?: string;
  func: CellInput;
  econ?: CellInput;
  type?: CellInput;
  fund?: CellInput;
  project?: string;
  amount: CellInput;
}

/** A ledger sheet: optional title line, blank line, header, one row per line. */
export function ledgerWorkbook(lines: readonly LineInput[], opts: { title?: string; header?: string[]; sheet?: string } = {}): WorkbookSnapshot {
  const rows: CellInput[][] = [];
  if (opts.title !== undefined) rows.push([opts.title], []);
  rows.push(opts.header ?? LEDGER_HEADER);
  for (const l of lines)
    rows.push([l.unit ?? SEED_DEPARTMENT, l.unitType ?? '行政单位', l.func, l.econ ?? '', l.type ?? '基本支出', l.fund ?? '一般公共预算', l.project ?? '', l.amount]);
  return buildWorkbook('ledger.xlsx', [buildSheet({ name: opts.sheet ?? '预算明细', rows })]);
}

/** 万元 with two decimals → 元 as a number with fen (exact: ×10000 of a 2-decimal figure). */
export function wanToYuan(wan: string): number {
  const [i, f = ''] = wan.split('.');
  return Number(`${i}${f.padEnd(2, '0')}00`);
}

type SeedLine = [func: string, econ: string, type: '基本支出' | '项目支出', wan: string, project?: string];

/**
 * The seed budget as ledger lines. 项-level amounts by basic/project from tables 3 and 5 (table 5's
 * names and amounts; its codes are shifted), economic items from table 6: every table-6 item that
 * is basic is booked in full to basic lines; 差旅费 is split (11.59 basic, 8.26 project) so that
 * basic 302 spending makes up the rest of basic expenditure; the project items carry what table 6
 * lists beyond basic (plus the 0.01 by which table 6's items exceed their printed 类 row).
 */
export const SEED_LINES: readonly SeedLine[] = [
  // 2010301 行政运行 819.76 (basic)
  ['2010301', '30101', '基本支出', '242.43'],
  ['2010301', '30102', '基本支出', '207.01'],
  ['2010301', '30103', '基本支出', '25.06'],
  ['2010301', '30112', '基本支出', '2.51'],
  ['2010301', '30302', '基本支出', '6.08'],
  ['2010301', '30305', '基本支出', '1.37'],
  ['2010301', '30201', '基本支出', '73.55'],
  ['2010301', '30205', '基本支出', '4.00'],
  ['2010301', '30206', '基本支出', '90.06'],
  ['2010301', '30207', '基本支出', '4.00'],
  ['2010301', '30208', '基本支出', '110.84'],
  ['2010301', '30211', '基本支出', '11.59'],
  ['2010301', '30228', '基本支出', '9.00'],
  ['2010301', '30229', '基本支出', '26.26'],
  ['2010301', '30231', '基本支出', '6.00'],
  // 2010350 事业运行 310.10 (basic)
  ['2010350', '30101', '基本支出', '197.01'],
  ['2010350', '30107', '基本支出', '113.09'],
  // 2080505, 2101101, 2101102, 2210201 (basic)
  ['2080505', '30108', '基本支出', '118.44'],
  ['2101101', '30110', '基本支出', '32.26'],
  ['2101102', '30110', '基本支出', '19.56'],
  ['2210201', '30113', '基本支出', '109.97'],
  // 2010302 一般行政管理事务 2020.13 (project)
  ['2010302', '30202', '项目支出', '33.00', '企业登记注册档案移交整理费'],
  ['2010302', '30203', '项目支出', '6.00', '第三方机构评估费'],
  ['2010302', '30209', '项目支出', '166.27', '政务大厅物业费'],
  ['2010302', '30211', '项目支出', '8.26', '审批专项业务经费'],
  ['2010302', '30213', '项目支出', '732.12', '网络运行及维修维护费'],
  ['2010302', '30215', '项目支出', '5.00', '审批专项业务经费'],
  ['2010302', '30216', '项目支出', '15.00', '政务服务标准化建设'],
  ['2010302', '30226', '项目支出', '596.38', '劳务派遣费用'],
  ['2010302', '30227', '项目支出', '256.97', '12345 政务热线运营项目'],
  ['2010302', '30239', '项目支出', '53.56', '政务大厅保安人员费用'],
  ['2010302', '30299', '项目支出', '34.19', '餐厅购买服务及伙食补贴'],
  ['2010302', '31002', '项目支出', '40.98', '评标区管理设备'],
  ['2010302', '31003', '项目支出', '52.40', '智能防疫测温门'],
  ['2010302', '31007', '项目支出', '20.00', '数字政府信息化费用'],
  // 2130599 其他扶贫支出 11.85, 2299999 其他支出 3000.00 (project)
  ['2130599', '30299', '项目支出', '11.85', '驻村工作队员及第一书记经费'],
  ['2299999', '30213', '项目支出', '3000.00', '忻州市政务服务平台升级改造暨“一件事”办事系统建设'],
];

export const SEED_TITLE = `${SEED_DEPARTMENT}2022年部门预算明细`;

export function seedLedger(): WorkbookSnapshot {
  return ledgerWorkbook(
    SEED_LINES.map(([func, econ, type, wan, project]) => ({ func, econ, type, amount: wanToYuan(wan), ...(project ? { project } : {}) })),
    { title: SEED_TITLE },
  );
}

/** The seed transcription of table N: tab-separated lines (label, title, unit, header, data). */
export function seedTable(no: number): string[][] {
  const file = join(__dirname, '..', '..', '..', 'assets', 'samples', 'source', 'tables', `t${String(no).padStart(2, '0')}.tsv`);
  return readFileSync(file, 'utf8')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}
