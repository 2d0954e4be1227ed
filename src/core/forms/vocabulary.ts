// The words of a performance-target form (项目支出绩效目标表), as data: field and block labels, the
// indicator levels, units, qualitative words, template placeholders, and the name patterns the
// checks read (cost totals, time limits, failure rates). Parsing and rules only consult these tables.
import type { FundLine, Level1, Level2, Operator, ProjectKind, TextBlockKey, UnitKind } from './model';

/** Header fields: label → key. Matched at the start of a cell, spaces allowed between characters. */
export const HEADER_FIELDS: readonly { key: 'department' | 'implementer' | 'kind' | 'years'; labels: readonly string[] }[] = [
  { key: 'department', labels: ['主管部门及代码', '主管部门', '主管单位及代码', '主管单位'] },
  { key: 'implementer', labels: ['实施单位', '项目实施单位'] },
  { key: 'kind', labels: ['项目属性', '项目类型'] },
  { key: 'years', labels: ['项目期', '项目周期', '实施周期'] },
];

export const NAME_LABELS: readonly string[] = ['项目名称'];

/** 项目资金（元） / 项目资金（万元）: starts the funds block and gives its unit. */
export const FUNDS_LABEL = /^项目资金(\([^)]*\))?$/;

export const PROJECT_KINDS: readonly { kind: ProjectKind; pattern: RegExp }[] = [
  { kind: 'recurring', pattern: /经常性/ },
  { kind: 'continuing', pattern: /延续性/ },
  { kind: 'one-off', pattern: /一次性/ },
];

/**
 * Funds lines, tested in order on a normalized cell. `side` is set when the label itself names the
 * column (实施期资金总额 / 年度资金总额).
 */
export const FUND_LINES: readonly { line: FundLine; pattern: RegExp; side?: 'period' | 'annual' }[] = [
  { line: 'total', pattern: /实施期资金总额|实施期资金合计/, side: 'period' },
  { line: 'total', pattern: /年度资金总额|年度资金合计/, side: 'annual' },
  { line: 'total', pattern: /资金总额/ },
  { line: 'central', pattern: /中央/ },
  { line: 'provincial', pattern: /省级|省财政/ },
  { line: 'local', pattern: /市县|市级|县级|区级|市财政|县财政/ },
  { line: 'self', pattern: /自筹/ },
  { line: 'other', pattern: /^其他/ },
];

/** 财政拨款: the fiscal lines (中央 + 省级 + 市县) written as one, in the newer template. */
export const FISCAL_LINE = /^财政拨款(资金)?(合计|小计)?$/;

export const FUND_LINE_LABELS: Record<FundLine, { zh: string; en: string }> = {
  total: { zh: '资金总额', en: 'total funds' },
  central: { zh: '中央财政资金', en: 'central funds' },
  provincial: { zh: '省级财政资金', en: 'provincial funds' },
  local: { zh: '市县（区）财政资金', en: 'city/county funds' },
  self: { zh: '单位自筹', en: "unit's own funds" },
  other: { zh: '其他资金', en: 'other funds' },
};

/** Text blocks: normalized label → key. */
export const TEXT_BLOCKS: readonly { key: TextBlockKey; labels: readonly string[] }[] = [
  { key: 'overview', labels: ['项目概况', '项目基本情况'] },
  { key: 'basis', labels: ['立项依据', '项目立项依据'] },
  { key: 'necessity', labels: ['项目设立必要性', '设立必要性', '项目必要性'] },
  { key: 'measures', labels: ['保证项目实施的制度、措施', '保证项目实施的制度,措施', '项目实施的制度、措施', '保障措施'] },
  { key: 'plan', labels: ['项目实施计划', '实施计划'] },
  { key: 'goal', labels: ['总体目标', '年度总体目标', '年度绩效目标'] },
];

/** Labels that only head a group of rows and carry no value of their own. */
export const CONTAINER_LABELS: readonly string[] = ['年度目标', '长期目标', '绩效目标'];

