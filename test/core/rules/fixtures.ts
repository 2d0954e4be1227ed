// Budgets for the rule tests, generated from a ledger: every figure follows from amounts in whole 元,
// rounded one by one to 0.01 万元 (or printed in 元), so a correct budget differs from the sums of its
// own rounded figures by rounding only. Two layouts: the Shanxi ten-table set of the sample (t01 … t10)
// and the Shanghai nine-table set (元, codes over 类|款|项, 国有资本经营预算支出表, 三公 + 机关运行经费).
//
// Every printed cell has a key `table|row|column` (e.g. `general|2010301|basic`, `summary|total|income`),
// so a test can break one figure and expect the finding at exactly that cell.
import Decimal from 'decimal.js';
import { dictionary } from '../../../src/core/classification';
import type { Finding } from '../../../src/core/findings';
import { checkWorkbook, type CheckResult } from '../../../src/core/rules';
import { cellAddress, qualifiedAddress } from '../../../src/core/workbook/address';
import { sheetFromPastedText } from '../../../src/core/workbook/paste';
import { buildSheet, buildWorkbook, type CellInput } from '../../../src/core/workbook/sheet';
import type { CellRange, WorkbookSnapshot } from '../../../src/core/workbook/types';
import { mulberry32 } from '../../../src/cli/seeded-random';

// ---------------------------------------------------------------------------------------------
// The ledger

export interface LedgerItem {
  /** A 7-digit function code (项). */
  readonly code: string;
  /** Name when the code is not in the dictionary. */
  readonly name?: string;
  /** 元, whole. */
  readonly basic: number;
  readonly project: number;
}

export interface EconomicLine {
  /** A 5-digit department economic code (款), e.g. 30101. */
  readonly code: string;
  /** 元 */
  readonly amount: number;
}

export interface Ledger {
  readonly dept: string;
  /** 项 of the function classification, all general public budget money. */
  readonly items: readonly LedgerItem[];
  /** Names of 类/款 not in the dictionary (for items with unknown codes). */
  readonly names?: Readonly<Record<string, string>>;
  /** Basic expenditure by economic 款; sums to the basic total. */
  readonly economic: readonly EconomicLine[];
  /** 元 */
  readonly threePublic: { readonly abroad: number; readonly reception: number; readonly carPurchase: number; readonly carRunning: number };
  /** 机关运行经费 by unit, 元. */
  readonly units: readonly { readonly name: string; readonly amount: number }[];
}

/** 项 codes whose 款 and 类 are in the dictionary too. */
export const DICTIONARY_ITEMS: readonly string[] = dictionary
  .entries('function')
  .filter((e) => e.level === '项' && dictionary.lookup(e.code.slice(0, 5)) && dictionary.lookup(e.code.slice(0, 3)))
  .map((e) => e.code)
  .sort();

export const ECONOMIC_LINES: readonly string[] = dictionary
  .entries('economic-dept')
  .filter((e) => e.level === '款' && ['301', '302', '303', '310'].includes(e.code.slice(0, 3)) && e.code !== '30231')
  .map((e) => e.code)
  .sort();

const PERSONNEL_CLASSES = new Set(['301', '303']);

/** A small deterministic PRNG (mulberry32). */
export const rng = mulberry32;

