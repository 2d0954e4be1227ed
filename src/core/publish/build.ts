// Ledger lines → the ten table models, every figure rounded once by roundControlled (rounding.ts).
import { dictionary } from '../classification';
import { OPERATING_COST_CLASSES, THREE_PUBLIC_ITEMS } from './ledger-spec';
import type { CellContent, Figure, Fund, LedgerLine, ModelRow, SpendType, TableModel, ThreePublicScope } from './model';
import { roundControlled, type OutOfBand } from './rounding';
import {
  EXPENSE_TOTAL,
  FISCAL_INCOME_ITEMS,
  INCOME_TOTAL,
  SUMMARY_INCOME_ITEMS,
  TABLE_LAYOUTS,
  TOTAL,
  fill,
  type TableLayoutSpec,
} from './specs';

/** Fen per printed unit (0.01 万元 = 100 元 = 10 000 fen). */
export const UNIT_FEN = 10_000n;

/** A cell of the ledger cube: the sum of all lines with the same coordinates. */
export interface Atom {
  readonly func: string;
  readonly fund: Fund;
  readonly type: SpendType;
  readonly econ: string;
  readonly unit: string;
  readonly admin: boolean;
  fen: bigint;
}

/** Column categories of the function tables: which atoms a column sums. */
export const CATEGORIES = {
  all: () => true,
  general: (a: Atom) => a.fund === 'general',
  fund: (a: Atom) => a.fund === 'fund',
  special: (a: Atom) => a.fund === 'special',
  unit: (a: Atom) => a.fund === 'unit',
  basic: (a: Atom) => a.type === 'basic',
  project: (a: Atom) => a.type === 'project',
  'general.basic': (a: Atom) => a.fund === 'general' && a.type === 'basic',
  'general.project': (a: Atom) => a.fund === 'general' && a.type === 'project',
  'fund.basic': (a: Atom) => a.fund === 'fund' && a.type === 'basic',
  'fund.project': (a: Atom) => a.fund === 'fund' && a.type === 'project',
  /** 财政拨款: 一般公共预算 + 政府性基金 (table 4's 小计). */
  fiscal: (a: Atom) => a.fund === 'general' || a.fund === 'fund',
} satisfies Record<string, (a: Atom) => boolean>;

export type Category = keyof typeof CATEGORIES;

type Ref = { readonly g: string };
type Draft = string | Ref | null;
interface DraftRow {
  cells: Draft[];
  level?: 1 | 2 | 3;
  total?: boolean;
  sub?: boolean;
}
interface DraftTable {
  spec: TableLayoutSpec;
  rows: DraftRow[];
  empty: boolean;
}

export interface BuildOptions {
  readonly year: number;
  readonly threePublicScope?: ThreePublicScope;
}

export interface BuildResult {
  readonly tables: readonly TableModel[];
  readonly atoms: readonly Atom[];
  /** Exact ledger total, fen. */
  readonly totalFen: bigint;
  readonly rounding: {
    /** The grand total in 0.01 万元. */
    readonly total: bigint;
    readonly swaps: number;
    readonly groups: number;
    readonly outside: readonly OutOfBand[];
  };
  /** Every printed figure by group id, for tests and reports. */
  readonly figures: ReadonlyMap<string, Figure>;
}

export function atomsOf(lines: readonly LedgerLine[]): Atom[] {
  const byKey = new Map<string, Atom>();
  for (const l of lines) {
    const econ = l.econCode ?? '';
    const key = `${l.funcCode}|${l.fund}|${l.type}|${econ}|${l.admin ? 1 : 0}|${l.unit}`;
    const a = byKey.get(key);
    if (a) a.fen += l.fen;
    else byKey.set(key, { func: l.funcCode, fund: l.fund, type: l.type, econ, unit: l.unit, admin: l.admin, fen: l.fen });
  }
  return [...byKey.values()].filter((a) => a.fen !== 0n);
}

const funcName = (code: string) => dictionary.lookup(code, 'function')?.name ?? '';
const econName = (code: string) => dictionary.lookup(code, 'economic-dept')?.name ?? '';

class Book {
  readonly groups = new Map<string, number[]>();
  private readonly byNode = new Map<string, number[]>();
  private readonly byEcon = new Map<string, number[]>();

  constructor(readonly atoms: readonly Atom[]) {
    atoms.forEach((a, i) => {
      for (const node of ['T', a.func.slice(0, 3), a.func.slice(0, 5), a.func]) push(this.byNode, node, i);
      if (CATEGORIES['general.basic'](a) && a.econ) for (const node of [a.econ.slice(0, 3), a.econ]) push(this.byEcon, node, i);
    });
  }

