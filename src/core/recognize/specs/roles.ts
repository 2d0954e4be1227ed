// What a column's header says about its role. Each header text of a column (normalised, year
// prefix removed) is tested, first match wins; the column's role comes from its header chain (see
// CHAIN_RULES below).
import type { ColumnRole } from '../model';

export const ROLE_KEYWORDS: readonly { role: ColumnRole; patterns: readonly string[] }[] = [
  {
    role: 'code-name',
    patterns: ['^(功能|经济|收入|支出)?(分类)?(科目)?(编码|代码)(及|和|与|、|/)?(科目)?名称$'],
  },
  { role: 'code', patterns: ['^(功能|经济|收入|支出)?(分类)?(科目)?(编码|代码)$', '^编码$'] },
  { role: 'code-class', patterns: ['^类$'] },
  { role: 'code-section', patterns: ['^款$'] },
  { role: 'code-item', patterns: ['^项$'] },
  { role: 'note', patterns: ['^(备注|说明)$'] },
  { role: 'basic', patterns: ['^基本支出(合计|小计)?$'] },
  { role: 'personnel', patterns: ['^人员(经费|支出)$'] },
  { role: 'public-funds', patterns: ['^(日常)?公用(经费|支出)$'] },
  { role: 'project', patterns: ['^项目支出(合计|小计)?$'] },
  { role: 'operating-costs', patterns: ['机关运行经费'] },
  { role: 'general-budget', patterns: ['^一般公共预算', '^一般预算'] },
  { role: 'fund', patterns: ['^(纳入预算管理的)?政府性基金'] },
  { role: 'special-account', patterns: ['财政专户'] },
  { role: 'state-capital', patterns: ['^国有资本经营'] },
  { role: 'unit-funds', patterns: ['^单位资金', '^事业(单位)?收入$', '^事业单位经营收入$', '^其他收入$', '^上级补助收入$', '^附属单位上缴收入$'] },
  { role: 'total', patterns: ['^(本年)?(收入|支出)?(合计|总计|小计)$'] },
  {
    role: 'name',
    patterns: ['名称$', '^项目$', '^科目$', '^项目\\(?科目\\)?$', '^单位$', '^(收入|支出)?项目$', '^经济分类$', '^功能分类$'],
  },
  {
    role: 'amount',
    patterns: [
      '^金额$',
      '预算数?$',
      '决算数$',
      '^数额$',
      '^本年$',
      '^预算金额$',
      '^(19|20)\\d\\d年?$',
      '收入预算$',
      '支出预算$',
      // last year's and change columns: amounts whose period says which year
      '^(上年|本年|去年|上一年)(预算|决算|执行)?数?$',
      '^(比上年)?(增减|增长|变动)(额|数|率|幅度|%|\\(%\\))?$',
      '^增幅$',
    ],
  },
];

/** Roles of a code printed over neighbouring columns, left to right (类 | 款 | 项). */
export const SPLIT_CODE_ROLES = ['code-class', 'code-section', 'code-item'] as const;

/**
 * How a column's header chain (top to bottom) gives one role.
 * - `generic`: roles that only say "an amount"; a more specific amount role above them wins
 *   (合计 over 上年预算数 / 本年预算数 / 增减 → total).
 * - `subtotal`: roles of a column that sums a group (小计, 合计) — under a group header with a
 *   specific amount role they take that role (基本支出 over 小计 → basic).
 */
export const CHAIN_RULES: { readonly generic: readonly ColumnRole[]; readonly subtotal: readonly ColumnRole[] } = {
  generic: ['amount'],
  subtotal: ['total'],
};

/**
 * Labels of amount columns that have no role of their own but head a group: the 三公 items when
 * they are columns (三公 and 机关运行经费 combined in one table). A 小计 under one of them is the
 * group's subtotal — an amount, not the table's total.
 */
export const GROUP_LABELS = [
  '^因公出国\\(境\\)费(用)?$',
  '^公务接待费$',
  '^公务用车(购置及运行(维护)?费|购置费|运行(维护)?费)$',
  '^(车辆)?购置费$',
  '^(车辆)?运行(维护)?费$',
];

/** Header words that make a row read as a header row (beyond the role keywords). */
export const HEADER_WORDS = ['^收入$', '^支出$', '^项目$', '年预算数', '^\\d{4}年', '上年', '增减', '^本年', ...GROUP_LABELS];

export const PERIOD_PATTERNS: readonly { period: 'prior' | 'change' | 'change-rate'; patterns: readonly string[] }[] = [
  { period: 'change-rate', patterns: ['(增减|增长|变动)(率|幅度|%)', '增幅', '比上年增长'] },
  { period: 'change', patterns: ['增减', '变动(额|数)?$', '比上年', '增加额'] },
  { period: 'prior', patterns: ['上年', '上一年', '去年'] },
];

/** Text that is a table's title, never a header cell: long and ending in 表. */
export const TITLE_CELL = '.{6,}表$';
