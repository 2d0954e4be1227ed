// The sums inside one table: hierarchy subtotals, row totals, the total row, the two sides of a
// two-sided table; rounding differences are info, anything beyond is an error at the figure.
import type { Finding } from '../../../src/core/findings';
import { brief, exampleLedger, figureText, loud, makeBudget, moved, type Budget } from './fixtures';

function errorsOf(b: Budget): Finding[] {
  return b.check().findings.filter((f) => f.severity === 'error');
}

function findingAt(findings: readonly Finding[], b: Budget, key: string, rule: string): Finding {
  const where = b.at(key);
  const f = findings.find((x) => x.rule === rule && x.sheet === where.sheet && x.cell === where.cell);
  if (!f) throw new Error(`no ${rule} at ${where.sheet}!${where.cell}; have ${findings.map((x) => `${x.rule}@${x.sheet}!${x.cell}`).join(', ')}`);
  return f;
}

describe('subtotal: a parent = Σ its children, per column', () => {
  test('a 款 one unit of 万元 off: error at the 款, with expected, found and difference', () => {
    const b = makeBudget();
    b.set('income|20103|general', moved(b, 'income|20103|general', 1));
    const f = findingAt(errorsOf(b), b, 'income|20103|general', 'subtotal');
    expect(f).toMatchObject({ severity: 'error', expected: '3149.99', actual: '3150.98', table: 't2' });
    expect(f.message.zh).toContain('差 0.99 万元');
    expect(f.message.en).toContain('difference 0.99 万元');
    expect(f.related).toEqual(['表2!D9', '表2!D10', '表2!D11']);
  });

  test('a 类 off: error at the 类', () => {
    const b = makeBudget();
    b.set('expenditure|210|project', 0.5);
    const f = findingAt(errorsOf(b), b, 'expenditure|210|project', 'subtotal');
    expect(f).toMatchObject({ expected: '0.00', actual: '0.50' });
  });

  test('the economic table: a 类 ≠ Σ 款', () => {
    const b = makeBudget();
    b.set('economic|302|amount', moved(b, 'economic|302|amount', '-0.10'));
    expect(findingAt(errorsOf(b), b, 'economic|302|amount', 'subtotal').severity).toBe('error');
  });

  test('三公: 公务用车购置及运行费 = ①购置费 + ②运行维护费', () => {
    const b = makeBudget();
    b.set('threePublic|car|amount', moved(b, 'threePublic|car|amount', '0.10'));
    expect(findingAt(errorsOf(b), b, 'threePublic|car|amount', 'subtotal').severity).toBe('error');
  });

  test('a blank parent above children with money: error (the seed\'s 201 row without its split)', () => {
    const b = makeBudget();
    b.set('expenditure|20103|basic', null);
    const f = findingAt(errorsOf(b), b, 'expenditure|20103|basic', 'subtotal');
    expect(f).toMatchObject({ expected: '1129.86', actual: '' });
    expect(f.message.zh).toContain('空白');
  });
});

describe('rounding: within the slack of the figures, info only', () => {
  test('a parent 0.01 away from its rounded children is info, never an error', () => {
    const b = makeBudget();
    // 3 children: slack ½·0.01·4 = 0.02; 3149.97 is still consistent with 3149.99
    b.set('income|20103|general', moved(b, 'income|20103|general', '-0.01'));
    const f = b.check().findings;
    expect(loud(f)).toEqual([]);
    expect(f.filter((x) => x.rule === 'rounding').map(brief)).toContainEqual({ rule: 'rounding', severity: 'info', ...b.at('income|20103|general') });
  });

  test('just beyond the slack: an error', () => {
    const b = makeBudget();
    b.set('income|20103|general', moved(b, 'income|20103|general', '-0.03'));
    expect(findingAt(errorsOf(b), b, 'income|20103|general', 'subtotal')).toMatchObject({ expected: '3149.99', actual: '3149.95' });
  });

  test('in whole 元 there is no slack to speak of: one 元 is an error', () => {
    const b = makeBudget(exampleLedger(), { unit: '元' });
    b.set('income|20103|general', moved(b, 'income|20103|general', 1));
    expect(findingAt(errorsOf(b), b, 'income|20103|general', 'subtotal').severity).toBe('error');
  });
});

