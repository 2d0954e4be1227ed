// Pure helpers behind the findings list: ids, counts, filters, groups by table, labels.
import { RULE_LABELS, type Finding, type RuleId, type Severity } from '../../core/findings';
import type { RecognizedTable, Recognition } from '../../core/recognize/model';
import { specFor } from '../../core/recognize/specs/tables';
import { format, messageKey, type Locale, type Messages } from '../i18n';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A finding with an id that is stable across scans of the same workbook. */
export interface PaneFinding {
  readonly id: string;
  readonly finding: Finding;
}

export function withIds(findings: readonly Finding[]): PaneFinding[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.rule}|${finding.sheet}|${finding.cell}|${finding.expected ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { id: n ? `${base}#${n}` : base, finding };
  });
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export interface FindingFilter {
  readonly severities: ReadonlySet<Severity>;
  /** One rule, or every rule. */
  readonly rule: RuleId | 'all';
}

export const SHOW_ALL: FindingFilter = { severities: new Set(SEVERITIES), rule: 'all' };

export function matches(f: Finding, filter: FindingFilter): boolean {
  return filter.severities.has(f.severity) && (filter.rule === 'all' || f.rule === filter.rule);
}

export function filterFindings(items: readonly PaneFinding[], filter: FindingFilter): PaneFinding[] {
  return items.filter((i) => matches(i.finding, filter));
}

export interface RuleOption {
  readonly rule: RuleId;
  readonly count: number;
}

/** The rules that occur among the findings, in RULE_LABELS order, with how often. */
export function ruleOptions(findings: readonly Finding[]): RuleOption[] {
  const counts = new Map<RuleId, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return (Object.keys(RULE_LABELS) as RuleId[]).filter((r) => counts.has(r)).map((rule) => ({ rule, count: counts.get(rule)! }));
}

export function ruleLabel(rule: RuleId, locale: Locale): string {
  return RULE_LABELS[rule]?.[messageKey(locale)] ?? rule;
}

export function tableKindLabel(table: RecognizedTable, locale: Locale): string {
  try {
    const spec = specFor(table.kind);
    return locale === 'en' ? spec.en : spec.zh;
  } catch {
    return table.title;
  }
}

/** How a table is named in the pane: its sheet and its kind, e.g. 表3 · 支出总表. */
export function tableLabel(table: RecognizedTable, locale: Locale): string {
  return `${table.sheet} · ${tableKindLabel(table, locale)}`;
}

export interface FindingGroup {
  /** The table or form id, or '' for findings of neither. */
  readonly key: string;
  readonly kind: 'table' | 'form' | 'other';
  readonly table?: RecognizedTable;
  readonly formName?: string;
  readonly sheet?: string;
  readonly items: readonly PaneFinding[];
  readonly counts: SeverityCounts;
}

/**
 * Findings by table. Groups with errors come first, then those with warnings, then the rest; within
 * each, tables in workbook order (as recognition lists them), then forms, then findings of neither.
 * Within a group the findings keep the engine's order (most severe first). Empty groups are left out.
 */
export function groupFindings(items: readonly PaneFinding[], recognition: Recognition): FindingGroup[] {
  const byKey = new Map<string, PaneFinding[]>();
  const tableIds = new Set(recognition.tables.map((t) => t.id));
  const formIds = new Set(recognition.forms.map((f) => f.id));
  for (const item of items) {
    const f = item.finding;
    const key = f.table && tableIds.has(f.table) ? f.table : f.form && formIds.has(f.form) ? f.form : '';
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  const groups: FindingGroup[] = [];
  const make = (key: string, extra: Omit<FindingGroup, 'key' | 'items' | 'counts'>) => {
    const list = byKey.get(key);
    if (list) groups.push({ key, items: list, counts: countBySeverity(list.map((i) => i.finding)), ...extra });
  };
  for (const t of recognition.tables) make(t.id, { kind: 'table', table: t, sheet: t.sheet });
  for (const f of recognition.forms) make(f.id, { kind: 'form', formName: f.name, sheet: f.sheet });
  make('', { kind: 'other' });
  const worst = (g: FindingGroup) => (g.counts.error ? 0 : g.counts.warning ? 1 : 2);
  return groups.map((g, i) => ({ g, i })).sort((a, b) => worst(a.g) - worst(b.g) || a.i - b.i).map(({ g }) => g);
}

export function groupLabel(group: FindingGroup, locale: Locale, t: Messages): string {
  if (group.kind === 'table' && group.table) return tableLabel(group.table, locale);
  if (group.kind === 'form' && group.formName) return format(t.formGroup, { name: group.formName });
  return t.otherGroup;
}

/**
 * A finding's message without the table prefix the engine writes for reports (表3《支出总表》 …,
 * 表3 (Expenditure summary) …): in the pane the group header already says it.
 */
export function shortMessage(f: Finding, table: RecognizedTable | undefined, locale: Locale): string {
  const key = messageKey(locale);
  const text = f.message[key];
  if (!table) return text;
  let spec: { zh: string; en: string };
  try {
    spec = specFor(table.kind);
  } catch {
    return text;
  }
  const prefix = key === 'zh' ? `${table.sheet}《${spec.zh}》` : `${table.sheet} (${spec.en})`;
  if (!text.startsWith(prefix)) return text;
  const rest = text.slice(prefix.length).trimStart();
  return rest || text;
}

export interface SheetSummary {
  readonly sheet: string;
  readonly tables: readonly RecognizedTable[];
  readonly forms: number;
}

/** Tables and forms per sheet, in sheet order; sheets with neither are left out. */
export function sheetSummaries(sheets: readonly string[], recognition: Recognition): SheetSummary[] {
  const order = [...sheets];
  for (const t of recognition.tables) if (!order.includes(t.sheet)) order.push(t.sheet);
  for (const f of recognition.forms) if (!order.includes(f.sheet)) order.push(f.sheet);
  return order
    .map((sheet) => ({
      sheet,
      tables: recognition.tables.filter((t) => t.sheet === sheet),
      forms: recognition.forms.filter((f) => f.sheet === sheet).length,
    }))
    .filter((s) => s.tables.length > 0 || s.forms > 0);
}
