// What a column's header says about its role. Tested against the lowest header text of the
// column (normalised, year prefix removed), first match wins.
import type { ColumnRole } from '../model';

export const ROLE_KEYWORDS: readonly { role: ColumnRole; patterns: readonly string[] }[] = [
  { role: 'code', patterns: ['^(功能|经济|收入|支出)?(分类)?(科目)?(编码|代码)$', '^编码$'] },
  { role: 'code-class', patterns: ['^类$'] },
  { role: 'code-section', patterns: ['^款$'] },
  { role: 'code-item', patterns: ['^项$'] },
  { role: 'note', patterns: ['^(备注|说明)$'] },
  { role: 'basic', patterns: ['^基本支出(合计|小计)?$'] },
  { role: 'personnel', patterns: ['^人员(经费|支出)$'] },
  { role: 'public-funds', patterns: ['^公用(经费|支出)$'] },
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
  { role: 'amount', patterns: ['^金额$', '预算数?$', '决算数$', '^数额$', '^本年$', '^预算金额$', '^(19|20)\\d\\d年?$', '收入预算$', '支出预算$'] },
];

/** Header words that make a row read as a header row (beyond the role keywords). */
export const HEADER_WORDS = ['^收入$', '^支出$', '^项目$', '年预算数', '^\\d{4}年', '上年', '增减', '^本年'];

export const PERIOD_PATTERNS: readonly { period: 'prior' | 'change' | 'change-rate'; patterns: readonly string[] }[] = [
  { period: 'change-rate', patterns: ['(增减|增长|变动)(率|幅度|%)', '增幅', '比上年增长'] },
  { period: 'change', patterns: ['增减', '变动(额|数)?$', '比上年', '增加额'] },
  { period: 'prior', patterns: ['上年', '上一年', '去年'] },
];
