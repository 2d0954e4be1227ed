// The seed department's 2022 budget, rebuilt as a ledger from its published tables (fixtures.ts),
// published again: the tables pass every check, and they equal the published tables wherever those
// are self-consistent. Where the publication contradicts itself (figures rounded one by one, the
// damage listed in budget-tables.md §4) the printed figure cannot be reproduced, and the test
// names each such cell.
import Decimal from 'decimal.js';
import { publish } from '../../../src/core/publish';
import type { RecognizedTable } from '../../../src/core/recognize';
import { seedLedger, seedTable, SEED_DEPARTMENT } from './fixtures';
import { printed, roundTrip, tempDir, type RoundTrip } from './helpers';

const tmp = tempDir('publish-seed');
let rt: RoundTrip;
const result = publish(seedLedger());

beforeAll(async () => {
  if (!result.ok) throw new Error(result.message.en);
  rt = await roundTrip(result.layouts, tmp.file('tables.xlsx'));
});
afterAll(() => tmp.cleanup());

const dec = (s: string | undefined): Decimal | undefined => (s === undefined || s.trim() === '' ? undefined : new Decimal(s.replace(/[',]/g, '')));
const table = (kind: string): RecognizedTable => rt.check.recognition.tables.find((t) => t.kind === kind)!;

test('published: ten tables, one per sheet 表1 … 表10, every check passes with no finding at all', () => {
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.year).toBe(2022);
  expect(result.department).toBe(SEED_DEPARTMENT);
  expect(rt.back.sheets.map((s) => s.name)).toEqual(['表1', '表2', '表3', '表4', '表5', '表6', '表7', '表8', '表9', '表10']);
  expect(rt.check.recognition.tables.map((t) => `${t.sheet} ${t.kind} ${t.unit} ${t.year}`)).toEqual([
    '表1 summary 万元 2022',
    '表2 income 万元 2022',
    '表3 expenditure 万元 2022',
    '表4 fiscal-summary 万元 2022',
    '表5 general-expenditure 万元 2022',
    '表6 basic-economic 万元 2022',
    '表7 fund-income 万元 2022',
    '表8 fund-expenditure 万元 2022',
    '表9 three-public 万元 2022',
    '表10 operating-costs 万元 2022',
  ]);
  expect(rt.check.recognition.unrecognized).toEqual([]);
  expect(rt.check.findings).toEqual([]);
  expect(result.build.rounding.outside).toEqual([]);
});

/** A seed figure compared with ours: equal, or not reproducible because the seed contradicts itself. */
interface Cell {
  where: string;
  seed: Decimal;
  ours: Decimal | undefined;
  consistent: boolean;
  why?: string;
}

interface SeedRow {
  key: string;
  parent?: string;
  figs: (Decimal | undefined)[];
}

/**
 * Whether each seed figure is self-consistent: a leaf is (unless damaged), a parent is when it
 * equals the sum of its children's figures and they all are.
 */
function consistency(rows: SeedRow[], cols: number, damaged: (key: string, col: number) => string | undefined) {
  const kids = new Map<string, SeedRow[]>();
  for (const r of rows) if (r.parent !== undefined) kids.set(r.parent, [...(kids.get(r.parent) ?? []), r]);
  const memo = new Map<string, string | undefined>();
  const why = (r: SeedRow, k: number): string | undefined => {
    const key = `${r.key}|${k}`;
    if (memo.has(key)) return memo.get(key);
    let reason = damaged(r.key, k);
    const ch = kids.get(r.key) ?? [];
    if (!reason && ch.length) {
      const sum = ch.reduce((s, c) => s.plus(c.figs[k] ?? 0), new Decimal(0));
      if (!sum.eq(r.figs[k] ?? 0)) reason = `≠ Σ children ${sum.toFixed(2)}`;
      else if (ch.some((c) => why(c, k))) reason = 'a child is not self-consistent';
    }
    memo.set(key, reason);
    return reason;
  };
  return why;
}

/** Compares a function-classified seed table with our recognized table, row by row. */
function compareFunctionTable(no: number, kind: string, cols: { seed: number; role: 'total' | 'basic' | 'project' | 'general-budget' }[], opts: {
  codes: 'seed' | 'ours';
  damaged?: (code: string, col: number) => string | undefined;
}): Cell[] {
  const t = table(kind);
  const ours = t.rows;
  const lines = seedTable(no).slice(5);
  const seedRows: SeedRow[] = lines.map((l, i) => {
    const code = opts.codes === 'seed' ? l[0] : (ours[i].code ?? '');
    const key = code || 'T';
    return { key, parent: code.length === 3 ? 'T' : code.length > 3 ? code.slice(0, code.length - 2) : undefined, figs: cols.map((c) => dec(l[c.seed])) };
  });
  const why = consistency(seedRows, cols.length, opts.damaged ?? (() => undefined));
  const out: Cell[] = [];
  seedRows.forEach((r, i) => {
    const oi = opts.codes === 'seed' ? ours.findIndex((o) => (o.code ?? 'T') === r.key || (r.key === 'T' && o.isTotal)) : i;
    expect(ours[oi].name).toBe(lines[i][1]);
    cols.forEach((c, k) => {
      const seed = r.figs[k];
      if (!seed) return;
      const reason = why(r, k);
      out.push({ where: `表${no} ${r.key} ${c.role}`, seed, ours: printed(rt.back, t, oi, c.role), consistent: !reason, ...(reason ? { why: reason } : {}) });
    });
  });
  return out;
}

function summarize(cells: Cell[]) {
  const wrong = cells.filter((c) => c.consistent && !(c.ours && c.ours.eq(c.seed)));
  const skipped = cells.filter((c) => !c.consistent).map((c) => `${c.where}: seed ${c.seed.toFixed(2)}, ours ${c.ours?.toFixed(2) ?? '—'} (${c.why})`);
  const equal = cells.filter((c) => c.consistent && c.ours?.eq(c.seed)).length;
  return { wrong, skipped, equal };
}

test('表2 预算收入总表 equals the seed wherever the seed adds up', () => {
  const s = summarize(compareFunctionTable(2, 'income', [{ seed: 2, role: 'total' }, { seed: 3, role: 'general-budget' }], { codes: 'seed' }));
  expect(s.wrong).toEqual([]);
  expect(s.equal).toBe(38);
  // 201 and 20103 print 3149.98, but their items 819.76 + 2020.13 + 310.10 = 3149.99; the total follows.
  expect(s.skipped).toEqual([
    '表2 T total: seed 6442.05, ours 6442.07 (≠ Σ children 6442.06)',
    '表2 T general-budget: seed 6442.05, ours 6442.07 (≠ Σ children 6442.06)',
    '表2 201 total: seed 3149.98, ours 3149.99 (a child is not self-consistent)',
    '表2 201 general-budget: seed 3149.98, ours 3149.99 (a child is not self-consistent)',
    '表2 20103 total: seed 3149.98, ours 3149.99 (≠ Σ children 3149.99)',
    '表2 20103 general-budget: seed 3149.98, ours 3149.99 (≠ Σ children 3149.99)',
  ]);
});

test('表3 预算支出总表 equals the seed wherever the seed adds up', () => {
  // budget-tables.md §4: table 3 puts 229 其他支出 3000.00 under 基本支出; tables 5 and the forms make it 项目支出.
  const damaged = (code: string, col: number) => (code.startsWith('229') && col === 1 ? '3000.00 under 基本支出, project per 表5 (§4)' : undefined);
  const s = summarize(
    compareFunctionTable(3, 'expenditure', [{ seed: 2, role: 'total' }, { seed: 3, role: 'basic' }, { seed: 4, role: 'project' }], { codes: 'seed', damaged }),
  );
  expect(s.wrong).toEqual([]);
  expect(s.equal).toBe(35);
  expect(s.skipped).toEqual([
    '表3 T total: seed 6442.05, ours 6442.07 (≠ Σ children 6442.06)',
    '表3 T basic: seed 1410.07, ours 1410.09 (≠ Σ children 3280.23)',
    '表3 T project: seed 5031.98, ours 5031.98 (≠ Σ children 11.85)',
    '表3 201 total: seed 3149.98, ours 3149.99 (a child is not self-consistent)',
    '表3 20103 total: seed 3149.98, ours 3149.99 (≠ Σ children 3149.99)',
    '表3 229 basic: seed 3000.00, ours — (3000.00 under 基本支出, project per 表5 (§4))',
    '表3 22999 basic: seed 3000.00, ours — (3000.00 under 基本支出, project per 表5 (§4))',
    '表3 2299999 basic: seed 3000.00, ours — (3000.00 under 基本支出, project per 表5 (§4))',
  ]);
});

test('表5 一般公共预算支出表 equals the seed (names and amounts; its codes are shifted) wherever the seed adds up', () => {
  const s = summarize(
    compareFunctionTable(5, 'general-expenditure', [{ seed: 2, role: 'total' }, { seed: 3, role: 'basic' }, { seed: 4, role: 'project' }], { codes: 'ours' }),
  );
  expect(s.wrong).toEqual([]);
  expect(s.equal).toBe(41);
  expect(s.skipped).toEqual([
    '表5 T total: seed 6442.05, ours 6442.07 (≠ Σ children 6442.06)',
    '表5 T basic: seed 1410.07, ours 1410.09 (≠ Σ children 1410.08)',
    '表5 201 total: seed 3149.98, ours 3149.99 (a child is not self-consistent)',
    '表5 201 basic: seed 1129.85, ours 1129.86 (a child is not self-consistent)',
    '表5 20103 total: seed 3149.98, ours 3149.99 (≠ Σ children 3149.99)',
    '表5 20103 basic: seed 1129.85, ours 1129.86 (≠ Σ children 1129.86)',
  ]);
});

test('表1 and 表4: each 类 line equals the seed where the seed’s 表2 row adds up; cut digits aside', () => {
  const t2 = new Map(seedTable(2).slice(5).map((l) => [l[1], dec(l[2])]));
  const selfConsistent = new Set(['社会保障和就业支出', '卫生健康支出', '农林水支出', '住房保障支出', '其他支出']);
  for (const [no, kind, col] of [
    [1, 'summary', 3],
    [4, 'fiscal-summary', 4],
  ] as const) {
    const t = table(kind);
    const seed = seedTable(no).slice(no === 1 ? 5 : 6);
    let equal = 0;
    for (const line of seed) {
      const name = line[2];
      const fig = dec(line[col]);
      if (!fig || !selfConsistent.has(name)) continue;
      expect(fig.eq(t2.get(name)!)).toBe(true);
      const i = t.rows.findIndex((r) => r.side === 'expense' && r.name === name);
      expect(printed(rt.back, t, i, no === 1 ? 'expense-amount' : 'general-budget', 'expense')?.toFixed(2)).toBe(fig.toFixed(2));
      equal++;
    }
    expect(equal).toBe(5);
  }
  // 表4's 小计 column has cut digits (118.4, 109.9, '3000.'); ours prints them in full.
  const t4 = table('fiscal-summary');
  const row = (name: string) => t4.rows.findIndex((r) => r.side === 'expense' && r.name === name);
  expect(printed(rt.back, t4, row('社会保障和就业支出'), 'expense-amount', 'expense')?.toFixed(2)).toBe('118.44');
  expect(printed(rt.back, t4, row('住房保障支出'), 'expense-amount', 'expense')?.toFixed(2)).toBe('109.97');
  expect(printed(rt.back, t4, row('其他支出'), 'expense-amount', 'expense')?.toFixed(2)).toBe('3000.00');
});

test('表6 基本支出分经济科目表: every item the seed books wholly to basic expenditure equals the seed', () => {
  // The seed's table 6 also holds project money (budget-tables.md §4: 维修（护）费 3732.12); ours is
  // basic expenditure only, as its title says. 差旅费 is split between basic (11.59) and project.
  const t = table('basic-economic');
  const seed = seedTable(6).slice(4);
  const ours = new Map(t.rows.map((r, i) => [r.name, printed(rt.back, t, i, 'amount')]));
  const compared: string[] = [];
  for (const [name, fig] of seed.map((l) => [l[0], dec(l[1])] as const)) {
    const o = ours.get(name);
    if (!o || !fig || name === '差旅费' || name === '合计') continue;
    if (name === '工资福利支出') {
      // printed 1067.33, but its items add up to 1067.34: not self-consistent
      expect(fig.toFixed(2)).toBe('1067.33');
      expect(o.toFixed(2)).toBe('1067.34');
      continue;
    }
    if (name === '商品和服务支出') continue; // holds project money in the seed
    expect(`${name} ${o.toFixed(2)}`).toBe(`${name} ${fig.toFixed(2)}`);
    compared.push(name);
  }
  expect(compared).toHaveLength(19);
  expect(ours.get('合计')?.toFixed(2)).toBe('1410.09');
});

test('表9 “三公” equals the seed; 表10 follows its definition (the seed’s 355.29 contradicts its own tables)', () => {
  const t9 = table('three-public');
  const seed9 = seedTable(9).slice(4);
  for (const [i, line] of seed9.entries()) {
    expect(t9.rows[i].name).toBe(line[0]);
    expect(printed(rt.back, t9, i, 'amount')?.toFixed(2)).toBe(new Decimal(line[1] || 0).toFixed(2));
  }
  // 机关运行经费 = basic 一般公共预算 302 + 310 of administrative units = 表6's 302 335.30 (no basic 310).
  // The seed prints 355.29; its own tables give 1410.07 − 1067.33 − 7.45 = 335.29.
  const t10 = table('operating-costs');
  expect(t10.rows.map((r, i) => `${r.name} ${printed(rt.back, t10, i, 'amount')?.toFixed(2)}`)).toEqual([`${SEED_DEPARTMENT} 335.30`, '合计 335.30']);
});

test('表7 and 表8 are empty, with the standard note', () => {
  for (const kind of ['fund-income', 'fund-expenditure']) {
    const t = table(kind);
    expect(t.rows).toEqual([]);
    expect(t.notes.map((n) => n.text)).toEqual([`注：本部门2022年没有政府性基金预算${kind === 'fund-income' ? '收入' : '支出'}，本表为空表。`]);
  }
});
