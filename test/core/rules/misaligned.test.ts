// A code column shifted against names and amounts: one `misaligned` finding for the block, with the
// offset (> 0: each printed code belongs that many rows lower, the seed's table 5 is +2) and the
// corrected codes; the sums judged by the corrected hierarchy, so no cascade of subtotal or code
// findings from the same cause.
import type { Finding } from '../../../src/core/findings';
import { colToLetters } from '../../../src/core/workbook/address';
import { exampleLedger, loud, makeBudget, randomLedger, shiftCodes, type Budget, type TableId } from './fixtures';

interface Fix {
  cell: string;
  name: string;
  from: string | null;
  to: string | null;
}

function only(findings: readonly Finding[]): Finding {
  const mis = findings.filter((f) => f.rule === 'misaligned');
  expect(mis).toHaveLength(1);
  return mis[0];
}

function expectBlock(b: Budget, table: TableId, from: string, to: string, offset: number): void {
  const { keys, codes } = shiftCodes(b, table, from, to, offset);
  const { findings } = b.check();
  const f = only(findings);
  const first = b.at(keys[0]);
  const last = b.at(keys[keys.length - 1]);
  expect(f).toMatchObject({ severity: 'error', sheet: first.sheet, cell: first.cell, range: `${first.cell}:${last.cell}` });
  const d = f.details as { offset: number; corrected: Fix[] };
  expect(d.offset).toBe(offset);
  expect(d.corrected.map((c) => c.cell)).toEqual(keys.map((k) => b.at(k).cell));
  expect(d.corrected.map((c) => c.to)).toEqual(codes);
  expect(f.expected).toBe(codes.join(' '));
  expect(f.message.zh).toMatch(offset > 0 ? `下移 ${offset} 行` : `上移 ${-offset} 行`);
  // nothing else but rounding notes: no subtotal, code-name or cross-table findings from the shift
  expect(loud(findings).filter((l) => !l.startsWith('misaligned'))).toEqual([]);
  expect(findings.filter((x) => x.rule !== 'misaligned' && x.rule !== 'rounding')).toEqual([]);
}

describe.each<[string, TableId]>([
  ['表5 一般公共预算支出表', 'general'],
  ['表3 支出总表', 'expenditure'],
  ['表2 收入总表', 'income'],
])('%s', (_, table) => {
  test.each<[number, string, string]>([
    [-2, '2080505', '2299999'],
    [1, '208', '2210201'],
    [3, '20103', '2130599'],
    [2, '2080505', '2299999'],
  ])('offset %i (%s … %s): one finding, the corrected codes, no cascade', (offset, from, to) => {
    expectBlock(makeBudget(), table, from, to, offset);
  });
});

describe('block edges', () => {
  test('+3 from a 类 row to the end of the table', () => {
    expectBlock(makeBudget(), 'general', '213', '2299999', 3);
  });

  test('-1 over the whole table', () => {
    expectBlock(makeBudget(), 'general', '201', '2299999', -1);
  });

  test('-3 over the first rows', () => {
    expectBlock(makeBudget(), 'general', '201', '20805', -3);
  });

  test('the seed\'s damage: +2 with stray codes left in the last two cells', () => {
    const b = makeBudget();
    const { keys, codes } = shiftCodes(b, 'general', '2080505', '2299999', 2);
    b.set(keys[keys.length - 2], '201');
    b.set(keys[keys.length - 1], '20103');
    const { findings } = b.check();
    const f = only(findings);
    expect((f.details as { offset: number }).offset).toBe(2);
    expect((f.details as { corrected: Fix[] }).corrected.map((c) => c.to)).toEqual(codes);
    expect((f.details as { corrected: Fix[] }).corrected.slice(-2).map((c) => c.from)).toEqual(['201', '20103']);
    expect(loud(findings).filter((l) => !l.startsWith('misaligned'))).toEqual([]);
  });

  test('the corrected rows carry the block\'s code column', () => {
    const b = makeBudget(exampleLedger(), { origins: { general: { row: 2, col: 3 } } });
    const { keys } = shiftCodes(b, 'general', '208', '2210201', 1);
    const f = only(b.check().findings);
    expect(f.cell).toBe(b.at(keys[0]).cell);
    expect(f.range.startsWith(colToLetters(3))).toBe(true);
  });
});

describe('random budgets, shifted', () => {
  test.each([11, 12, 13, 14, 15, 16])('ledger %i: each offset found with its codes', (seed) => {
    for (const offset of [-2, 1, 3]) {
      const b = makeBudget(randomLedger(seed, { items: 8 }));
      const keys = b.codeKeys.get('general')!;
      const codes = keys.map((k) => k.split('|')[1]);
      // a block of at least |offset| + 4 rows, away from the first row
      const from = codes[1];
      const to = codes[Math.min(codes.length - 1, 1 + Math.abs(offset) + 6)];
      expectBlock(b, 'general', from, to, offset);
    }
  });
});

describe('a correct table has no misaligned block, even with repeated names (其他支出 · 其他支出 · 其他支出)', () => {
  test('silent', () => {
    const f = makeBudget().check().findings;
    expect(f.filter((x) => x.rule === 'misaligned')).toEqual([]);
  });
});
