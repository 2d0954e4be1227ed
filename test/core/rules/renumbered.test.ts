// Codes renumbered in sequence: under one parent the codes run …01, …02, …03 while the names beside
// them belong to other codes of that parent. One `renumbered` finding per run at the first wrong code
// cell, with each wrong cell and its corrected code; no code-name, subtotal or cross-table findings
// from the same cause.
import type { Finding } from '../../../src/core/findings';
import type { RenumberedFix } from '../../../src/core/rules/renumbered';
import { exampleLedger, loud, makeBudget, randomLedger, shiftCodes, type Budget, type BudgetOptions, type Ledger } from './fixtures';

type Fix = RenumberedFix;

/** 20805 has 项 01, 02, 05, 06: room to renumber 05 → 03 and 06 → 04. */
const PENSIONS = ['2010301', '2010302', '2010350', '2080501', '2080502', '2080505', '2080506', '2101101', '2101102'];

function budget(codes: readonly string[] = PENSIONS, options: BudgetOptions = {}): Budget {
  return makeBudget(randomLedger(7, { codes }), options);
}

function renumbered(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.rule === 'renumbered');
}

function fixes(f: Finding): Fix[] {
  return (f.details as { corrected: Fix[] }).corrected;
}

/** Nothing loud but the renumbered findings. */
function onlyRenumbered(findings: readonly Finding[]): void {
  expect(loud(findings).filter((l) => !l.startsWith('renumbered'))).toEqual([]);
}

