// The ten publication tables as data (Shanxi 2022 template, assets/samples/source/tables/t01..t10):
// sheet, title, header rows and merges, column kinds and widths, print orientation, the note of an
// empty table, and the fonts. `{year}` is replaced by the budget year.
import type { PublishedTableId } from './model';

export type ColumnKind = 'code' | 'name' | 'amount' | 'note';

/** A header merge relative to the first header row and column A (0-based, inclusive). */
export interface HeaderMerge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface TableLayoutSpec {
  readonly no: number;
  readonly id: PublishedTableId;
  readonly sheet: string;
  readonly title: string;
  readonly orientation: 'portrait' | 'landscape';
  /** Header rows top to bottom; a merged area's text sits in its top-left cell, the rest are ''. */
  readonly headerRows: readonly (readonly string[])[];
  readonly headerMerges: readonly HeaderMerge[];
  readonly columns: readonly ColumnKind[];
  /** Column widths in Excel character units (a CJK character is about 2). */
  readonly widths: readonly number[];
  /** The note printed under the header when the table has no data. */
  readonly emptyNote?: string;
  /** Function 类 left out of the expense side of a two-sided table unless the ledger uses them. */
  readonly omitClasses?: readonly string[];
}

const CODE = 12;
const NAME = 40;
const ITEM = 34;
const AMOUNT = 14;

const m = (top: number, left: number, bottom: number, right: number): HeaderMerge => ({ top, left, bottom, right });

export const LABEL = '预算公开表{no}';
export const DEPARTMENT = '部门：{department}';
export const UNIT_LINE = '单位：万元';

/** Income sources of tables 1 and 4, in print order (ordinal prefixes as published). */
export const SUMMARY_INCOME_ITEMS = [
  { fund: 'general', name: '一、一般公共预算' },
  { fund: 'fund', name: '二、纳入预算管理的政府性基金' },
  { fund: 'special', name: '三、财政专户管理资金' },
  { fund: 'unit', name: '四、单位资金' },
] as const;

export const FISCAL_INCOME_ITEMS = [
  { fund: 'general', name: '一、一般公共预算' },
  { fund: 'fund', name: '二、纳入预算管理的政府性基金' },
] as const;

export const TOTAL = '合计';
export const INCOME_TOTAL = '本年收入合计';
export const EXPENSE_TOTAL = '本年支出合计';

