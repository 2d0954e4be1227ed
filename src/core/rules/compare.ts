// Turning a comparison of two figures into a finding (or none): rounding → info, cut digits →
// truncated, anything else → an error naming table, row, column, expected, found and difference.
import type { Finding, Message, RuleId } from '../findings';
import type { TableContext } from './context';
import { asCut, compareFigures, type AmountCell, type Figure } from './figures';

export interface SumCheck {
  rule: RuleId;
  t: TableContext;
  index: number;
  col: number;
  found: Figure;
  expected: Figure;
  /** What the expected figure is, e.g. {zh: '下级合计', en: 'sum of sub-items'}. */
  what: Message;
  /** The cells the expected figure comes from; called only when a finding is written. */
  related: () => string[];
}

function isAmountCell(f: Figure): f is AmountCell {
  return (f as AmountCell).row !== undefined;
}

/**
 * A number printed with fewer decimals whose digits begin the figure it should equal. A General
 * number among General numbers is not suspect (its trailing zeros are simply not shown).
 */
export function looksCut(found: Figure, expectedText: string, t: Pick<TableContext, 'decimals' | 'formatted'>): boolean {
  if (!isAmountCell(found) || found.blank || found.cut) return false;
  if (found.shownDecimals >= t.decimals) return false;
  if (found.general && !t.formatted) return false;
  const shown = found.text.replace(/,/g, '');
  return expectedText.startsWith(shown) && expectedText !== shown;
}

export function sumFinding(c: SumCheck): Finding | undefined {
  const { t } = c;
  const cmp = compareFigures(c.found, c.expected);
  if (cmp.status === 'equal' || cmp.status === 'cut') return undefined;
  const row = t.rows[c.index].row;
  const cell = t.address(row, c.col);
  const rowLabel = t.rowLabel(c.index);
  const colLabel = t.columnLabel(c.col);
  const found = c.found.blank ? '' : t.fmt(c.found.value);
  const expected = t.fmt(cmp.expected);
  const diff = t.fmt(cmp.difference);
  const unit = t.table.unit;
  const where = t.label();
  const base = {
    sheet: t.table.sheet,
    cell,
    range: cell,
    table: t.table.id,
    expected,
    actual: found,
    related: c.related(),
    rowLabel,
    columnLabel: colLabel,
  };
  const shownFound = c.found.blank ? '空白' : found;
  const shownFoundEn = c.found.blank ? 'blank' : found;
  if (cmp.status === 'rounding') {
    return {
      ...base,
      rule: 'rounding',
      severity: 'info',
      message: {
        zh: `${where.zh} ${rowLabel} · ${colLabel}：${shownFound} 与${c.what.zh} ${expected} 相差 ${diff} ${unit}，在四舍五入误差之内`,
        en: `${where.en} ${rowLabel} · ${colLabel}: ${shownFoundEn} vs ${c.what.en} ${expected} differ by ${diff} ${unit}, within rounding`,
      },
    };
  }
  if (looksCut(c.found, expected, t) && isAmountCell(c.found)) {
    // Read as cut from now on: the sums that run later see [value, value + 10^-d), not a wrong figure.
    t.cutCells.add(c.found.row * 16384 + c.found.col);
    t.replaceAmount(asCut(c.found));
    return {
      ...base,
      rule: 'truncated',
      severity: 'warning',
      actual: c.found.text,
      message: {
        zh: `${where.zh} ${rowLabel} · ${colLabel}：${c.found.text} 像是被截断的 ${expected}（${c.what.zh}）`,
        en: `${where.en} ${rowLabel} · ${colLabel}: ${c.found.text} looks like ${expected} with digits cut off (${c.what.en})`,
      },
    };
  }
  return {
    ...base,
    rule: c.rule,
    severity: 'error',
    message: {
      zh: `${where.zh} ${rowLabel} · ${colLabel}：${shownFound} ≠ ${c.what.zh} ${expected}（差 ${diff} ${unit}）`,
      en: `${where.en} ${rowLabel} · ${colLabel}: ${shownFoundEn} ≠ ${c.what.en} ${expected} (difference ${diff} ${unit})`,
    },
  };
}
