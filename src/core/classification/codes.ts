import { toHalfWidth } from './normalize';

export type Scheme = 'function' | 'economic-dept' | 'economic-gov';
export type LevelName = '类' | '款' | '项';

/** Trims, drops inner spaces and full-width digits: `208 05 05` / `２０８` → `2080505` / `208`. */
export function normalizeCode(code: string | number): string {
  return toHalfWidth(String(code)).replace(/\s+/g, '');
}

/** 3 digits → 1 (类), 5 → 2 (款), 7 → 3 (项); anything else → undefined. */
export function levelOfCode(code: string): 1 | 2 | 3 | undefined {
  const c = normalizeCode(code);
  if (!/^\d+$/.test(c)) return undefined;
  return c.length === 3 ? 1 : c.length === 5 ? 2 : c.length === 7 ? 3 : undefined;
}

export function levelName(level: 1 | 2 | 3): LevelName {
  return level === 1 ? '类' : level === 2 ? '款' : '项';
}

/** The code one level up (first 3 or 5 digits); undefined for a 类 or a malformed code. */
export function parentCode(code: string): string | undefined {
  const c = normalizeCode(code);
  const level = levelOfCode(c);
  return level && level > 1 ? c.slice(0, c.length - 2) : undefined;
}

/** Scheme from the first digit: 2 → function, 3 → economic-dept, 5 → economic-gov. */
export function inferScheme(code: string): Scheme | undefined {
  const c = normalizeCode(code);
  if (levelOfCode(c) === undefined) return undefined;
  switch (c[0]) {
    case '2':
      return 'function';
    case '3':
      return 'economic-dept';
    case '5':
      return 'economic-gov';
    default:
      return undefined;
  }
}
