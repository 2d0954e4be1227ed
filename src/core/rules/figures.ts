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
  /** A number cell in General format: it shows as few decimals as its value needs (310.10 → 310.1). */
  readonly general?: boolean;
}

// ½·10^−d and 10^−d, computed once per d (Decimal's pow is slow, and every amount cell needs one).
const HALF = new Map<number, Decimal>();
const UNIT = new Map<number, Decimal>();
function half(d: number): Decimal {
  let h = HALF.get(d);
  if (!h) HALF.set(d, (h = halfUnit(d)));
  return h;
}
function unitOf(d: number): Decimal {
  let u = UNIT.get(d);
  if (!u) UNIT.set(d, (u = new Decimal(10).pow(-d)));
  return u;
}

export const ZERO: Figure = { value: new Decimal(0), lo: new Decimal(0), hi: new Decimal(0), blank: true, cut: false };

/**
 * One amount cell as a figure. `exact`: the table's figures are not rounded (whole 元: budgets are
 * kept in 元, a 元 table prints them as they are), so a figure is the point [v, v], not an interval.
 */
export function readAmount(cell: Cell | undefined, row: number, col: number, typicalDecimals: number, exact = false): AmountCell {
  const text = cellText(cell).trim();
  if (!cell || text === '') return missing(row, col, text, undefined);
  if (cell.value.kind === 'error' || cell.value.kind === 'boolean') return missing(row, col, text, text);
  const parsed =
    cell.value.kind === 'number'
      ? parseAmount({ kind: 'number', value: cell.value.value, numFmt: cell.numFmt })
      : parseAmount(cell.value.value);
  if (isEmptyAmount(parsed)) return missing(row, col, text, undefined);
  if (!isAmount(parsed)) return missing(row, col, text, text);
  return figureOf(parsed, row, col, text, cell, typicalDecimals, exact);
}

// Objects are written out in full, not spread: this runs once per amount cell, and on Node 20 a
// spread into a literal costs far more than the literal itself.
function missing(row: number, col: number, text: string, invalid: string | undefined): AmountCell {
  return { value: ZERO.value, lo: ZERO.lo, hi: ZERO.hi, blank: true, cut: false, row, col, text, shownDecimals: 0, asText: false, zeroDash: false, invalid, general: false };
}

function figureOf(p: ParsedAmount, row: number, col: number, text: string, cell: Cell, typical: number, exact: boolean): AmountCell {
  const explicitFormat = cell.value.kind === 'number' && cell.numFmt !== undefined && /[0#]/.test(cell.numFmt);
  // General-format numbers drop trailing zeros (310.10 shows as 310.1): read them at the table's precision.
  const decimals = p.zeroDash ? 0 : explicitFormat || p.source === 'text' ? p.decimals : Math.max(p.decimals, typical);
  const cut = Boolean(p.truncated);
  const point = p.zeroDash || (exact && !cut);
  const lo = cut || point ? p.value : p.value.minus(half(decimals));
  const hi = cut ? p.value.plus(unitOf(p.decimals)) : point ? p.value : p.value.plus(half(decimals));
  return {
    value: p.value,
    lo,
    hi,
    blank: false,
    cut,
    row,
    col,
    text,
    shownDecimals: p.decimals,
    asText: p.source === 'text' && !p.zeroDash,
    zeroDash: Boolean(p.zeroDash),
    invalid: undefined,
    general: cell.value.kind === 'number' && !explicitFormat,
  };
}

/** Whether most number cells carry a format that shows their decimals (0.00, #,##0.00), not General. */
export function mostlyFormatted(cells: readonly (Cell | undefined)[]): boolean {
  let formatted = 0;
  let general = 0;
  for (const c of cells) {
    if (c?.value.kind !== 'number') continue;
    if (c.numFmt !== undefined && /[0#]/.test(c.numFmt)) formatted++;
    else general++;
  }
  return formatted > general;
}

/** The same figure read as cut off (its digits are a prefix of the figure it should equal). */
export function asCut(a: AmountCell): AmountCell {
  return { ...a, cut: true, lo: a.value, hi: a.value.plus(unitOf(a.shownDecimals)) };
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

/** 元 per unit of each printed unit. */
const YUAN: Record<string, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };

/** A figure read in one table's unit, restated in another's (元 beside 万元 tables). */
export function restate(f: Figure, from: string, to: string): Figure {
  if (from === to || !YUAN[from] || !YUAN[to]) return f;
  const k = new Decimal(YUAN[from]).div(YUAN[to]);
  return { ...f, value: f.value.times(k), lo: f.lo.times(k), hi: f.hi.times(k) };
}