export const LEVEL1_LABELS: readonly { key: Level1; label: string; aliases: readonly string[] }[] = [
  { key: 'output', label: '产出指标', aliases: ['产出指标'] },
  { key: 'benefit', label: '效益指标', aliases: ['效益指标'] },
  { key: 'satisfaction', label: '满意度指标', aliases: ['满意度指标'] },
  { key: 'cost', label: '成本指标', aliases: ['成本指标'] },
];

/** 二级 labels and the 一级 each belongs to. 成本指标 sits under 产出 in the older template. */
export const LEVEL2_LABELS: readonly { key: Level2; label: string; parent: Level1; aliases: readonly string[] }[] = [
  { key: 'quantity', label: '数量指标', parent: 'output', aliases: ['数量指标'] },
  { key: 'quality', label: '质量指标', parent: 'output', aliases: ['质量指标'] },
  { key: 'timeliness', label: '时效指标', parent: 'output', aliases: ['时效指标'] },
  { key: 'cost', label: '成本指标', parent: 'output', aliases: ['成本指标'] },
  { key: 'economic', label: '经济效益指标', parent: 'benefit', aliases: ['经济效益指标'] },
  { key: 'social', label: '社会效益指标', parent: 'benefit', aliases: ['社会效益指标'] },
  { key: 'ecological', label: '生态效益指标', parent: 'benefit', aliases: ['生态效益指标'] },
  { key: 'sustainable', label: '可持续影响指标', parent: 'benefit', aliases: ['可持续影响指标'] },
  {
    key: 'service-satisfaction',
    label: '服务对象满意度指标',
    parent: 'satisfaction',
    // not the bare 服务对象满意度: that is a common 三级 name
    aliases: ['服务对象满意度指标', '服务对象满意度指标(%)'],
  },
  { key: 'economic-cost', label: '经济成本指标', parent: 'cost', aliases: ['经济成本指标'] },
  { key: 'social-cost', label: '社会成本指标', parent: 'cost', aliases: ['社会成本指标'] },
  { key: 'ecological-cost', label: '生态环境成本指标', parent: 'cost', aliases: ['生态环境成本指标', '环境成本指标'] },
];

/** Words in the indicator block's header row, by the column they head. */
export const INDICATOR_HEADER: readonly { role: IndicatorColumnRole; labels: readonly string[] }[] = [
  { role: 'block', labels: ['绩效指标', '年度绩效指标'] },
  { role: 'level1', labels: ['一级指标'] },
  { role: 'level2', labels: ['二级指标'] },
  { role: 'level3', labels: ['三级指标', '指标名称', '指标内容'] },
  { role: 'value', labels: ['指标值', '年度指标值', '目标值', '指标值(包含数字及文字描述)'] },
  { role: 'score', labels: ['分值', '权重', '权重(%)', '分值(分)'] },
  { role: 'explanation', labels: ['指标解释', '指标说明', '评分标准', '指标值设定依据', '指标解释及评分标准'] },
  { role: 'unit', labels: ['计量单位', '度量单位', '单位'] },
  { role: 'note', labels: ['备注', '说明'] },
];

export type IndicatorColumnRole = 'block' | 'level1' | 'level2' | 'level3' | 'value' | 'score' | 'explanation' | 'unit' | 'note';

/** Cell fragments a page break leaves behind (`产出指` / `标`): ignored as content. */
export const LABEL_TAILS: readonly string[] = ['标', '指标'];

/** Rows that end the indicator block. */
export const BLOCK_END = /^(注|说明|备注|填报说明|填表说明|填表人|审核人|联系电话)[:：]/;

// ---- indicator values ------------------------------------------------------------------------

/** Written operator → canonical one. Longest first. */
export const OPERATORS: readonly [string, Operator][] = [
  ['大于等于', '≥'],
  ['大于或等于', '≥'],
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['小于等于', '≤'],
  ['小于或等于', '≤'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不多于', '≤'],
  ['不大于', '≤'],
  ['控制在', '≤'],
  ['>=', '≥'],
  ['<=', '≤'],
  ['≥', '≥'],
  ['≧', '≥'],
  ['⩾', '≥'],
  ['≤', '≤'],
  ['≦', '≤'],
  ['⩽', '≤'],
  ['大于', '＞'],
  ['高于', '＞'],
  ['超过', '＞'],
  ['小于', '＜'],
  ['低于', '＜'],
  ['少于', '＜'],
  ['＞', '＞'],
  ['>', '＞'],
  ['＜', '＜'],
  ['<', '＜'],
  ['等于', '='],
  ['＝', '='],
  ['=', '='],
  ['≈', '≈'],
  ['约', '≈'],
];

/** Written after the number: 95%以上. */
export const SUFFIX_OPERATORS: readonly [string, Operator][] = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
];