export const TABLE_LAYOUTS: readonly TableLayoutSpec[] = [
  {
    no: 1,
    id: 'summary',
    sheet: '表1',
    title: '{year}年预算收支总表',
    orientation: 'portrait',
    headerRows: [
      ['收入', '', '支出', ''],
      ['项目', '{year}年预算数', '项目', '{year}年预算数'],
    ],
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 3)],
    columns: ['name', 'amount', 'name', 'amount'],
    widths: [ITEM, AMOUNT, ITEM, AMOUNT],
    omitClasses: ['223'],
  },
  {
    no: 2,
    id: 'income',
    sheet: '表2',
    title: '{year}年预算收入总表',
    orientation: 'landscape',
    headerRows: [
      ['项目', '', '{year}年预算数', '', '', '', ''],
      ['科目编码', '科目名称', '本年收入合计', '一般公共预算', '政府性基金', '财政专户管理资金', '单位资金'],
    ],
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 6)],
    columns: ['code', 'name', 'amount', 'amount', 'amount', 'amount', 'amount'],
    widths: [CODE, NAME, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT],
  },
  {
    no: 3,
    id: 'expenditure',
    sheet: '表3',
    title: '{year}年预算支出总表',
    orientation: 'portrait',
    headerRows: [
      ['项目', '', '{year}年预算数', '', ''],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ],
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 4)],
    columns: ['code', 'name', 'amount', 'amount', 'amount'],
    widths: [CODE, NAME, AMOUNT, AMOUNT, AMOUNT],
  },
  {
    no: 4,
    id: 'fiscal-summary',
    sheet: '表4',
    title: '{year}年财政拨款收支总表',
    orientation: 'portrait',
    headerRows: [
      ['收入', '', '支出', '', '', ''],
      ['项目', '金额', '项目', '金额', '', ''],
      ['', '', '', '小计', '一般公共预算', '政府性基金'],
    ],
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 5), m(1, 0, 2, 0), m(1, 1, 2, 1), m(1, 2, 2, 2), m(1, 3, 1, 5)],
    columns: ['name', 'amount', 'name', 'amount', 'amount', 'amount'],
    widths: [ITEM, AMOUNT, ITEM, AMOUNT, AMOUNT, AMOUNT],
  },
  {
    no: 5,
    id: 'general-expenditure',
    sheet: '表5',
    title: '{year}年一般公共预算支出预算表',
    orientation: 'portrait',
    headerRows: [
      ['项目', '', '{year}年预算数', '', ''],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ],
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 4)],
    columns: ['code', 'name', 'amount', 'amount', 'amount'],
    widths: [CODE, NAME, AMOUNT, AMOUNT, AMOUNT],
    emptyNote: '注：本部门{year}年没有一般公共预算支出，本表为空表。',
  },
  {
    no: 6,
    id: 'basic-economic',
    sheet: '表6',
    title: '{year}年一般公共预算基本支出分经济科目表',
    orientation: 'portrait',
    headerRows: [['经济科目编码', '经济科目名称', '{year}年预算数', '备注']],
    headerMerges: [],
    columns: ['code', 'name', 'amount', 'note'],
    widths: [CODE + 2, NAME, AMOUNT + 2, 16],
    emptyNote: '注：本部门{year}年没有一般公共预算基本支出，本表为空表。',
  },
  {
    no: 7,
    id: 'fund-income',
    sheet: '表7',
    title: '{year}年政府性基金预算收入表',
    orientation: 'portrait',
    headerRows: [
      ['项目', '', '{year}年预算数'],
      ['科目编码', '科目名称', ''],
    ],
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 1, 2)],
    columns: ['code', 'name', 'amount'],
    widths: [CODE, NAME + 4, AMOUNT + 6],
    emptyNote: '注：本部门{year}年没有政府性基金预算收入，本表为空表。',
  },
  {
    no: 8,
    id: 'fund-expenditure',
    sheet: '表8',
    title: '{year}年政府性基金预算支出表',
    orientation: 'portrait',
    headerRows: [
      ['项目', '', '{year}年预算数', '', ''],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ],
    headerMerges: [m(0, 0, 0, 1), m(0, 2, 0, 4)],
    columns: ['code', 'name', 'amount', 'amount', 'amount'],
    widths: [CODE, NAME, AMOUNT, AMOUNT, AMOUNT],
    emptyNote: '注：本部门{year}年没有政府性基金预算支出，本表为空表。',
  },
  {
    no: 9,
    id: 'three-public',
    sheet: '表9',
    title: '{year}年一般公共预算“三公”经费支出情况统计表',
    orientation: 'portrait',
    headerRows: [['项目', '{year}年预算数']],
    headerMerges: [],
    columns: ['name', 'amount'],
    widths: [NAME + 4, AMOUNT + 10],
  },
  {
    no: 10,
    id: 'operating-costs',
    sheet: '表10',
    title: '{year}年机关运行经费预算财政拨款情况统计表',
    orientation: 'portrait',
    headerRows: [['单位名称', '{year}年预算数']],
    headerMerges: [],
    columns: ['name', 'amount'],
    widths: [NAME + 4, AMOUNT + 10],
  },
];

/** Fonts and formats of the printed tables. */
export const STYLE = {
  font: '宋体',
  titleFont: '黑体',
  titleSize: 16,
  size: 10,
  numFmt: '#,##0.00',
  titleRowHeight: 36,
  headerRowHeight: 22,
  /** Indent (Excel indent levels) of 类, 款 and 项 names. */
  indent: { 1: 1, 2: 2, 3: 3 } as Record<1 | 2 | 3, number>,
  /** Indent that keeps other text and amounts off the cell border. */
  pad: 1,
} as const;

export function fill(template: string, vars: { year?: number; department?: string; no?: number }): string {
  return template
    .replace(/\{year\}/g, vars.year !== undefined ? String(vars.year) : '')
    .replace(/\{department\}/g, vars.department ?? '')
    .replace(/\{no\}/g, vars.no !== undefined ? String(vars.no) : '');
}
