import fc from 'fast-check';
import {
  Decimal,
  halvesToDecimal,
  isAmount,
  isSafe,
  numberDecimals,
  parseAmount,
  scaledOfDecimal,
  scaledOfNumber,
  scaledOfRepr,
  shiftUp,
} from '../../../src/core/money';

const MAX = Number.MAX_SAFE_INTEGER;

describe('scaledOfNumber', () => {
  it.each([
    [1216.95, 121695, 2],
    [3000, 3000, 0],
    [-0.01, -1, 2],
    [0, 0, 0],
    [-0, 0, 0],
    [0.5, 5, 1],
    [123456789012.345, 123456789012345, 3],
  ])('%p → %p · 10^-%p', (n, units, scale) => {
    const s = scaledOfNumber(n);
    expect(s).toEqual({ units, scale });
    expect(Object.is(s!.units, -0)).toBe(false);
  });

  it('leaves binary noise, exponents and digits beyond 15 to Decimal', () => {
    expect(scaledOfNumber(0.1 + 0.2)).toBeUndefined(); // 0.30000000000000004
    expect(scaledOfNumber(1e-7)).toBeUndefined();
    expect(scaledOfNumber(1e21)).toBeUndefined();
    expect(scaledOfNumber(1234567890123456)).toBeUndefined();
    expect(scaledOfNumber(NaN)).toBeUndefined();
    expect(scaledOfNumber(Infinity)).toBeUndefined();
  });

  it('gives exactly the digits String(n) prints, without printing', () => {
    const decimal = fc.tuple(fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }), fc.integer({ min: 0, max: 21 })).map(([m, k]) => m / 10 ** k);
    const edges = fc.constantFrom(1e-6, 1.5e-6, 9.99e-7, 1e-7, 0.1, 0.7, 1.005, 999999999999999, 1e15, 2 ** 51, 2 ** 53, 1e21, 123456789.12345679, 0.1 + 0.2, -0, 5e-324);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: false }), decimal, edges), (n) => {
        expect(scaledOfNumber(n)).toEqual(scaledOfRepr(String(n)));
      }),
      { numRuns: 20000 },
    );
  });

  it('is the value parseAmount reads, whenever it answers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer().map((i) => i / 100), fc.integer().map((i) => i / 1000)), (n) => {
        const s = scaledOfNumber(n);
        const p = parseAmount({ kind: 'number', value: n });
        if (!s) return;
        if (!isAmount(p)) throw new Error(`parseAmount does not read ${n}`);
        expect(new Decimal(s.units).div(new Decimal(10).pow(s.scale)).equals(p.value)).toBe(true);
        expect(s.scale).toBe(p.decimals);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scaledOfDecimal', () => {
  it('gives units and scale, or undefined beyond safe integers', () => {
    expect(scaledOfDecimal(new Decimal('-1216.950'))).toEqual({ units: -121695, scale: 2 });
    expect(scaledOfDecimal(new Decimal('0'))).toEqual({ units: 0, scale: 0 });
    expect(scaledOfDecimal(new Decimal('1e3'))).toEqual({ units: 1000, scale: 0 });
    expect(scaledOfDecimal(new Decimal('9007199254740993'))).toBeUndefined();
    expect(scaledOfDecimal(new Decimal('0.000000000000000000001'))).toEqual({ units: 1, scale: 21 });
  });
});

describe('shiftUp', () => {
  it('multiplies by 10^k while the result is a safe integer, NaN beyond', () => {
    expect(shiftUp(12, 3)).toBe(12000);
    expect(shiftUp(-12, 0)).toBe(-12);
    expect(shiftUp(0, 40)).toBe(0);
    expect(shiftUp(9007199254740, 3)).toBe(9007199254740000);
    expect(shiftUp(9007199254741, 3)).toBeNaN();
    expect(shiftUp(MAX + 1, 0)).toBeNaN();
    expect(shiftUp(1, 23)).toBeNaN();
    expect(shiftUp(1, -1)).toBeNaN();
    expect(shiftUp(NaN, 2)).toBeNaN();
  });

  it('is exact or NaN, never a rounded product', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 22 }), (x, k) => {
        const y = shiftUp(x, k);
        const exact = BigInt(x) * 10n ** BigInt(k);
        if (Number.isNaN(y)) expect(exact > BigInt(MAX) || exact < -BigInt(MAX)).toBe(true);
        else expect(BigInt(y)).toBe(exact);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isSafe / halvesToDecimal', () => {
  it('isSafe: whole numbers within ±MAX_SAFE_INTEGER', () => {
    expect([isSafe(MAX), isSafe(-MAX), isSafe(MAX + 1), isSafe(0.5), isSafe(NaN)]).toEqual([true, true, false, false, false]);
  });

  it('halvesToDecimal: x · ½ · 10^-scale, exactly', () => {
    expect(halvesToDecimal(243389, 2).toString()).toBe('1216.945');
    expect(halvesToDecimal(-1, 0).toString()).toBe('-0.5');
    expect(halvesToDecimal(7, -4).toString()).toBe('35000');
    expect(halvesToDecimal(MAX, 2).toString()).toBe(new Decimal(MAX.toString()).div(200).toString());
  });
});

describe('numberDecimals', () => {
  const formats = [undefined, 'General', '0.00', '#,##0', '#,##0.000', '0.00%', '@', '0.0_);(0.0)'];
  it('is the decimals parseAmount gives a number cell', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noDefaultInfinity: false }), fc.integer().map((i) => i / 100), fc.constant(0.1 + 0.2)),
        fc.constantFrom(...formats),
        (n, numFmt) => {
          const p = parseAmount({ kind: 'number', value: n, numFmt });
          expect(numberDecimals(n, numFmt)).toBe(isAmount(p) ? p.decimals : undefined);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
