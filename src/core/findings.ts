// A finding: one thing wrong (or worth a look) at one place, with its message in zh-CN and en.
export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'subtotal'
  | 'row-total'
  | 'column-total'
  | 'balance'
  | 'cross-table'
  | 'code-name'
  | 'misaligned'
  | 'renumbered'
  | 'unknown-code'
  | 'truncated'
  | 'number-as-text'
  | 'invalid-value'
  | 'rounding'
  | 'form-funds'
  | 'form-cost'
  | 'form-indicator'
  | 'form-placeholder'
  | 'form-missing'
  | 'form-total';

export interface Message {
  readonly zh: string;
  readonly en: string;
}

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly sheet: string;
  /** The one cell to look at first, A1. */
  readonly cell: string;
  /** The whole extent, A1 or A1:B2. */
  readonly range: string;
  readonly table?: string;
  readonly form?: string;
  readonly message: Message;
  readonly expected?: string;
  readonly actual?: string;
  /** Other cells involved, as `Sheet!A1`. */
  readonly related: readonly string[];
  /** Row label (code + name) and column label, for grouping and fingerprints. */
  readonly rowLabel?: string;
  readonly columnLabel?: string;
  /** For misaligned blocks: the offset and corrected codes. */
  readonly details?: Readonly<Record<string, unknown>>;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

function cellOrder(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)/.exec(a1);
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/** Most severe first; then in workbook order (sheet order given), row, column. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const sheetIndex = new Map(sheetOrder.map((s, i) => [s, i]));
  // Each finding's keys are worked out once, not on every comparison (100k findings are ~2M of them).
  const keyed = findings.map((f) => {
    const [row, col] = cellOrder(f.cell);
    return { f, rank: SEVERITY_RANK[f.severity], sheet: sheetIndex.get(f.sheet) ?? 0, row, col };
  });
  keyed.sort((a, b) => a.rank - b.rank || a.sheet - b.sheet || a.row - b.row || a.col - b.col || a.f.rule.localeCompare(b.f.rule));
  return keyed.map((k) => k.f);
}

export const RULE_LABELS: Record<RuleId, Message> = {
  subtotal: { zh: '层级小计', en: 'hierarchy subtotal' },
  'row-total': { zh: '行合计', en: 'row total' },
  'column-total': { zh: '合计行', en: 'total row' },
  balance: { zh: '收支平衡', en: 'balance' },
  'cross-table': { zh: '表间关系', en: 'cross-table' },
  'code-name': { zh: '编码与名称', en: 'code and name' },
  misaligned: { zh: '编码错位', en: 'misaligned codes' },
  renumbered: { zh: '编码顺延', en: 'renumbered codes' },
  'unknown-code': { zh: '未知编码', en: 'unknown code' },
  truncated: { zh: '截断', en: 'truncated' },
  'number-as-text': { zh: '文本型数字', en: 'number stored as text' },
  'invalid-value': { zh: '无效数值', en: 'invalid value' },
  rounding: { zh: '舍入差', en: 'rounding' },
  'form-funds': { zh: '绩效表资金', en: 'form funds' },
  'form-cost': { zh: '成本指标', en: 'cost indicator' },
  'form-indicator': { zh: '绩效指标', en: 'indicator' },
  'form-placeholder': { zh: '占位符', en: 'placeholder' },
  'form-missing': { zh: '缺项', en: 'missing item' },
  'form-total': { zh: '绩效表合计', en: 'forms total' },
};
