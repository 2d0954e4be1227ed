// Names for sheets Suanpan adds, within Excel's rules: 1 to 31 UTF-16 units, none of : \ / ? * [ ],
// no apostrophe at either end, not the reserved "History", unique without regard to case. Every
// host and builder picks names here, so a name the CLI writes is the name Excel would have given.

export const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[:\\/?*[\]]/g;
/** The forbidden characters' full-width forms, which Excel allows and which read the same. */
const FULL_WIDTH: Readonly<Record<string, string>> = { ':': '：', '\\': '＼', '/': '／', '?': '？', '*': '＊', '[': '【', ']': '】' };

export interface SheetNameStyle {
  /** What a forbidden character becomes: '_' (default) or its full-width form. */
  readonly forbidden?: 'underscore' | 'full-width';
  /** The name used when nothing is left or the name is "History"; default 'Sheet' / 'History_'. */
  readonly fallback?: string;
  /** The mark of the n-th sheet of one name (n ≥ 2); default ` (n)`. */
  readonly suffix?: (n: number) => string;
}

/** At most `max` UTF-16 units (what Excel counts), never splitting a surrogate pair. */
export function cutUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

/** The name as Excel would accept it. */
export function validSheetName(name: string, style: SheetNameStyle = {}): string {
  let s = name
    .replace(FORBIDDEN, (c) => (style.forbidden === 'full-width' ? FULL_WIDTH[c] : '_'))
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^'+/, '').replace(/'+$/, '').trim();
  s = cutUtf16(s, MAX_SHEET_NAME).replace(/'+$/, '').trim();
  if (!s) return style.fallback ?? 'Sheet';
  if (s.toLowerCase() === 'history') return style.fallback ?? `${s}_`;
  return s;
}

/**
 * A name no sheet in `taken` has (`taken` holds lower-cased names): the valid form of `wanted` when
 * free, else `name (2)`, `name (3)` … shortened to stay within 31 units. The pick joins `taken`.
 */
export function freeSheetName(wanted: string, taken: Set<string>, style: SheetNameStyle = {}): string {
  const base = validSheetName(wanted, style);
  const suffix = style.suffix ?? ((n: number) => ` (${n})`);
  let pick = base;
  for (let n = 2; taken.has(pick.toLowerCase()); n++) {
    const tag = suffix(n);
    pick = cutUtf16(base, MAX_SHEET_NAME - tag.length).replace(/'+$/, '').trimEnd() + tag;
  }
  taken.add(pick.toLowerCase());
  return pick;
}

/** Free names for several sheets at once, each also avoiding the ones picked before it. */
export function freeSheetNames(names: readonly string[], taken: Iterable<string>, style: SheetNameStyle = {}): string[] {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  return names.map((n) => freeSheetName(n, used, style));
}