  /** A printed figure made of `atoms`; null (a blank cell) when there are none, unless `zero`. */
  ref(id: string, atoms: readonly number[], zero = false): Ref | null {
    if (!atoms.length && !zero) return null;
    if (!this.groups.has(id)) this.groups.set(id, [...atoms]);
    return { g: id };
  }

  fn(node: string, cat: Category, zero = false): Ref | null {
    const p = CATEGORIES[cat];
    return this.ref(`F|${node}|${cat}`, (this.byNode.get(node) ?? []).filter((i) => p(this.atoms[i])), zero);
  }

  econ(node: string): Ref | null {
    return this.ref(`E|${node}`, this.byEcon.get(node) ?? []);
  }

  /** Function codes (类, 款, 项 in code order) holding atoms of a category. */
  functionTree(cat: Category): { code: string; level: 1 | 2 | 3 }[] {
    const items = new Set<string>();
    for (const a of this.atoms) if (CATEGORIES[cat](a)) items.add(a.func);
    return tree([...items], [3, 5, 7]);
  }

  econTree(): { code: string; level: 1 | 2 | 3 }[] {
    return tree([...this.byEcon.keys()].filter((k) => k.length === 5), [3, 5]);
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

function tree(leaves: string[], lengths: number[]): { code: string; level: 1 | 2 | 3 }[] {
  const codes = new Set<string>();
  for (const leaf of leaves) for (const n of lengths) codes.add(leaf.slice(0, n));
  // Same-length codes sort as strings; a parent sorts before its children (a prefix comes first).
  return [...codes].sort().map((code) => ({ code, level: (lengths.indexOf(code.length) + 1) as 1 | 2 | 3 }));
}

function functionTable(book: Book, spec: TableLayoutSpec, filter: Category, cols: Category[]): DraftTable {
  const nodes = book.functionTree(filter);
  const rows: DraftRow[] = [];
  if (nodes.length) {
    rows.push({ cells: ['', TOTAL, ...cols.map((c) => book.fn('T', c))], total: true });
    for (const n of nodes) rows.push({ cells: [n.code, funcName(n.code), ...cols.map((c) => book.fn(n.code, c))], level: n.level });
  }
  return { spec, rows, empty: !nodes.length };
}

function classList(book: Book, spec: TableLayoutSpec): string[] {
  const used = new Set(book.atoms.map((a) => a.func.slice(0, 3)));
  return dictionary
    .entries('function')
    .filter((e) => e.level === '类' && (!spec.omitClasses?.includes(e.code) || used.has(e.code)))
    .map((e) => e.code)
    .sort();
}

function twoSided(left: DraftRow['cells'][], right: DraftRow['cells'][], total: DraftRow['cells']): DraftRow[] {
  const rows: DraftRow[] = [];
  const width = (left[0]?.length ?? 0) + (right[0]?.length ?? 0);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? Array<Draft>(left[0].length).fill(null);
    const r = right[i] ?? Array<Draft>(right[0].length).fill(null);
    rows.push({ cells: [...l, ...r] });
  }
  rows.push({ cells: total.slice(0, width), total: true });
  return rows;
}

function summary(book: Book, spec: TableLayoutSpec): DraftTable {
  const left = SUMMARY_INCOME_ITEMS.map((it) => [it.name, book.fn('T', it.fund)]);
  const right = classList(book, spec).map((code) => [funcName(code), book.fn(code, 'all')]);
  const total = [INCOME_TOTAL, book.fn('T', 'all', true), EXPENSE_TOTAL, book.fn('T', 'all', true)];
  return { spec, rows: twoSided(left, right, total), empty: false };
}

function fiscalSummary(book: Book, spec: TableLayoutSpec): DraftTable {
  const left = FISCAL_INCOME_ITEMS.map((it) => [it.name, book.fn('T', it.fund)]);
  const right = classList(book, spec).map((code) => [funcName(code), book.fn(code, 'fiscal'), book.fn(code, 'general'), book.fn(code, 'fund')]);
  const total = [INCOME_TOTAL, book.fn('T', 'fiscal', true), EXPENSE_TOTAL, book.fn('T', 'fiscal', true), book.fn('T', 'general'), book.fn('T', 'fund')];
  return { spec, rows: twoSided(left, right, total), empty: false };
}

function basicEconomic(book: Book, spec: TableLayoutSpec): DraftTable {
  const nodes = book.econTree();
  const rows: DraftRow[] = [];
  if (nodes.length) {
    rows.push({ cells: ['', TOTAL, book.fn('T', 'general.basic'), ''], total: true });
    for (const n of nodes) rows.push({ cells: [n.code, econName(n.code), book.econ(n.code), ''], level: n.level });
  }
  return { spec, rows, empty: !nodes.length };
}

function threePublic(book: Book, spec: TableLayoutSpec, scope: ThreePublicScope): DraftTable {
  const counted = (a: Atom, codes: readonly string[]) =>
    a.fund === 'general' && (scope === 'all' || a.type === 'basic') && codes.includes(a.econ);
  const ids = (codes: readonly string[]) => book.atoms.flatMap((a, i) => (counted(a, codes) ? [i] : []));
  const rows: DraftRow[] = THREE_PUBLIC_ITEMS.map((it) => ({
    cells: [it.name, book.ref(`P|${it.key}`, ids(it.codes), true)],
    ...(it.level === 2 ? { sub: true } : {}),
  }));
  const all = [...new Set(THREE_PUBLIC_ITEMS.flatMap((it) => it.codes))];
  rows.push({ cells: [TOTAL, book.ref('P|total', ids(all), true)], total: true });
  return { spec, rows, empty: false };
}

function operatingCosts(book: Book, spec: TableLayoutSpec, units: readonly string[]): DraftTable {
  const counted = (a: Atom) => a.admin && CATEGORIES['general.basic'](a) && OPERATING_COST_CLASSES.includes(a.econ.slice(0, 3));
  const rows: DraftRow[] = [];
  for (const u of units) {
    const ids = book.atoms.flatMap((a, i) => (counted(a) && a.unit === u ? [i] : []));
    if (ids.length) rows.push({ cells: [u, book.ref(`O|${u}`, ids)] });
  }
  const all = book.atoms.flatMap((a, i) => (counted(a) ? [i] : []));
  rows.push({ cells: [TOTAL, book.ref('O|total', all, true)], total: true });
  return { spec, rows, empty: false };
}

/** Builds and rounds the ten tables from accepted ledger lines. */
export function buildTables(lines: readonly LedgerLine[], units: readonly string[], opts: BuildOptions): BuildResult {
  const atoms = atomsOf(lines);
  const book = new Book(atoms);
  const spec = (id: TableLayoutSpec['id']) => TABLE_LAYOUTS.find((t) => t.id === id)!;
  const drafts: DraftTable[] = [
    summary(book, spec('summary')),
    functionTable(book, spec('income'), 'all', ['all', 'general', 'fund', 'special', 'unit']),
    functionTable(book, spec('expenditure'), 'all', ['all', 'basic', 'project']),
    fiscalSummary(book, spec('fiscal-summary')),
    functionTable(book, spec('general-expenditure'), 'general', ['general', 'general.basic', 'general.project']),
    basicEconomic(book, spec('basic-economic')),
    functionTable(book, spec('fund-income'), 'fund', ['fund']),
    functionTable(book, spec('fund-expenditure'), 'fund', ['fund', 'fund.basic', 'fund.project']),
    threePublic(book, spec('three-public'), opts.threePublicScope ?? 'all'),
    operatingCosts(book, spec('operating-costs'), units),
  ];

  const ids = [...book.groups.keys()];
  const result = roundControlled({
    exact: atoms.map((a) => a.fen),
    paths: atoms.map((a) => [a.func.slice(0, 3), a.func.slice(0, 5), a.func, a.fund, a.type, a.econ, `${a.admin ? 1 : 0}|${a.unit}`]),
    groups: ids.map((id) => ({ id, atoms: book.groups.get(id)! })),
    unit: UNIT_FEN,
  });

  const figures = new Map<string, Figure>();
  for (const id of ids) {
    let units = 0n;
    let fen = 0n;
    for (const i of book.groups.get(id)!) {
      units += result.atoms[i];
      fen += atoms[i].fen;
    }
    figures.set(id, { group: id, units, fen });
  }
  const resolve = (d: Draft): CellContent => (d === null || typeof d === 'string' ? d : figures.get(d.g)!);
  const tables: TableModel[] = drafts.map((d) => ({
    no: d.spec.no,
    kind: d.spec.id,
    sheet: d.spec.sheet,
    title: fill(d.spec.title, { year: opts.year }),
    rows: d.rows.map(
      (r): ModelRow => ({
        cells: r.cells.map(resolve),
        ...(r.level ? { level: r.level } : {}),
        ...(r.total ? { total: true } : {}),
        ...(r.sub ? { sub: true } : {}),
      }),
    ),
    ...(d.empty && d.spec.emptyNote ? { note: fill(d.spec.emptyNote, { year: opts.year }) } : {}),
  }));
  return {
    tables,
    atoms,
    totalFen: atoms.reduce((s, a) => s + a.fen, 0n),
    rounding: { total: result.total, swaps: result.swaps, groups: ids.length, outside: result.outside },
    figures,
  };
}
