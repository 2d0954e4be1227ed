// Identities between the tables of one workbook (budget-tables.md §3, "Across tables"), each broken
// once: the error sits at the figure compared, its `related` names the figure it was compared with.
import type { Finding } from '../../../src/core/findings';
import { brief, exampleLedger, figureText, loud, makeBudget, moved, type Budget } from './fixtures';

function crossAt(b: Budget, key: string): Finding {
  const where = b.at(key);
  const all = b.check().findings;
  const f = all.find((x) => x.rule === 'cross-table' && x.sheet === where.sheet && x.cell === where.cell);
  if (!f) throw new Error(`no cross-table at ${where.sheet}!${where.cell}; have ${all.map((x) => `${x.rule}@${x.sheet}!${x.cell}`).join(', ')}`);
  expect(f.severity).toBe('error');
  return f;
}

function broken(key: string, delta: number | string, options = {}): Budget {
  const b = makeBudget(exampleLedger(), options);
  return b.set(key, moved(b, key, delta));
}

describe('T1 收入合计 = T2 合计 = T3 合计', () => {
  test('表2 合计 ≠ 表1 本年收入合计', () => {
    const b = broken('income|total|total', 1);
    const f = crossAt(b, 'income|total|total');
    expect(f).toMatchObject({ expected: figureText(b, 'summary|total|income'), related: [b.ref('summary|total|income')] });
    expect(f.message.zh).toContain('表1《收支总表》');
  });

  test('表3 合计 ≠ 表1 本年收入合计', () => {
    const b = broken('expenditure|total|total', -2);
    expect(crossAt(b, 'expenditure|total|total').related).toEqual([b.ref('summary|total|income')]);
  });
});

describe('T1 一般公共预算 = T4 一般公共预算 = T5 合计', () => {
  test('表4 一般公共预算 (收入) ≠ 表1', () => {
    const b = broken('fiscal|in:general|amount', 1);
    expect(crossAt(b, 'fiscal|in:general|amount').related).toEqual([b.ref('summary|in:general|amount')]);
  });

  test('表5 合计 ≠ 表4 一般公共预算', () => {
    const b = broken('general|total|total', '0.50');
    expect(crossAt(b, 'general|total|total').related).toEqual([b.ref('fiscal|in:general|amount')]);
  });
});

describe('each 类 of T1 (支出) = that 类 in T2 and T3', () => {
  test('表2 208 ≠ 表1 社会保障和就业支出', () => {
    const b = broken('income|208|total', 1);
    expect(crossAt(b, 'income|208|total').related).toEqual([b.ref('summary|ex:208|amount')]);
  });

  test('表3 221 ≠ 表1 住房保障支出', () => {
    const b = broken('expenditure|221|total', -1);
    expect(crossAt(b, 'expenditure|221|total').related).toEqual([b.ref('summary|ex:221|amount')]);
  });
});

describe('each T4 支出 line = the T5 类 row', () => {
  test('表4 卫生健康支出 · 一般公共预算 ≠ 表5 210', () => {
    const b = broken('fiscal|ex:210|general', 1);
    expect(crossAt(b, 'fiscal|ex:210|general').related).toEqual([b.ref('general|210|total')]);
  });
});

describe('every row of T5 = the same code in T3, for 基本/项目 (all money general public budget)', () => {
  test('表3 2101101 基本支出 ≠ 表5: at the deepest row only', () => {
    const b = broken('expenditure|2101101|basic', 1);
    const f = crossAt(b, 'expenditure|2101101|basic');
    expect(f.related).toEqual([b.ref('general|2101101|basic')]);
    const cross = b.check().findings.filter((x) => x.rule === 'cross-table').map(brief);
    expect(cross).toEqual([{ rule: 'cross-table', severity: 'error', ...b.at('expenditure|2101101|basic') }]);
  });

  test('money moved between 基本 and 项目 in 表3 (the seed\'s 229 其他支出)', () => {
    const b = makeBudget();
    b.set('expenditure|2299999|basic', b.get('expenditure|2299999|project'));
    b.set('expenditure|2299999|project', null);
    const cross = b.check().findings.filter((x) => x.rule === 'cross-table').map(brief);
    expect(cross).toEqual([
      { rule: 'cross-table', severity: 'error', ...b.at('expenditure|2299999|basic') },
      { rule: 'cross-table', severity: 'error', ...b.at('expenditure|2299999|project') },
    ]);
  });
});

describe('T5 基本支出 合计 = T6 合计', () => {
  test('表6 合计 ≠ 表5 基本支出', () => {
    const b = broken('economic|total|amount', 3);
    expect(crossAt(b, 'economic|total|amount')).toMatchObject({ expected: '1410.08', related: [b.ref('general|total|basic')] });
  });

  test('a 表6 in 元 beside 万元 tables: compared in one unit, silent when right', () => {
    const b = makeBudget(exampleLedger(), { tableUnits: { economic: '元' } });
    expect(b.values.get('economic|total|amount')!.toString()).toBe('14100800');
    expect(loud(b.check().findings)).toEqual([]);
    b.set('economic|total|amount', moved(b, 'economic|total|amount', 100));
    const all = b.check().findings;
    expect(all.filter((x) => x.rule === 'cross-table').map(brief)).toEqual([{ rule: 'cross-table', severity: 'error', ...b.at('economic|total|amount') }]);
    expect(all.find((x) => x.rule === 'cross-table')).toMatchObject({ expected: '14100800', actual: '14100900' });
  });
});

describe('T9 公务用车运行维护费 (basic + project) is never below T6 (basic only)', () => {
  test('T9 above T6 is project money, not an error', () => {
    const b = broken('threePublic|carRunning|amount', 1);
    expect(b.check().findings.filter((x) => x.rule === 'cross-table' && x.sheet === b.at('threePublic|carRunning|amount').sheet)).toEqual([]);
  });
  test('Shanxi: the 三公 row', () => {
    const b = broken('threePublic|carRunning|amount', -1);
    expect(crossAt(b, 'threePublic|carRunning|amount').related).toEqual([b.ref('economic|30231|amount')]);
  });

  test('Shanghai: the 运行费 column of the combined 三公 / 机关运行经费 table', () => {
    const b = broken('threePublic|u0|carRunning', -500, { variant: 'shanghai' });
    expect(crossAt(b, 'threePublic|u0|carRunning').related).toEqual([b.ref('economic|30231|total')]);
  });
});

describe('a 基本支出 table item larger than the whole 基本支出 (the seed\'s 维修（护）费 3732.12)', () => {
  test('an error at the deepest such item', () => {
    const b = makeBudget();
    b.set('economic|30201|amount', 3732.12);
    const cross = b.check().findings.filter((x) => x.rule === 'cross-table');
    expect(cross.map(brief)).toContainEqual({ rule: 'cross-table', severity: 'error', ...b.at('economic|30201|amount') });
    const f = cross.find((x) => x.cell === b.at('economic|30201|amount').cell)!;
    expect(f).toMatchObject({ expected: '≤ 1410.08', actual: '3732.12' });
    // not at its 类 (商品和服务支出), which exceeds only because of it
    expect(cross.map(brief)).not.toContainEqual({ rule: 'cross-table', severity: 'error', ...b.at('economic|302|amount') });
  });
});
