// Properties over random budgets drawn from a random ledger (元 amounts, every figure rounded to
// 0.01 万元 on its own, or printed in whole 元), in random layouts:
// 1. a correct budget is silent: no error, no warning;
// 2. one figure moved beyond its families' rounding slack is an error at that figure, or at a figure
//    of an identity it takes part in (its parent, its total, its row total), or a cross-table error
//    whose `related` names it.
//
// On the size of the move: a family of n + 1 figures (a parent and n children, all rounded) may be off
// by up to ½·step·(n + 1) and still be consistent. A figure moved by just more than that slack can
// land on the far side of a family that was off the other way, still inside it; only a move beyond
// twice the slack, step·(n + 1), is sure to leave it. So the move is step·(n + 2) or more, where n + 1
// is the largest identity the figure is in.
import fc from 'fast-check';
import type { Finding } from '../../../src/core/findings';
import { parseCellAddress, qualifiedAddress } from '../../../src/core/workbook/address';
import { DICTIONARY_ITEMS, ECONOMIC_LINES, ledgerFrom, loud, makeBudget, moved, type BudgetOptions, type LedgerDraw } from './fixtures';

const RUNS = Number(process.env.SUANPAN_PROPERTY_RUNS ?? 40);

const yuan = (max: number) => fc.oneof(fc.constant(0), fc.integer({ min: 1, max }));

const drawArb: fc.Arbitrary<LedgerDraw> = fc.record({
  items: fc.uniqueArray(
    fc.record({ code: fc.constantFrom(...DICTIONARY_ITEMS), basic: yuan(30_000_000), project: yuan(50_000_000) }),
    { selector: (i) => i.code, minLength: 1, maxLength: 12 },
  ),
  economic: fc.uniqueArray(fc.record({ code: fc.constantFrom(...ECONOMIC_LINES), weight: fc.integer({ min: 1, max: 1000 }) }), {
    selector: (l) => l.code,
    minLength: 1,
    maxLength: 14,
  }),
  abroad: yuan(300_000),
  reception: yuan(300_000),
  carPurchase: yuan(500_000),
  carRunning: yuan(300_000),
  units: fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 3 }),
  sameNameUnit: fc.boolean(),
});

interface Layout {
  options: BudgetOptions;
  pasted: boolean;
}

const layoutArb: fc.Arbitrary<Layout> = fc.oneof(
  fc.record({
    options: fc.record({
      variant: fc.constant<'shanxi'>('shanxi'),
      unit: fc.constantFrom<'万元' | '元'>('万元', '万元', '元'),
      numbers: fc.constantFrom<'fmt' | 'general'>('fmt', 'general'),
      zeros: fc.constantFrom<'blank' | 'dash' | 'zero'>('blank', 'dash', 'zero'),
      layout: fc.constantFrom<'sheets' | 'one-sheet'>('sheets', 'one-sheet'),
      codeName: fc.constantFrom<'split' | 'joined'>('split', 'joined'),
      indent: fc.boolean(),
    }),
    pasted: fc.boolean(),
  }),
  fc.record({
    options: fc.record({
      variant: fc.constant<'shanghai'>('shanghai'),
      unit: fc.constantFrom<'万元' | '元'>('元', '元', '万元'),
      numbers: fc.constantFrom<'fmt' | 'general'>('fmt', 'general'),
      zeros: fc.constantFrom<'blank' | 'zero'>('blank', 'zero'),
    }),
    pasted: fc.constant(false),
  }),
);

test('a correct budget has no error and no warning', () => {
  fc.assert(
    fc.property(drawArb, layoutArb, (draw, { options, pasted }) => {
      const b = makeBudget(ledgerFrom(draw), options);
      const { recognition, findings } = b.check(pasted);
      expect(recognition.tables).toHaveLength(options.variant === 'shanghai' ? 9 : 10);
      expect(loud(findings)).toEqual([]);
      for (const f of findings) expect(['rounding', 'unknown-code']).toContain(f.rule);
    }),
    { numRuns: RUNS },
  );
});

/**
 * An error that points at the moved figure, or sits on a figure of an identity with it. One warning
 * counts too: where numbers are General (pasted text), 2857.70 shows as 2857.7, and beside 2857.76 in
 * the same row it reads exactly like the seed's cut `118.4` beside `118.44`: a truncated warning at
 * the very cell is all an honest reader can say.
 */
function answers(f: Finding, where: { sheet: string; cell: string }, general: boolean, shown: string): boolean {
  if (general && f.rule === 'truncated' && f.sheet === where.sheet && f.cell === where.cell && /\.\d*0$/.test(shown)) return true;
  if (f.severity !== 'error') return false;
  if (f.related.includes(qualifiedAddress(where.sheet, where.cell))) return true;
  if (f.sheet !== where.sheet) return false;
  const a = parseCellAddress(f.cell);
  const b = parseCellAddress(where.cell);
  return a.row === b.row || a.col === b.col; // the figure itself, its parent or total (column), its row total (row)
}

test('one figure moved beyond its rounding slack is an error at it, its parent or total, or a cross-table error naming it', () => {
  fc.assert(
    fc.property(
      drawArb,
      layoutArb,
      fc.nat(),
      fc.constantFrom(1, -1),
      fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100_000 })),
      (draw, { options, pasted }, pick, sign, extra) => {
        const b = makeBudget(ledgerFrom(draw), options);
        const keys = [...b.values.keys()].filter((k) => !b.values.get(k)!.isZero() && (b.family.get(k) ?? 0) > 0);
        fc.pre(keys.length > 0);
        const key = keys[pick % keys.length];
        const family = b.family.get(key)!;
        const delta = b.step(key).times(family + 2 + extra).times(sign);
        b.set(key, moved(b, key, delta));
        const where = b.at(key);
        const general = pasted || options.numbers === 'general';
        const shown = b.values.get(key)!.plus(delta).toFixed(b.unitOf(key) === '万元' ? 2 : 0);
        const { findings } = b.check(pasted);
        if (!findings.some((f) => answers(f, where, general, shown)))
          throw new Error(
            `${key} (${where.sheet}!${where.cell}) moved by ${delta.toString()}: ${findings
              .filter((f) => f.severity !== 'info')
              .map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`)
              .join('; ') || 'nothing'}`,
          );
      },
    ),
    { numRuns: RUNS },
  );
});
