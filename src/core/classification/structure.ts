// Structural witnesses: what a code's shape says about its name, without the dictionary.
import { levelOfCode, normalizeCode } from './codes';
import { normalizeName } from './normalize';

export interface StructuralPattern {
  /** Last two digits of the code. */
  suffix: string;
  /** Human-readable expected name, e.g. `行政运行` or `其他…支出`. */
  label: string;
  /** Tested against normalizeName(name). */
  pattern: RegExp;
}

/**
 * Common 项 patterns of the function classification. The name → suffix direction is reliable
 * (行政运行 is always xx01); the suffix → name direction is not (2080501 is 行政单位离退休),
 * so a code ending 01 whose name is not 行政运行 is no finding on its own.
 */
export const STRUCTURAL_PATTERNS: readonly StructuralPattern[] = [
  { suffix: '01', label: '行政运行', pattern: /^行政运行$/ },
  { suffix: '02', label: '一般行政管理事务', pattern: /^一般行政管理事务$/ },
  { suffix: '03', label: '机关服务', pattern: /^机关服务$/ },
  { suffix: '50', label: '事业运行', pattern: /^事业运行$/ },
  { suffix: '99', label: '其他…支出', pattern: /^其他.*支出$/ },
];

function isFunctionItem(code: string): boolean {
  return levelOfCode(code) === 3 && code.startsWith('2');
}

/** The common pattern for a 7-digit function code's last two digits, if there is one. */
export function structuralNameFor(code: string): StructuralPattern | undefined {
  const c = normalizeCode(code);
  if (!isFunctionItem(c)) return undefined;
  return STRUCTURAL_PATTERNS.find((p) => p.suffix === c.slice(-2));
}

/** The pattern a name belongs to (行政运行 → suffix 01), if any. */
export function structuralPatternOfName(name: string): StructuralPattern | undefined {
  const n = normalizeName(name);
  return STRUCTURAL_PATTERNS.find((p) => p.pattern.test(n));
}

/**
 * Whether a 7-digit function code and its name agree structurally:
 * false when the name follows a pattern whose suffix the code lacks (行政运行 on 2010302),
 * true when the name follows the code's pattern, undefined when structure says nothing.
 */
export function structureAgrees(code: string, name: string): boolean | undefined {
  const c = normalizeCode(code);
  if (!isFunctionItem(c)) return undefined;
  const byName = structuralPatternOfName(name);
  if (byName) return byName.suffix === c.slice(-2);
  return undefined;
}

/** Prefix test: child is one level below parent (3 → 5 → 7 digits) and starts with it. */
export function isPlausibleChild(parent: string, child: string): boolean {
  const p = normalizeCode(parent);
  const c = normalizeCode(child);
  const lp = levelOfCode(p);
  const lc = levelOfCode(c);
  return lp !== undefined && lc === lp + 1 && c.startsWith(p);
}
