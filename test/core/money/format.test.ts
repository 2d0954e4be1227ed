import { Decimal, formatAmount, formatWithGrouping } from '../../../src/core/money';

describe('formatAmount', () => {
  it.each([
    ['3000', undefined, '3000.00'],
    ['-0.01', undefined, '-0.01'],
    ['1216.95', undefined, '1216.95'],
    ['1216.954', 2, '1216.95'],
    ['0.005', 2, '0.01'],
    ['-0.001', 2, '0.00'],
    ['-0', 2, '0.00'],
    ['12345678.9', 0, '12345679'],
    ['1e21', 2, '1000000000000000000000.00'],
  ])('%s (d=%s) → %s', (v, d, out) => {
    expect(formatAmount(new Decimal(v), d)).toBe(out);
  });

  it('no float noise', () => {
    expect(formatAmount(new Decimal('0.1').plus('0.2'))).toBe('0.30');
  });
});

describe('formatWithGrouping', () => {
  it.each([
    ['1216.95', 2, '1,216.95'],
    ['1234567.8', 2, '1,234,567.80'],
    ['-1234', 0, '-1,234'],
    ['999', 2, '999.00'],
    ['0', 2, '0.00'],
  ])('%s → %s', (v, d, out) => {
    expect(formatWithGrouping(new Decimal(v), d)).toBe(out);
  });
});
