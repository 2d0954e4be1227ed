// Correct budgets are silent: no error, no warning, whatever the layout. Rounding differences are info.
import { brief, exampleLedger, loud, makeBudget, randomLedger, type BudgetOptions } from './fixtures';

describe('the example budget (Shanxi, 万元)', () => {
  const b = makeBudget();
  const { recognition, findings } = b.check();

  test('ten tables recognized', () => {
    expect(recognition.tables.map((t) => t.kind)).toEqual([
      'summary',
      'income',
      'expenditure',
      'fiscal-summary',
      'general-expenditure',
      'basic-economic',
      'fund-income',
      'fund-expenditure',
      'three-public',
      'operating-costs',
    ]);
    expect(recognition.unrecognized).toEqual([]);
  });

  test('no error or warning', () => {
    expect(loud(findings)).toEqual([]);
  });

  test('819.76 + 2020.13 + 310.10 under 3149.98: rounding, info only, at the 款 row of 表2, 表3 and 表5', () => {
    const rows = [
      ['income|20103|total', '3149.99', '3149.98'],
      ['income|20103|general', '3149.99', '3149.98'],
      ['expenditure|20103|total', '3149.99', '3149.98'],
      ['expenditure|20103|basic', '1129.86', '1129.85'],
      ['general|20103|total', '3149.99', '3149.98'],
      ['general|20103|basic', '1129.86', '1129.85'],
    ];
    expect(findings.map((f) => ({ ...brief(f), expected: f.expected, actual: f.actual }))).toEqual(
      rows.map(([key, expected, actual]) => ({ rule: 'rounding', severity: 'info', ...b.at(key), expected, actual })),
    );
    for (const f of findings) {
      expect(f.message.zh).toMatch(/四舍五入/);
      expect(f.message.en).toMatch(/within rounding/);
    }
  });
});

describe('layouts of the same correct budget', () => {
  const variants: [string, BudgetOptions][] = [
    ['numbers in General format (310.10 shows 310.1)', { numbers: 'general' }],
    ['zeros as dashes', { zeros: 'dash' }],
    ['zeros as 0.00', { zeros: 'zero' }],
    ['all ten tables on one sheet', { layout: 'one-sheet' }],
    ['code and name in one cell', { codeName: 'joined' }],
    ['names indented by level', { indent: true }],
    ['codes as numbers', { numericCodes: true }],
    ['tables away from A1', { origins: { summary: { row: 2, col: 1 }, income: { row: 1, col: 2 }, general: { row: 3, col: 3 }, economic: { row: 0, col: 0 } } }],
    ['whole 元', { unit: '元' }],
    ['page breaks inside the function tables', { pageBreakAfter: ['201', '20103', '2101101', '221'] }],
  ];
  test.each(variants)('%s: no error or warning', (_, options) => {
    const b = makeBudget(exampleLedger(), options);
    const { recognition, findings } = b.check();
    expect(recognition.tables).toHaveLength(10);
    expect(loud(findings)).toEqual([]);
    expect(findings.every((f) => f.rule === 'rounding')).toBe(true);
  });

  test('pasted from the PDF (tabs, no formats, page-break blank lines): no error or warning', () => {
    const b = makeBudget(exampleLedger(), { pageBreakAfter: ['201', '2010302', '210'] });
    const { recognition, findings } = b.check(true);
    expect(recognition.tables).toHaveLength(10);
    expect(loud(findings)).toEqual([]);
  });

  test('in whole 元 nothing is rounded: no finding at all', () => {
    expect(makeBudget(exampleLedger(), { unit: '元' }).check().findings).toEqual([]);
  });
});

describe('a 类 whose 款 rows continue after a page-break blank line (pasted-PDF style)', () => {
  const options: BudgetOptions = { pageBreakAfter: ['201', '208', '21011'] };

  test('correct: silent', () => {
    const b = makeBudget(exampleLedger(), options);
    expect(loud(b.check(true).findings)).toEqual([]);
  });

  test('the 款 after the break still counts for its 类: a wrong 款 is an error there and at the 类', () => {
    const b = makeBudget(exampleLedger(), options);
    b.set('general|20103|project', 2021.13);
    const errors = b
      .check(true)
      .findings.filter((f) => f.severity === 'error')
      .map(brief);
    expect(errors).toContainEqual({ rule: 'subtotal', severity: 'error', ...b.at('general|20103|project') });
    expect(errors).toContainEqual({ rule: 'subtotal', severity: 'error', ...b.at('general|201|project') });
  });

  test('the blank line is no row of the table', () => {
    const b = makeBudget(exampleLedger(), options);
    const t = b.check(true).recognition.tables.find((x) => x.kind === 'general-expenditure')!;
    const cls = t.rows.findIndex((r) => r.code === '201');
    const sec = t.rows.find((r) => r.code === '20103')!;
    expect(sec.parent).toBe(cls);
    expect(t.rows.find((r) => r.code === '20805')!.parent).toBe(t.rows.findIndex((r) => r.code === '208'));
  });
});

describe('the Shanghai nine-table set in 元', () => {
  test('recognized as nine tables, and not one finding', () => {
    const b = makeBudget(exampleLedger(), { variant: 'shanghai' });
    const { recognition, findings } = b.check();
    expect(recognition.tables.map((t) => t.kind)).toEqual([
      'summary',
      'income',
      'expenditure',
      'fiscal-summary',
      'general-expenditure',
      'basic-economic',
      'fund-expenditure',
      'state-capital-expenditure',
      'three-public',
    ]);
    expect(recognition.tables.every((t) => t.unit === '元')).toBe(true);
    expect(findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.message.en}`)).toEqual([]);
  });

  test.each([1, 2, 3, 4, 5, 6])('random ledger %i: no error or warning', (seed) => {
    const b = makeBudget(randomLedger(seed), { variant: 'shanghai' });
    expect(loud(b.check().findings)).toEqual([]);
  });

  test('in 万元 (rounded) too', () => {
    expect(loud(makeBudget(randomLedger(7), { variant: 'shanghai', unit: '万元' }).check().findings)).toEqual([]);
  });
});

describe('机关运行经费: a department followed by its one unit of the same name (the seed\'s table 10)', () => {
  test('the first row is the department, the total equals it: silent', () => {
    const b = makeBudget();
    expect(b.check().findings.filter((f) => f.sheet === '表10')).toEqual([]);
  });

  test('units of other names are added up', () => {
    const ledger = { ...exampleLedger(), units: [{ name: '甲单位', amount: 1_000_000 }, { name: '乙单位', amount: 2_000_000 }] };
    const b = makeBudget(ledger);
    expect(b.check().findings.filter((f) => f.sheet === '表10')).toEqual([]);
    b.set('opCosts|total|amount', 200);
    expect(b.check().findings.filter((f) => f.sheet === '表10').map(brief)).toEqual([
      { rule: 'column-total', severity: 'error', ...b.at('opCosts|total|amount') },
    ]);
  });
});