/** Money units and their factor to 元. Bare 万 (`≤300000万/年`) is read as 万元. */
export const MONEY_UNITS: readonly [string, number][] = [
  ['百万元', 1_000_000],
  ['千万元', 10_000_000],
  ['万元', 10_000],
  ['千元', 1_000],
  ['亿元', 100_000_000],
  ['元', 1],
  ['万', 10_000],
  ['亿', 100_000_000],
];

export const PERCENT_UNITS: readonly string[] = ['%', '％', '百分比', '百分点'];

export const TIME_UNITS: readonly string[] = [
  '个工作日',
  '工作日',
  '个小时',
  '小时',
  '分钟',
  '秒钟',
  '个月',
  '天',
  '日',
  '秒',
  '分',
  '时',
  '周',
  '月',
  '年',
  'h',
  'min',
];

export const COUNT_UNITS: readonly string[] = [
  '人次',
  '户次',
  '次',
  '个',
  '套',
  '台',
  '人',
  '名',
  '件',
  '枚',
  '卷',
  '户',
  '项',
  '份',
  '家',
  '辆',
  '部',
  '张',
  '本',
  '册',
  '条',
  '篇',
  '场',
  '期',
  '批',
  '座',
  '处',
  '块',
  '餐',
  '所',
  '间',
  '组',
  '宗',
  '单',
  '岗',
  '板块',
  '类',
  '轮',
  '班',
  '支',
  '只',
];

export const MEASURE_UNITS: readonly string[] = [
  '平方米',
  '平米',
  '㎡',
  '立方米',
  'm³',
  '千瓦时',
  '度',
  '吨',
  '公斤',
  '千克',
  '公里',
  '千米',
  '米',
  '亩',
  '公顷',
  'GB',
  'TB',
  'M',
];

/** Unit kind by the unit's head (the part before `/`). */
export function unitKindOf(head: string): UnitKind {
  if (head === '') return 'none';
  if (PERCENT_UNITS.includes(head)) return 'percent';
  if (MONEY_UNITS.some(([u]) => u === head)) return 'money';
  if (TIME_UNITS.includes(head)) return 'time';
  if (COUNT_UNITS.includes(head)) return 'count';
  if (MEASURE_UNITS.includes(head)) return 'measure';
  return 'other';
}

/** Words that make a qualitative indicator value. */
export const QUALITATIVE_WORDS: readonly string[] = [
  '及时',
  '按时',
  '准时',
  '提升',
  '有所提升',
  '明显提升',
  '逐步提升',
  '提高',
  '有所提高',
  '明显提高',
  '逐步提高',
  '便捷',
  '明显',
  '显著',
  '保障',
  '有效保障',
  '满足',
  '基本满足',
  '正常',
  '正常运行',
  '促进',
  '健全',
  '合规',
  '规范',
  '高',
  '较高',
  '良好',
  '优良',
  '优秀',
  '稳定',
  '有效',
  '改善',
  '有所改善',
  '完善',
  '达标',
  '合格',
  '准确',
  '安全',
  '持续',
  '持续使用',
  '长期',
  '长期使用',
  '符合',
  '符合要求',
  '通过',
  '增强',
  '优化',
  '完成',
  '满意',
  '基本满意',
  '是',
  '否',
  '无',
];

/**
 * A template placeholder: a mark that stands where a figure or a sentence is still to be written.
 * `prose` says whether it is also looked for in the prose cells (header fields, text blocks), where
 * a mark may be ordinary punctuation.
 */
export interface PlaceholderPattern {
  /** What it catches, for people reading this table. */
  readonly name: string;
  readonly pattern: RegExp;
  readonly prose: boolean;
}

