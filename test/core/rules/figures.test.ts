// Figures are held as safe-integer half-units with a Decimal fallback; here every operation is held
// against the plain Decimal arithmetic it replaces, on random cells (formatted and General numbers,
// text, dashes, cut figures, binary noise, figures beyond the safe-integer range).
import fc from 'fast-check';
import { Decimal, halfUnit, isAmount, parseAmount } from '../../../src/core/money';
import { asCut, compareFigures, isZeroFigure, readAmount, restate, sumFigures, whollyBelow, type AmountCell, type Figure } from '../../../src/core/rules/figures';
import type { Cell } from '../../../src/core/workbook/types';

const D = (x: Decimal.Value) => new Decimal(x);

/** The figure as the Decimal reading gives it: value, and the interval it stands for. */
function reference(cell: Cell, typical: number, exact: boolean): { value: Decimal; lo: Decimal; hi: Decimal } | undefined {
  const p = cell.value.kind === 'number' ? parseAmount({ kind: 'number', value: cell.value.value, numFmt: cell.numFmt }) : cell.value.kind === 'text' ? parseAmount(cell.value.value) : undefined;
  if (!p || !isAmount(p)) return undefined;
  const explicit = cell.value.kind === 'number' && cell.numFmt !== undefined && /[0#]/.test(cell.numFmt);
  const d = p.zeroDash ? 0 : explicit || p.source === 'text' ? p.decimals : Math.max(p.decimals, typical);
  const cut = Boolean(p.truncated);
  const point = p.zeroDash || (exact && !cut);
  const lo = cut || point ? p.value : p.value.minus(halfUnit(d));
  const hi = cut ? p.value.plus(D(10).pow(-p.decimals)) : point ? p.value : p.value.plus(halfUnit(d));
  return { value: p.value, lo, hi };
}

const same = (f: Figure, r: { value: Decimal; lo: Decimal; hi: Decimal }) =>
  f.value.equals(r.value) && f.lo.equals(r.lo) && f.hi.equals(r.hi);

const cents = fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100);
const numberArb: fc.Arbitrary<number> = fc.oneof(
  cents,
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.integer({ min: -1e7, max: 1e7 }).map((m) => m / 1000), // hidden decimals under 0.00
  fc.constantFrom(0.1 + 0.2, 1234.5600000000001, 1e17, -3.5e18, 9007199254740991, 1e21, 1e-7),
);
const textArb: fc.Arbitrary<string> = fc.oneof(
  cents.map((n) => n.toFixed(2)),
  fc.integer({ min: 0, max: 99999 }).map((n) => `${n}.`),
  fc.integer({ min: 0, max: 9999999 }).map((n) => n.toLocaleString('en-US')),
  fc.constantFrom('—', '-', '', '#N/A text', '12.5%', '(12.00)', '１２３．４', '123456789012345678.25'),
);
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({ n: numberArb, numFmt: fc.constantFrom(undefined, '0.00', '#,##0', '#,##0.00', 'General', '0.000') }).map(({ n, numFmt }) => ({
    row: 0,
    col: 0,
    value: { kind: 'number' as const, value: n },
    ...(numFmt ? { numFmt } : {}),
  })),
  textArb.map((s) => ({ row: 0, col: 0, value: { kind: 'text' as const, value: s } })),
);
const readArb = fc.record({ cell: cellArb, typical: fc.constantFrom(0, 1, 2, 4), exact: fc.boolean() });

test('a cell reads as the Decimal reading gives it', () => {
  fc.assert(
    fc.property(readArb, ({ cell, typical, exact }) => {
      const a = readAmount(cell, 3, 4, typical, exact);
      const r = reference(cell, typical, exact);
      expect([a.row, a.col]).toEqual([3, 4]);
      if (!r) {
        expect(a.blank).toBe(true);
        expect(a.value.isZero()).toBe(true);
        return;
      }
      expect(a.blank).toBe(false);
      expect(same(a, r)).toBe(true);
    }),
    { numRuns: 3000 },
  );
});