function pickInt(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

function pickSome<T>(r: () => number, from: readonly T[], n: number): T[] {
  const pool = [...from];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}

/** An amount in whole 元 (any last digits: figures round up and down to 0.01 万元). */
const money = pickInt;

/** Splits `total` into `n` non-negative whole parts. */
function split(r: () => number, total: number, n: number): number[] {
  if (n <= 0) return [];
  const w = Array.from({ length: n }, () => r() + 0.05);
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.floor((total * x) / sum));
  parts[0] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export interface RandomLedgerOptions {
  /** Number of 项 (default 3–12). */
  readonly items?: number;
  /** Fixed codes instead of a random choice. */
  readonly codes?: readonly string[];
}

/** A random, self-consistent ledger. */
export function randomLedger(seed: number, options: RandomLedgerOptions = {}): Ledger {
  const r = rng(seed);
  const codes = options.codes ? [...options.codes] : pickSome(r, DICTIONARY_ITEMS, options.items ?? pickInt(r, 3, 12));
  codes.sort();
  const items = codes.map((code) => {
    const basic = r() < 0.7 ? money(r, 5_000, 30_000_000) : 0;
    const project = r() < 0.5 || basic === 0 ? money(r, 5_000, 50_000_000) : 0;
    return { code, basic, project };
  });
  if (!items.some((i) => i.basic > 0)) items[0] = { ...items[0], basic: money(r, 100_000, 10_000_000) };
  const basicTotal = items.reduce((a, i) => a + i.basic, 0);
  const carRunning = r() < 0.6 ? Math.min(money(r, 1_000, 300_000), Math.floor(basicTotal / 4)) : 0;
  const lines = pickSome(r, ECONOMIC_LINES, pickInt(r, 3, 14)).sort();
  const amounts = split(r, basicTotal - carRunning, lines.length);
  const economic: EconomicLine[] = lines.map((code, i) => ({ code, amount: amounts[i] })).filter((l) => l.amount > 0);
  if (carRunning > 0) economic.push({ code: '30231', amount: carRunning });
  economic.sort((a, b) => a.code.localeCompare(b.code));
  const dept = '某某市某某局';
  const unitCount = pickInt(r, 1, 3);
  const units = [{ name: dept, amount: money(r, 10_000, 5_000_000) }];
  for (let i = 1; i < unitCount; i++) units.push({ name: `${dept}所属中心${i}`, amount: money(r, 10_000, 2_000_000) });
  return {
    dept,
    items,
    economic,
    threePublic: {
      abroad: r() < 0.3 ? money(r, 1_000, 200_000) : 0,
      reception: r() < 0.7 ? money(r, 1_000, 200_000) : 0,
      carPurchase: r() < 0.25 ? money(r, 50_000, 400_000) : 0,
      carRunning,
    },
    units,
  };
}

/** What a property test draws; `ledgerFrom` turns it into a consistent ledger. */
export interface LedgerDraw {
  /** 项 codes (distinct) with 元 amounts */
  readonly items: readonly { code: string; basic: number; project: number }[];
  /** economic 款 codes (distinct, not 30231) with weights for sharing out the basic money */
  readonly economic: readonly { code: string; weight: number }[];
  readonly abroad: number;
  readonly reception: number;
  readonly carPurchase: number;
  /** at most a quarter of the basic money is spent on running cars */
  readonly carRunning: number;
  /** 机关运行经费 of 1–3 units; `sameNameUnit`: the seed's department + its one unit of the same name */
  readonly units: readonly number[];
  readonly sameNameUnit: boolean;
}

export function ledgerFrom(d: LedgerDraw): Ledger {
  const items = [...d.items].sort((a, b) => a.code.localeCompare(b.code)).map((i) => ({ ...i }));
  if (!items.some((i) => i.basic > 0)) items[0].basic = 100_000;
  for (const i of items) if (i.basic + i.project === 0) i.project = 10_000;
  const basicTotal = items.reduce((a, i) => a + i.basic, 0);
  const carRunning = Math.min(d.carRunning, Math.floor(basicTotal / 4));
  const rest = basicTotal - carRunning;
  const lines = d.economic.length ? d.economic : [{ code: '30101', weight: 1 }];
  const weight = lines.reduce((a, l) => a + l.weight, 0);
  const amounts = lines.map((l) => Math.floor((rest * l.weight) / weight));
  amounts[0] += rest - amounts.reduce((a, b) => a + b, 0);
  const economic = lines.map((l, i) => ({ code: l.code, amount: amounts[i] })).filter((l) => l.amount > 0);
  if (carRunning > 0) economic.push({ code: '30231', amount: carRunning });
  economic.sort((a, b) => a.code.localeCompare(b.code));
  const dept = '某某市某某局';
  const units = d.sameNameUnit
    ? [
        { name: dept, amount: d.units[0] },
        { name: dept, amount: d.units[0] },
      ]
    : d.units.map((amount, i) => ({ name: i ? `${dept}所属中心${i}` : dept, amount }));
  return { dept, items, economic, threePublic: { abroad: d.abroad, reception: d.reception, carPurchase: d.carPurchase, carRunning }, units };
}

/** The ledger of a fixed, readable budget used by most example tests. */
export function exampleLedger(): Ledger {
  return {
    dept: '某某市某某局',
    items: [
      // 819.7550 + 2020.1250 + 310.0950 = 3149.9750: printed 819.76 + 2020.13 + 310.10 under 3149.98
      { code: '2010301', basic: 8_197_550, project: 0 },
      { code: '2010302', basic: 0, project: 20_201_250 },
      { code: '2010350', basic: 3_100_950, project: 0 },
      { code: '2080505', basic: 1_184_400, project: 0 },
      { code: '2101101', basic: 322_551, project: 0 },
      { code: '2101102', basic: 195_649, project: 0 },
      { code: '2130599', basic: 0, project: 118_500 },
      { code: '2210201', basic: 1_099_700, project: 0 },
      { code: '2299999', basic: 0, project: 30_000_000 },
    ],
    economic: [
      { code: '30101', amount: 4_394_400 },
      { code: '30102', amount: 2_070_100 },
      { code: '30107', amount: 1_130_900 },
      { code: '30108', amount: 1_184_400 },
      { code: '30110', amount: 518_200 },
      { code: '30113', amount: 1_099_700 },
      { code: '30201', amount: 735_500 },
      { code: '30206', amount: 900_600 },
      { code: '30211', amount: 198_500 },
      { code: '30231', amount: 60_000 },
      { code: '30299', amount: 460_300 },
      { code: '30302', amount: 60_800 },
      { code: '31002', amount: 1_287_400 },
    ],
    threePublic: { abroad: 0, reception: 25_000, carPurchase: 0, carRunning: 60_000 },
    units: [
      { name: '某某市某某局', amount: 3_552_900 },
      { name: '某某市某某局', amount: 3_552_900 },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Budget: the printed workbook, cell by cell, with a key for every figure

export type Unit = '万元' | '元';
export type TableId =
  | 'summary'
  | 'income'
  | 'expenditure'
  | 'fiscal'
  | 'general'
  | 'economic'
  | 'fundIncome'
  | 'fundExpenditure'
  | 'stateCapital'
  | 'threePublic'
  | 'opCosts';

export interface Place {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

interface SheetDraft {
  name: string;
  rows: CellInput[][];
  merges: CellRange[];
}

export class Budget {
  readonly sheets: SheetDraft[] = [];
  /** key → where the cell is */
  readonly cells = new Map<string, Place>();
  /** amount key → the printed figure (万元 with 2 decimals, or 元) */
  readonly values = new Map<string, Decimal>();
  /** amount key → the most figures in one identity with it, besides itself */
  readonly family = new Map<string, number>();
  /** function tables → their code-cell keys in row order */
  readonly codeKeys = new Map<TableId, string[]>();
  /** table → sheet and the rows it spans (0-based, inclusive) */
  readonly tables = new Map<TableId, { sheet: string; top: number; bottom: number }>();

  constructor(
    readonly unit: Unit,
    readonly variant: 'shanxi' | 'shanghai',
  ) {}

  /** Tables printed in another unit than the budget's. */
  readonly tableUnits = new Map<TableId, Unit>();

  /** The unit a key's figure is printed in. */
  unitOf(key: string): Unit {
    return this.tableUnits.get(key.split('|')[0] as TableId) ?? this.unit;
  }

  /** One unit of the last printed digit of a key's figure: 0.01 万元 or 1 元. */
  step(key?: string): Decimal {
    return new Decimal((key ? this.unitOf(key) : this.unit) === '万元' ? '0.01' : '1');
  }

  place(key: string): Place {
    const p = this.cells.get(key);
    if (!p) throw new Error(`no cell ${key}`);
    return p;
  }

  /** `{sheet, cell}` of a key, as findings report it. */
  at(key: string): { sheet: string; cell: string } {
    const p = this.place(key);
    return { sheet: p.sheet, cell: cellAddress(p.row, p.col) };
  }

  /** `Sheet!A1` */
  ref(key: string): string {
    const a = this.at(key);
    return qualifiedAddress(a.sheet, a.cell);
  }

  get(key: string): CellInput {
    const p = this.place(key);
    return this.sheets.find((s) => s.name === p.sheet)!.rows[p.row]?.[p.col];
  }

  /** Overwrites the cell of a key (on this budget; clone first to keep the original). */
  set(key: string, value: CellInput): this {
    const p = this.place(key);
    const s = this.sheets.find((x) => x.name === p.sheet)!;
    (s.rows[p.row] ??= [])[p.col] = value;
    return this;
  }

  clone(): Budget {
    const b = new Budget(this.unit, this.variant);
    for (const s of this.sheets) b.sheets.push({ name: s.name, rows: s.rows.map((r) => (r ? [...r] : r)), merges: [...s.merges] });
    for (const [k, v] of this.cells) b.cells.set(k, v);
    for (const [k, v] of this.values) b.values.set(k, v);
    for (const [k, v] of this.family) b.family.set(k, v);
    for (const [k, v] of this.codeKeys) b.codeKeys.set(k, [...v]);
    for (const [k, v] of this.tables) b.tables.set(k, v);
    for (const [k, v] of this.tableUnits) b.tableUnits.set(k, v);
    return b;
  }

  workbook(): WorkbookSnapshot {
    return buildWorkbook(
      'generated',
      this.sheets.map((s) => buildSheet({ name: s.name, rows: s.rows.map((r) => r ?? []), merges: s.merges })),
    );
  }

  /** The workbook as a person gets it by pasting the PDF's text into Excel: tabs, no formats, no merges. */
  pastedWorkbook(): WorkbookSnapshot {
    return buildWorkbook(
      'pasted',
      this.sheets.map((s) => sheetFromPastedText(s.name, s.rows.map((r) => (r ?? []).map(displayText).join('\t')).join('\n') + '\n')),
    );
  }

  check(pasted = false): CheckResult {
    return checkWorkbook(pasted ? this.pastedWorkbook() : this.workbook());
  }
}

/** What a cell shows, as the PDF's text would carry it. */
export function displayText(input: CellInput): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string') return input;
  if (typeof input === 'number') return String(input);
  if (typeof input === 'boolean') return input ? 'TRUE' : 'FALSE';
  if (input.text !== undefined) return input.text;
  const v = input.value;
  if (typeof v === 'number') {
    const fmt = input.numFmt ?? '';
    const decimals = /\.(0+)/.exec(fmt)?.[1].length ?? (fmt ? 0 : undefined);
    const s = decimals === undefined ? String(v) : new Decimal(v).toFixed(decimals);
    return /,/.test(fmt) ? s.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : s;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v.value);
}

// ---------------------------------------------------------------------------------------------
// Options

export interface BudgetOptions {
  readonly variant?: 'shanxi' | 'shanghai';
  /** Default 万元 (Shanxi) / 元 (Shanghai). */
  readonly unit?: Unit;
  /** 'fmt': numbers formatted 0.00 (万元) / #,##0 (元); 'general': numbers without a format (310.10 shows 310.1). */
  readonly numbers?: 'fmt' | 'general';
  /** A zero figure printed as a blank cell (default), a dash or 0.00. */
  readonly zeros?: 'blank' | 'dash' | 'zero';
  /** One sheet per table (default), or every table on one sheet, two blank rows apart. */
  readonly layout?: 'sheets' | 'one-sheet';
  /** Where each table's first line goes on its sheet (default A1; Shanxi 表6 at B2 like the sample). */
  readonly origins?: Partial<Record<TableId, { row: number; col: number }>>;
  /** Shanxi function tables: code and name in two cells (default) or one (`2010301 行政运行`). */
  readonly codeName?: 'split' | 'joined';
  /** Names indented with full-width spaces by level. */
  readonly indent?: boolean;
  /** A blank line (a PDF page break) after the rows of these codes, in every function table. */
  readonly pageBreakAfter?: readonly string[];
  /** Codes as numbers (what a paste makes of them) instead of text. */
  readonly numericCodes?: boolean;
  /** Tables printed in another unit (a `单位：元` table beside `单位：万元` ones). */
  readonly tableUnits?: Partial<Record<TableId, Unit>>;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

interface Node {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  basic: number;
  project: number;
  /** Shanghai: 人员经费 / 公用经费 of the basic money */
  personnel: number;
  children: Node[];
}

function nameOf(code: string, ledger: Ledger): string {
  const given = ledger.names?.[code] ?? ledger.items.find((i) => i.code === code)?.name;
  if (given) return given;
  const e = dictionary.lookup(code);
  if (!e) throw new Error(`no name for ${code}`);
  return e.name;
}

/** Personnel share of each item's basic money, so that Σ = the economic table's 人员经费. */
function personnelSplit(ledger: Ledger): Map<string, number> {
  const basicTotal = ledger.items.reduce((a, i) => a + i.basic, 0);
  const personnel = ledger.economic.filter((l) => PERSONNEL_CLASSES.has(l.code.slice(0, 3))).reduce((a, l) => a + l.amount, 0);
  const out = new Map<string, number>();
  let given = 0;
  for (const i of ledger.items) {
    const p = basicTotal ? Math.floor((i.basic * personnel) / basicTotal) : 0;
    out.set(i.code, p);
    given += p;
  }
  for (const i of ledger.items) {
    if (given >= personnel) break;
    const room = Math.min(i.basic - out.get(i.code)!, personnel - given);
    out.set(i.code, out.get(i.code)! + room);
    given += room;
  }
  return out;
}

function functionTree(ledger: Ledger): Node[] {
  const personnel = personnelSplit(ledger);
  const roots: Node[] = [];
  const find = (list: Node[], code: string, level: 1 | 2 | 3) => {
    let n = list.find((x) => x.code === code);
    if (!n) {
      n = { code, name: nameOf(code, ledger), level, basic: 0, project: 0, personnel: 0, children: [] };
      list.push(n);
      list.sort((a, b) => a.code.localeCompare(b.code));
    }
    return n;
  };
  for (const item of ledger.items) {
    const cls = find(roots, item.code.slice(0, 3), 1);
    const sec = find(cls.children, item.code.slice(0, 5), 2);
    const leaf = find(sec.children, item.code, 3);
    for (const n of [cls, sec, leaf]) {
      n.basic += item.basic;
      n.project += item.project;
      n.personnel += personnel.get(item.code)!;
    }
  }
  return roots;
}

function flatten(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

interface EconNode {
  code: string;
  name: string;
  amount: number;
  personnel: boolean;
  children: EconNode[];
}

function economicTree(ledger: Ledger): EconNode[] {
  const classes: EconNode[] = [];
  for (const l of [...ledger.economic].sort((a, b) => a.code.localeCompare(b.code))) {
    const code = l.code.slice(0, 3);
    let c = classes.find((x) => x.code === code);
    if (!c) {
      c = { code, name: dictionary.lookup(code, 'economic-dept')!.name, amount: 0, personnel: PERSONNEL_CLASSES.has(code), children: [] };
      classes.push(c);
    }
    c.amount += l.amount;
    c.children.push({ code: l.code, name: dictionary.lookup(l.code, 'economic-dept')!.name, amount: l.amount, personnel: c.personnel, children: [] });
  }
  return classes;
}

const FUNCTION_CLASSES = dictionary
  .entries('function')
  .filter((e) => e.level === '类')
  .sort((a, b) => a.code.localeCompare(b.code));

/** A table being laid out: rows of cells relative to its first line, keys relative too. */
class TableDraft {
  readonly rows: CellInput[][] = [];
  readonly merges: CellRange[] = [];
  readonly keys = new Map<string, { row: number; col: number }>();
  readonly values = new Map<string, Decimal>();
  readonly families: string[][] = [];
  readonly codeKeys: string[] = [];

  constructor(
    readonly id: TableId,
    readonly b: BudgetWriter,
  ) {}

  line(cells: CellInput[] = []): number {
    this.rows.push([...cells]);
    return this.rows.length - 1;
  }

  /** A figure in 元 at (row, col), keyed. */
  amount(row: number, col: number, key: string, yuan: number): void {
    const fig = this.b.figure(yuan);
    this.rows[row][col] = this.b.cell(yuan, fig);
    this.keys.set(`${this.id}|${key}`, { row, col });
    this.values.set(`${this.id}|${key}`, fig);
  }

  text(row: number, col: number, key: string, text: CellInput): void {
    this.rows[row][col] = text;
    this.keys.set(`${this.id}|${key}`, { row, col });
  }

  /** Figures that form one identity: total first, then its parts. */
  family(keys: string[]): void {
    this.families.push(keys.map((k) => `${this.id}|${k}`));
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }
}

class BudgetWriter {
  constructor(
    readonly unit: Unit,
    readonly options: BudgetOptions,
  ) {}

  figure(yuan: number): Decimal {
    return this.unit === '万元' ? new Decimal(yuan).div(10000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : new Decimal(yuan);
  }

  cell(yuan: number, fig: Decimal): CellInput {
    if (yuan === 0) {
      const z = this.options.zeros ?? 'blank';
      if (z === 'blank') return null;
      if (z === 'dash') return '—';
      return this.options.numbers === 'general' ? 0 : { value: 0, numFmt: this.unit === '万元' ? '0.00' : '#,##0' };
    }
    const n = fig.toNumber();
    if (this.options.numbers === 'general') return n;
    return { value: n, numFmt: this.unit === '万元' ? '0.00' : '#,##0' };
  }

  code(code: string): CellInput {
    return this.options.numericCodes ? Number(code) : code;
  }

  indentName(name: string, level: number): string {
    return this.options.indent ? '\u3000'.repeat(Math.max(0, level - 1)) + name : name;
  }
}

// ---------------------------------------------------------------------------------------------
// The Shanxi set (t01 … t10)

const UNIT_LINE = (u: Unit) => `单位：${u}`;

function preambleShanxi(t: TableDraft, no: number, title: string, width: number): void {
  t.line([`预算公开表 ${no}`]);
  t.line([title]);
  t.merge(1, 0, 1, width - 1);
  t.line([UNIT_LINE(t.b.unit)]);
}

function shanxiSummary(w: BudgetWriter, tree: Node[], total: number): TableDraft {
  const t = new TableDraft('summary', w);
  preambleShanxi(t, 1, '2022 年预算收支总表', 4);
  const h = t.line(['收入', null, '支出', null]);
  t.merge(h, 0, h, 1);
  t.merge(h, 2, h, 3);
  t.line(['项目', '2022 年', '项目', '2022 年']);
  const income: [string, string, number][] = [
    ['general', '一、一般公共预算', total],
    ['fund', '二、纳入预算管理的政府性基金', 0],
    ['special', '三、财政专户管理资金', 0],
    ['unit', '四、单位资金', 0],
  ];
  const classes = FUNCTION_CLASSES.filter((c) => c.code !== '223');
  const n = Math.max(income.length, classes.length);
  const top: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = t.line([null, null, null, null]);
    if (income[i]) {
      const [k, name, yuan] = income[i];
      t.text(r, 0, `in:${k}|name`, name);
      t.amount(r, 1, `in:${k}|amount`, yuan);
    }
    if (classes[i]) {
      const c = classes[i];
      const node = tree.find((x) => x.code === c.code);
      t.text(r, 2, `ex:${c.code}|name`, c.name);
      t.amount(r, 3, `ex:${c.code}|amount`, node ? node.basic + node.project : 0);
      top.push(`ex:${c.code}|amount`);
    }
  }
  const r = t.line(['本年收入合计', null, '本年支出合计', null]);
  t.amount(r, 1, 'total|income', total);
  t.amount(r, 3, 'total|expense', total);
  t.keys.set('summary|total|income-name', { row: r, col: 0 });
  t.family(['total|income', ...income.map(([k]) => `in:${k}|amount`)]);
  t.family(['total|expense', ...top]);
  t.family(['total|expense', 'total|income']);
  return t;
}

type FnColumn = { key: string; header: string; yuan: (n: Node) => number };

/** 表2 / 表3 / 表5: code, name, amounts, hierarchy rows under a 合计 row. */
function shanxiFunctionTable(w: BudgetWriter, id: TableId, no: number, title: string, tree: Node[], cols: FnColumn[], header: 'income' | 'expenditure' | 'general'): TableDraft {
  const t = new TableDraft(id, w);
  const joined = w.options.codeName === 'joined';
  const lead = joined ? 1 : 2;
  const width = lead + cols.length;
  preambleShanxi(t, no, title, width);
  if (joined) {
    const h = t.line(['科目名称', '2022 年预算数', ...cols.slice(1).map(() => null)]);
    t.line([null, ...cols.map((c) => c.header)]);
    t.merge(h, 0, h + 1, 0);
    t.merge(h, 1, h, width - 1);
  } else if (header === 'expenditure') {
    const h = t.line(['科目编码', '项目 科目名称', '2022 年预算数', ...cols.slice(1).map(() => null)]);
    t.line([null, null, ...cols.map((c) => c.header)]);
    t.merge(h, 0, h + 1, 0);
    t.merge(h, 1, h + 1, 1);
    t.merge(h, 2, h, width - 1);
  } else {
    const h = t.line(['项目', null, '2022 年预算数', ...cols.slice(1).map(() => null)]);
    t.line(['科目编码', '科目名称', ...cols.map((c) => c.header)]);
    t.merge(h, 0, h, 1);
    t.merge(h, 2, h, width - 1);
  }
  const totalRow = t.line(joined ? ['合计'] : [null, '合计']);
  const all: Node = { code: '', name: '', level: 1, basic: 0, project: 0, personnel: 0, children: tree };
  for (const n of tree) {
    all.basic += n.basic;
    all.project += n.project;
    all.personnel += n.personnel;
  }
  cols.forEach((c, j) => t.amount(totalRow, lead + j, `total|${c.key}`, c.yuan(all)));
  for (const n of flatten(tree)) {
    const r = t.line([]);
    const name = w.indentName(n.name, n.level);
    if (joined) t.text(r, 0, `${n.code}|name`, `${n.code} ${name}`);
    else {
      t.text(r, 0, `${n.code}|code`, w.code(n.code));
      t.text(r, 1, `${n.code}|name`, name);
      t.codeKeys.push(`${id}|${n.code}|code`);
    }
    cols.forEach((c, j) => t.amount(r, lead + j, `${n.code}|${c.key}`, c.yuan(n)));
    if ((w.options.pageBreakAfter ?? []).includes(n.code)) t.line([]);
  }
  // identities: parents, the total row, row totals
  for (const c of cols) {
    t.family([`total|${c.key}`, ...tree.map((n) => `${n.code}|${c.key}`)]);
    for (const n of flatten(tree)) if (n.children.length) t.family([`${n.code}|${c.key}`, ...n.children.map((k) => `${k.code}|${c.key}`)]);
  }
  const [first, ...rest] = cols;
  for (const n of [all, ...flatten(tree)]) {
    const k = n.code || 'total';
    t.family([`${k}|${first.key}`, ...rest.map((c) => `${k}|${c.key}`)]);
  }
  return t;
}

function shanxiFiscal(w: BudgetWriter, tree: Node[], total: number): TableDraft {
  const t = new TableDraft('fiscal', w);
  preambleShanxi(t, 4, '2022 年财政拨款收支总表', 6);
  const h = t.line(['收入', null, '支出', null, null, null]);
  t.line(['项目', '金额', '项目', '金额', null, null]);
  t.line([null, null, null, '小计', '一般公共预算', '政府性基金']);
  t.merge(h, 0, h, 1);
  t.merge(h, 2, h, 5);
  t.merge(h + 1, 0, h + 2, 0);
  t.merge(h + 1, 1, h + 2, 1);
  t.merge(h + 1, 2, h + 2, 2);
  t.merge(h + 1, 3, h + 1, 5);
  const income: [string, string, number][] = [
    ['general', '一、一般公共预算', total],
    ['fund', '二、纳入预算管理的政府性基金', 0],
  ];
  const top: string[] = [];
  FUNCTION_CLASSES.forEach((c, i) => {
    const r = t.line([null, null, null, null, null, null]);
    if (income[i]) {
      const [k, name, yuan] = income[i];
      t.text(r, 0, `in:${k}|name`, name);
      t.amount(r, 1, `in:${k}|amount`, yuan);
    }
    const node = tree.find((x) => x.code === c.code);
    const yuan = node ? node.basic + node.project : 0;
    t.text(r, 2, `ex:${c.code}|name`, c.name);
    t.amount(r, 3, `ex:${c.code}|subtotal`, yuan);
    t.amount(r, 4, `ex:${c.code}|general`, yuan);
    t.amount(r, 5, `ex:${c.code}|fund`, 0);
    top.push(`ex:${c.code}`);
    t.family([`ex:${c.code}|subtotal`, `ex:${c.code}|general`, `ex:${c.code}|fund`]);
  });
  const r = t.line(['本年收入合计', null, '本年支出合计', null, null, null]);
  t.amount(r, 1, 'total|income', total);
  t.amount(r, 3, 'total|subtotal', total);
  t.amount(r, 4, 'total|general', total);
  t.amount(r, 5, 'total|fund', 0);
  t.family(['total|income', ...income.map(([k]) => `in:${k}|amount`)]);
  for (const c of ['subtotal', 'general', 'fund']) t.family([`total|${c}`, ...top.map((k) => `${k}|${c}`)]);
  t.family(['total|subtotal', 'total|general', 'total|fund']);
  return t;
}

function shanxiEconomic(w: BudgetWriter, econ: EconNode[]): TableDraft {
  const t = new TableDraft('economic', w);
  t.line(['预算公开表 6']);
  t.line(['一般公共预算安排基本支出分经济科目表']);
  t.merge(1, 0, 1, 2);
  t.line([UNIT_LINE(w.unit)]);
  t.line(['经济科目名称', '预算数', '备注']);
  const r = t.line(['合计']);
  t.amount(r, 1, 'total|amount', econ.reduce((a, c) => a + c.amount, 0));
  for (const c of econ) {
    const cr = t.line([]);
    t.text(cr, 0, `${c.code}|name`, c.name);
    t.amount(cr, 1, `${c.code}|amount`, c.amount);
    for (const k of c.children) {
      const kr = t.line([]);
      t.text(kr, 0, `${k.code}|name`, w.indentName(k.name, 2));
      t.amount(kr, 1, `${k.code}|amount`, k.amount);
    }
    t.family([`${c.code}|amount`, ...c.children.map((k) => `${k.code}|amount`)]);
  }
  t.family(['total|amount', ...econ.map((c) => `${c.code}|amount`)]);
  return t;
}

function shanxiEmpty(w: BudgetWriter, id: TableId, no: number, title: string, header: CellInput[][], note: string): TableDraft {
  const t = new TableDraft(id, w);
  preambleShanxi(t, no, title, header[header.length - 1].length);
  for (const h of header) t.line(h);
  t.line([note]);
  return t;
}

function shanxiThreePublic(w: BudgetWriter, l: Ledger): TableDraft {
  const t = new TableDraft('threePublic', w);
  preambleShanxi(t, 9, '2022 年一般公共预算“三公”经费支出情况统计表', 2);
  t.line(['项目', '2022 年预算数']);
  const { abroad, reception, carPurchase, carRunning } = l.threePublic;
  const rows: [string, string, number][] = [
    ['abroad', '因公出国（境）费', abroad],
    ['reception', '公务接待费', reception],
    ['car', '公务用车购置及运行费', carPurchase + carRunning],
    ['carPurchase', '①公务用车购置费', carPurchase],
    ['carRunning', '②公务用车运行维护费', carRunning],
    ['total', '合计', abroad + reception + carPurchase + carRunning],
  ];
  for (const [k, name, yuan] of rows) {
    const r = t.line([name]);
    t.keys.set(`threePublic|${k}|name`, { row: r, col: 0 });
    t.amount(r, 1, `${k}|amount`, yuan);
  }
  t.family(['car|amount', 'carPurchase|amount', 'carRunning|amount']);
  t.family(['total|amount', 'abroad|amount', 'reception|amount', 'car|amount']);
  return t;
}

function shanxiOpCosts(w: BudgetWriter, l: Ledger): TableDraft {
  const t = new TableDraft('opCosts', w);
  preambleShanxi(t, 10, '2022 年机关运行经费预算财政拨款情况统计表', 2);
  t.line(['单位名称', '2022 年预算数']);
  // the seed's pattern: the department, then its one unit of the same name
  const deptRow = l.units.length === 2 && l.units[0].name === l.units[1].name;
  l.units.forEach((u, i) => {
    const r = t.line([u.name]);
    t.amount(r, 1, `u${i}|amount`, u.amount);
  });
  const r = t.line(['合计']);
  const total = deptRow ? l.units[0].amount : l.units.reduce((a, u) => a + u.amount, 0);
  t.amount(r, 1, 'total|amount', total);
  t.family(deptRow ? ['total|amount', 'u0|amount'] : ['total|amount', ...l.units.map((_, i) => `u${i}|amount`)]);
  if (deptRow) t.family(['u0|amount', 'u1|amount']);
  return t;
}

function validate(l: Ledger): void {
  const basic = l.items.reduce((a, i) => a + i.basic, 0);
  const econ = l.economic.reduce((a, e) => a + e.amount, 0);
  if (basic !== econ) throw new Error(`ledger: economic lines ${econ} ≠ basic ${basic}`);
  const car = l.economic.find((e) => e.code === '30231')?.amount ?? 0;
  if (car !== l.threePublic.carRunning) throw new Error(`ledger: 30231 ${car} ≠ 三公 运行维护费 ${l.threePublic.carRunning}`);
  if (l.units.length === 2 && l.units[0].name === l.units[1].name && l.units[0].amount !== l.units[1].amount)
    throw new Error('ledger: a department with one unit of its name has that unit\'s amount');
}

function shanxiTables(wf: (id: TableId) => BudgetWriter, l: Ledger): TableDraft[] {
  const tree = functionTree(l);
  const total = tree.reduce((a, n) => a + n.basic + n.project, 0);
  const econ = economicTree(l);
  return [
    shanxiSummary(wf('summary'), tree, total),
    shanxiFunctionTable(wf('income'), 'income', 2, '2022 年预算收入总表', tree, [
      { key: 'total', header: '本年收入合计', yuan: (n) => n.basic + n.project },
      { key: 'general', header: '一般公共预算', yuan: (n) => n.basic + n.project },
      { key: 'fund', header: '政府性基金', yuan: () => 0 },
      { key: 'special', header: '财政专户管理资金', yuan: () => 0 },
      { key: 'unit', header: '单位资金', yuan: () => 0 },
    ], 'income'),
    shanxiFunctionTable(wf('expenditure'), 'expenditure', 3, '2022 年预算支出总表', tree, EXPENDITURE_COLUMNS, 'expenditure'),
    shanxiFiscal(wf('fiscal'), tree, total),
    shanxiFunctionTable(wf('general'), 'general', 5, '2022 年一般公共预算支出预算表', tree, EXPENDITURE_COLUMNS, 'general'),
    shanxiEconomic(wf('economic'), econ),
    shanxiEmpty(wf('fundIncome'), 'fundIncome', 7, '2022 年政府性基金预算收入表', [['项目', null, '政府性基金收入预算'], ['收入科目编码', '科目名称', null]], '注：2022 年我部门没有政府性基金预算收入'),
    shanxiEmpty(
      wf('fundExpenditure'),
      'fundExpenditure',
      8,
      '2022 年政府性基金预算支出预算表',
      [['项目', null, '2022 年预算数', null, null], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']],
      '注：2022 年我部门没有政府性基金预算支出',
    ),
    shanxiThreePublic(wf('threePublic'), l),
    shanxiOpCosts(wf('opCosts'), l),
  ];
}

const EXPENDITURE_COLUMNS: FnColumn[] = [
  { key: 'total', header: '合计', yuan: (n) => n.basic + n.project },
  { key: 'basic', header: '基本支出', yuan: (n) => n.basic },
  { key: 'project', header: '项目支出', yuan: (n) => n.project },
];

// ---------------------------------------------------------------------------------------------
// The Shanghai set (9 tables, 元, split codes)

function preambleShanghai(t: TableDraft, title: string, width: number, dept: string): void {
  t.line([title]);
  t.merge(0, 0, 0, width - 1);
  const unitLine: CellInput[] = [`编制部门：${dept}`];
  unitLine[width - 1] = UNIT_LINE(t.b.unit);
  t.line(unitLine);
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

function shanghaiSummary(w: BudgetWriter, tree: Node[], total: number, dept: string, id: 'summary' | 'fiscal'): TableDraft {
  const t = new TableDraft(id, w);
  const fiscal = id === 'fiscal';
  const width = fiscal ? 7 : 4;
  preambleShanghai(t, fiscal ? '2022年财政拨款收支预算总表' : '2022年财务收支预算总表', width, dept);
  const h = t.line(fiscal ? ['收入', null, '支出', null, null, null, null] : ['收入', null, '支出', null]);
  t.merge(h, 0, h, 1);
  t.merge(h, 2, h, width - 1);
  t.line(fiscal ? ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金', '国有资本经营预算'] : ['项目', '预算数', '项目', '预算数']);
  const income: [string, string, number][] = fiscal
    ? [
        ['general', '一、一般公共预算资金', total],
        ['fund', '二、政府性基金', 0],
        ['capital', '三、国有资本经营预算', 0],
      ]
    : [
        ['appropriation', '一、财政拨款收入', total],
        ['general', '1.一般公共预算资金', total],
        ['fund', '2.政府性基金', 0],
        ['capital', '3.国有资本经营预算', 0],
        ['business', '二、事业收入', 0],
      ];
  const n = Math.max(income.length, tree.length);
  for (let i = 0; i < n; i++) {
    const r = t.line(new Array<CellInput>(width).fill(null));
    if (income[i]) {
      const [k, name, yuan] = income[i];
      t.text(r, 0, `in:${k}|name`, name);
      t.amount(r, 1, `in:${k}|amount`, yuan);
    }
    const c = tree[i];
    if (c) {
      const yuan = c.basic + c.project;
      t.text(r, 2, `ex:${c.code}|name`, `${ORDINALS[i]}、${c.name}`);
      if (fiscal) {
        t.amount(r, 3, `ex:${c.code}|subtotal`, yuan);
        t.amount(r, 4, `ex:${c.code}|general`, yuan);
        t.amount(r, 5, `ex:${c.code}|fund`, 0);
        t.amount(r, 6, `ex:${c.code}|capital`, 0);
        t.family([`ex:${c.code}|subtotal`, `ex:${c.code}|general`, `ex:${c.code}|fund`, `ex:${c.code}|capital`]);
      } else t.amount(r, 3, `ex:${c.code}|amount`, yuan);
    }
  }
  const r = t.line(new Array<CellInput>(width).fill(null));
  t.rows[r][0] = '收入总计';
  t.rows[r][2] = '支出总计';
  t.amount(r, 1, 'total|income', total);
  if (fiscal) {
    t.amount(r, 3, 'total|subtotal', total);
    t.amount(r, 4, 'total|general', total);
    t.amount(r, 5, 'total|fund', 0);
    t.amount(r, 6, 'total|capital', 0);
    for (const c of ['subtotal', 'general', 'fund', 'capital']) t.family([`total|${c}`, ...tree.map((x) => `ex:${x.code}|${c}`)]);
    t.family(['total|income', ...income.map(([k]) => `in:${k}|amount`)]);
  } else {
    t.amount(r, 3, 'total|expense', total);
    t.family(['total|expense', ...tree.map((x) => `ex:${x.code}|amount`)]);
    t.family(['total|income', 'in:appropriation|amount', 'in:business|amount']);
    t.family(['in:appropriation|amount', 'in:general|amount', 'in:fund|amount', 'in:capital|amount']);
  }
  return t;
}

function splitCodeCells(w: BudgetWriter, code: string): CellInput[] {
  const part = (s: string) => (w.options.numericCodes === false ? s : Number(s));
  if (code.length === 3) return [Number(code), null, null];
  if (code.length === 5) return [null, part(code.slice(3, 5)), null];
  return [null, null, part(code.slice(5, 7))];
}

function shanghaiFunctionTable(w: BudgetWriter, id: TableId, title: string, tree: Node[], cols: FnColumn[], dept: string, headers?: { top: CellInput[]; below: CellInput[]; merges: [number, number, number, number][] }): TableDraft {
  const t = new TableDraft(id, w);
  const width = 4 + cols.length;
  preambleShanghai(t, title, width, dept);
  const h = t.line(headers ? ['功能分类科目编码', null, null, '功能分类科目名称', ...headers.top] : ['功能分类科目编码', null, null, '功能分类科目名称', ...cols.map((c) => c.header)]);
  t.line(['类', '款', '项', null, ...(headers ? headers.below : cols.map(() => null))]);
  t.merge(h, 0, h, 2);
  t.merge(h, 3, h + 1, 3);
  if (headers) for (const [a, b, c, d] of headers.merges) t.merge(h + a, 4 + b, h + c, 4 + d);
  else cols.forEach((_, j) => t.merge(h, 4 + j, h + 1, 4 + j));
  const all: Node = { code: '', name: '', level: 1, basic: 0, project: 0, personnel: 0, children: tree };
  for (const n of tree) {
    all.basic += n.basic;
    all.project += n.project;
    all.personnel += n.personnel;
  }
  const tr = t.line([null, null, null, '合计']);
  cols.forEach((c, j) => t.amount(tr, 4 + j, `total|${c.key}`, c.yuan(all)));
  for (const n of flatten(tree)) {
    const r = t.line([...splitCodeCells(w, n.code), w.indentName(n.name, n.level)]);
    t.keys.set(`${id}|${n.code}|name`, { row: r, col: 3 });
    t.keys.set(`${id}|${n.code}|code`, { row: r, col: n.level - 1 });
    cols.forEach((c, j) => t.amount(r, 4 + j, `${n.code}|${c.key}`, c.yuan(n)));
  }
  for (const c of cols) {
    t.family([`total|${c.key}`, ...tree.map((n) => `${n.code}|${c.key}`)]);
    for (const n of flatten(tree)) if (n.children.length) t.family([`${n.code}|${c.key}`, ...n.children.map((k) => `${k.code}|${c.key}`)]);
  }
  const [first, ...rest] = cols;
  for (const n of [all, ...flatten(tree)]) {
    const k = n.code || 'total';
    t.family([`${k}|${first.key}`, ...rest.map((c) => `${k}|${c.key}`)]);
  }
  return t;
}

function shanghaiIncome(w: BudgetWriter, tree: Node[], dept: string): TableDraft {
  const t = new TableDraft('income', w);
  preambleShanghai(t, '2022年部门收入预算总表', 8, dept);
  const h = t.line(['项目', null, '合计', '一般公共预算', '政府性基金', '国有资本经营预算', '财政专户管理资金', '单位资金']);
  t.line(['科目编码', '科目名称', null, null, null, null, null, null]);
  t.merge(h, 0, h, 1);
  for (let c = 2; c < 8; c++) t.merge(h, c, h + 1, c);
  const keys = ['total', 'general', 'fund', 'capital', 'special', 'unit'];
  const yuan = (n: { basic: number; project: number }, k: string) => (k === 'total' || k === 'general' ? n.basic + n.project : 0);
  const all = { basic: tree.reduce((a, n) => a + n.basic, 0), project: tree.reduce((a, n) => a + n.project, 0) };
  const tr = t.line([null, '合计']);
  keys.forEach((k, j) => t.amount(tr, 2 + j, `total|${k}`, yuan(all, k)));
  for (const n of flatten(tree)) {
    const r = t.line([]);
    t.text(r, 0, `${n.code}|code`, n.code);
    t.text(r, 1, `${n.code}|name`, w.indentName(n.name, n.level));
    t.codeKeys.push(`income|${n.code}|code`);
    keys.forEach((k, j) => t.amount(r, 2 + j, `${n.code}|${k}`, yuan(n, k)));
  }
  for (const k of keys) {
    t.family([`total|${k}`, ...tree.map((n) => `${n.code}|${k}`)]);
    for (const n of flatten(tree)) if (n.children.length) t.family([`${n.code}|${k}`, ...n.children.map((c) => `${c.code}|${k}`)]);
  }
  for (const n of ['total', ...flatten(tree).map((x) => x.code)]) t.family(keys.map((k) => `${n}|${k}`));
  return t;
}

function shanghaiEconomic(w: BudgetWriter, econ: EconNode[], dept: string): TableDraft {
  const t = new TableDraft('economic', w);
  preambleShanghai(t, '2022年一般公共预算基本支出部门预算经济分类预算表', 6, dept);
  const h = t.line(['经济分类科目编码', null, '经济分类科目名称', '合计', '人员经费', '公用经费']);
  t.line(['类', '款', null, null, null, null]);
  t.merge(h, 0, h, 1);
  for (let c = 2; c < 6; c++) t.merge(h, c, h + 1, c);
  const p = (n: EconNode) => (n.personnel ? n.amount : 0);
  const u = (n: EconNode) => (n.personnel ? 0 : n.amount);
  const tr = t.line([null, null, '合计']);
  t.amount(tr, 3, 'total|total', econ.reduce((a, c) => a + c.amount, 0));
  t.amount(tr, 4, 'total|personnel', econ.reduce((a, c) => a + p(c), 0));
  t.amount(tr, 5, 'total|public', econ.reduce((a, c) => a + u(c), 0));
  for (const c of econ) {
    for (const n of [c, ...c.children]) {
      const r = t.line(n.code.length === 3 ? [Number(n.code), null, n.name] : [null, Number(n.code.slice(3)), w.indentName(n.name, 2)]);
      t.keys.set(`economic|${n.code}|name`, { row: r, col: 2 });
      t.amount(r, 3, `${n.code}|total`, n.amount);
      t.amount(r, 4, `${n.code}|personnel`, p(n));
      t.amount(r, 5, `${n.code}|public`, u(n));
      t.family([`${n.code}|total`, `${n.code}|personnel`, `${n.code}|public`]);
    }
    for (const k of ['total', 'personnel', 'public']) t.family([`${c.code}|${k}`, ...c.children.map((x) => `${x.code}|${k}`)]);
  }
  for (const k of ['total', 'personnel', 'public']) t.family([`total|${k}`, ...econ.map((c) => `${c.code}|${k}`)]);
  t.family(['total|total', 'total|personnel', 'total|public']);
  return t;
}

function shanghaiEmptyFunction(w: BudgetWriter, id: TableId, title: string, note: string, dept: string): TableDraft {
  const t = new TableDraft(id, w);
  preambleShanghai(t, title, 7, dept);
  const h = t.line(['功能分类科目编码', null, null, '功能分类科目名称', '合计', '基本支出', '项目支出']);
  t.line(['类', '款', '项', null, null, null, null]);
  t.merge(h, 0, h, 2);
  for (let c = 3; c < 7; c++) t.merge(h, c, h + 1, c);
  t.line([note]);
  return t;
}

function shanghaiThreePublic(w: BudgetWriter, l: Ledger): TableDraft {
  const t = new TableDraft('threePublic', w);
  preambleShanghai(t, '2022年“三公”经费和机关运行经费预算表', 8, l.dept);
  const h = t.line(['单位名称', '2022年“三公”经费预算数', null, null, null, null, null, '2022年机关运行经费预算数']);
  t.line([null, '合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费', null, null, null]);
  t.line([null, null, null, null, '小计', '购置费', '运行费', null]);
  t.merge(h, 0, h + 2, 0);
  t.merge(h, 1, h, 6);
  t.merge(h, 7, h + 2, 7);
  t.merge(h + 1, 1, h + 2, 1);
  t.merge(h + 1, 2, h + 2, 2);
  t.merge(h + 1, 3, h + 2, 3);
  t.merge(h + 1, 4, h + 1, 6);
  const { abroad, reception, carPurchase, carRunning } = l.threePublic;
  const op = l.units.reduce((a, u) => a + u.amount, 0);
  const r = t.line([l.dept]);
  const cols: [string, number][] = [
    ['total', abroad + reception + carPurchase + carRunning],
    ['abroad', abroad],
    ['reception', reception],
    ['car', carPurchase + carRunning],
    ['carPurchase', carPurchase],
    ['carRunning', carRunning],
    ['opCosts', op],
  ];
  cols.forEach(([k, yuan], j) => t.amount(r, 1 + j, `u0|${k}`, yuan));
  t.family(['u0|total', 'u0|abroad', 'u0|reception', 'u0|car']);
  t.family(['u0|car', 'u0|carPurchase', 'u0|carRunning']);
  return t;
}

function shanghaiTables(wf: (id: TableId) => BudgetWriter, l: Ledger): TableDraft[] {
  const tree = functionTree(l);
  const total = tree.reduce((a, n) => a + n.basic + n.project, 0);
  const econ = economicTree(l);
  const basicTop = ['合计', '基本支出', null, '项目支出'];
  return [
    shanghaiSummary(wf('summary'), tree, total, l.dept, 'summary'),
    shanghaiIncome(wf('income'), tree, l.dept),
    shanghaiFunctionTable(
      wf('expenditure'),
      'expenditure',
      '2022年部门支出预算总表',
      tree,
      [
        { key: 'total', header: '合计', yuan: (n) => n.basic + n.project },
        { key: 'personnel', header: '人员经费', yuan: (n) => n.personnel },
        { key: 'public', header: '公用经费', yuan: (n) => n.basic - n.personnel },
        { key: 'project', header: '项目支出', yuan: (n) => n.project },
      ],
      l.dept,
      { top: basicTop, below: [null, '人员经费', '公用经费', null], merges: [[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 1, 3]] },
    ),
    shanghaiSummary(wf('fiscal'), tree, total, l.dept, 'fiscal'),
    shanghaiFunctionTable(wf('general'), 'general', '2022年一般公共预算支出功能分类预算表', tree, EXPENDITURE_COLUMNS, l.dept),
    shanghaiEconomic(wf('economic'), econ, l.dept),
    shanghaiEmptyFunction(wf('fundExpenditure'), 'fundExpenditure', '2022年政府性基金预算支出功能分类预算表', '注：本单位无政府性基金预算支出', l.dept),
    shanghaiEmptyFunction(wf('stateCapital'), 'stateCapital', '2022年国有资本经营预算支出功能分类预算表', '注：本单位无国有资本经营预算支出', l.dept),
    shanghaiThreePublic(wf('threePublic'), l),
  ];
}

// ---------------------------------------------------------------------------------------------

/** Cross-table identities (pairs of figures that must agree), for the rounding slack of each figure. */
function crossFamilies(b: Budget, tree: Node[]): string[][] {
  const f: string[][] = [];
  const has = (k: string) => b.cells.has(k);
  const pair = (a: string, c: string) => has(a) && has(c) && f.push([a, c]);
  pair('income|total|total', 'summary|total|income');
  pair('expenditure|total|total', 'summary|total|income');
  pair('fiscal|in:general|amount', 'summary|in:general|amount');
  pair('general|total|total', 'fiscal|in:general|amount');
  pair('economic|total|amount', 'general|total|basic');
  pair('economic|total|total', 'general|total|basic');
  pair('threePublic|carRunning|amount', 'economic|30231|amount');
  pair('threePublic|u0|carRunning', 'economic|30231|total');
  for (const c of tree) {
    const ex = `summary|ex:${c.code}|amount`;
    pair(`income|${c.code}|total`, ex);
    pair(`expenditure|${c.code}|total`, ex);
    pair(`fiscal|ex:${c.code}|general`, `general|${c.code}|total`);
  }
  for (const n of flatten(tree)) for (const k of ['basic', 'project']) pair(`expenditure|${n.code}|${k}`, `general|${n.code}|${k}`);
  return f;
}

/** Builds the printed workbook of a ledger. */
export function makeBudget(ledger: Ledger = exampleLedger(), options: BudgetOptions = {}): Budget {
  validate(ledger);
  const variant = options.variant ?? 'shanxi';
  const unit = options.unit ?? (variant === 'shanghai' ? '元' : '万元');
  const b = new Budget(unit, variant);
  const wf = (id: TableId) => {
    const u = options.tableUnits?.[id] ?? unit;
    if (u !== unit) b.tableUnits.set(id, u);
    return new BudgetWriter(u, options);
  };
  const drafts = variant === 'shanghai' ? shanghaiTables(wf, ledger) : shanxiTables(wf, ledger);
  const defaultOrigin = (id: TableId) => (variant === 'shanxi' && id === 'economic' ? { row: 1, col: 1 } : { row: 0, col: 0 });
  const oneSheet = options.layout === 'one-sheet';
  let cursor = 0;
  drafts.forEach((t, i) => {
    const o = options.origins?.[t.id] ?? defaultOrigin(t.id);
    const name = oneSheet ? '预算公开表' : variant === 'shanghai' ? String(i + 1) : `表${i + 1}`;
    let sheet = b.sheets.find((s) => s.name === name);
    if (!sheet) {
      sheet = { name, rows: [], merges: [] };
      b.sheets.push(sheet);
      cursor = 0;
    }
    const r0 = (oneSheet ? cursor : 0) + o.row;
    const c0 = o.col;
    t.rows.forEach((cells, r) => {
      const row: CellInput[] = [];
      cells.forEach((v, c) => (row[c0 + c] = v));
      sheet.rows[r0 + r] = row;
    });
    for (const m of t.merges) sheet.merges.push({ top: r0 + m.top, left: c0 + m.left, bottom: r0 + m.bottom, right: c0 + m.right });
    for (const [k, p] of t.keys) b.cells.set(k, { sheet: name, row: r0 + p.row, col: c0 + p.col });
    for (const [k, v] of t.values) b.values.set(k, v);
    for (const fam of t.families) for (const k of fam) b.family.set(k, Math.max(b.family.get(k) ?? 0, fam.length - 1));
    if (t.codeKeys.length) b.codeKeys.set(t.id, [...t.codeKeys]);
    b.tables.set(t.id, { sheet: name, top: r0, bottom: r0 + t.rows.length - 1 });
    cursor = r0 + t.rows.length + 2;
  });
  for (const fam of crossFamilies(b, functionTree(ledger))) for (const k of fam) b.family.set(k, Math.max(b.family.get(k) ?? 0, 1));
  return b;
}

// ---------------------------------------------------------------------------------------------
// Damage

/**
 * Shifts the code column of a function table against its names, for the block of rows from one code
 * to another (inclusive): with offset d > 0 each row shows the code that belongs d rows lower (the
 * seed's table 5 is +2); with d < 0, the code that belongs |d| rows higher. Cells a code left are blank.
 * Returns the block's code keys and their true codes.
 */
export function shiftCodes(b: Budget, table: TableId, from: string, to: string, offset: number): { keys: string[]; codes: string[] } {
  const keys = b.codeKeys.get(table);
  if (!keys) throw new Error(`${table} has no code column`);
  const first = keys.indexOf(`${table}|${from}|code`);
  const last = keys.indexOf(`${table}|${to}|code`);
  if (first < 0 || last < first) throw new Error(`no block ${from}…${to} in ${table}`);
  const block = keys.slice(first, last + 1);
  const codes = block.map((k) => k.split('|')[1]);
  const values = block.map((k) => b.get(k));
  block.forEach((k, i) => {
    const j = i + offset;
    b.set(k, j >= 0 && j < block.length ? values[j] : null);
  });
  return { keys: block, codes };
}

// ---------------------------------------------------------------------------------------------
// Looking at findings

export interface Seen {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
}

export function brief(f: Finding): Seen {
  return { rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell };
}

export function line(f: Finding): string {
  return `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`;
}

/** Findings that are not info: what a correct budget must not have. */
export function loud(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity !== 'info').map((f) => `${line(f)} ${f.message.en}`);
}

/** A figure moved by `delta` (in the printed unit), printed the way the budget prints figures. */
export function moved(b: Budget, key: string, delta: Decimal.Value): CellInput {
  const v = b.values.get(key);
  if (!v) throw new Error(`${key} is not a figure`);
  const n = v.plus(delta);
  const fmt = b.unitOf(key) === '万元' ? '0.00' : '#,##0';
  return { value: n.toNumber(), numFmt: fmt };
}

/** The figure as text with the table's decimals (3149.98 / 1216950). */
export function figureText(b: Budget, key: string): string {
  const v = b.values.get(key);
  if (!v) throw new Error(`${key} is not a figure`);
  return v.toFixed(b.unitOf(key) === '万元' ? 2 : 0);
}

export { Decimal };
