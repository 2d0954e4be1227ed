// Amounts as the checks see them: each printed figure with the interval it stands for.
//
// A figure is held exactly as whole counts of half-units ½·10^−scale: its value, lo and hi alike (a
// figure shown with d decimals is v ± 10^(scale−d) half-units). Sums and comparisons are then
// safe-integer arithmetic, and the Decimals (value, lo, hi) are made only when something reads them,
// in practice when a finding is written. A figure whose half-units would leave the safe-integer range
// is held as Decimals instead (scale NaN), and every sum or comparison it takes part in is done with
// Decimal, as before.
import Decimal from 'decimal.js';
// Straight from the modules, not through '../money': a re-export is a getter call on every use.
import { halfUnit } from '../money/interval';
import { isAmount, isEmptyAmount, numberDecimals, numberFormatInfo, parseAmount, type ParsedAmount } from '../money/parse';
import { halvesToDecimal, isSafe, scaledOfDecimal, scaledOfNumber, shiftUp, type Scaled } from '../money/scaled';
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

// A figure's yes/no facts, in one number (there is one figure object per amount cell).
const BLANK = 1;
const CUT = 2;
const AS_TEXT = 4;
const ZERO_DASH = 8;
const GENERAL = 16;
const flagsOf = (blank: boolean, cut: boolean, asText = false, zeroDash = false, general = false): number =>
  (blank ? BLANK : 0) | (cut ? CUT : 0) | (asText ? AS_TEXT : 0) | (zeroDash ? ZERO_DASH : 0) | (general ? GENERAL : 0);

/** A figure in half-units (see the top of this file); the Decimals are made on first read. */
class Fig implements Figure {
  /** value, lo, hi as Decimals, each made when first read (all given for a figure held as Decimals only). */
  private dec: (Decimal | undefined)[] | undefined = undefined;

  constructor(
    /** Half-units are ½·10^−scale; NaN: held as Decimals only (set by `withDecimals`). */
    readonly scale: number,
    readonly v: number,
    readonly l: number,
    readonly h: number,
    protected readonly flags: number,
  ) {}

  get blank(): boolean {
    return (this.flags & BLANK) !== 0;
  }

  get cut(): boolean {
    return (this.flags & CUT) !== 0;
  }

  get value(): Decimal {
    return ((this.dec ??= [])[0] ??= halvesToDecimal(this.v, this.scale));
  }

  get lo(): Decimal {
    return ((this.dec ??= [])[1] ??= halvesToDecimal(this.l, this.scale));
  }

  get hi(): Decimal {
    return ((this.dec ??= [])[2] ??= halvesToDecimal(this.h, this.scale));
  }

  withDecimals(value: Decimal, lo: Decimal, hi: Decimal): this {
    this.dec = [value, lo, hi];
    return this;
  }
}

class AmountFig extends Fig implements AmountCell {
  constructor(
    scale: number,
    v: number,
    l: number,
    h: number,
    flags: number,
    readonly row: number,
    readonly col: number,
    /** The text as shown, or the number cell whose String(value) it is (made when asked: rarely). */
    private readonly shown: string | Cell,
    readonly shownDecimals: number,
    readonly invalid: string | undefined,
  ) {
    super(scale, v, l, h, flags);
  }

  get text(): string {
    return typeof this.shown === 'string' ? this.shown : String((this.shown.value as { value: number }).value);
  }

  get asText(): boolean {
    return (this.flags & AS_TEXT) !== 0;
  }

  get zeroDash(): boolean {
    return (this.flags & ZERO_DASH) !== 0;
  }

  get general(): boolean {
    return (this.flags & GENERAL) !== 0;
  }

  /** The same cell read as cut off. */
  cutFlags(): number {
    return this.flags | CUT;
  }
}

/** The figure's half-units, when it has them. */
function halves(f: Figure): Fig | undefined {
  return f instanceof Fig && f.scale === f.scale ? f : undefined;
}

// ½·10^−d and 10^−d as Decimals, computed once per d (Decimal's pow is slow), for figures held as Decimals.
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

export const ZERO: Figure = new Fig(0, 0, 0, 0, BLANK);

/**
 * The half-units of a value shown with `decimals` (the interval's) and `shown` (as printed):
 * `cut` is [v, v + 10^−shown], `point` is [v, v], otherwise v ± ½·10^−decimals. Undefined when they
 * do not fit safe integers.
 */
function halvesOf(s: Scaled, decimals: number, shown: number, cut: boolean, point: boolean): [number, number, number, number] | undefined {
  const scale = Math.max(s.scale, decimals, shown);
  const v = shiftUp(2 * s.units, scale - s.scale);
  const l = cut || point ? v : v - shiftUp(1, scale - decimals);
  const h = cut ? v + shiftUp(2, scale - shown) : point ? v : v + shiftUp(1, scale - decimals);
  return isSafe(v) && isSafe(l) && isSafe(h) ? [scale, v, l, h] : undefined;
}