// Not inside a Latin word (Exxon, xxHash): a Latin letter on either side means a word, not a mark.
const X2 = '(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])';
const TODO_WORD = '(?:待|请)\\s*(?:填写?|定|补充?|完善|确定)';

/** Tested in order; each match is cut out before the next pattern runs. */
export const PLACEHOLDER_PATTERNS: readonly PlaceholderPattern[] = [
  { name: '【待填】 【待定】 【请填写】', pattern: new RegExp(`[【\\[［〔]\\s*${TODO_WORD}\\s*[】\\]］〕]`, 'g'), prose: true },
  { name: '（待填） (待定)', pattern: new RegExp(`[（(]\\s*${TODO_WORD}\\s*[）)]`, 'g'), prose: true },
  // 待补充 as a note to self, not 有待补充完善 (a sentence: "remains to be improved")
  { name: '待补充', pattern: /(?<!有)待补充/g, prose: true },
  { name: '待定 / 待填 as the whole value', pattern: /^\s*(?:待定|待填|待补)\s*$/g, prose: true },
  { name: 'XX年XX月XX日', pattern: new RegExp(`${X2}\\s*年\\s*[XxＸｘ]{2,}\\s*月\\s*[XxＸｘ]{2,}\\s*日`, 'g'), prose: true },
  { name: 'XX月XX日', pattern: new RegExp(`${X2}\\s*月\\s*[XxＸｘ]{2,}\\s*日`, 'g'), prose: true },
  { name: 'XX, xx, XX%, XX年', pattern: new RegExp(`${X2}\\s*[年月日%％]?`, 'g'), prose: true },
  { name: '××', pattern: /[×╳✕]{2,}/g, prose: true },
  { name: '***', pattern: /\*{3,}|＊{3,}/g, prose: true },
  // 等…… closes a list in ordinary prose
  { name: '…… ...', pattern: /(?<![等…⋯.。·])(?:[…⋯]+|\.{3,}|。{3,}|·{3,})/g, prose: true },
  { name: '______', pattern: /_{3,}|＿{2,}/g, prose: true },
];

/** Template placeholders left in a value (`XX月XX日`, `XX`, `……`, `【待填】`). */
export const PLACEHOLDERS: readonly RegExp[] = PLACEHOLDER_PATTERNS.map((p) => p.pattern);

/** Placeholders worth reporting inside prose (header fields, text blocks). */
export const PROSE_PLACEHOLDERS: readonly RegExp[] = PLACEHOLDER_PATTERNS.filter((p) => p.prose).map((p) => p.pattern);

// ---- names the checks read -------------------------------------------------------------------

/** The one cost figure meant to bound the whole project (compared with 年度资金总额). */
export const OVERALL_COST_NAME = /^(项目)?(实施)?(总)?成本(总额|合计)?$|^项目(实施|总|建设)?(总)?成本(总额|合计)?$|^项目总(投入|费用|经费)$/;

/** A cost named per head or per unit, whatever its unit says (保安人员每人每年人员经费 ≤30000元/年). */
export const PER_HEAD_NAME = /每人|人均|每名|每位|每个人/;
export const PER_UNIT_NAME = /单位.*成本|单价|平均.*(成本|费用)|每(次|件|台|套|个|吨|度|户|卷|枚)/;

/** Time limits: written with ≤. */
export const TIME_LIMIT_NAME = /响应时间|响应时长|修复时间|修复处理时间|处理时间|处置时间|办结时限|办理时限|办结时间|办理时间|时限|等待时间|到场时间|到达时间|解决时间/;

/** Rates of failure or loss: written with ≤. */
export const FAILURE_RATE_NAME = /故障率|丢失率|失败率|差错率|错误率|出错率|损失率|流失率|作废率|投诉率|事故率|误差率|返工率|退件率|退回率|逾期率|超时率|中断率|事故发生率|不合格率|缺陷率/;

/** Rates of rise, which may honestly exceed 100% (a fall or a saving cannot: 100% is its ceiling). */
export const GROWTH_RATE_NAME = /增长率|增长幅度|增幅|提升率|提高率|上升率|增加率/;

/** A name or value that speaks of satisfaction. */
export const SATISFACTION_NAME = /满意/;
