// Random ledgers (dictionary codes, fen amounts, 1 to 5,000 lines): the published tables, written with
// src/xlsx and read back, pass every check with no finding at all; each printed figure is within
// 0.01 万元 of the exact sum of the ledger lines it stands for (computed here from the lines, not
// from the engine); the grand total is the ledger total rounded to 0.01 万元. Bad rows are refused.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { adminOf, publish, THREE_PUBLIC_ITEMS, type ThreePublicScope } from '../../../src/core/publish';
import type { RecognizedTable, TableRow } from '../../../src/core/recognize';
import type { WorkbookSnapshot } from '../../../src/core/workbook/types';
import { ledgerWorkbook, type LineInput } from './fixtures';
import { randomLedgerLines, type AmountMode, type GenLine } from './gen';
import { printed, roundTrip, tempDir } from './helpers';

jest.setTimeout(600_000);

const tmp = tempDir('publish-prop');
afterAll(() => tmp.cleanup());

const FUND: Record<string, string> = { 一般公共预算: 'general', 政府性基金: 'fund', 财政专户管理资金: 'special', 单位资金: 'unit' };
const fundOf = (l: GenLine) => FUND[l.fundName];
const basic = (l: GenLine) => l.typeName === '基本支出';
type Pred = (l: GenLine) => boolean;

const ROLE: Record<string, Pred> = {
  total: () => true,
  amount: () => true,
  'general-budget': (l) => fundOf(l) === 'general',
  fund: (l) => fundOf(l) === 'fund',
  'special-account': (l) => fundOf(l) === 'special',
  'unit-funds': (l) => fundOf(l) === 'unit',
  basic,
  project: (l) => !basic(l),
};

const TABLE_LINES: Record<string, Pred> = {
  income: () => true,
  expenditure: () => true,
  'general-expenditure': (l) => fundOf(l) === 'general',
  'fund-income': (l) => fundOf(l) === 'fund',
  'fund-expenditure': (l) => fundOf(l) === 'fund',
};

/** The exact sum, in 万元, of the lines a printed figure stands for (undefined: no such figure). */
function exactFor(t: RecognizedTable, r: TableRow, role: string, lines: GenLine[], scope: ThreePublicScope, classCode: Map<string, string>): Decimal | undefined {
  let rowPred: Pred;
  let colPred: Pred = ROLE[role] ?? (() => true);
  const total = r.isTotal;
  switch (t.kind) {
    case 'income':
    case 'expenditure':
    case 'general-expenditure':
    case 'fund-income':
    case 'fund-expenditure': {
      const tp = TABLE_LINES[t.kind];
      rowPred = total ? tp : (l) => tp(l) && l.funcCode.startsWith(r.code!);
      break;
    }
    case 'basic-economic': {
      const gb: Pred = (l) => fundOf(l) === 'general' && basic(l);
      rowPred = total ? gb : (l) => gb(l) && l.econCode.startsWith(r.code!);
      break;
    }
    case 'summary':
    case 'fiscal-summary': {
      const fiscal: Pred = t.kind === 'fiscal-summary' ? (l) => fundOf(l) === 'general' || fundOf(l) === 'fund' : () => true;
      if (role === 'income-amount') {
        const fund = FUND[r.name.replace(/^.、/, '').replace('纳入预算管理的', '')];
        rowPred = total ? fiscal : (l) => fundOf(l) === fund;
      } else {
        const code = classCode.get(r.name);
        rowPred = total ? fiscal : (l) => fiscal(l) && l.funcCode.startsWith(code!);
      }
      if (role === 'expense-amount' || role === 'income-amount') colPred = () => true;
      break;
    }
    case 'three-public': {
      const item = THREE_PUBLIC_ITEMS.find((it) => it.name === r.name);
      const codes = item ? item.codes : THREE_PUBLIC_ITEMS.flatMap((it) => it.codes);
      rowPred = (l) => fundOf(l) === 'general' && (scope === 'all' || basic(l)) && codes.includes(l.econCode);
      break;
    }
    case 'operating-costs': {
      const oc: Pred = (l) => adminOf(l.unitTypeName) === true && fundOf(l) === 'general' && basic(l) && ['302', '310'].includes(l.econCode.slice(0, 3));
      rowPred = total ? oc : (l) => oc(l) && l.unitName === r.name;
      break;
    }
    default:
      return undefined;
  }
  let fen = 0n;
  for (const l of lines) if (rowPred(l) && colPred(l)) fen += l.fen;
  return new Decimal(fen.toString()).div(1_000_000);
}

interface Verdict {
  figures: number;
  worst: Decimal;
  grandTotal: Decimal;
}