/**
 * One amount cell as a figure. `exact`: the table's figures are not rounded (whole 元: budgets are
 * kept in 元, a 元 table prints them as they are), so a figure is the point [v, v], not an interval.
 */
export function readAmount(cell: Cell | undefined, row: number, col: number, typicalDecimals: number, exact = false): AmountCell {
  if (cell && cell.text === undefined && cell.value.kind === 'number') {
    const fast = readNumber(cell, cell.value.value, cell.numFmt, row, col, typicalDecimals, exact);
    if (fast) return fast;
  }
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

/**
 * The common cell, a number with no host text: read from its shortest repr without a Decimal. Its
 * text is that repr. Undefined for what the general path must read (percentages, binary noise).
 */
function readNumber(cell: Cell, n: number, numFmt: string | undefined, row: number, col: number, typical: number, exact: boolean): AmountCell | undefined {
  const info = numberFormatInfo(numFmt);
  if (info.percent) return undefined;
  const s = scaledOfNumber(n);
  if (!s) return undefined;
  const shown = info.decimals ?? s.scale;
  // General-format numbers drop trailing zeros (310.10 shows as 310.1): read them at the table's precision.
  const decimals = info.explicit ? shown : Math.max(shown, typical);
  // halvesOf, written out for this case (decimals ≥ shown, never cut).
  const scale = Math.max(s.scale, decimals);
  const v = shiftUp(2 * s.units, scale - s.scale);
  const half = exact ? 0 : shiftUp(1, scale - decimals);
  const l = v - half;
  const h = v + half;
  if (!(isSafe(l) && isSafe(h))) return undefined;
  return new AmountFig(scale, v, l, h, info.explicit ? 0 : GENERAL, row, col, cell, shown, undefined);
}

function missing(row: number, col: number, text: string, invalid: string | undefined): AmountCell {
  return new AmountFig(0, 0, 0, 0, BLANK, row, col, text, 0, invalid);
}

function figureOf(p: ParsedAmount, row: number, col: number, text: string, cell: Cell, typical: number, exact: boolean): AmountCell {
  const explicitFormat = cell.value.kind === 'number' && numberFormatInfo(cell.numFmt).explicit;
  const decimals = p.zeroDash ? 0 : explicitFormat || p.source === 'text' ? p.decimals : Math.max(p.decimals, typical);
  const cut = Boolean(p.truncated);
  const point = Boolean(p.zeroDash) || (exact && !cut);
  const asText = p.source === 'text' && !p.zeroDash;
  const zeroDash = Boolean(p.zeroDash);
  const general = cell.value.kind === 'number' && !explicitFormat;
  const flags = flagsOf(false, cut, asText, zeroDash, general);
  const s = scaledOfDecimal(p.value);
  const hv = s && halvesOf(s, decimals, p.decimals, cut, point);
  if (hv) return new AmountFig(hv[0], hv[1], hv[2], hv[3], flags, row, col, text, p.decimals, undefined);
  const lo = cut || point ? p.value : p.value.minus(half(decimals));
  const hi = cut ? p.value.plus(unitOf(p.decimals)) : point ? p.value : p.value.plus(half(decimals));
  return new AmountFig(NaN, 0, 0, 0, flags, row, col, text, p.decimals, undefined).withDecimals(p.value, lo, hi);
}

/** Whether most number cells carry a format that shows their decimals (0.00, #,##0.00), not General. */
export function mostlyFormatted(cells: readonly (Cell | undefined)[]): boolean {
  let formatted = 0;
  let general = 0;
  for (const c of cells) {
    if (c?.value.kind !== 'number') continue;
    if (numberFormatInfo(c.numFmt).explicit) formatted++;
    else general++;
  }
  return formatted > general;
}

/** The same figure read as cut off (its digits are a prefix of the figure it should equal). */
export function asCut(a: AmountCell): AmountCell {
  const flags = a instanceof AmountFig ? a.cutFlags() : flagsOf(a.blank, true, a.asText, a.zeroDash, Boolean(a.general));
  const f = halves(a);
  if (f) {
    const scale = Math.max(f.scale, a.shownDecimals);
    const v = shiftUp(f.v, scale - f.scale);
    const h = v + shiftUp(2, scale - a.shownDecimals);
    if (isSafe(v) && isSafe(h)) return new AmountFig(scale, v, v, h, flags, a.row, a.col, a.text, a.shownDecimals, a.invalid);
  }
  const cut = new AmountFig(NaN, 0, 0, 0, flags, a.row, a.col, a.text, a.shownDecimals, a.invalid);
  return cut.withDecimals(a.value, a.value, a.value.plus(unitOf(a.shownDecimals)));
}

export function sumFigures(figs: readonly Figure[]): Figure {
  let scale = 0;
  let v = 0;
  let l = 0;
  let h = 0;
  let blank = true;
  let cut = false;
  let exact = true;
  for (const f of figs) {
    blank &&= f.blank;
    cut ||= f.cut;
    if (!exact) continue;
    const x = halves(f);
    if (!x) {
      exact = false;
      continue;
    }
    let xv = x.v;
    let xl = x.l;
    let xh = x.h;
    if (x.scale > scale) {
      const k = x.scale - scale;
      v = shiftUp(v, k);
      l = shiftUp(l, k);
      h = shiftUp(h, k);
      scale = x.scale;
    } else if (x.scale < scale) {
      const k = scale - x.scale;
      xv = shiftUp(xv, k);
      xl = shiftUp(xl, k);
      xh = shiftUp(xh, k);
    }
    v += xv;
    l += xl;
    h += xh;
    // NaN (a shift out of range) fails this too.
    if (!(isSafe(v) && isSafe(l) && isSafe(h))) exact = false;
  }
  if (exact) return new Fig(scale, v, l, h, flagsOf(blank, cut));
  let value = new Decimal(0);
  let lo = new Decimal(0);
  let hi = new Decimal(0);
  for (const f of figs) {
    value = value.plus(f.value);
    lo = lo.plus(f.lo);
    hi = hi.plus(f.hi);
  }
  return new Fig(NaN, 0, 0, 0, flagsOf(blank, cut)).withDecimals(value, lo, hi);
}

/** Whether a figure's value is zero. */
export function isZeroFigure(f: Figure): boolean {
  const x = halves(f);
  return x ? x.v === 0 : f.value.isZero();
}

export type Comparison =
  | { status: 'equal' }
  | { status: 'rounding' | 'cut' | 'error'; expected: Decimal; difference: Decimal };

const EQUAL: Comparison = { status: 'equal' };

/** Does `found` agree with `expected` (a sum, or the same figure elsewhere)? */
export function compareFigures(found: Figure, expected: Figure): Comparison {
  const a = halves(found);
  const b = halves(expected);
  if (a && b) {
    const scale = Math.max(a.scale, b.scale);
    const av = shiftUp(a.v, scale - a.scale);
    const bv = shiftUp(b.v, scale - b.scale);
    const al = shiftUp(a.l, scale - a.scale);
    const bl = shiftUp(b.l, scale - b.scale);
    const ah = shiftUp(a.h, scale - a.scale);
    const bh = shiftUp(b.h, scale - b.scale);
    // Safe integers compare exactly; a NaN (shift out of range) sends the pair to Decimal below.
    if (isSafe(av) && isSafe(bv) && isSafe(al) && isSafe(bl) && isSafe(ah) && isSafe(bh)) {
      if (av === bv) return EQUAL;
      const meet = al <= bh && bl <= ah;
      const status = !meet ? 'error' : found.cut || expected.cut ? 'cut' : 'rounding';
      return { status, expected: expected.value, difference: found.value.minus(expected.value) };
    }
  }
  const difference = found.value.minus(expected.value);
  if (difference.isZero()) return EQUAL;
  const meet = found.lo.lte(expected.hi) && expected.lo.lte(found.hi);
  if (meet) return { status: found.cut || expected.cut ? 'cut' : 'rounding', expected: expected.value, difference };
  return { status: 'error', expected: expected.value, difference };
}

/** Whether `a`'s interval lies wholly below `b`'s (a.hi < b.lo). */
export function whollyBelow(a: Figure, b: Figure): boolean {
  const x = halves(a);
  const y = halves(b);
  if (x && y) {
    const scale = Math.max(x.scale, y.scale);
    const xh = shiftUp(x.h, scale - x.scale);
    const yl = shiftUp(y.l, scale - y.scale);
    if (isSafe(xh) && isSafe(yl)) return xh < yl;
  }
  return a.hi.lt(b.lo);
}

/** Most common shown decimals among a table's number cells (2 for 万元 tables, 0 for whole 元). */
export function typicalDecimals(cells: readonly (Cell | undefined)[]): number {
  const counts = new Map<number, number>();
  for (const c of cells) {
    if (!c) continue;
    let d: number | undefined;
    if (c.value.kind === 'number') {
      d = numberDecimals(c.value.value, c.numFmt);
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
/** The same, as powers of ten: restating is a shift of scale. */
const YUAN_EXP: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/** A figure read in one table's unit, restated in another's (元 beside 万元 tables). */
export function restate(f: Figure, from: string, to: string): Figure {
  if (from === to || !YUAN[from] || !YUAN[to]) return f;
  const x = halves(f);
  if (x) return new Fig(x.scale + YUAN_EXP[to] - YUAN_EXP[from], x.v, x.l, x.h, flagsOf(f.blank, f.cut));
  const k = new Decimal(YUAN[from]).div(YUAN[to]);
  return new Fig(NaN, 0, 0, 0, flagsOf(f.blank, f.cut)).withDecimals(f.value.times(k), f.lo.times(k), f.hi.times(k));
}
