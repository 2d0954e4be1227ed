import Decimal from 'decimal.js';
import { scaledOfNumber } from './scaled';

export type AmountInput = { kind: 'number'; value: number; numFmt?: string } | string;

export interface ParsedAmount {
  value: Decimal;
  /** Decimals as shown: typed digits after the point, or the number format's, or the shortest repr's. */
  decimals: number;
  source: 'number' | 'text';
  /** Digits look cut off (`3000.`). */
  truncated?: boolean;
  /** Text ended in a bare point (`3000.`). */
  trailingPoint?: boolean;
  /** A dash (`—` `-` `–` `－`) standing for zero. */
  zeroDash?: boolean;
  /** Stored number has more decimals than its format shows (1216.954 shown as 1216.95). */
  hiddenDecimals?: boolean;
}

export interface EmptyAmount {
  empty: true;
}

export interface InvalidAmount {
  invalid: string;
  /** The input is a percentage (`12.5%`, or a number formatted `0.00%`); value is in percent. */
  percent?: boolean;
  value?: Decimal;
}

export type AmountResult = ParsedAmount | EmptyAmount | InvalidAmount;

export function isAmount(r: AmountResult): r is ParsedAmount {
  return 'value' in r && !('invalid' in r);
}

export function isEmptyAmount(r: AmountResult): r is EmptyAmount {
  return 'empty' in r;
}

export function isInvalidAmount(r: AmountResult): r is InvalidAmount {
  return 'invalid' in r;
}

// Excel keeps 15 significant digits; beyond that the XML holds binary noise (0.30000000000000004).
const EXCEL_DIGITS = 15;

const DASH = /^[-—–－‐‒―−~～]+$/;
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const PLAIN = /^(\d*)(?:\.(\d*))?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/;

function decimalsOf(d: Decimal): number {
  return Math.max(0, d.decimalPlaces());
}

function zeroSafe(d: Decimal): Decimal {
  return d.isZero() ? new Decimal(0) : d;
}

/** Decimals shown by the first section of an Excel number format; undefined for General/text/scientific. */
const FMT_DECIMALS = new Map<string, number | undefined>();

export function decimalsFromNumFmt(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  if (FMT_DECIMALS.has(numFmt)) return FMT_DECIMALS.get(numFmt);
  const d = decimalsOfFormat(numFmt);
  if (FMT_DECIMALS.size < 1000) FMT_DECIMALS.set(numFmt, d);
  return d;
}

function decimalsOfFormat(numFmt: string): number | undefined {
  const section = numFmt.split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  if (/general/i.test(section) || section.trim() === '@' || /e[+-]/i.test(section)) return undefined;
  if (!/[0#?]/.test(section)) return undefined;
  const point = section.indexOf('.');
  if (point < 0) return 0;
  return (section.slice(point + 1).match(/0/g) ?? []).length;
}

const FMT_PERCENT = new Map<string, boolean>();

function isPercentFmt(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  let p = FMT_PERCENT.get(numFmt);
  if (p === undefined) {
    p = percentFormat(numFmt);
    if (FMT_PERCENT.size < 1000) FMT_PERCENT.set(numFmt, p);
  }
  return p;
}

function percentFormat(numFmt: string): boolean {
  return numFmt.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%');
}

/** What a number format says about the figures it shows, worked out once per format. */
export interface NumberFormatInfo {
  /** Decimals shown (undefined for General, text, scientific). */
  readonly decimals: number | undefined;
  readonly percent: boolean;
  /** The format spells out digits (0.00, #,##0): a number shows exactly its decimals, not as few as it needs. */
  readonly explicit: boolean;
}

const FMT_INFO = new Map<string, NumberFormatInfo>();
const GENERAL_INFO: NumberFormatInfo = { decimals: undefined, percent: false, explicit: false };

export function numberFormatInfo(numFmt: string | undefined): NumberFormatInfo {
  if (numFmt === undefined) return GENERAL_INFO;
  let info = FMT_INFO.get(numFmt);
  if (!info) {
    info = { decimals: decimalsFromNumFmt(numFmt), percent: isPercentFmt(numFmt), explicit: /[0#]/.test(numFmt) };
    if (FMT_INFO.size < 1000) FMT_INFO.set(numFmt, info);
  }
  return info;
}

/**
 * The decimals `parseAmount` gives a number cell (its format's, else its own), without making a
 * Decimal; undefined where parseAmount does not read an amount (not finite, a percentage).
 */
export function numberDecimals(value: number, numFmt?: string): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const info = numberFormatInfo(numFmt);
  if (info.percent) return undefined;
  if (info.decimals !== undefined) return info.decimals;
  const s = scaledOfNumber(value);
  if (s) return s.scale;
  const p = parseNumber(value, numFmt);
  return isAmount(p) ? p.decimals : undefined;
}

function parseNumber(value: number, numFmt?: string): AmountResult {
  if (!Number.isFinite(value)) return { invalid: `not a finite number: ${value}` };
  // String(value) is the shortest round-trip repr; no float arithmetic touches the value.
  const exact = zeroSafe(new Decimal(String(value)).toSignificantDigits(EXCEL_DIGITS));
  if (isPercentFmt(numFmt)) {
    return { invalid: 'percentage, not an amount', percent: true, value: exact.times(100) };
  }
  const shown = decimalsFromNumFmt(numFmt);
  const own = decimalsOf(exact);
  const result: ParsedAmount = { value: exact, decimals: shown ?? own, source: 'number' };
  if (shown !== undefined && own > shown) result.hiddenDecimals = true;
  return result;
}

function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function parseText(input: string): AmountResult {
  const original = input;
  // Only edge spaces go: `12 34` is two numbers run together, not 1234.
  let s = input.replace(EDGE_SPACE, '');
  if (s === '') return { empty: true };
  if (DASH.test(s)) return { value: new Decimal(0), decimals: 0, source: 'text', zeroDash: true };
  s = toHalfWidth(s).replace(/。/g, '.');

  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  const sign = /^([+\-−])/.exec(s);
  if (sign) {
    if (paren) return { invalid: `sign inside parentheses: ${original}` };
    negative = sign[1] !== '+';
    s = s.slice(1);
  }
  s = s.replace(/^[¥$]/, '');

  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }

  const m = PLAIN.exec(s) ?? GROUPED.exec(s);
  if (!m || (m[1] === '' && !m[2])) return { invalid: `not an amount: ${original}` };
  const intPart = m[1].replace(/,/g, '') || '0';
  const frac = m[2] ?? '';
  let value = new Decimal(frac ? `${intPart}.${frac}` : intPart);
  if (negative) value = value.negated();
  value = zeroSafe(value);

  if (percent) return { invalid: 'percentage, not an amount', percent: true, value };
  const result: ParsedAmount = { value, decimals: frac.length, source: 'text' };
  if (m[2] === '') {
    result.trailingPoint = true;
    result.truncated = true;
  }
  return result;
}

/**
 * Reads one amount cell. Blank text gives `{empty: true}` (the caller decides whether blank means
 * zero: a missing split is itself a finding); a dash gives zero with `zeroDash`.
 */
export function parseAmount(input: AmountInput): AmountResult {
  return typeof input === 'string' ? parseText(input) : parseNumber(input.value, input.numFmt);
}
