import { consistent, Decimal, intervalOf, parseAmount, slack, sumIntervals, sumValues } from '../../../src/core/money';
import type { ParsedAmount } from '../../../src/core/money';

const D = (s: string) => new Decimal(s);
const r = (s: string, decimals = 2) => ({ value: D(s), decimals });

describe('intervalOf / sumIntervals', () => {
  it('is v ± ½·10^−d', () => {
    const i = intervalOf(D('118.4'), 1);
    expect(i.lo.toString()).toBe('118.35');
    expect(i.hi.toString()).toBe('118.45');
    const j = intervalOf(D('3000'), 0);
    expect([j.lo.toString(), j.hi.toString()]).toEqual(['2999.5', '3000.5']);
  });

  it('sums bounds', () => {
    const s = sumIntervals([intervalOf(D('1.00'), 2), intervalOf(D('2.00'), 2)]);
    expect([s.lo.toString(), s.hi.toString()]).toEqual(['2.99', '3.01']);
    const empty = sumIntervals([]);
    expect(empty.lo.isZero() && empty.hi.isZero()).toBe(true);
  });
});

describe('consistent', () => {
  it('0.1 + 0.2 sums exactly to 0.3', () => {
    const res = consistent(r('0.3', 1), [r('0.1', 1), r('0.2', 1)]);
    expect(res.status).toBe('equal');
    expect(res.expected.toString()).toBe('0.3');
    expect(res.difference.isZero()).toBe(true);
    expect(sumValues(Array(10).fill(D('0.1'))).toString()).toBe('1');
  });

  it('equal also for parsed float cells', () => {
    const p = (v: number) => parseAmount({ kind: 'number', value: v }) as ParsedAmount;
    expect(consistent(p(0.3), [p(0.1), p(0.2)]).status).toBe('equal');
  });

  it('0.01 off with two children is rounding, not an error', () => {
    const res = consistent(r('100.01'), [r('50.00'), r('50.00')]);
    expect(res.status).toBe('rounding');
    expect(res.expected.toString()).toBe('100');
    expect(res.difference.toString()).toBe('0.01');
  });

  it('outside the summed intervals is an error, with expected and difference', () => {
    const res = consistent(r('1216.95'), [r('1000.00'), r('210.00')]);
    expect(res.status).toBe('error');
    expect(res.expected.toString()).toBe('1210');
    expect(res.difference.toString()).toBe('6.95');
    expect(consistent(r('1410.07'), [r('1410.07'), r('3000.00')]).difference.toString()).toBe('-3000');
  });

  it('boundary: touching intervals still meet', () => {
    // parent [0.995, 1.005], child [0.985, 0.995]
    expect(consistent(r('1.00'), [r('0.99')]).status).toBe('rounding');
    expect(consistent(r('1.00'), [r('0.98')]).status).toBe('error');
  });

  it('118.4 (d=1) against 118.44 (d=2) IS consistent: the cut digit hides in the interval', () => {
    // [118.35, 118.45] meets [118.435, 118.445]. A cut figure must be caught separately, by the
    // prefix test on the printed text (118.4 is a prefix of 118.44), not by the interval rule.
    const res = consistent(r('118.4', 1), [r('118.44', 2)]);
    expect(res.status).toBe('rounding');
    expect(res.difference.toString()).toBe('-0.04');
  });

  it('mixed decimals use each figure’s own interval', () => {
    expect(consistent(r('3000', 0), [r('2999.60'), r('0.30')]).status).toBe('rounding');
    expect(consistent(r('3000.00'), [r('2999.60'), r('0.30')]).status).toBe('error');
  });
});

describe('slack', () => {
  it('(n + 1)·½·10^−d', () => {
    expect(slack(2, 2).toString()).toBe('0.015');
    expect(slack(0, 0).toString()).toBe('0.5');
    expect(slack(9, 2).toString()).toBe('0.05');
  });

  it('agrees with consistent at the edge', () => {
    const kids = [r('1.00'), r('1.00'), r('1.00')];
    const edge = D('3').plus(slack(3, 2)); // 3.02 is the last consistent value at d=2
    expect(edge.toString()).toBe('3.02');
    expect(consistent(r('3.02'), kids).status).toBe('rounding');
    expect(consistent(r('3.03'), kids).status).toBe('error');
  });
});
