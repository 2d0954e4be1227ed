// The rounding engine on its own: integer division, top-down largest remainder, and the repair that
// keeps figures cutting across the tree within rounding.
import fc from 'fast-check';
import { ceilDiv, floorDiv, roundControlled, roundHalfUp, topDown } from '../../../src/core/publish';

const U = 10_000n; // fen per 0.01 万元

test('floor, ceiling and half-up division of bigints, negatives included', () => {
  expect([floorDiv(7n, 2n), floorDiv(-7n, 2n), floorDiv(6n, 2n), floorDiv(-6n, 2n)]).toEqual([3n, -4n, 3n, -3n]);
  expect([ceilDiv(7n, 2n), ceilDiv(-7n, 2n), ceilDiv(6n, 2n)]).toEqual([4n, -3n, 3n]);
  expect([roundHalfUp(5_000n, U), roundHalfUp(4_999n, U), roundHalfUp(-5_000n, U), roundHalfUp(-4_999n, U), roundHalfUp(15_000n, U)]).toEqual([1n, 0n, -1n, 0n, 2n]);
});

describe('top-down largest remainder', () => {
  test('the total is the exact total rounded half-up; the extra units go to the largest remainders', () => {
    // 0.34 + 0.33 + 0.33 (in units) = 1.00: one unit, to the largest remainder.
    const r = topDown([3_400n, 3_300n, 3_300n], [['a'], ['b'], ['c']], U);
    expect(r.total).toBe(1n);
    expect(r.atoms).toEqual([1n, 0n, 0n]);
    // 1.6 + 1.6 + 1.6 = 4.8 → 5: floors 1+1+1, two units to share among equal remainders.
    const t = topDown([16_000n, 16_000n, 16_000n], [['a'], ['b'], ['c']], U);
    expect(t.total).toBe(5n);
    expect(t.atoms.reduce((a, b) => a + b, 0n)).toBe(5n);
    expect(t.atoms.every((x) => x === 1n || x === 2n)).toBe(true);
  });

  test('the README example: 3,340 + 3,330 + 3,330 元 print 0.34 + 0.33 + 0.33 = 1.00 万元', () => {
    const r = topDown([334_000n, 333_000n, 333_000n], [['A'], ['B'], ['C']], U);
    expect(r.total).toBe(100n);
    expect(r.atoms).toEqual([34n, 33n, 33n]);
  });

  test('each parent is shared among its own children: the tree ties at every level', () => {
    const exact = [4_000n, 4_000n, 4_000n, 6_000n];
    const paths = [['x', '1'], ['x', '2'], ['y', '1'], ['y', '2']];
    const r = topDown(exact, paths, U);
    // x = 0.8 → 1, y = 1.0 → 1, total 1.8 → 2.
    expect(r.total).toBe(2n);
    expect(r.atoms[0] + r.atoms[1]).toBe(1n);
    expect(r.atoms[2] + r.atoms[3]).toBe(1n);
    expect(r.atoms[3]).toBe(1n);
  });
});

/** Every group's printed sum is its exact sum rounded down or up. */
function withinRounding(exact: bigint[], groups: number[][], atoms: readonly bigint[]): boolean {
  return groups.every((g) => {
    const x = g.reduce((s, a) => s + exact[a], 0n);
    const shown = g.reduce((s, a) => s + atoms[a], 0n);
    return shown >= floorDiv(x, U) && shown <= ceilDiv(x, U);
  });
}

describe('controlled rounding', () => {
  test('a two-way table with row, column and grand totals is always rounded within rounding (any cells)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 36, maxLength: 36 }),
        (rows, cols, values) => {
          const exact: bigint[] = [];
          const paths: string[][] = [];
          for (let r = 0; r < rows; r++)
            for (let c = 0; c < cols; c++) {
              exact.push(BigInt(values[r * cols + c]));
              paths.push([`r${r}`, `c${c}`]);
            }
          const groups: number[][] = [];
          for (let r = 0; r < rows; r++) groups.push(Array.from({ length: cols }, (_, c) => r * cols + c));
          for (let c = 0; c < cols; c++) groups.push(Array.from({ length: rows }, (_, r) => r * cols + c));
          groups.push(exact.map((_, i) => i));
          const res = roundControlled({ exact, paths, groups: groups.map((atoms, i) => ({ id: `g${i}`, atoms })), unit: U });
          expect(res.outside).toEqual([]);
          expect(withinRounding(exact, groups, res.atoms)).toBe(true);
          const total = exact.reduce((a, b) => a + b, 0n);
          expect(res.total).toBe(roundHalfUp(total, U));
          expect(res.atoms.reduce((a, b) => a + b, 0n)).toBe(res.total);
          // every atom is its exact value rounded down or up
          res.atoms.forEach((a, i) => expect(a === floorDiv(exact[i], U) || a === ceilDiv(exact[i], U)).toBe(true));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('the cut across the tree: a column total drifting under top-down is repaired', () => {
    // Ten rows of 0.5 + 0.5: top-down gives each row one unit; without repair all might go to one column.
    const exact = Array.from({ length: 20 }, () => 5_000n);
    const paths = exact.map((_, i) => [`r${i >> 1}`, `c${i & 1}`]);
    const col0 = exact.map((_, i) => i).filter((i) => (i & 1) === 0);
    const col1 = exact.map((_, i) => i).filter((i) => (i & 1) === 1);
    const res = roundControlled({ exact, paths, groups: [{ id: 'c0', atoms: col0 }, { id: 'c1', atoms: col1 }], unit: U });
    expect(res.outside).toEqual([]);
    expect(col0.reduce((s, a) => s + res.atoms[a], 0n)).toBe(5n);
    expect(col1.reduce((s, a) => s + res.atoms[a], 0n)).toBe(5n);
  });

  test('when no rounding within rounding exists, a whole value may be one unit off, never more', () => {
    // a = b = c = 0.5; a+b, b+c, a+c are each exactly 1, but a+b+c = 1.5 rounds to 2.
    const exact = [5_000n, 5_000n, 5_000n];
    const groups = [
      { id: 'ab', atoms: [0, 1] },
      { id: 'bc', atoms: [1, 2] },
      { id: 'ac', atoms: [0, 2] },
    ];
    const res = roundControlled({ exact, paths: [['a'], ['b'], ['c']], groups, unit: U });
    expect(res.total).toBe(2n);
    expect(res.outside).toHaveLength(1);
    expect(res.outside[0]).toEqual(expect.objectContaining({ beyond: false, exact: 10_000n }));
    expect(res.outside[0].shown === 0n || res.outside[0].shown === 2n).toBe(true);
  });
});
