// Comparison keys for 科目名称 cells. Output is for matching only, never for display.

// ①–⑳, ⑴–⒇, ⒈–⒛, ❶–❿, ➀–➉, ➊–➓, ㈠–㈩
const CIRCLED = /[\u2460-\u249B\u2776-\u2793\u3220-\u3229]/g;
const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]/g;
const QUOTES = /["'“”‘’「」『』]/g;
const CN_NUM = '一二三四五六七八九十';
const DIGIT = '\\d０-９';

const ORDINAL = new RegExp(
  '^(?:' +
    [
      `[(（][${CN_NUM}${DIGIT}]{1,3}[)）]`, // （一） (1)
      `[${CN_NUM}]{1,3}[、.．]`, // 一、
      `[${DIGIT}]{1,2}(?:[、)）]|[.．](?![${DIGIT}]))`, // 1、 1) 1.  (not 1.5)
    ].join('|') +
    ')',
);

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Removes one leading ordinal such as `1、` `一、` `（一）` `(1)` `1.` and the spaces around it. */
export function stripOrdinal(s: string): string {
  const t = s.replace(/^[\s\u3000]+/, '');
  const m = ORDINAL.exec(t);
  return m ? t.slice(m[0].length).replace(/^[\s\u3000]+/, '') : t;
}

export function normalizeName(s: string): string {
  let t = toHalfWidth(s.replace(CIRCLED, '')).replace(SPACES, '');
  t = t.replace(/[【\[]/g, '(').replace(/[】\]]/g, ')');
  t = t.replace(QUOTES, '');
  // A name may carry two prefixes, e.g. `一、(一)`; stop once nothing changes.
  for (let i = 0; i < 3; i++) {
    const next = stripOrdinal(t);
    if (next === t) break;
    t = next;
  }
  return t;
}
