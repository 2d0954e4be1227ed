// Text tests recognition needs: normalising a printed label, telling codes, numbers and totals apart.

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
/** Any character norm() would change; most cells have none and are returned as they are. */
const NEEDS_NORM = /[\uFF01-\uFF5E\s\u3000\u00a0【\[】\]“”"‘’']/;

/** A label as compared: no whitespace, half-width letters/digits/punctuation, one kind of bracket. */
export function norm(s: string): string {
  if (!NEEDS_NORM.test(s)) return s;
  return s
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[【\[]/g, '(')
    .replace(/[】\]]/g, ')')
    .replace(/[“”"‘’']/g, '');
}

/** Removes ordinal prefixes: 一、 （一） (1) 1、 1. ① */
export function stripOrdinal(s: string): string {
  return s
    .replace(/^[\s\u3000]*[（(][一二三四五六七八九十\d]+[)）][、.．]?/, '')
    .replace(/^[\s\u3000]*[一二三四五六七八九十]+[、.．]/, '')
    .replace(/^[\s\u3000]*\d+[、.．](?!\d)/, '')
    .replace(/^[\s\u3000]*[①②③④⑤⑥⑦⑧⑨⑩]/, '')
    .trim();
}

const NUMERIC_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?$/;

/** Text a person would read as an amount: 1,216.95  3000.  (12.00)  — */
export function looksNumericText(s: string): boolean {
  const t = norm(s);
  if (t === '') return false;
  if (/^[-—–－]+$/.test(t)) return true;
  const inner = /^\((.*)\)$/.exec(t)?.[1] ?? t;
  return NUMERIC_TEXT.test(inner) && /\d/.test(inner);
}

export function isDash(s: string): boolean {
  return /^[-—–－]+$/.test(norm(s));
}

/** 3, 5 or 7 digits: a 类, 款 or 项 code. */
export const CODE_RE = /^\d{3}(\d{2}){0,2}$/;

export function codeFromText(s: string): string | undefined {
  const t = norm(s);
  return CODE_RE.test(t) ? t : undefined;
}

/** `2010301 行政运行` or `2010301行政运行` → code and name. */
export function splitCodeName(s: string): { code: string; name: string } | undefined {
  const m = /^[\s\u3000]*(\d{3}(?:\d{2}){0,2})(?:[\s\u3000]+|(?=[^\d\s]))[\s\u3000]*(.+)$/.exec(s);
  if (!m) return undefined;
  return { code: m[1], name: m[2].trim() };
}

export const TOTAL_RE = /^(本年)?(收入|支出|收支)?(合计|总计)$|^合计$|^总计$/;

export function isTotalName(s: string): boolean {
  // Every total name ends in 合计 or 总计, and neither norm nor stripOrdinal makes a 计: most names
  // (one per data row) are settled without them.
  if (!s.includes('计')) return false;
  return TOTAL_RE.test(stripOrdinal(norm(s)));
}

export const NOTE_RE = /^(注|说明|备注)[:：]/;

export const UNIT_RE = /单位[:：]\s*(万元|千元|亿元|元)/;

/** The whole unit statement as printed, for cutting it out of a title line: （金额单位：元） */
const UNIT_PHRASE = /[（(]?\s*(金额|计量|货币)?\s*单\s*位\s*[:：]\s*(万元|千元|亿元|元)\s*[)）]?/;

export function unitOf(s: string): '万元' | '元' | '千元' | '亿元' | undefined {
  const m = UNIT_RE.exec(norm(s).replace(/:/, '：'));
  return m ? (m[1] as '万元' | '元' | '千元' | '亿元') : undefined;
}

/** A unit printed after a header label: 金额（万元）, 预算数(元). */
const HEADER_UNIT = /[(（]\s*(万元|千元|亿元|元)\s*[)）]$/;

export function unitInHeader(s: string): '万元' | '元' | '千元' | '亿元' | undefined {
  const m = HEADER_UNIT.exec(s.trim());
  return m ? (m[1] as '万元' | '元' | '千元' | '亿元') : undefined;
}

export function withoutHeaderUnit(s: string): string {
  return s.trim().replace(HEADER_UNIT, '');
}

/** A line with its unit statement cut out. */
export function withoutUnit(s: string): string {
  return s.replace(UNIT_PHRASE, ' ').replace(/\s+/g, ' ').trim();
}

export const LABEL_RE = /^(预算公开表|部门预算公开表|公开表|附表|表)\s*[\d一二三四五六七八九十]+(-\d+)?$/;

export const SECTION_RE = /^第[一二三四五六七八九十]+部分/;

/** Leading spaces (half or full width) or tab-like indentation, counted in half-width units. */
export function leadingIndent(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === ' ' || ch === '\u00a0') n += 1;
    else if (ch === '\u3000') n += 2;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

export function yearOf(s: string): number | undefined {
  const m = /(19|20)\d{2}(?=\s*年)/.exec(s);
  return m ? Number(m[0]) : undefined;
}
