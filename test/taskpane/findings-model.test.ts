// The findings list's pure parts: ids, counts, filters, grouping by table, labels, per-sheet summary.
import { RULE_LABELS } from '../../src/core/findings';
import {
  countBySeverity,
  filterFindings,
  groupFindings,
  groupLabel,
  ruleOptions,
  sheetSummaries,
  shortMessage,
  SHOW_ALL,
  tableLabel,
  withIds,
} from '../../src/taskpane/findings/model';
import { messages } from '../../src/taskpane/i18n';
import { FINDINGS, finding, MISALIGNED, RECOGNITION, RESULT } from './fixtures';

describe('withIds', () => {
  test('ids are stable and unique, even for equal keys', () => {
    const twice = [FINDINGS[0], FINDINGS[0]];
    const ids = withIds(twice).map((i) => i.id);
    expect(ids[0]).toBe('column-total|表3|D6|4410.09');
    expect(ids[1]).toBe('column-total|表3|D6|4410.09#1');
    expect(withIds(FINDINGS).map((i) => i.id)).toEqual(withIds([...FINDINGS]).map((i) => i.id));
  });
});

test('countBySeverity', () => {
  expect(countBySeverity(FINDINGS)).toEqual({ error: 4, warning: 2, info: 2 });
  expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
});

describe('filterFindings', () => {
  const items = withIds(FINDINGS);
  test('everything by default', () => {
    expect(filterFindings(items, SHOW_ALL)).toHaveLength(FINDINGS.length);
  });
  test('by severity', () => {
    const shown = filterFindings(items, { severities: new Set(['warning']), rule: 'all' });
    expect(shown.map((i) => i.finding.cell)).toEqual(['C6', 'B5']);
    expect(filterFindings(items, { severities: new Set(), rule: 'all' })).toEqual([]);
  });
  test('by rule, combined with severity', () => {
    expect(filterFindings(items, { severities: new Set(['error', 'warning', 'info']), rule: 'rounding' })).toHaveLength(2);
    expect(filterFindings(items, { severities: new Set(['error']), rule: 'rounding' })).toHaveLength(0);
    expect(filterFindings(items, { severities: new Set(['error']), rule: 'misaligned' }).map((i) => i.finding)).toEqual([MISALIGNED]);
  });
});

test('ruleOptions lists the rules present, in RULE_LABELS order, with counts', () => {
  const opts = ruleOptions(FINDINGS);
  const order = Object.keys(RULE_LABELS);
  expect(opts.map((o) => o.rule)).toEqual([...opts.map((o) => o.rule)].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  expect(opts).toContainEqual({ rule: 'rounding', count: 2 });
  expect(opts).toContainEqual({ rule: 'misaligned', count: 1 });
  expect(opts.find((o) => o.rule === 'balance')).toBeUndefined();
});

describe('groupFindings', () => {
  test('one group per table; errors first, then warnings; tables, forms, the rest in order', () => {
    const groups = groupFindings(withIds(FINDINGS), RECOGNITION);
    expect(groups.map((g) => [g.kind, g.key])).toEqual([
      ['table', 't3'],
      ['table', 't5'],
      ['other', ''],
      ['table', 't6'],
      ['form', 'f1'],
    ]);
    const t3 = groups[0];
    expect(t3.items.map((i) => i.finding.cell)).toEqual(['D6', 'D7', 'C6']); // the engine's order kept
    expect(t3.counts).toEqual({ error: 2, warning: 0, info: 1 });
    expect(groups[1].items.map((i) => i.finding.rule)).toEqual(['misaligned', 'rounding']);
  });

  test('groups left empty by the filter disappear; the order follows what is shown', () => {
    const shown = filterFindings(withIds(FINDINGS), { severities: new Set(['warning']), rule: 'all' });
    expect(groupFindings(shown, RECOGNITION).map((g) => g.key)).toEqual(['t6', 'f1']);
    const infos = filterFindings(withIds(FINDINGS), { severities: new Set(['info']), rule: 'all' });
    expect(groupFindings(infos, RECOGNITION).map((g) => g.key)).toEqual(['t3', 't5']);
  });

  test('a finding naming an unknown table goes to the rest', () => {
    const stray = finding({ rule: 'subtotal', severity: 'error', sheet: 'X', cell: 'B2', table: 't99' });
    expect(groupFindings(withIds([stray]), RECOGNITION).map((g) => g.kind)).toEqual(['other']);
  });

  test('labels: sheet and table kind in the pane language; forms and the rest', () => {
    const groups = groupFindings(withIds(FINDINGS), RECOGNITION);
    expect(groupLabel(groups[0], 'zh-CN', messages['zh-CN'])).toBe('表3 · 支出总表');
    expect(groupLabel(groups[0], 'en', messages.en)).toBe('表3 · Expenditure summary');
    expect(groupLabel(groups[4], 'zh-CN', messages['zh-CN'])).toBe('绩效目标表：平台技术服务费');
    expect(groupLabel(groups[2], 'en', messages.en)).toBe('Other');
    expect(tableLabel(RECOGNITION.tables[1], 'zh-CN')).toBe('表5 · 一般公共预算支出表');
  });
});

describe('shortMessage', () => {
  const t3 = RECOGNITION.tables[0];
  test('drops the table prefix the group header already shows', () => {
    expect(shortMessage(FINDINGS[0], t3, 'zh-CN')).toBe('合计 · 基本支出：1410.07 ≠ 各项之和 4410.09');
    expect(shortMessage(FINDINGS[0], t3, 'en')).toBe('合计 · 基本支出: 1410.07 ≠ sum 4410.09');
  });
  test('keeps messages with another prefix, or without a table', () => {
    expect(shortMessage(FINDINGS[0], RECOGNITION.tables[1], 'zh-CN')).toBe(FINDINGS[0].message.zh);
    expect(shortMessage(FINDINGS[0], undefined, 'zh-CN')).toBe(FINDINGS[0].message.zh);
  });
});

test('sheetSummaries: tables and forms per sheet, in sheet order, empty sheets left out', () => {
  expect(sheetSummaries(RESULT.sheets, RECOGNITION).map((s) => [s.sheet, s.tables.map((t) => t.id), s.forms])).toEqual([
    ['表3', ['t3'], 0],
    ['表5', ['t5'], 0],
    ['表6', ['t6'], 0],
    ['绩效目标表', [], 1],
  ]);
});