test('sums, comparisons, restating and cutting agree with Decimal arithmetic', () => {
  fc.assert(
    fc.property(
      fc.array(readArb, { minLength: 0, maxLength: 8 }),
      readArb,
      fc.constantFrom(['万元', '元'], ['元', '万元'], ['千元', '万元'], ['万元', '万元'], ['亿元', '元']),
      (parts, one, [from, to]) => {
        const figs = parts.map(({ cell, typical, exact }) => readAmount(cell, 0, 0, typical, exact));
        const sum = sumFigures(figs);
        const z = D(0);
        const ref = {
          value: figs.reduce((s, f) => s.plus(f.value), z),
          lo: figs.reduce((s, f) => s.plus(f.lo), z),
          hi: figs.reduce((s, f) => s.plus(f.hi), z),
        };
        expect(same(sum, ref)).toBe(true);
        expect(sum.blank).toBe(figs.every((f) => f.blank));
        expect(sum.cut).toBe(figs.some((f) => f.cut));
        expect(isZeroFigure(sum)).toBe(ref.value.isZero());

        const found = readAmount(one.cell, 0, 0, one.typical, one.exact);
        const cmp = compareFigures(found, sum);
        const difference = found.value.minus(ref.value);
        const meet = found.lo.lte(ref.hi) && ref.lo.lte(found.hi);
        const status = difference.isZero() ? 'equal' : meet ? (found.cut || sum.cut ? 'cut' : 'rounding') : 'error';
        expect(cmp.status).toBe(status);
        if (cmp.status !== 'equal') {
          expect(cmp.expected.equals(ref.value)).toBe(true);
          expect(cmp.difference.equals(difference)).toBe(true);
        }
        expect(whollyBelow(found, sum)).toBe(found.hi.lt(ref.lo));

        const k = D({ 元: 1, 千元: 1000, 万元: 10000, 亿元: 1e8 }[from]!).div({ 元: 1, 千元: 1000, 万元: 10000, 亿元: 1e8 }[to]!);
        const moved = restate(sum, from, to);
        expect(same(moved, { value: ref.value.times(k), lo: ref.lo.times(k), hi: ref.hi.times(k) })).toBe(true);

        const cut = asCut(found);
        expect(cut.cut).toBe(true);
        expect([cut.row, cut.col, cut.text, cut.shownDecimals]).toEqual([found.row, found.col, found.text, found.shownDecimals]);
        expect(same(cut, { value: found.value, lo: found.value, hi: found.value.plus(D(10).pow(-found.shownDecimals)) })).toBe(true);
      },
    ),
    { numRuns: 2000 },
  );
});

test('beyond the safe-integer range, figures and sums fall back to Decimal, exactly', () => {
  const big = (n: number): AmountCell => readAmount({ row: 0, col: 0, value: { kind: 'number', value: n }, numFmt: '0.00' }, 0, 0, 2);
  // 4e13 in half-units of 0.01 is 8e15: each figure fits, their sum does not.
  const sum = sumFigures([big(4e13), big(4e13), big(4e13)]);
  expect(sum.value.toString()).toBe('120000000000000');
  expect(sum.lo.toString()).toBe('119999999999999.985');
  expect(compareFigures(big(1.2e14), sum).status).toBe('equal');
  const text = (v: string): AmountCell => readAmount({ row: 0, col: 0, value: { kind: 'text', value: v } }, 0, 0, 2);
  expect(compareFigures(text('120000000000000.01'), sum).status).toBe('rounding');
  expect(compareFigures(text('120000000000000.03'), sum).status).toBe('error');
  expect(compareFigures(text('120000000000000.03'), sum).status === 'error' && compareFigures(text('120000000000000.03'), sum)).toMatchObject({ difference: new Decimal('0.03') });
  // 4e15 does not fit even alone.
  const huge = sumFigures([big(4e15), big(4e15), big(4e15)]);
  expect(huge.hi.toString()).toBe('12000000000000000.015');
  expect(compareFigures(big(1.2e16), huge).status).toBe('equal');
  expect(restate(huge, '万元', '元').value.toString()).toBe('120000000000000000000');
});

test('a cut figure stands for [v, v + 10^-d]: 118.4 meets 118.44 as cut, not as an error', () => {
  const cell = (v: string): Cell => ({ row: 0, col: 0, value: { kind: 'text', value: v } });
  const cut = asCut(readAmount(cell('118.4'), 0, 0, 2));
  const full = readAmount({ row: 0, col: 1, value: { kind: 'number', value: 118.44 }, numFmt: '0.00' }, 0, 1, 2);
  expect([cut.lo.toString(), cut.hi.toString()]).toEqual(['118.4', '118.5']);
  expect(compareFigures(cut, full).status).toBe('cut');
  // Read as printed, 118.4 is [118.35, 118.45]: within rounding of 118.44, not a cut.
  expect(compareFigures(readAmount(cell('118.4'), 0, 0, 2), full).status).toBe('rounding');
  expect(compareFigures(asCut(readAmount(cell('118.3'), 0, 0, 2)), full).status).toBe('error');
});
