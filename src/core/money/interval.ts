// XBRL Calculations 1.1: a figure shown with d decimals stands for [v − ½·10^−d, v + ½·10^−d];
// a sum is consistent when the parent's interval meets the sum of the children's intervals.
import Decimal from 'decimal.js';

export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

export interface Rounded {
  value: Decimal;
  decimals: number;
}

export type Consistency = 'equal' | 'rounding' | 'error';

export interface ConsistencyResult {
  status: Consistency;
  /** Σ children values. */
  expected: Decimal;
  /** found (parent value) − expected. */
  difference: Decimal;
  parentInterval: Interval;
  childrenInterval: Interval;
}

/** ½·10^−d */
export function halfUnit(decimals: number): Decimal {
  return new Decimal(10).pow(-decimals).div(2);
}

export function intervalOf(value: Decimal, decimals: number): Interval {
  const h = halfUnit(decimals);
  return { lo: value.minus(h), hi: value.plus(h) };
}

export function sumIntervals(intervals: readonly Interval[]): Interval {
  return intervals.reduce(
    (acc, i) => ({ lo: acc.lo.plus(i.lo), hi: acc.hi.plus(i.hi) }),
    { lo: new Decimal(0), hi: new Decimal(0) },
  );
}

export function intervalsMeet(a: Interval, b: Interval): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi);
}

export function sumValues(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0));
}

export function consistent(parent: Rounded, children: readonly Rounded[]): ConsistencyResult {
  const expected = sumValues(children.map((c) => c.value));
  const difference = parent.value.minus(expected);
  const parentInterval = intervalOf(parent.value, parent.decimals);
  const childrenInterval = sumIntervals(children.map((c) => intervalOf(c.value, c.decimals)));
  const status: Consistency = difference.isZero()
    ? 'equal'
    : intervalsMeet(parentInterval, childrenInterval)
      ? 'rounding'
      : 'error';
  return { status, expected, difference, parentInterval, childrenInterval };
}

/**
 * The largest |found − expected| still consistent when the parent and all `childCount` children
 * share `decimals`: (childCount + 1)·½·10^−d.
 */
export function slack(childCount: number, decimals: number): Decimal {
  return halfUnit(decimals).times(childCount + 1);
}
