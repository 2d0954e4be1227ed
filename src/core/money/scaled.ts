// Exact money on safe integers: a decimal held as a whole count of 10^−scale. Sums and comparisons
// are then integer arithmetic, exact while every result stays within ±Number.MAX_SAFE_INTEGER; a
// step that would leave that range gives NaN (or undefined), and the caller falls back to Decimal.
import Decimal from 'decimal.js';

/** value = units · 10^−scale; units is a safe integer. */
export interface Scaled {
  readonly units: number;
  readonly scale: number;
}

const MAX = Number.MAX_SAFE_INTEGER;
// 10^0 … 10^22 are exact doubles.
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Whether x is a whole number within ±MAX_SAFE_INTEGER (false for NaN). */
export function isSafe(x: number): boolean {
  return Math.abs(x) <= MAX && Number.isInteger(x);
}

/**
 * x · 10^k for a safe integer x and k ≥ 0; NaN when the product is not a safe integer. (If the true
 * product fits, the double product is exact; if it does not, the rounded product does not fit either.)
 */
export function shiftUp(x: number, k: number): number {
  if (x === 0 && k >= 0) return 0;
  if (k === 0) return isSafe(x) ? x : NaN;
  if (k < 0 || k >= POW10.length || !Number.isInteger(k)) return NaN;
  const y = x * POW10[k];
  return Math.abs(y) <= MAX ? y : NaN;
}

// Excel keeps 15 significant digits; String(n) is the shortest round-trip repr.
const SIGNIFICANT = 15;
/** Below this, a·10^k is within far less than ½ of the exact product. */
const SAFE_PRODUCT = 2 ** 51;

/**
 * A finite number as read from a cell: its shortest decimal repr, when that has at most 15
 * significant digits and no exponent (the same value `new Decimal(String(n))` gives). Undefined
 * otherwise (binary noise such as 0.30000000000000004, 1e-7, 1e21): the caller goes through Decimal.
 */
export function scaledOfNumber(n: number): Scaled | undefined {
  // Without printing the number (String(n) costs far more than this, once per amount cell): the
  // fewest decimals k for which some integer r has r / 10^k === n. Division by 10^k is correctly
  // rounded, so r·10^−k reads back as n; with k minimal and r below 10^15 it has as few digits as
  // String(n), and no other decimal of 15 digits or fewer reads back as the same double: it is the
  // digits String(n) prints. (n·10^k is rounded too, but by far less than ½ below 2^51.)
  const a = Math.abs(n);
  if (n === 0) return { units: 0, scale: 0 };
  // String(n) prints an exponent below 1e-6; those, NaN and ±Infinity go the long way.
  if (!(a >= 1e-6)) return undefined;
  for (let k = 0; k <= SIGNIFICANT + 6; k++) {
    const x = a * POW10[k];
    if (x >= SAFE_PRODUCT) return undefined;
    const r = Math.round(x);
    if (r / POW10[k] === a) return r < 1e15 ? { units: n < 0 ? -r : r, scale: k } : undefined;
  }
  return undefined;
}

/** scaledOfNumber for a number's String(n), where the caller has it already. */
export function scaledOfRepr(repr: string): Scaled | undefined {
  // By hand, not by regex: this runs once per amount cell.
  let i = repr.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const negative = i === 1;
  if (i >= repr.length) return undefined;
  let units = 0;
  let scale = 0;
  let significant = 0;
  let point = false;
  for (; i < repr.length; i++) {
    const c = repr.charCodeAt(i);
    if (c === 46 && !point) {
      point = true;
      continue;
    }
    if (c < 48 || c > 57) return undefined; // an exponent, NaN, Infinity
    // Exact while there are at most 15 significant digits; beyond that the result is discarded.
    units = units * 10 + (c - 48);
    if (significant > 0 || c !== 48) significant++;
    if (point) scale++;
  }
  if (significant > SIGNIFICANT || (point && scale === 0)) return undefined;
  return { units: negative && units !== 0 ? -units : units, scale };
}

/** A Decimal as units and scale, or undefined when its digits do not fit a safe integer. */
export function scaledOfDecimal(d: Decimal): Scaled | undefined {
  if (!d.isFinite()) return undefined;
  const scale = Math.max(0, d.decimalPlaces());
  const s = d.toFixed(scale);
  const neg = s.startsWith('-');
  const units = Number((neg ? s.slice(1) : s).replace('.', ''));
  if (!isSafe(units)) return undefined;
  return { units: neg && units !== 0 ? -units : units, scale };
}

/** The Decimal for a count of half-units ½·10^−scale (x a safe integer, so x / 2 is exact). */
export function halvesToDecimal(x: number, scale: number): Decimal {
  return new Decimal(`${x / 2}e${-scale}`);
}
