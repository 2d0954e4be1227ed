// Reading the budget ledger: headers found by their text, values by their words, every bad row
// listed with its cell and reason, nothing built until they are fixed or skipped.
import { publish, readLedger, codeIn, fundOf, typeOf, adminOf, type Ledger } from '../../../src/core/publish';
import { buildSheet, buildWorkbook } from '../../../src/core/workbook/sheet';
import { LEDGER_HEADER, SEED_DEPARTMENT, SEED_LINES, SEED_TITLE, ledgerWorkbook, seedLedger, type LineInput } from './fixtures';

function read(lines: LineInput[], opts: Parameters<typeof ledgerWorkbook>[1] = { title: SEED_TITLE }): Ledger {
  const r = readLedger(ledgerWorkbook(lines, opts));
  if (!r.ok) throw new Error(r.failure.message.en);
  return r.ledger;
}

const good: LineInput = { func: '2010301', econ: '30101', amount: 1234.56 };

describe('the seed ledger', () => {
  const r = readLedger(seedLedger());
  test('every line read, in 元 with fen, nothing wrong', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const l = r.ledger;
    expect(l.problems).toEqual([]);
    expect(l.lines).toHaveLength(SEED_LINES.length);
    expect(l.headerRow).toBe(2);
    expect(l.year).toBe(2022);
    expect(l.title).toBe(SEED_TITLE);
    expect(l.units).toEqual([SEED_DEPARTMENT]);
    expect(l.lines[0]).toEqual({
      row: 3,
      unit: SEED_DEPARTMENT,
      admin: true,
      funcCode: '2010301',
      econCode: '30101',
      type: 'basic',
      fund: 'general',
      fen: 242_430_000n,
    });
    expect(l.lines.reduce((s, x) => s + x.fen, 0n)).toBe(6_442_070_000n);
    expect(l.notices).toEqual([]);
  });
});

describe('headers are found by their text', () => {
  test('other wordings, another order, a header below some lines, 万元 amounts', () => {
    const sheet = buildSheet({
      name: 'Sheet1',
      rows: [
        ['某局 2023 年部门预算编制明细'],
        ['（单位：元）'],
        [],
        ['金额（万元）', '资金来源', '支出类别', '部门经济分类科目编码', '支出功能分类科目编码', '预算单位', '项目名称'],
        [1.2345, '一般公共预算拨款', '基本', '30101 基本工资', '2010301 行政运行', '某局', ''],
        [0.5, '单位资金', '项目', '', 2010302, '某局', '某项目'],
      ],
    });
    const r = readLedger(buildWorkbook('x', [sheet]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ledger.amountUnit).toBe('wan');
    expect(r.ledger.year).toBe(2023);
    expect(r.ledger.problems).toEqual([]);
    expect(r.ledger.lines.map((l) => [l.funcCode, l.econCode, l.fund, l.type, l.fen, l.project])).toEqual([
      ['2010301', '30101', 'general', 'basic', 1_234_500n, undefined],
      ['2010302', undefined, 'unit', 'project', 500_000n, '某项目'],
    ]);
  });

  test('the first sheet with the headers is the ledger; --sheet picks one', () => {
    const wb = buildWorkbook('x', [
      buildSheet({ name: '说明', rows: [['本工作簿为预算明细'], ['金额单位：元']] }),
      ...ledgerWorkbook([good], { title: SEED_TITLE, sheet: '明细' }).sheets,
      ...ledgerWorkbook([{ ...good, amount: 1 }], { title: SEED_TITLE, sheet: '明细2' }).sheets,
    ]);
    const first = readLedger(wb);
    const named = readLedger(wb, '明细2');
    expect(first.ok && first.ledger.sheet).toBe('明细');
    expect(named.ok && named.ledger.lines[0].fen).toBe(100n);
    const missing = readLedger(wb, '没有');
    expect(missing.ok).toBe(false);
  });

  test('no header at all, or one that lacks required columns: said so', () => {
    const none = readLedger(buildWorkbook('x', [buildSheet({ name: 'S', rows: [['hello'], [1, 2, 3]] })]));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.failure.reason).toBe('no-header');
    const part = readLedger(buildWorkbook('x', [buildSheet({ name: 'S', rows: [['功能科目编码', '金额'], ['2010301', 5]] })]));
    expect(part.ok).toBe(false);
    if (!part.ok) {
      expect(part.failure.reason).toBe('missing-columns');
      expect(part.failure.message.zh).toContain('支出类型');
      expect(part.failure.message.zh).toContain('资金性质');
    }
  });
});

