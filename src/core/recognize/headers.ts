// Header rows: which rows are headers, what each column's header chain says, and the column roles.
import type { ColumnPeriod, ColumnRole, TableColumn } from './model';
import type { SheetGrid } from './grid';
import { CHAIN_RULES, GROUP_LABELS, HEADER_WORDS, PERIOD_PATTERNS, ROLE_KEYWORDS, TITLE_CELL } from './specs/roles';
import { norm, stripOrdinal, withoutHeaderUnit, yearOf } from './text';

const ROLE_RES = ROLE_KEYWORDS.map((k) => ({ role: k.role, res: k.patterns.map((p) => new RegExp(p)) }));
const HEADER_RES = HEADER_WORDS.map((p) => new RegExp(p));
const PERIOD_RES = PERIOD_PATTERNS.map((k) => ({ period: k.period, res: k.patterns.map((p) => new RegExp(p)) }));
const TITLE_RE = new RegExp(TITLE_CELL);
const GROUP_RES = GROUP_LABELS.map((p) => new RegExp(p));
const GENERIC: ReadonlySet<ColumnRole> = new Set(CHAIN_RULES.generic);
const SUBTOTAL: ReadonlySet<ColumnRole> = new Set(CHAIN_RULES.subtotal);

function withoutYear(t: string): string {
  return t.replace(/^(19|20)\d{2}年(度)?/, '');
}

export function roleOfText(text: string): ColumnRole | undefined {
  const t = withoutHeaderUnit(norm(text));
  if (!t || TITLE_RE.test(t)) return undefined;
  for (const candidate of [t, withoutYear(t)]) {
    if (!candidate) continue;
    for (const k of ROLE_RES) if (k.res.some((re) => re.test(candidate))) return k.role;
  }
  return undefined;
}

function isHeaderWord(text: string): boolean {
  const t = norm(text);
  // a title, or an item with an ordinal (一、一般公共预算) is data, whatever its words
  if (TITLE_RE.test(t) || stripOrdinal(t) !== t) return false;
  return roleOfText(t) !== undefined || HEADER_RES.some((re) => re.test(t));
}

function isYearNumber(grid: SheetGrid, r: number, c: number): boolean {
  const cell = grid.cell(r, c);
  return cell?.value.kind === 'number' && Number.isInteger(cell.value.value) && cell.value.value >= 1990 && cell.value.value <= 2099;
}

const headerRowMemo = new WeakMap<SheetGrid, Map<number, boolean>>();

/** A row of labels: no amounts, and most of its cells are header words. */
export function isHeaderRow(grid: SheetGrid, r: number): boolean {
  let memo = headerRowMemo.get(grid);
  if (!memo) headerRowMemo.set(grid, (memo = new Map()));
  const known = memo.get(r);
  if (known !== undefined) return known;
  const answer = headerRowTest(grid, r);
  memo.set(r, answer);
  return answer;
}

function headerRowTest(grid: SheetGrid, r: number): boolean {
  const cols = grid.filledCols(r);
  if (cols.length < 2) return false;
  // numbers first: the cheap test that rejects every data row
  for (const c of cols) if (grid.isNumberCell(r, c) && !isYearNumber(grid, r, c)) return false;
  let words = 0;
  for (const c of cols) {
    if (grid.isNumeric(r, c)) return false;
    if (isHeaderWord(grid.text(r, c))) words++;
  }
  return words >= 2 && words / cols.length >= 0.6;
}

/**
 * A row right below a header block that still belongs to it: a merge from the block's rows reaches
 * down into it (科目编码 merged over three header rows), it has no amounts, and its filled cells
 * are labels or sit under the block's columns.
 */
export function continuesHeader(grid: SheetGrid, block: { first: number; last: number; left: number; right: number }, r: number): boolean {
  if (r !== block.last + 1) return false;
  const cols = grid.filledCols(r);
  if (!cols.length) return false;
  for (const c of cols) if (grid.isNumeric(r, c) && !isYearNumber(grid, r, c)) return false;
  let reached = false;
  for (let c = block.left; c <= block.right && !reached; c++) {
    const m = grid.masterOf(r, c);
    if (m && m.row >= block.first && m.row <= block.last) reached = true;
  }
  if (!reached) return false;
  return cols.every((c) => c >= block.left && c <= block.right && !grid.isMergeSlave(r, c));
}

