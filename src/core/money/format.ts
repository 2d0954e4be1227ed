import Decimal from 'decimal.js';

/** As a person types it: `3000.00`, `-0.01`; no thousands separator, never `-0.00`. */
export function formatAmount(d: Decimal, decimals = 2): string {
  const s = d.toFixed(decimals, Decimal.ROUND_HALF_UP);
  return /^-[0.]*$/.test(s) ? s.slice(1) : s;
}

/** Like formatAmount, with thousands separators: `1,216.95`. */
export function formatWithGrouping(d: Decimal, decimals = 2): string {
  const s = formatAmount(d, decimals);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(s);
  if (!m) return s;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+$)/g, ',')}${m[3] ?? ''}`;
}