describe('values', () => {
  test('codes, funds, types and unit types by their words', () => {
    expect(codeIn('2010301')).toBe('2010301');
    expect(codeIn('2010301行政运行')).toBe('2010301');
    expect(codeIn('201 03 01 行政运行')).toBe('2010301');
    expect(codeIn('２０１０３０１')).toBe('2010301');
    expect(codeIn('行政运行')).toBeUndefined();
    expect(['一般公共预算', '一般公共预算拨款', '政府性基金预算', '纳入预算管理的政府性基金', '财政专户管理资金', '单位资金', '事业收入', '其他收入'].map(fundOf)).toEqual([
      'general',
      'general',
      'fund',
      'fund',
      'special',
      'unit',
      'unit',
      'unit',
    ]);
    expect(fundOf('国有资本经营预算')).toBeUndefined();
    expect(['基本支出', '项目支出', '基本', '项目', '人员经费', '公用经费', '其他'].map(typeOf)).toEqual(['basic', 'project', 'basic', 'project', 'basic', 'basic', undefined]);
    expect(['行政单位', '参照公务员法管理事业单位', '事业单位', '企业', '', '？'].map(adminOf)).toEqual([true, true, false, false, undefined, undefined]);
  });

  test('amounts: numbers, numbers stored as text, dashes for zero; units carried down', () => {
    const l = read([
      { ...good, amount: 100.1 },
      { ...good, amount: '1,234.56', unit: '' },
      { ...good, amount: '—' },
      { ...good, amount: 0.3, unit: '下属单位', unitType: '事业单位' },
      { ...good, amount: 7, unit: '', unitType: '' },
    ]);
    expect(l.problems).toEqual([]);
    expect(l.lines.map((x) => [x.fen, x.unit, x.admin])).toEqual([
      [10_010n, SEED_DEPARTMENT, true],
      [123_456n, SEED_DEPARTMENT, true],
      [0n, SEED_DEPARTMENT, true],
      [30n, '下属单位', false],
      [700n, '下属单位', false],
    ]);
    expect(l.units).toEqual([SEED_DEPARTMENT, '下属单位']);
  });

  test('a total row is skipped and said so; blank rows are ignored', () => {
    const wb = ledgerWorkbook([good, good], { title: SEED_TITLE });
    const sheet = wb.sheets[0];
    const rows = [...sheet.rows];
    const r = sheet.rowCount;
    const withTotal = buildSheet({
      name: sheet.name,
      rows: [
        ...rows.map((row) => (row ?? []).map((c) => (c ? c.value : null))),
        [],
        ['合计', '', '', '', '', '', '', 2469.12],
      ],
    });
    const res = readLedger(buildWorkbook('x', [withTotal]));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.ledger.lines).toHaveLength(2);
    expect(res.ledger.notices.map((n) => n.zh)).toEqual([`第 ${r + 2} 行是合计行，已跳过`]);
  });

  test('without a 单位类型 column every unit counts as administrative, and the report says so', () => {
    const header = LEDGER_HEADER.filter((h) => h !== '单位类型');
    const wb = buildWorkbook('x', [
      buildSheet({ name: 'S', rows: [[SEED_TITLE], header, ['某局', '2010301', '30201', '基本支出', '一般公共预算', '', 100]] }),
    ]);
    const r = readLedger(wb);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ledger.unitTypeKnown).toBe(false);
    expect(r.ledger.lines[0].admin).toBe(true);
    expect(r.ledger.notices[0].zh).toContain('单位类型');
  });
});

