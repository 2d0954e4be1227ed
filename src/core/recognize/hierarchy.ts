// Levels and parents of a table's rows: from codes, split codes, indentation or names.
import type { RowLevel, TableRow } from './model';
import type { RowScheme } from './specs/tables';
import { norm, stripOrdinal } from './text';

export interface RowDraft {
  row: number;
  side?: 'income' | 'expense';
  code?: string;
  codeCols?: number[];
  name: string;
  nameCol?: number;
  indent: number;
  isTotal: boolean;
  splitParts?: number;
}

export interface HierarchyHints {
  /** Names of top-level economic classes (工资福利支出 …), normalised. */
  readonly economicClassNames: ReadonlySet<string>;
}

function levelFromCode(code: string): RowLevel | undefined {
  if (code.length === 3) return 1;
  if (code.length === 5) return 2;
  if (code.length === 7) return 3;
  return undefined;
}

function ordinalLevel(name: string): RowLevel | undefined {
  const t = name.trim();
  if (/^[一二三四五六七八九十]+[、.．]/.test(t)) return 1;
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(t)) return 2;
  if (/^[①②③④⑤⑥⑦⑧⑨⑩]|^[（(]\d+[)）]|^\d+[、.．](?!\d)/.test(t)) return 2;
  return undefined;
}

function levelsFromIndent(drafts: readonly RowDraft[]): Map<number, RowLevel> | undefined {
  const indents = [...new Set(drafts.filter((d) => !d.isTotal).map((d) => d.indent))].sort((a, b) => a - b);
  if (indents.length < 2) return undefined;
  const rank = new Map<number, RowLevel>();
  indents.forEach((ind, i) => rank.set(ind, Math.min(3, i + 1) as RowLevel));
  return rank;
}

export function assignHierarchy(drafts: readonly RowDraft[], scheme: RowScheme, hints: HierarchyHints): TableRow[] {
  const indentRank = levelsFromIndent(drafts);
  const withLevels = drafts.map((d) => {
    let level: RowLevel | undefined;
    let levelFrom: TableRow['levelFrom'] = 'none';
    if (d.isTotal) return { d, level, levelFrom };
    if (d.code && d.splitParts) {
      level = Math.min(3, d.splitParts) as RowLevel;
      levelFrom = 'split-code';
    } else if (d.code) {
      level = levelFromCode(d.code);
      levelFrom = level ? 'code' : 'none';
    } else if (indentRank) {
      level = indentRank.get(d.indent);
      levelFrom = 'indent';
    } else if (scheme === 'economic') {
      level = hints.economicClassNames.has(stripOrdinal(norm(d.name))) ? 1 : 2;
      levelFrom = 'name';
    } else if (scheme === 'three-public' || scheme === 'two-sided') {
      level = ordinalLevel(d.name) ?? 1;
      levelFrom = 'name';
    } else if (scheme === 'units') {
      level = 1;
      levelFrom = 'name';
    }
    return { d, level, levelFrom };
  });

  const out: TableRow[] = [];
  const stacks = new Map<string, { level: RowLevel; index: number }[]>();
  withLevels.forEach(({ d, level, levelFrom }) => {
    const key = d.side ?? '';
    const stack = stacks.get(key) ?? [];
    stacks.set(key, stack);
    let parent: number | undefined;
    if (level !== undefined && !d.isTotal) {
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      parent = stack.length ? stack[stack.length - 1].index : undefined;
      stack.push({ level, index: out.length });
    }
    // Key by key, in the order of the literal with conditional spreads it replaces (once per row).
    const row = { row: d.row } as { -readonly [K in keyof TableRow]: TableRow[K] };
    if (d.side) row.side = d.side;
    if (d.code) {
      row.code = d.code;
      row.codeCols = d.codeCols;
    }
    row.name = d.name;
    if (d.nameCol !== undefined) row.nameCol = d.nameCol;
    if (level !== undefined) row.level = level;
    row.levelFrom = levelFrom;
    if (parent !== undefined) row.parent = parent;
    row.isTotal = d.isTotal;
    out.push(row);
  });
  return out;
}