describe('a renumbered run is found, once, with its corrections', () => {
  test('表5: 2080501 · 2080502 · 2080503 · 2080504 where the last two are 2080505 and 2080506', () => {
    const b = budget();
    b.set('general|2080505|code', '2080503');
    b.set('general|2080506|code', '2080504');
    const { findings } = b.check();
    const found = renumbered(findings);
    expect(found).toHaveLength(1);
    const f = found[0];
    const first = b.at('general|2080505|code');
    expect(f).toMatchObject({ severity: 'error', ...first, range: `${b.at('general|2080501|code').cell}:${b.at('general|2080506|code').cell}` });
    expect(fixes(f).map(({ cell, from, to, witness }) => ({ cell, from, to, witness }))).toEqual([
      { cell: first.cell, from: '2080503', to: '2080505', witness: 'dictionary' },
      { cell: b.at('general|2080506|code').cell, from: '2080504', to: '2080506', witness: 'dictionary' },
    ]);
    expect(f).toMatchObject({ expected: '2080505 2080506', actual: '2080503 2080504', rowLabel: '2080503 机关事业单位基本养老保险缴费支出' });
    expect((f.details as { run: string[] }).run).toEqual(['2080501', '2080502', '2080503', '2080504']);
    expect(f.message.zh).toContain('20805 行政事业单位养老支出');
    expect(f.message.zh).toContain('2080503→2080505 机关事业单位基本养老保险缴费支出');
    expect(f.message.en).toContain('numbered in sequence');
    // no code-name finding at those cells, and 表5 still agrees with 表3 row by row
    onlyRenumbered(findings);
    expect(findings.filter((x) => x.rule === 'code-name' || x.rule === 'unknown-code')).toEqual([]);
  });

  test('the brief\'s block: only the last code numbered on (2080503 for 2080505), in every function table', () => {
    const b = budget(['2080501', '2080502', '2080505']);
    for (const t of ['income', 'expenditure', 'general']) b.set(`${t}|2080505|code`, '2080503');
    const { findings } = b.check();
    const found = renumbered(findings);
    expect(found.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['income', 'expenditure', 'general'].map((t) => b.ref(`${t}|2080505|code`)));
    for (const f of found) expect(fixes(f).map((x) => [x.from, x.to])).toEqual([['2080503', '2080505']]);
    onlyRenumbered(findings);
  });

  test('a counter from 01 after the first row was deleted: every code of the run is wrong', () => {
    const b = budget(['2010302', '2010350', '2010399', '2080505']);
    b.set('expenditure|2010302|code', '2010301');
    b.set('expenditure|2010350|code', '2010302');
    b.set('expenditure|2010399|code', '2010303');
    const { findings } = b.check();
    const [f, ...rest] = renumbered(findings);
    expect(rest).toEqual([]);
    expect(f).toMatchObject(b.at('expenditure|2010302|code'));
    expect(fixes(f).map((x) => [x.from, x.to])).toEqual([
      ['2010301', '2010302'],
      ['2010302', '2010350'],
      ['2010303', '2010399'],
    ]);
    onlyRenumbered(findings);
  });

  test('款 codes renumbered under their 类: the 项 rows below them raise no parent warnings', () => {
    const b = budget(['2080505', '2080801', '2101101']);
    b.set('income|20805|code', '20801');
    b.set('income|20808|code', '20802');
    const { findings } = b.check();
    const found = renumbered(findings);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(b.at('income|20805|code'));
    expect(fixes(found[0]).map((x) => [x.from, x.to])).toEqual([
      ['20801', '20805'],
      ['20802', '20808'],
    ]);
    onlyRenumbered(findings);
  });

  test('two runs in one table: two findings', () => {
    const b = budget(['2010301', '2010350', '2080501', '2080505']);
    b.set('general|2010350|code', '2010302');
    b.set('general|2080505|code', '2080502');
    const found = renumbered(b.check().findings);
    expect(found.map((f) => f.cell)).toEqual([b.at('general|2010350|code').cell, b.at('general|2080505|code').cell]);
  });

  test('codes the dictionary does not know: the other tables are the witness, and the finding names them', () => {
    const ledger: Ledger = {
      ...exampleLedger(),
      items: [...exampleLedger().items, { code: '2016001', name: '专项业务', basic: 0, project: 1_000_000 }, { code: '2016003', name: '数据共享业务', basic: 0, project: 500_000 }],
      names: { '20160': '某某专项事务' },
    };
    const b = makeBudget(ledger);
    b.set('general|2016003|code', '2016002');
    const { findings } = b.check();
    const [f, ...rest] = renumbered(findings);
    expect(rest).toEqual([]);
    expect(f).toMatchObject(b.at('general|2016003|code'));
    const [fix] = fixes(f);
    expect(fix).toMatchObject({ from: '2016002', to: '2016003', name: '数据共享业务' });
    expect(fix.witness).toMatch(/^表[23]!/);
    expect(f.related).toEqual([fix.witness]);
    onlyRenumbered(findings);
  });
});

describe('the corrected cell holds what the code cell holds', () => {
  test('code and name in one cell: the name is kept', () => {
    const b = budget(PENSIONS, { codeName: 'joined' });
    b.set('general|2080505|name', '2080503 机关事业单位基本养老保险缴费支出');
    const [f] = renumbered(b.check().findings);
    expect(fixes(f)).toEqual([
      expect.objectContaining({ cell: b.at('general|2080505|name').cell, from: '2080503 机关事业单位基本养老保险缴费支出', to: '2080505 机关事业单位基本养老保险缴费支出' }),
    ]);
  });

  test('split 类 | 款 | 项 columns (Shanghai, 元): the 项 cell, as the number it holds', () => {
    const b = budget(PENSIONS, { variant: 'shanghai' });
    b.set('general|2080505|code', 3);
    const { findings } = b.check();
    const [f, ...rest] = renumbered(findings);
    expect(rest).toEqual([]);
    expect(f).toMatchObject(b.at('general|2080505|code'));
    expect(fixes(f).map((x) => [x.from, x.to])).toEqual([['3', '5']]);
    expect(f.expected).toBe('2080505');
    onlyRenumbered(findings);
  });

  test('economic 款 codes (Shanghai 表4): 30101 · 30102 · 30103 where the third is 绩效工资 30107', () => {
    const b = makeBudget(exampleLedger(), { variant: 'shanghai' });
    const name = b.place('economic|30107|name');
    b.sheets.find((s) => s.name === name.sheet)!.rows[name.row][name.col - 1] = 3;
    const { findings } = b.check();
    const [f, ...rest] = renumbered(findings);
    expect(rest).toEqual([]);
    expect(fixes(f).map((x) => [x.from, x.to])).toEqual([['3', '7']]);
    expect(f.expected).toBe('30107');
    onlyRenumbered(findings);
  });
});

