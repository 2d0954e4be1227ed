import { Decimal, decimalsFromNumFmt, isAmount, isEmptyAmount, isInvalidAmount, parseAmount } from '../../../src/core/money';
import type { AmountResult, ParsedAmount } from '../../../src/core/money';

function amount(r: AmountResult): ParsedAmount {
  if (!isAmount(r)) throw new Error(`not an amount: ${JSON.stringify(r)}`);
  return r;
}

describe('parseAmount: text', () => {
  it.each([
    ['1,216.95', '1216.95', 2],
    ['3000.00', '3000', 2],
    ['12.5', '12.5', 1],
    ['  42 ', '42', 0],
    ['\u300042.10\u3000', '42.1', 2],
    ['１２３', '123', 0],
    ['１，２１６．９５', '1216.95', 2],
    ['(12.00)', '-12', 2],
    ['（12.00）', '-12', 2],
    ['-0.01', '-0.01', 2],
    ['+5', '5', 0],
    ['.5', '0.5', 1],
    ['¥1,000.00', '1000', 2],
    ['1,234,567.8', '1234567.8', 1],
  ])('%s → %s (d=%i)', (input, value, decimals) => {
    const r = amount(parseAmount(input));
    expect(r.value.equals(new Decimal(value))).toBe(true);
    expect(r.decimals).toBe(decimals);
    expect(r.source).toBe('text');
    expect(r.truncated).toBeUndefined();
  });

  it('3000. has a trailing point: decimals 0, flagged as cut', () => {
    const r = amount(parseAmount('3000.'));
    expect(r.value.toString()).toBe('3000');
    expect(r.decimals).toBe(0);
    expect(r.trailingPoint).toBe(true);
    expect(r.truncated).toBe(true);
  });

  it.each(['—', '-', '–', '－', '——', ' - '])('dash %s → zero', (input) => {
    const r = amount(parseAmount(input));
    expect(r.value.isZero()).toBe(true);
    expect(r.zeroDash).toBe(true);
  });

  it.each(['', '   ', '\u3000'])('blank %j → empty', (input) => {
    expect(isEmptyAmount(parseAmount(input))).toBe(true);
  });

  it('percent is not money', () => {
    const r = parseAmount('12.5%');
    expect(isInvalidAmount(r)).toBe(true);
    expect(r).toMatchObject({ percent: true });
    expect((r as { value: Decimal }).value.toString()).toBe('12.5');
  });

  it.each(['abc', '12元', '1,21,6.95', '1.2.3', '.', '(-5)', '1e5', '12 34'])('%s is invalid', (input) => {
    const r = parseAmount(input);
    expect(isInvalidAmount(r)).toBe(true);
    expect(isAmount(r)).toBe(false);
  });

  it('(0.00) is plain zero, not -0', () => {
    expect(amount(parseAmount('(0.00)')).value.isNeg()).toBe(false);
  });
});

describe('parseAmount: numbers', () => {
  const num = (value: number, numFmt?: string) => amount(parseAmount({ kind: 'number', value, numFmt }));

  it.each([
    [118.4, 1],
    [6, 0],
    [310.1, 1],
    [1216.95, 2],
  ])('General %d → decimals %i from the shortest repr', (value, decimals) => {
    const r = num(value);
    expect(r.decimals).toBe(decimals);
    expect(r.value.toString()).toBe(String(value));
    expect(r.source).toBe('number');
    expect(num(value, 'General').decimals).toBe(decimals);
  });

  it('uses the shortest round-trip string, not the binary expansion', () => {
    expect(num(0.1).value.toString()).toBe('0.1');
    expect(num(310.1).value.toFixed(20)).toBe('310.10000000000000000000');
  });

  it('drops binary noise beyond Excel’s 15 digits', () => {
    const r = num(0.1 + 0.2);
    expect(r.value.toString()).toBe('0.3');
    expect(r.decimals).toBe(1);
  });

  it('takes decimals from the number format', () => {
    expect(num(3000, '#,##0.00').decimals).toBe(2);
    expect(num(118.4, '0.00').decimals).toBe(2);
    expect(num(118.44, '0').decimals).toBe(0);
    expect(num(118.44, '0').hiddenDecimals).toBe(true);
    expect(num(-5, '#,##0.00_);[Red](#,##0.00)').value.toString()).toBe('-5');
  });

  it('percent format is not money', () => {
    const r = parseAmount({ kind: 'number', value: 0.125, numFmt: '0.0%' });
    expect(r).toMatchObject({ percent: true });
    expect((r as { value: Decimal }).value.toString()).toBe('12.5');
  });

  it('non-finite numbers are invalid; -0 is zero', () => {
    expect(isInvalidAmount(parseAmount({ kind: 'number', value: NaN }))).toBe(true);
    expect(isInvalidAmount(parseAmount({ kind: 'number', value: Infinity }))).toBe(true);
    expect(num(-0).value.isNeg()).toBe(false);
  });
});

describe('decimalsFromNumFmt', () => {
  it.each<[string | undefined, number | undefined]>([
    ['#,##0.00', 2],
    ['0', 0],
    ['0.0', 1],
    ['0.00_ ', 2],
    ['"¥"#,##0.00', 2],
    ['[$-804]#,##0.000', 3],
    ['#,##0.00;[Red]-#,##0.0', 2],
    ['0.0#', 1],
    ['General', undefined],
    ['@', undefined],
    ['0.00E+00', undefined],
    [undefined, undefined],
  ])('%s → %s', (fmt, d) => {
    expect(decimalsFromNumFmt(fmt)).toBe(d);
  });
});