export interface HeaderBlock {
  readonly first: number;
  readonly last: number;
  readonly left: number;
  readonly right: number;
}

export function findHeaderBlocks(grid: SheetGrid, rows: readonly number[]): HeaderBlock[] {
  const blocks: HeaderBlock[] = [];
  const taken = new Set(rows);
  let start = -1;
  let prev = -2;
  const close = () => {
    if (start < 0) return;
    let left = Infinity;
    let right = -1;
    for (let r = start; r <= prev; r++)
      for (const c of grid.filledCols(r)) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    let last = prev;
    while (last - start < 3 && !taken.has(last + 1) && continuesHeader(grid, { first: start, last, left, right }, last + 1)) last++;
    blocks.push({ first: start, last, left, right });
    start = -1;
  };
  // header rows a PDF paste split with a blank line still make one header
  const onlyBlankBetween = (a: number, b: number) => {
    for (let x = a + 1; x < b; x++) if (!grid.isRowBlank(x)) return false;
    return b - a <= 2;
  };
  for (const r of rows) {
    if (r - start > 3 || !onlyBlankBetween(prev, r)) close();
    if (start < 0) start = r;
    prev = r;
  }
  close();
  return blocks;
}

/**
 * Tables standing side by side share their header rows: cut the block at columns blank in every
 * header row, when each part has an item column and an amount column of its own. (A blank spacer
 * column inside one table leaves a part without one of them, and the block whole.)
 */
export function splitSideBySide(grid: SheetGrid, block: HeaderBlock): HeaderBlock[] {
  const blankCol = (c: number) => {
    for (let r = block.first; r <= block.last; r++) if (grid.mergedText(r, c).trim() !== '') return false;
    return true;
  };
  const parts: HeaderBlock[] = [];
  let start = block.left;
  for (let c = block.left + 1; c <= block.right + 1; c++) {
    if (c <= block.right && !blankCol(c)) continue;
    if (c - 1 >= start && !blankCol(start)) parts.push({ ...block, left: start, right: c - 1 });
    start = c + 1;
  }
  if (parts.length < 2) return [block];
  const standsAlone = (part: HeaderBlock) => {
    const roles = rawColumns(headerChains(grid, part), undefined).map((c) => c.role);
    return roles.some((r) => r && !isAmountRole(r) && r !== 'note') && roles.some((r) => r && isAmountRole(r));
  };
  return parts.every(standsAlone) ? parts : [block];
}

/** Header texts of each column, top to bottom, with merges and left-carried group labels filled in. */
export function headerChains(grid: SheetGrid, block: HeaderBlock, right = block.right): Map<number, string[]> {
  const chains = new Map<number, string[]>();
  const carried: string[][] = [];
  for (let r = block.first; r <= block.last; r++) {
    const row: string[] = [];
    for (let c = block.left; c <= right; c++) {
      let t = grid.mergedText(r, c).trim();
      if (!t && c > block.left && r < block.last) {
        const below = [];
        for (let rr = r + 1; rr <= block.last; rr++) below.push(grid.mergedText(rr, c).trim());
        const leftText = row[c - block.left - 1];
        const leftHasBelow = (() => {
          for (let rr = r + 1; rr <= block.last; rr++) if (grid.mergedText(rr, c - 1).trim()) return true;
          return false;
        })();
        if (leftText && below.some((b) => b) && leftHasBelow) t = leftText;
      }
      row.push(t);
    }
    carried.push(row);
  }
  for (let c = block.left; c <= right; c++) {
    const chain: string[] = [];
    for (const row of carried) {
      const t = row[c - block.left];
      if (t && chain[chain.length - 1] !== t) chain.push(t);
    }
    chains.set(c, chain);
  }
  return chains;
}

export function periodOf(chain: readonly string[], tableYear: number | undefined): ColumnPeriod {
  for (const t of chain) {
    const n = norm(t);
    for (const k of PERIOD_RES) if (k.res.some((re) => re.test(n))) return k.period;
  }
  if (tableYear !== undefined) {
    for (const t of chain) {
      const y = yearOf(t);
      if (y !== undefined && y < tableYear) return 'prior';
    }
  }
  return 'current';
}

export interface RawColumn {
  readonly col: number;
  readonly chain: readonly string[];
  readonly role: ColumnRole | undefined;
  readonly period: ColumnPeriod;
}

