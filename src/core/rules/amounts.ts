// Each amount cell on its own: numbers stored as text, cut digits (`3000.`, `118.4` beside
// `118.44`), values that are not amounts at all (#REF!, words). Runs first: cut figures are then
// read as cut by the sum rules, so one cut digit gives one finding, not a cascade.
import type { Finding } from '../findings';
import type { CheckContext, TableContext } from './context';
import { asCut, compareFigures, sumFigures, type AmountCell } from './figures';
import type { Rule } from './rule';
import { identitiesOf } from './row-total';

function base(t: TableContext, index: number, a: AmountCell) {
  const cell = t.address(a.row, a.col);
  return {
    sheet: t.table.sheet,
    cell,
    range: cell,
    table: t.table.id,
    actual: a.text,
    related: [] as string[],
    rowLabel: t.rowLabel(index),
    columnLabel: t.columnLabel(a.col),
  };
}

/**
 * Whether the row identities this figure takes part in hold with it (undefined: it is in none).
 * `without`: leave out the identities that also hold this column.
 */
function identitiesHold(t: TableContext, index: number, a: AmountCell, without?: number): boolean | undefined {
  let verdict: boolean | undefined;
  const has = (id: ReturnType<typeof identitiesOf>[number], col: number) => id.total.col === col || id.parts.some((p) => p.col === col);
  for (const id of identitiesOf(t)) {
    if (!has(id, a.col) || (without !== undefined && has(id, without))) continue;
    const fig = (col: number) => (col === a.col ? a : t.figure(index, col));
    const found = fig(id.total.col);
    const expected = sumFigures(id.parts.map((p) => fig(p.col)));
    if (found.blank && expected.blank) continue;
    if (compareFigures(found, expected).status === 'error') verdict = false;
    else return true;
  }
  return verdict;
}

/**
 * Another figure of the same row whose digits continue this one's (118.4 beside 118.44), where the
 * row's identity fails with the figure as printed and holds with its digits cut. A General-format
 * 30.1 (typed 30.10) beside 30.15 is no cut figure when 合计 = 基本支出 + 项目支出 holds.
 */
function cutAgainstRow(t: TableContext, index: number, a: AmountCell): AmountCell | undefined {
  const peer = cutAgainstPeer(t, a);
  if (!peer || identitiesHold(t, index, a) !== false || identitiesHold(t, index, asCut(a)) !== true) return undefined;
  // The longer figure must be sound itself: where its other identities fail, it is the wrong one
  // (12.45 under 合计 12.4 and over 购置费 12.4 + 运行费 0 is one wrong figure, not two cut ones).
  if (identitiesHold(t, index, peer, a.col) === false) return undefined;
  return peer;
}

/** Another figure of the same row whose digits continue this one's (118.4 beside 118.44). */
function cutAgainstPeer(t: TableContext, a: AmountCell): AmountCell | undefined {
  if (a.blank || a.cut || a.asText || a.shownDecimals >= t.decimals) return undefined;
  const side = t.amountColumns.find((c) => c.col === a.col)?.side;
  for (const c of t.amountColumns) {
    // Only the figures of the same half: the two sides of 收支总表 share rows, not amounts.
    if (c.col === a.col || c.side !== side) continue;
    const b = t.amount(a.row, c.col);
    if (b.blank || b.value.eq(a.value)) continue;
    const full = t.fmt(b.value);
    if (full.startsWith(a.text.replace(/,/g, '')) && full !== a.text) return b;
  }
  return undefined;
}

export const amountsRule: Rule = {
  id: 'number-as-text',
  run(ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      const where = t.label();
      t.rows.forEach((r, i) => {
        for (const c of t.amountColumns) {
          if (r.side && c.side && r.side !== c.side) continue;
          const a = t.amount(r.row, c.col);
          if (a.blank && !a.invalid) continue;
          if (!a.invalid && !a.cut && !a.asText && a.shownDecimals >= t.decimals) continue; // nothing to say (most cells)
          const at = `${where.zh} ${t.rowLabel(i)} · ${t.columnLabel(c.col)}`;
          const atEn = `${where.en} ${t.rowLabel(i)} · ${t.columnLabel(c.col)}`;
          if (a.invalid) {
            out.push({
              ...base(t, i, a),
              rule: 'invalid-value',
              severity: 'error',
              message: { zh: `${at}：「${a.invalid}」不是金额，按 0 计`, en: `${atEn}: "${a.invalid}" is not an amount; counted as 0` },
            });
            continue;
          }
          if (a.cut) {
            t.cutCells.add(a.row * 16384 + a.col);
            out.push({
              ...base(t, i, a),
              rule: 'truncated',
              severity: 'warning',
              message: { zh: `${at}：「${a.text}」末位数字被截断`, en: `${atEn}: "${a.text}" has its last digits cut off` },
            });
            continue;
          }
          const peer = cutAgainstRow(t, i, a);
          if (peer) {
            t.replaceAmount(asCut(a));
            t.cutCells.add(a.row * 16384 + a.col);
            out.push({
              ...base(t, i, a),
              rule: 'truncated',
              severity: 'warning',
              expected: t.fmt(peer.value),
              related: [t.qualified(peer.row, peer.col)],
              message: {
                zh: `${at}：${a.text} 像是被截断的 ${t.fmt(peer.value)}（同行 ${t.columnLabel(peer.col)}）`,
                en: `${atEn}: ${a.text} looks like ${t.fmt(peer.value)} cut short (same row, ${t.columnLabel(peer.col)})`,
              },
            });
            continue;
          }
          if (a.asText) {
            out.push({
              ...base(t, i, a),
              rule: 'number-as-text',
              severity: 'warning',
              message: {
                zh: `${at}：「${a.text}」是以文本存储的数字（已按 ${t.fmt(a.value)} 参与校验）`,
                en: `${atEn}: "${a.text}" is a number stored as text (checked as ${t.fmt(a.value)})`,
              },
            });
          }
        }
      });
    }
    return out;
  },
};
