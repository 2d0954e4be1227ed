// One spec per table kind: how its title reads, how its rows are organised, what its columns say.
// Tried in order; the first whose title pattern matches (and no exclusion does) wins.
import type { ColumnRole, TableKind } from '../model';

export type RowScheme =
  | 'function' // 类/款/项 function codes
  | 'economic' // economic classification 类/款, codes optional
  | 'two-sided' // income items left, expense items right
  | 'three-public'
  | 'units';

export interface TableSpec {
  readonly kind: TableKind;
  readonly zh: string;
  readonly en: string;
  /** Regex sources tested against the normalised title (no spaces, half-width). */
  readonly titles: readonly string[];
  readonly excludes?: readonly string[];
  readonly rows: RowScheme;
  /**
   * Columns that tell this kind apart when the title is missing: alternatives, each a set of roles
   * that must all be present. Empty: the kind is only known from its title.
   */
  readonly columnSignature: readonly (readonly ColumnRole[])[];
  /** …and none of these may be. */
  readonly columnExcludes?: readonly ColumnRole[];
  /** The role of a table's only amount column, when it has one (预算数, 金额 …). */
  readonly singleAmountRole?: ColumnRole;
}

export const TABLE_SPECS: readonly TableSpec[] = [
  {
    kind: 'three-public',
    zh: '“三公”经费预算表',
    en: '"Three public" expenses',
    titles: ['三公'],
    rows: 'three-public',
    columnSignature: [],
  },
  {
    kind: 'operating-costs',
    zh: '机关运行经费预算表',
    en: 'Administrative operating costs',
    titles: ['机关运行经费'],
    rows: 'units',
    columnSignature: [],
  },
  {
    kind: 'fund-income',
    zh: '政府性基金预算收入表',
    en: 'Government fund budget income',
    titles: ['政府性基金.*收入'],
    excludes: ['收支'],
    rows: 'function',
    columnSignature: [],
    singleAmountRole: 'amount',
  },
  {
    kind: 'fund-expenditure',
    zh: '政府性基金预算支出表',
    en: 'Government fund budget expenditure',
    titles: ['政府性基金.*支出'],
    excludes: ['收支'],
    rows: 'function',
    columnSignature: [],
  },
  {
    kind: 'state-capital-expenditure',
    zh: '国有资本经营预算支出表',
    en: 'State capital operating budget expenditure',
    titles: ['国有资本经营.*支出'],
    rows: 'function',
    columnSignature: [],
  },
  {
    kind: 'fiscal-summary',
    zh: '财政拨款收支总表',
    en: 'Fiscal appropriations summary',
    titles: ['财政拨款收支(预算)?总表', '财政拨款收支预算表'],
    rows: 'two-sided',
    // the expense side split by source of funds
    columnSignature: [['income-item', 'expense-item', 'general-budget']],
  },
  {
    kind: 'basic-economic',
    zh: '基本支出分经济科目表',
    en: 'Basic expenditure by economic classification',
    titles: ['基本支出.*经济(分类|科目)', '经济(分类|科目).*基本支出', '基本支出(预算)?表$'],
    rows: 'economic',
    columnSignature: [['personnel', 'public-funds']],
    columnExcludes: ['project'],
    singleAmountRole: 'amount',
  },
  {
    kind: 'general-expenditure',
    zh: '一般公共预算支出表',
    en: 'General public budget expenditure',
    titles: ['一般(公共)?预算.*支出', '一般公共预算拨款'],
    excludes: ['经济(分类|科目)', '收支总表'],
    rows: 'function',
    columnSignature: [],
  },
  {
    kind: 'summary',
    zh: '收支总表',
    en: 'Income and expenditure summary',
    titles: ['收支(预算)?总表', '财务收支'],
    rows: 'two-sided',
    columnSignature: [['income-item', 'expense-item']],
  },
  {
    kind: 'income',
    zh: '收入总表',
    en: 'Income summary',
    titles: ['收入(预算)?总表', '收入预算表$'],
    rows: 'function',
    columnSignature: [['total', 'general-budget', 'unit-funds']],
  },
  {
    kind: 'expenditure',
    zh: '支出总表',
    en: 'Expenditure summary',
    titles: ['支出(预算)?总表', '支出预算表$'],
    rows: 'function',
    columnSignature: [
      ['basic', 'project'],
      ['personnel', 'public-funds', 'project'],
    ],
  },
];

export function specFor(kind: TableKind): TableSpec {
  const s = TABLE_SPECS.find((x) => x.kind === kind);
  if (!s) throw new Error(`no spec for ${kind}`);
  return s;
}

/** A title marking the rest of a table after a page break: …（续）, …续表. */
export const CONTINUED_TITLE = '[(（]?续(表)?[)）]?$';

/** The kind a table's columns tell, when its title does not. */
export function kindFromColumnRoles(roles: ReadonlySet<ColumnRole>): TableSpec | undefined {
  return TABLE_SPECS.find(
    (s) =>
      s.columnSignature.some((group) => group.every((r) => roles.has(r))) &&
      !(s.columnExcludes ?? []).some((r) => roles.has(r)),
  );
}

const TITLE_RES = TABLE_SPECS.map((s) => ({
  spec: s,
  titles: s.titles.map((t) => new RegExp(t)),
  excludes: (s.excludes ?? []).map((e) => new RegExp(e)),
}));

export function kindFromTitle(normalisedTitle: string): TableSpec | undefined {
  return TITLE_RES.find((x) => x.titles.some((re) => re.test(normalisedTitle)) && !x.excludes.some((re) => re.test(normalisedTitle)))?.spec;
}
