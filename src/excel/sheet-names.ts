// Names for sheets Suanpan adds: what Excel accepts, and never one a sheet already has.
//
// Excel's rules: 1 to 31 characters, none of : \ / ? * [ ], not starting or ending with an
// apostrophe, not the reserved name "History", unique without regard to case.

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

/** The name as Excel would accept it: forbidden characters become '_', cut to 31 characters. */
export function validSheetName(name: string): string {
  let s = name.replace(FORBIDDEN, '_').replace(/[\u0000-\u001f]/g, ' ').trim();
  s = s.replace(/^'+/, '').replace(/'+$/, '').trim();
  s = cut(s, MAX_SHEET_NAME).replace(/'+$/, '').trim();
  if (!s || s.toLowerCase() === 'history') s = s ? `${s}_` : 'Sheet';
  return s;
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

/**
 * A name for a new sheet that no sheet in `taken` has (compared without case): `name` itself when
 * free, else `name (2)`, `name (3)` … with `name` shortened so the whole stays within 31 characters.
 * The name picked is added to `taken`.
 */
export function freeSheetName(wanted: string, taken: Set<string>): string {
  const base = validSheetName(wanted);
  let pick = base;
  for (let n = 2; taken.has(pick.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    const stem = cut(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, '').trimEnd();
    pick = `${stem}${suffix}`;
  }
  taken.add(pick.toLowerCase());
  return pick;
}
