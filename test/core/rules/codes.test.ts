// Codes and names: against the dictionary, the workbook, the parent row; cut names.
import { brief, exampleLedger, loud, makeBudget, type Ledger } from './fixtures';

describe('code-name', () => {
  test('a name the dictionary does not give the code: a warning at the code, naming the official name', () => {
    const b = makeBudget();
    b.set('income|2010301|name', '行政运营');
    const f = b.check().findings;
    expect(loud(f).length).toBe(1);
    const hit = f.find((x) => x.rule === 'code-name')!;
    expect(brief(hit)).toEqual({ rule: 'code-name', severity: 'warning', ...b.at('income|2010301|code') });
    expect(hit).toMatchObject({ expected: '行政运行', actual: '行政运营' });
  });

  test('two codes swapped: each name is the official name of another row: an error at each code', () => {
    const b = makeBudget();
    b.set('income|2010301|code', '2010302');
    b.set('income|2010302|code', '2010301');
    const f = b.check().findings;
    expect(f.filter((x) => x.severity !== 'info').map(brief)).toEqual([
      { rule: 'code-name', severity: 'error', ...b.at('income|2010301|code') },
      { rule: 'code-name', severity: 'error', ...b.at('income|2010302|code') },
    ]);
    expect(f.find((x) => x.rule === 'code-name')!.message.zh).toContain('编码可能错行');
  });

  test('a known alias is no finding (行政事业单位离退休 for 20805)', () => {
    const b = makeBudget();
    b.set('expenditure|20805|name', '行政事业单位离退休');
    expect(loud(b.check().findings)).toEqual([]);
  });

  test('a code printed under a parent it does not belong to: a warning', () => {
    const b = makeBudget();
    // 表2's 21011 block: 2101102 printed as 2101202 (a real code, but of 21012), name unchanged
    b.set('income|2101102|code', '2101202');
    const f = b.check().findings.filter((x) => x.rule === 'code-name').map(brief);
    expect(f).toEqual([{ rule: 'code-name', severity: 'warning', ...b.at('income|2101102|code') }]);
  });
});

describe('unknown-code: a code no witness knows is info, never an error or warning', () => {
  const ledger: Ledger = {
    ...exampleLedger(),
    items: [...exampleLedger().items, { code: '2016001', name: '专项业务', basic: 0, project: 1_000_000 }],
    names: { '20160': '某某专项事务' },
  };

  test('in every function table, at the code cell', () => {
    const b = makeBudget(ledger);
    const f = b.check().findings;
    expect(loud(f)).toEqual([]);
    const unknown = f.filter((x) => x.rule === 'unknown-code').map(brief);
    for (const t of ['income', 'expenditure', 'general'])
      for (const code of ['20160', '2016001']) expect(unknown).toContainEqual({ rule: 'unknown-code', severity: 'info', ...b.at(`${t}|${code}|code`) });
    expect(unknown).toHaveLength(6);
  });

  test('but the same unknown code named otherwise in another table: a warning naming where', () => {
    const b = makeBudget(ledger);
    b.set('general|2016001|name', '专项业务费');
    const f = b.check().findings;
    // 表2 and 表3 agree on 专项业务: only 表5 is in doubt
    expect(loud(f)).toHaveLength(1);
    const hit = f.filter((x) => x.rule === 'code-name');
    expect(hit.map(brief)).toEqual([{ rule: 'code-name', severity: 'warning', ...b.at('general|2016001|name') }]);
    expect(hit[0]).toMatchObject({ expected: '专项业务', actual: '专项业务费' });
    expect(hit[0].related).toHaveLength(1);
  });
});

describe('truncated names', () => {
  test('a function name cut short: a warning at the name with the full name', () => {
    const b = makeBudget();
    b.set('income|20103|name', '政府办公厅（室）及相关');
    const f = b.check().findings;
    expect(f.filter((x) => x.severity !== 'info').map(brief)).toEqual([{ rule: 'truncated', severity: 'warning', ...b.at('income|20103|name') }]);
    expect(f.find((x) => x.rule === 'truncated')!.expected).toBe('政府办公厅（室）及相关机构事务');
  });

  test('cut item names of 财政拨款收支总表, like the seed: `二、纳入预算管理的政`, `文化旅游体育与传媒`', () => {
    const b = makeBudget();
    b.set('fiscal|in:fund|name', '二、纳入预算管理的政');
    b.set('fiscal|ex:207|name', '文化旅游体育与传媒');
    b.set('summary|ex:234|name', '抗疫特别国债安排的');
    const f = b.check().findings.filter((x) => x.severity !== 'info');
    expect(f.map(brief)).toEqual([
      { rule: 'truncated', severity: 'warning', ...b.at('summary|ex:234|name') },
      { rule: 'truncated', severity: 'warning', ...b.at('fiscal|in:fund|name') },
      { rule: 'truncated', severity: 'warning', ...b.at('fiscal|ex:207|name') },
    ]);
    expect(f.map((x) => x.expected)).toEqual(['抗疫特别国债安排的支出', '纳入预算管理的政府性基金', '文化旅游体育与传媒支出']);
  });
});
