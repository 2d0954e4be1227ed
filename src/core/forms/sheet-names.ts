// Sheet names for one sheet per form, from the project names, within Excel's rules: at most 31
// characters, none of : \ / ? * [ ], no apostrophe at either end, not the reserved "History", and
// unique regardless of case.
const MAX = 31;

/** Forbidden ASCII characters → their full-width forms, which Excel allows and which read the same. */
const FULL_WIDTH: Readonly<Record<string, string>> = { ':': '：', '\\': '＼', '/': '／', '?': '？', '*': '＊', '[': '【', ']': '】' };

/** At most `n` UTF-16 units (what Excel counts), never splitting a surrogate pair. */
function cut(s: string, n: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > n) break;
    out += ch;
  }
  return out;
}

function clean(name: string, fallback: string): string {
  let s = name
    .replace(/[:\\/?*[\]]/g, (c) => FULL_WIDTH[c])
    .replace(/\s+/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  s = cut(s, MAX).replace(/^'+|'+$/g, '').trim();
  if (s === '' || s.toLowerCase() === 'history') s = fallback;
  return s;
}

/**
 * One sheet name per project name, in order. `taken` are names already in the workbook. A
 * duplicate gets `（2）`, `（3）` … with its name shortened to make room.
 */
export function formSheetNames(names: readonly string[], taken: readonly string[] = [], fallback = '绩效目标表'): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return names.map((raw, i) => {
    const base = clean(raw, `${fallback}${i + 1}`);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const tag = `（${k}）`;
      name = cut(base, MAX - tag.length).replace(/'+$/, '') + tag;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