/** One role from a column's header chain (top to bottom); see CHAIN_RULES. */
export function roleOfChain(chain: readonly string[]): ColumnRole | undefined {
  const found = chain.map((t) => roleOfText(t));
  let at = -1;
  for (let i = found.length - 1; i >= 0; i--) {
    const r = found[i];
    if (r && !GENERIC.has(r)) {
      at = i;
      break;
    }
  }
  const lowest = [...found].reverse().find((r) => r !== undefined);
  if (at < 0) return lowest;
  const specific = found[at]!;
  // an amount role found only above a generic one must be an amount role (项目 over 金额 is no name)
  if (lowest && GENERIC.has(lowest) && found.lastIndexOf(lowest) > at && !isAmountRole(specific)) return lowest;
  if (SUBTOTAL.has(specific)) {
    // 小计 under 基本支出 is 基本支出; under 公务用车购置及运行费 an amount of that group
    for (let j = at - 1; j >= 0; j--) {
      const up = found[j];
      if (up && GENERIC.has(up)) break;
      if (up && isAmountRole(up) && !SUBTOTAL.has(up)) return up;
      if (!up && GROUP_RES.some((re) => re.test(norm(chain[j])))) return CHAIN_RULES.generic[0];
    }
  }
  return specific;
}

export function rawColumns(chains: Map<number, string[]>, tableYear: number | undefined): RawColumn[] {
  const out: RawColumn[] = [];
  for (const [col, chain] of chains) out.push({ col, chain, role: roleOfChain(chain), period: periodOf(chain, tableYear) });
  return out.sort((a, b) => a.col - b.col);
}

const ITEM_ROLES: ReadonlySet<ColumnRole> = new Set(['name', 'code', 'code-name', 'code-class', 'code-section', 'code-item', 'note']);

export function isAmountRole(role: ColumnRole): boolean {
  return !ITEM_ROLES.has(role) && role !== 'income-item' && role !== 'expense-item';
}

/** Which half of a two-sided table a column's header puts it in (收入… / 支出…), if any. */
export function sideOfChain(chain: readonly string[]): 'income' | 'expense' | undefined {
  for (const t of chain) {
    const n = norm(t);
    if (/^收入/.test(n)) return 'income';
    if (/^支出/.test(n)) return 'expense';
  }
  return undefined;
}

/** A header with an income half and an expense half, each with an item column. */
export function hasTwoSides(raw: readonly RawColumn[]): boolean {
  const named = raw.filter((c) => c.role === 'name');
  return named.some((c) => sideOfChain(c.chain) === 'income') && named.some((c) => sideOfChain(c.chain) === 'expense');
}

/** Two-sided tables: split the columns into the income and the expense half and name the roles. */
export function twoSidedColumns(raw: readonly RawColumn[]): TableColumn[] {
  const sideOf = (c: RawColumn) => sideOfChain(c.chain);
  const names = raw.filter((c) => c.role === 'name');
  const expenseStart = raw.find((c) => sideOf(c) === 'expense')?.col ?? names[1]?.col ?? Infinity;
  const out: TableColumn[] = [];
  let expenseAmountGiven = false;
  let incomeAmountGiven = false;
  for (const c of raw) {
    if (!c.role) continue;
    const side = c.col >= expenseStart ? 'expense' : 'income';
    let role: ColumnRole = c.role;
    if (role === 'name') role = side === 'income' ? 'income-item' : 'expense-item';
    else if (side === 'income' && !incomeAmountGiven && (role === 'amount' || role === 'total')) {
      role = 'income-amount';
      incomeAmountGiven = true;
    } else if (side === 'expense' && !expenseAmountGiven && (role === 'amount' || role === 'total')) {
      role = 'expense-amount';
      expenseAmountGiven = true;
    }
    out.push({ col: c.col, role, period: c.period, header: c.chain.join(' / '), side });
  }
  return out;
}

export function plainColumns(raw: readonly RawColumn[], singleAmountRole: ColumnRole | undefined): TableColumn[] {
  const cols = raw.filter((c) => c.role) as (RawColumn & { role: ColumnRole })[];
  const amounts = cols.filter((c) => isAmountRole(c.role) && c.period === 'current');
  return cols.map((c) => {
    let role = c.role;
    if (singleAmountRole && amounts.length === 1 && amounts[0].col === c.col) role = singleAmountRole;
    return { col: c.col, role, period: c.period, header: c.chain.join(' / ') };
  });
}
