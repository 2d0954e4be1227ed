// Header rows: which rows are headers, what each column's header chain says, and the column roles.
import type { ColumnPeriod, ColumnRole, TableColumn } from './model';
import type { SheetGrid } from './grid';
import { HEADER_WORDS, PERIOD_PATTERNS, ROLE_KEYWORDS } from './specs/roles';
import { norm, yearOf } from './text';

const ROLE_RES = ROLE_KEYWORDS.map((k) => ({ role: k.role, res: k.patterns.map((p) => new RegExp(p)) }));
const HEADER_RES = HEADER_WORDS.map((p) => new RegExp(p));
const PERIOD_RES = PERIOD_PATTERNS.map((k) => ({ period: k.period, res: k.patterns.map((p) => new RegExp(p)) }));

function withoutYear(t: string): string {
  return t.replace(/^(19|20)\d{2}年(度)?/, '');
}

export function roleOfText(text: string): ColumnRole | undefined {
  const t = norm(text);
  if (!t) return undefined;
  for (const candidate of [t, withoutYear(t)]) {
    if (!candidate) continue;
    for (const k of ROLE_RES) if (k.res.some((re) => re.test(candidate))) return k.role;
  }
  return undefined;
}

function isHeaderWord(text: string): boolean {
  const t = norm(text);
  return roleOfText(t) !== undefined || HEADER_RES.some((re) => re.test(t));
}

function isYearNumber(grid: SheetGrid, r: number, c: number): boolean {
  const cell = grid.cell(r, c);
  return cell?.value.kind === 'number' && Number.isInteger(cell.value.value) && cell.value.value >= 1990 && cell.value.value <= 2099;
}

/** A row of labels: no amounts, and most of its cells are header words. */
export function isHeaderRow(grid: SheetGrid, r: number): boolean {
  const cols = grid.filledCols(r);
  if (cols.length < 2) return false;
  let words = 0;
  for (const c of cols) {
    if (grid.isNumeric(r, c) && !isYearNumber(grid, r, c)) return false;
    if (isHeaderWord(grid.text(r, c))) words++;
  }
  return words >= 2 && words / cols.length >= 0.6;
}

export interface HeaderBlock {
  readonly first: number;
  readonly last: number;
  readonly left: number;
  readonly right: number;
}

export function findHeaderBlocks(grid: SheetGrid, rows: readonly number[]): HeaderBlock[] {
  const blocks: HeaderBlock[] = [];
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
    blocks.push({ first: start, last: prev, left, right });
    start = -1;
  };
  for (const r of rows) {
    if (r !== prev + 1 || prev - start >= 3) close();
    if (start < 0) start = r;
    prev = r;
  }
  close();
  return blocks;
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

export function rawColumns(chains: Map<number, string[]>, tableYear: number | undefined): RawColumn[] {
  const out: RawColumn[] = [];
  for (const [col, chain] of chains) {
    let role: ColumnRole | undefined;
    for (let i = chain.length - 1; i >= 0 && !role; i--) role = roleOfText(chain[i]);
    out.push({ col, chain, role, period: periodOf(chain, tableYear) });
  }
  return out.sort((a, b) => a.col - b.col);
}

const ITEM_ROLES: ReadonlySet<ColumnRole> = new Set(['name', 'code', 'code-name', 'code-class', 'code-section', 'code-item', 'note']);

export function isAmountRole(role: ColumnRole): boolean {
  return !ITEM_ROLES.has(role) && role !== 'income-item' && role !== 'expense-item';
}

/** Two-sided tables: split the columns into the income and the expense half and name the roles. */
export function twoSidedColumns(raw: readonly RawColumn[]): TableColumn[] {
  const sideOf = (c: RawColumn): 'income' | 'expense' | undefined => {
    for (const t of c.chain) {
      const n = norm(t);
      if (/^收入/.test(n)) return 'income';
      if (/^支出/.test(n)) return 'expense';
    }
    return undefined;
  };
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
