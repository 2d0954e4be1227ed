// Each amount cell on its own: numbers stored as text (still checked by value), cut digits, dashes and
// blanks meaning zero, values that are no amount at all.
import type { Finding } from '../../../src/core/findings';
import { brief, loud, makeBudget, type Budget } from './fixtures';

function findings(b: Budget): Finding[] {
  return [...b.check().findings];
}

describe('number-as-text', () => {
  test('the right figure stored as text: a warning at the cell, and nothing else', () => {
    const b = makeBudget();
    b.set('expenditure|2010301|basic', '819.76');
    const f = findings(b);
    expect(loud(f).length).toBe(1);
    expect(f.filter((x) => x.severity !== 'info').map(brief)).toEqual([{ rule: 'number-as-text', severity: 'warning', ...b.at('expenditure|2010301|basic') }]);
    expect(f.find((x) => x.rule === 'number-as-text')!.message.zh).toContain('以文本存储');
  });

  test('with a thousands separator, like the seed\'s "1,216.95"', () => {
    const b = makeBudget();
    b.set('economic|total|amount', '1,410.08');
    expect(findings(b).filter((x) => x.severity !== 'info').map(brief)).toEqual([{ rule: 'number-as-text', severity: 'warning', ...b.at('economic|total|amount') }]);
  });

  test('a wrong figure stored as text is still checked by its value', () => {
    const b = makeBudget();
    b.set('expenditure|2010301|basic', '829.76');
    const f = findings(b).map(brief);
    expect(f).toContainEqual({ rule: 'number-as-text', severity: 'warning', ...b.at('expenditure|2010301|basic') });
    expect(f).toContainEqual({ rule: 'subtotal', severity: 'error', ...b.at('expenditure|20103|basic') });
    expect(f).toContainEqual({ rule: 'row-total', severity: 'error', ...b.at('expenditure|2010301|total') });
  });
});

describe('truncated figures', () => {
  test('`3000.` (text with a bare point): a warning, and the sums hold with it', () => {
    const b = makeBudget();
    b.set('fiscal|ex:229|subtotal', '3000.');
    const f = findings(b);
    expect(f.filter((x) => x.severity !== 'info').map(brief)).toEqual([{ rule: 'truncated', severity: 'warning', ...b.at('fiscal|ex:229|subtotal') }]);
  });

  test('`118.4` beside `118.44` in the same row: a warning naming the full figure, no cascade', () => {
    const b = makeBudget();
    b.set('fiscal|ex:208|subtotal', 118.4);
    const f = findings(b);
    expect(f.filter((x) => x.severity !== 'info').map(brief)).toEqual([{ rule: 'truncated', severity: 'warning', ...b.at('fiscal|ex:208|subtotal') }]);
    const t = f.find((x) => x.rule === 'truncated')!;
    expect(t).toMatchObject({ expected: '118.44', actual: '118.4', related: [b.ref('fiscal|ex:208|general')] });
  });

  test('a cut total with no figure beside it: the sum shows it, a warning at the total', () => {
    const b = makeBudget();
    b.set('economic|301|amount', 1039.7); // 1039.77 cut
    expect(findings(b).filter((x) => x.severity !== 'info').map(brief)).toEqual([{ rule: 'truncated', severity: 'warning', ...b.at('economic|301|amount') }]);
  });

  test('a General-format 310.1 in a table of General numbers is 310.10, not cut', () => {
    const b = makeBudget(undefined, { numbers: 'general' });
    expect(b.get('expenditure|2010350|total')).toBe(310.1);
    expect(loud(findings(b))).toEqual([]);
  });

  test('in an all-General table, 32.2 beside 32.26 with its row identity failing is still a cut figure', () => {
    const b = makeBudget(undefined, { numbers: 'general' });
    b.set('income|2101101|total', 32.2); // 32.26 cut to 32.2
    const f = findings(b).map(brief);
    expect(f).toContainEqual({ rule: 'truncated', severity: 'warning', ...b.at('income|2101101|total') });
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
  });

  test('in an all-General table, a short figure with nothing beside it is a plain error (1039.7 is 1039.70)', () => {
    const b = makeBudget(undefined, { numbers: 'general' });
    b.set('economic|301|amount', 1039.7);
    const f = findings(b).map(brief);
    expect(f).toContainEqual({ rule: 'subtotal', severity: 'error', ...b.at('economic|301|amount') });
    expect(f.filter((x) => x.rule === 'truncated')).toEqual([]);
  });
});

describe('dashes and blanks read as zero', () => {
  test.each(['—', '-', '–', '－', null, 0])('%p for a zero figure: silent', (zero) => {
    const b = makeBudget();
    b.set('expenditure|2010301|project', zero);
    b.set('general|2010302|basic', zero);
    b.set('income|2210201|fund', zero);
    b.set('summary|ex:202|amount', zero);
    expect(loud(findings(b))).toEqual([]);
  });

  test('a dash where money should be: an error at the parent (the dash counts as 0)', () => {
    const b = makeBudget();
    b.set('general|2010301|basic', '—');
    const f = findings(b).map(brief);
    expect(f).toContainEqual({ rule: 'subtotal', severity: 'error', ...b.at('general|20103|basic') });
    expect(f).toContainEqual({ rule: 'row-total', severity: 'error', ...b.at('general|2010301|total') });
  });
});

describe('invalid-value', () => {
  test.each(['#REF!', '#VALUE!', '见附表', '12 34', '12.5%'])('%p in an amount cell: an error at the cell, counted as 0', (bad) => {
    const b = makeBudget();
    b.set('expenditure|2101101|basic', bad);
    const f = findings(b);
    const hit = f.filter((x) => x.rule === 'invalid-value');
    expect(hit.map(brief)).toEqual([{ rule: 'invalid-value', severity: 'error', ...b.at('expenditure|2101101|basic') }]);
    expect(hit[0].message.en).toContain('counted as 0');
    expect(f.map(brief)).toContainEqual({ rule: 'subtotal', severity: 'error', ...b.at('expenditure|21011|basic') });
  });
});