describe('silent', () => {
  test('correct consecutive codes (2010301 · 2010302, 2080501 · 2080502, 2101101 · 2101102)', () => {
    const { findings } = budget().check();
    expect(renumbered(findings)).toEqual([]);
    expect(loud(findings)).toEqual([]);
  });

  test('random correct budgets', () => {
    for (const seed of [21, 22, 23, 24, 25]) expect(renumbered(makeBudget(randomLedger(seed, { items: 10 })).check().findings)).toEqual([]);
  });

  test('names no witness knows: consecutive codes printed alike in every table', () => {
    const ledger: Ledger = {
      ...exampleLedger(),
      items: [...exampleLedger().items, { code: '2016001', name: '专项业务', basic: 0, project: 1_000_000 }, { code: '2016002', name: '数据共享业务', basic: 0, project: 500_000 }],
      names: { '20160': '某某专项事务' },
    };
    const { findings } = makeBudget(ledger).check();
    expect(renumbered(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule === 'unknown-code').length).toBeGreaterThan(0);
  });

  test('a name no witness knows on a consecutive code: no renumbered finding (the codes rule speaks for it)', () => {
    const b = budget();
    b.set('general|2080505|code', '2080503');
    b.set('general|2080505|name', '新设养老事务');
    expect(renumbered(b.check().findings)).toEqual([]);
  });

  test('two consecutive codes swapped: the code-name rule reports each, not a renumbering', () => {
    const b = budget();
    b.set('income|2080501|code', '2080502');
    b.set('income|2080502|code', '2080501');
    const { findings } = b.check();
    expect(renumbered(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule === 'code-name' && f.severity === 'error').map((f) => f.cell)).toEqual([b.at('income|2080501|code').cell, b.at('income|2080502|code').cell]);
  });

  test('a renumbered code that collides with a sibling printed after the run: left to the code-name rule', () => {
    const b = budget(['2080501', '2080505', '2080506']);
    // printed 01 · 02 · 05: the run 01 · 02 would correct 02 to 05, which the next row already prints
    b.set('income|2080505|code', '2080502');
    b.set('income|2080506|code', '2080505');
    const { findings } = b.check();
    expect(renumbered(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule === 'code-name').length).toBeGreaterThan(0);
  });

  test('names out of their official order under codes 01 · 02 · 03: not a renumbering (the corrections would not ascend)', () => {
    const b = budget(['2080501', '2080502', '2080505']);
    // 2080501 行政单位离退休 · 2080502 机关事业单位基本养老保险缴费支出 · 2080503 事业单位离退休
    b.set('income|2080502|name', '机关事业单位基本养老保险缴费支出');
    b.set('income|2080505|name', '事业单位离退休');
    b.set('income|2080505|code', '2080503');
    const { findings } = b.check();
    expect(renumbered(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule === 'code-name').map((f) => f.cell)).toContain(b.at('income|2080502|code').cell);
  });

  test('a misaligned shift is reported by misaligned alone', () => {
    const b = budget();
    const { codes } = shiftCodes(b, 'general', '2010302', '2101102', 1);
    const { findings } = b.check();
    const mis = findings.filter((f) => f.rule === 'misaligned');
    expect(mis).toHaveLength(1);
    expect((mis[0].details as { corrected: { to: string | null }[] }).corrected.map((c) => c.to)).toEqual(codes);
    expect(renumbered(findings)).toEqual([]);
    expect(loud(findings).filter((l) => !l.startsWith('misaligned'))).toEqual([]);
  });
});
