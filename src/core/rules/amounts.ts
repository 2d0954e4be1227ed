// Each amount cell on its own: numbers stored as text, cut digits (`3000.`, `118.4` beside
// `118.44`), values that are not amounts at all (#REF!, words). Runs first: cut figures are then
// read as cut by the sum rules, so one cut digit gives one finding, not a cascade.
import type { Finding } from '../findings';
import type { CheckContext, TableContext } from './context';
import { asCut, type AmountCell } from './figures';
import type { Rule } from './rule';

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

/** Another figure of the same row whose digits continue this one's (118.4 beside 118.44). */
function cutAgainstPeer(t: TableContext, a: AmountCell): AmountCell | undefined {
  if (a.blank || a.cut || a.asText || a.shownDecimals >= t.decimals) return undefined;
  for (const c of t.amountColumns) {
    if (c.col === a.col) continue;
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
          const peer = cutAgainstPeer(t, a);
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