describe('row-total: 合计 = 基本支出 + 项目支出, 本年收入合计 = its sources, 小计 = 一般公共预算 + 政府性基金', () => {
  test('表3: 合计 ≠ 基本支出 + 项目支出', () => {
    const b = makeBudget();
    b.set('expenditure|2101101|total', moved(b, 'expenditure|2101101|total', 2));
    const f = findingAt(errorsOf(b), b, 'expenditure|2101101|total', 'row-total');
    expect(f).toMatchObject({ expected: figureText(b, 'expenditure|2101101|basic'), severity: 'error' });
    expect(f.related).toEqual([b.ref('expenditure|2101101|basic'), b.ref('expenditure|2101101|project')]);
  });

  test('表2: 本年收入合计 ≠ 一般公共预算 + 政府性基金 + 财政专户管理资金 + 单位资金', () => {
    const b = makeBudget();
    b.set('income|2210201|unit', 3);
    expect(findingAt(errorsOf(b), b, 'income|2210201|total', 'row-total')).toMatchObject({ expected: '112.97', actual: '109.97' });
  });

  test('表4: 小计 ≠ 一般公共预算 + 政府性基金', () => {
    const b = makeBudget();
    b.set('fiscal|ex:221|fund', 1);
    expect(findingAt(errorsOf(b), b, 'fiscal|ex:221|subtotal', 'row-total')).toMatchObject({ expected: '110.97', actual: '109.97' });
  });

  test('Shanghai 表3 without a 基本支出 column: 合计 = 人员经费 + 公用经费 + 项目支出', () => {
    const b = makeBudget(exampleLedger(), { variant: 'shanghai' });
    b.set('expenditure|2101101|public', moved(b, 'expenditure|2101101|public', 100));
    expect(findingAt(errorsOf(b), b, 'expenditure|2101101|total', 'row-total').severity).toBe('error');
  });

  test('Shanghai 表6: 合计 = 人员经费 + 公用经费', () => {
    const b = makeBudget(exampleLedger(), { variant: 'shanghai' });
    b.set('economic|30201|total', moved(b, 'economic|30201|total', 100));
    expect(findingAt(errorsOf(b), b, 'economic|30201|total', 'row-total').severity).toBe('error');
  });

  test('Shanghai 三公 by columns: 合计 = 出国 + 接待 + 公务用车, 公务用车 = 购置费 + 运行费', () => {
    const b = makeBudget(exampleLedger(), { variant: 'shanghai' });
    b.set('threePublic|u0|total', moved(b, 'threePublic|u0|total', 1000));
    expect(findingAt(errorsOf(b), b, 'threePublic|u0|total', 'row-total')).toMatchObject({ expected: '85000', actual: '86000' });
    const c = makeBudget(exampleLedger(), { variant: 'shanghai' });
    c.set('threePublic|u0|carPurchase', 5000);
    expect(findingAt(errorsOf(c), c, 'threePublic|u0|car', 'row-total')).toMatchObject({ expected: '65000', actual: '60000' });
  });
});

describe('column-total: the total row = Σ top-level rows', () => {
  test('表6 合计 ≠ Σ 类', () => {
    const b = makeBudget();
    b.set('economic|total|amount', moved(b, 'economic|total|amount', 10));
    const f = findingAt(errorsOf(b), b, 'economic|total|amount', 'column-total');
    expect(f).toMatchObject({ expected: '1410.08', actual: '1420.08' });
  });

  test('表2 合计 row, 一般公共预算 column', () => {
    const b = makeBudget();
    b.set('income|total|general', moved(b, 'income|total|general', -100));
    expect(findingAt(errorsOf(b), b, 'income|total|general', 'column-total').severity).toBe('error');
  });

  test('三公 合计 ≠ 出国 + 接待 + 公务用车', () => {
    const b = makeBudget();
    b.set('threePublic|abroad|amount', 1);
    expect(findingAt(errorsOf(b), b, 'threePublic|total|amount', 'column-total')).toMatchObject({ expected: '9.50', actual: '8.50' });
  });

  test('the expense side of 表1: 本年支出合计 ≠ Σ 类', () => {
    const b = makeBudget();
    b.set('summary|ex:206|amount', 5);
    expect(findingAt(errorsOf(b), b, 'summary|total|expense', 'column-total').severity).toBe('error');
  });
});

describe('balance: 收入合计 = 支出合计 in a two-sided table', () => {
  test('表1', () => {
    const b = makeBudget();
    b.set('summary|total|expense', moved(b, 'summary|total|expense', 1));
    const f = findingAt(errorsOf(b), b, 'summary|total|expense', 'balance');
    expect(f).toMatchObject({ severity: 'error', expected: figureText(b, 'summary|total|income') });
    expect(f.related).toEqual([b.ref('summary|total|income')]);
  });

  test('表4', () => {
    const b = makeBudget();
    b.set('fiscal|total|income', moved(b, 'fiscal|total|income', -1));
    expect(findingAt(errorsOf(b), b, 'fiscal|total|subtotal', 'balance').severity).toBe('error');
  });

  test('0.01 between the two sides: the intervals of the two figures touch, so rounding (info)', () => {
    const b = makeBudget();
    b.set('summary|total|expense', moved(b, 'summary|total|expense', '0.01'));
    const f = b.check().findings;
    expect(loud(f)).toEqual([]);
    expect(f.filter((x) => x.sheet === '表1').map(brief)).toEqual([{ rule: 'rounding', severity: 'info', ...b.at('summary|total|expense') }]);
  });
});
