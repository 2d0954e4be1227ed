// What a budget ledger's headers and values say, as data: header texts per field, the words for
// 资金性质 / 支出类型 / 单位类型. Tested against text normalised by recognize/text.norm (no spaces,
// half-width brackets).
import type { Fund, LedgerField, SpendType } from './model';

export const HEADER_PATTERNS: Readonly<Record<LedgerField, readonly RegExp[]>> = {
  unit: [/^(预算)?单位(名称|全称)?$/, /^部门(名称)?$/],
  unitType: [/^单位(类型|性质|类别)$/],
  func: [/^(支出)?功能(分类)?(科目)?(编码|代码)?$/],
  econ: [/^(部门(预算)?(支出)?)?经济(分类)?(科目)?(编码|代码)?$/],
  type: [/^支出(类型|类别|性质)$/],
  fund: [/^资金(性质|来源|类型|类别)$/, /^经费来源$/],
  project: [/^项目(名称)?$/],
  amount: [/^(本年|年度)?(预算)?(金额|数|数额)(\((元|万元)\))?$/, /^(本年|年度)?预算(\((元|万元)\))?$/],
};

/** Fields a ledger must have; 经济科目编码 is needed as soon as a line is 一般公共预算. */
export const REQUIRED_FIELDS: readonly LedgerField[] = ['func', 'type', 'fund', 'amount'];

export const FIELD_LABELS: Readonly<Record<LedgerField, { zh: string; en: string }>> = {
  unit: { zh: '单位', en: 'unit' },
  unitType: { zh: '单位类型', en: 'unit type' },
  func: { zh: '功能科目编码', en: 'function code' },
  econ: { zh: '经济科目编码', en: 'economic code' },
  type: { zh: '支出类型', en: 'expenditure type' },
  fund: { zh: '资金性质', en: 'source of funds' },
  project: { zh: '项目名称', en: 'project name' },
  amount: { zh: '金额', en: 'amount' },
};

export const FUND_WORDS: readonly { fund: Fund; patterns: readonly RegExp[] }[] = [
  { fund: 'general', patterns: [/^一般公共预算/, /^一般预算/, /^公共财政预算/, /^财政拨款\(一般公共预算\)$/] },
  { fund: 'fund', patterns: [/^(纳入预算管理的)?政府性基金/, /^基金预算/] },
  { fund: 'special', patterns: [/财政专户/] },
  {
    fund: 'unit',
    patterns: [/^单位资金$/, /^单位自有资金$/, /^事业收入/, /^事业单位经营收入$/, /^经营收入$/, /^上级补助收入$/, /^附属单位上缴收入$/, /^其他收入$/],
  },
];

/** Sources of funds the ten Shanxi tables have no column for: named in the message, not guessed. */
export const UNSUPPORTED_FUNDS: readonly RegExp[] = [/^国有资本经营/, /^上年结转/, /^用事业基金弥补/];

export const TYPE_WORDS: readonly { type: SpendType; patterns: readonly RegExp[] }[] = [
  { type: 'basic', patterns: [/^基本(支出)?$/, /^人员(经费|支出)$/, /^(日常)?公用(经费|支出)$/] },
  { type: 'project', patterns: [/^项目(支出)?$/] },
];

/** 单位类型 whose basic 302/310 spending counts as 机关运行经费 (tested first). */
export const ADMIN_UNIT_TYPES: readonly RegExp[] = [/^行政(单位|机关)?/, /参照公务员/, /^参公/, /^机关/];
export const OTHER_UNIT_TYPES: readonly RegExp[] = [/事业单位/, /^企业/, /^其他/, /^社会团体/];

/** Economic 类 whose basic, 一般公共预算 spending of administrative units is 机关运行经费. */
export const OPERATING_COST_CLASSES: readonly string[] = ['302', '310'];

/** The “三公” items and the economic 款 each counts (部门预算支出经济分类). */
export const THREE_PUBLIC_ITEMS: readonly { key: string; name: string; codes: readonly string[]; level: 1 | 2 }[] = [
  { key: 'abroad', name: '因公出国（境）费', codes: ['30212'], level: 1 },
  { key: 'reception', name: '公务接待费', codes: ['30217'], level: 1 },
  { key: 'cars', name: '公务用车购置及运行费', codes: ['31013', '30231'], level: 1 },
  { key: 'car-purchase', name: '①公务用车购置费', codes: ['31013'], level: 2 },
  { key: 'car-running', name: '②公务用车运行维护费', codes: ['30231'], level: 2 },
];
