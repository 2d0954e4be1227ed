// Amounts as the checks see them: each printed figure with the interval it stands for.
import Decimal from 'decimal.js';
import { halfUnit, isAmount, isEmptyAmount, parseAmount, type ParsedAmount } from '../money';
import { cellText } from '../workbook/sheet';
import type { Cell } from '../workbook/types';

export interface Figure {
  readonly value: Decimal;
  readonly lo: Decimal;
  readonly hi: Decimal;
  /** Blank (or a sum of blanks): a missing figure. */
  readonly blank: boolean;
  /** Digits cut off: the true value lies in [value, value + 10^-d). */
  readonly cut: boolean;
}

export interface AmountCell extends Figure {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly shownDecimals: number;
  readonly asText: boolean;
  readonly zeroDash: boolean;
  readonly invalid?: string;
}

export const ZERO: Figure = { value: new Decimal(0), lo: new Decimal(0), hi: new Decimal(0), blank: true, cut: false };

export function readAmount(cell: Cell | undefined, row: number, col: number, typicalDecimals: number): AmountCell {
  const base = { row, col, text: cellText(cell).trim() };
  if (!cell || base.text === '') return { ...ZERO, ...base, shownDecimals: 0, asText: false, zeroDash: false };
  if (cell.value.kind === 'error' || cell.value.kind === 'boolean') {
    return { ...ZERO, ...base, shownDecimals: 0, asText: false, zeroDash: false, invalid: base.text };
  }
  const parsed =
    cell.value.kind === 'number'
      ? parseAmount({ kind: 'number', value: cell.value.value, numFmt: cell.numFmt })
      : parseAmount(cell.value.value);
  if (isEmptyAmount(parsed)) return { ...ZERO, ...base, shownDecimals: 0, asText: false, zeroDash: false };
  if (!isAmount(parsed)) return { ...ZERO, ...base, shownDecimals: 0, asText: false, zeroDash: false, invalid: base.text };
  return figureOf(parsed, base, cell, typicalDecimals);
}

function figureOf(p: ParsedAmount, base: { row: number; col: number; text: string }, cell: Cell, typical: number): AmountCell {
  const explicitFormat = cell.value.kind === 'number' && cell.numFmt !== undefined && /[0#]/.test(cell.numFmt);
  // General-format numbers drop trailing zeros (310.10 shows as 310.1): read them at the table's precision.
  const decimals = p.zeroDash ? 0 : explicitFormat || p.source === 'text' ? p.decimals : Math.max(p.decimals, typical);
  const cut = Boolean(p.truncated);
  const lo = cut ? p.value : p.zeroDash ? p.value : p.value.minus(halfUnit(decimals));
  const hi = cut ? p.value.plus(new Decimal(10).pow(-p.decimals)) : p.zeroDash ? p.value : p.value.plus(halfUnit(decimals));
  return {
    ...base,
    value: p.value,
    lo,
    hi,
    blank: false,
    cut,
    shownDecimals: p.decimals,
    asText: p.source === 'text' && !p.zeroDash,
    zeroDash: Boolean(p.zeroDash),
  };
}

/** The same figure read as cut off (its digits are a prefix of the figure it should equal). */
export function asCut(a: AmountCell): AmountCell {
  return { ...a, cut: true, lo: a.value, hi: a.value.plus(new Decimal(10).pow(-a.shownDecimals)) };
}

export function sumFigures(figs: readonly Figure[]): Figure {
  let value = new Decimal(0);
  let lo = new Decimal(0);
  let hi = new Decimal(0);
  let blank = true;
  let cut = false;
  for (const f of figs) {
    value = value.plus(f.value);
    lo = lo.plus(f.lo);
    hi = hi.plus(f.hi);
    blank &&= f.blank;
    cut ||= f.cut;
  }
  return { value, lo, hi, blank, cut };
}

export type Comparison =
  | { status: 'equal' }
  | { status: 'rounding' | 'cut' | 'error'; expected: Decimal; difference: Decimal };

/** Does `found` agree with `expected` (a sum, or the same figure elsewhere)? */
export function compareFigures(found: Figure, expected: Figure): Comparison {
  const difference = found.value.minus(expected.value);
  if (difference.isZero()) return { status: 'equal' };
  const meet = found.lo.lte(expected.hi) && expected.lo.lte(found.hi);
  if (meet) return { status: found.cut || expected.cut ? 'cut' : 'rounding', expected: expected.value, difference };
  return { status: 'error', expected: expected.value, difference };
}

/** Most common shown decimals among a table's number cells (2 for 万元 tables, 0 for whole 元). */
export function typicalDecimals(cells: readonly (Cell | undefined)[]): number {
  const counts = new Map<number, number>();
  for (const c of cells) {
    if (!c) continue;
    let d: number | undefined;
    if (c.value.kind === 'number') {
      const p = parseAmount({ kind: 'number', value: c.value.value, numFmt: c.numFmt });
      if (isAmount(p)) d = p.decimals;
    } else if (c.value.kind === 'text') {
      const p = parseAmount(c.value.value);
      if (isAmount(p) && !p.zeroDash && !p.truncated) d = p.decimals;
    }
    if (d !== undefined && d <= 4) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 2;
  let bestCount = -1;
  for (const [d, n] of counts) if (n > bestCount || (n === bestCount && d > best)) [best, bestCount] = [d, n];
  return best;
}