describe('bad rows are listed with their cell and reason, and nothing is built', () => {
  const bad: [string, LineInput, string, string][] = [
    ['no amount', { ...good, amount: '' }, 'no-amount', 'H'],
    ['text in the amount', { ...good, amount: '待定' }, 'amount-text', 'H'],
    ['an error value', { ...good, amount: '#REF!' }, 'amount-invalid', 'H'],
    ['fractions of a fen', { ...good, amount: 12.345 }, 'amount-decimals', 'H'],
    ['cut digits', { ...good, amount: '3000.' }, 'amount-cut', 'H'],
    ['no function code', { ...good, func: '' }, 'no-function-code', 'C'],
    ['a 款 code where a 项 belongs', { ...good, func: '20103' }, 'bad-function-code', 'C'],
    ['a code the dictionary does not know', { ...good, func: '2010398' }, 'unknown-function-code', 'C'],
    ['a code whose 款 the dictionary does not know', { ...good, func: '2081104' }, 'unknown-parent', 'C'],
    ['an economic code where the function code belongs', { ...good, func: '3010101' }, 'bad-function-code', 'C'],
    ['no type', { ...good, type: '' }, 'no-type', 'E'],
    ['a type that is neither', { ...good, type: '转移支付' }, 'bad-type', 'E'],
    ['no fund', { ...good, fund: '' }, 'no-fund', 'F'],
    ['a fund without a column', { ...good, fund: '国有资本经营预算' }, 'bad-fund', 'F'],
    ['一般公共预算 without economic code', { ...good, econ: '' }, 'no-economic-code', 'D'],
    ['a 类 economic code', { ...good, econ: '302' }, 'bad-economic-code', 'D'],
    ['a government-budget economic code', { ...good, econ: '50101' }, 'bad-economic-code', 'D'],
    ['an economic code the dictionary does not know', { ...good, econ: '30901' }, 'unknown-economic-code', 'D'],
  ];

  test.each(bad)('%s', (_, line, reason, col) => {
    const wb = ledgerWorkbook([good, line, good], { title: SEED_TITLE });
    const r = publish(wb);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('bad-rows');
    expect(r.problems.map((p) => [p.reason, p.cell, p.row])).toEqual([[reason, `${col}5`, 4]]);
    expect(r.problems[0].message.zh).toMatch(new RegExp(`^预算明细!${col}5：`));
    expect(r.message.zh).toContain('1 行不能使用');
    expect(r.message.zh).toContain('--skip-bad');
  });

  test('several problems in several rows: all listed', () => {
    const r = publish(ledgerWorkbook([{ func: '', econ: '', amount: '' }, good, { ...good, type: '?', fund: '?' }], { title: SEED_TITLE }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.cell} ${p.reason}`)).toEqual(['H4 no-amount', 'C4 no-function-code', 'D4 no-economic-code', 'E6 bad-type', 'F6 bad-fund']);
    expect(r.message.en).toBe('2 ledger rows cannot be used; fix them and run again (or skip them with --skip-bad)');
  });

  test('--skip-bad builds from the good rows and lists what it left out', () => {
    const r = publish(ledgerWorkbook([good, { ...good, amount: '待定' }, { ...good, amount: 100 }], { title: SEED_TITLE }), { skipBad: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.skipped.map((p) => p.cell)).toEqual(['H5']);
    expect(r.build.totalFen).toBe(133_456n);
  });

  test('no usable line at all, no year, no department: refused with the reason', () => {
    const empty = publish(ledgerWorkbook([{ ...good, amount: '待定' }], { title: SEED_TITLE }), { skipBad: true });
    expect(!empty.ok && empty.reason).toBe('empty');
    const noYear = publish(ledgerWorkbook([good]));
    expect(!noYear.ok && noYear.reason).toBe('no-year');
    expect(publish(ledgerWorkbook([good]), { year: 2024 }).ok).toBe(true);
    const twoUnits = ledgerWorkbook([good, { ...good, unit: '下属单位' }]);
    const noDept = publish(twoUnits, { year: 2024 });
    expect(!noDept.ok && noDept.reason).toBe('no-department');
    const named = publish(twoUnits, { year: 2024, department: '某部门' });
    expect(named.ok && named.department).toBe('某部门');
  });
});