/** Every printed figure of every table against the exact sum of its ledger lines. */
function verifyFigures(back: WorkbookSnapshot, tables: readonly RecognizedTable[], lines: GenLine[], scope: ThreePublicScope): Verdict {
  const classCode = new Map<string, string>();
  const t2 = tables.find((t) => t.kind === 'income')!;
  for (const r of t2.rows) if (r.code?.length === 3) classCode.set(r.name, r.code);
  let figures = 0;
  let worst = new Decimal(0);
  for (const t of tables) {
    for (const [i, r] of t.rows.entries()) {
      for (const c of t.columns) {
        if (['code', 'name', 'note', 'income-item', 'expense-item'].includes(c.role)) continue;
        if (t.twoSided && r.side !== c.side) continue;
        const shown = printed(back, t, i, c.role, c.side);
        const exact = exactFor(t, r, c.role, lines, scope, classCode);
        if (exact === undefined) throw new Error(`no exact value for ${t.sheet} ${r.name} ${c.role}`);
        if (shown === undefined) {
          // a blank cell: nothing in the ledger for it (1 and 4 list every 类, three-public prints 0.00)
          expect(`${t.sheet} ${r.code ?? ''} ${r.name} ${c.role} ${exact.toFixed(6)}`).toBe(`${t.sheet} ${r.code ?? ''} ${r.name} ${c.role} ${new Decimal(0).toFixed(6)}`);
          continue;
        }
        const off = shown.minus(exact).abs();
        if (off.gt(worst)) worst = off;
        expect({ where: `${t.sheet} ${r.code ?? ''} ${r.name} ${c.role}`, within: off.lte('0.01') }).toEqual({ where: expect.any(String), within: true });
        figures++;
      }
    }
  }
  const total = lines.reduce((s, l) => s + l.fen, 0n);
  const grandTotal = new Decimal(total.toString()).div(1_000_000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { figures, worst, grandTotal };
}

const ledgerArb = (maxLines: number) =>
  fc.record({
    lines: fc.integer({ min: 1, max: maxLines }),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    mode: fc.constantFrom<AmountMode>('mixed', 'tiny', 'halves', 'large', 'whole'),
    funcSpread: fc.integer({ min: 1, max: 80 }),
    econSpread: fc.integer({ min: 1, max: 62 }),
    units: fc.integer({ min: 1, max: 4 }),
    scope: fc.constantFrom<ThreePublicScope>('all', 'basic'),
  });

let run = 0;
interface Case {
  lines: number;
  seed: number;
  mode: AmountMode;
  funcSpread: number;
  econSpread: number;
  units: number;
  scope: ThreePublicScope;
}

async function property(o: Case) {
  const lines = randomLedgerLines(o);
  const r = publish(ledgerWorkbook(lines, { title: '测试部门2023年部门预算明细' }), { threePublicScope: o.scope });
  if (!r.ok) throw new Error(r.message.en);
  expect(r.build.rounding.outside.filter((x) => x.beyond)).toEqual([]);
  const rt = await roundTrip(r.layouts, tmp.file(`p${run++}.xlsx`));
  expect(rt.check.recognition.tables).toHaveLength(10);
  // The “三公” table counts project money too (scope 'all'); the cross-table rule compares its
  // 公务用车运行维护费 with the basic-only 表6, so it differs exactly when project lines carry 30231.
  expect(rt.check.findings).toEqual([]);
  const v = verifyFigures(rt.back, rt.check.recognition.tables, lines, o.scope);
  for (const [kind, role] of [
    ['summary', 'income-amount'],
    ['summary', 'expense-amount'],
    ['income', 'total'],
    ['expenditure', 'total'],
  ] as const) {
    const t = rt.check.recognition.tables.find((x) => x.kind === kind)!;
    const i = t.rows.findIndex((x) => x.isTotal && (x.side === undefined || x.side === (role === 'income-amount' ? 'income' : 'expense')));
    expect(printed(rt.back, t, i, role, t.twoSided ? (role === 'income-amount' ? 'income' : 'expense') : undefined)?.toFixed(2)).toBe(v.grandTotal.toFixed(2));
  }
  expect(v.worst.lte('0.01')).toBe(true);
  expect(v.figures).toBeGreaterThan(5);
}

test('small and medium ledgers (1–400 lines): clean check, every figure within 0.01 万元, totals = ledger', async () => {
  await fc.assert(fc.asyncProperty(ledgerArb(400), property), { numRuns: 20 });
});

test('large ledgers (up to 5,000 lines)', async () => {
  await fc.assert(fc.asyncProperty(ledgerArb(5000), property), { numRuns: 4, examples: [[{ lines: 5000, seed: 7, mode: 'halves', funcSpread: 80, econSpread: 62, units: 3, scope: 'all' }]] });
});

describe('bad ledgers are refused, with the bad row listed', () => {
  const BAD: LineInput[] = [
    { func: '', econ: '30101', amount: 10 },
    { func: '2010301', econ: '30101', amount: '' },
    { func: '2010301', econ: '30101', amount: '待定' },
    { func: '2010301', econ: '30101', amount: 1.234 },
    { func: '9999999', econ: '30101', amount: 10 },
    { func: '2010301', econ: '', amount: 10 },
  ];
  test('one bad row anywhere in a random ledger', () => {
    fc.assert(
      fc.property(ledgerArb(200), fc.nat(), fc.nat(), (o, at, which) => {
        const lines: LineInput[] = randomLedgerLines(o);
        const pos = at % (lines.length + 1);
        lines.splice(pos, 0, BAD[which % BAD.length]);
        const r = publish(ledgerWorkbook(lines, { title: '测试部门2023年部门预算明细' }));
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.reason).toBe('bad-rows');
        // title, blank line, header: line k sits on 0-based sheet row k + 3
        expect([...new Set(r.problems.map((p) => p.row))]).toEqual([pos + 3]);
        const skipped = publish(ledgerWorkbook(lines, { title: '测试部门2023年部门预算明细' }), { skipBad: true });
        expect(skipped.ok || (!skipped.ok && skipped.reason === 'empty')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
