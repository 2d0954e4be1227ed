// Reading a form's cells into its structure, in the layouts forms come in.
import { cellAddress } from '../../../src/core/workbook/address';
import type { CellRef, PerformanceForm } from '../../../src/core/forms/model';
import { GOOD_INDICATORS, brief, check, formRows, parseOne, run, sheetOf, withValue, workbookOf, type Rows } from './helpers';

const at = (c: CellRef | undefined) => (c ? cellAddress(c.row, c.col) : undefined);

function funds(f: PerformanceForm, side: 'period' | 'annual') {
  const c = f.funds[side];
  return Object.fromEntries(Object.entries(c.lines).map(([k, a]) => [k, `${a!.value.toString()}@${at(a!.cell)}`]));
}

function tree(f: PerformanceForm): string[] {
  return f.indicators.indicators.map((i) => `${i.level1}/${i.level2 ?? '-'}/${i.name}=${i.value.text}@${at(i.valueCell)}`);
}

describe('the standard layout', () => {
  const f = parseOne(formRows());

  test('header fields', () => {
    expect(f.header).toMatchObject({ name: '政务大厅保洁服务', departmentCode: '111', kind: 'recurring' });
    expect(f.header.department?.text).toBe('111-某某市行政审批服务管理局');
    expect(f.header.implementer).toMatchObject({ text: '某某市政务服务中心', cell: { row: 2, col: 3 } });
    expect(f.header.years).toMatchObject({ value: 3, text: '3年' });
  });

  test('both funds columns, with the cell of each line', () => {
    expect(f.funds.unit).toBe('元');
    expect(funds(f, 'period')).toEqual({ total: '900000@C5', central: '0@C6', provincial: '0@C7', local: '900000@C8', self: '0@C9' });
    expect(funds(f, 'annual')).toEqual({ total: '300000@E5', central: '0@E6', provincial: '0@E7', local: '300000@E8', self: '0@E9' });
    expect(at(f.funds.annual.labels.other)).toBe('D10');
  });

  test('the text blocks', () => {
    expect(Object.fromEntries(Object.entries(f.texts).map(([k, t]) => [k, at(t!.cell)]))).toEqual({
      overview: 'B11',
      basis: 'B12',
      necessity: 'B13',
      measures: 'B14',
      plan: 'B15',
      goal: 'B17',
    });
    expect(f.texts.goal?.text).toBe('2022年保障政务大厅整洁有序。');
  });

  test('the indicator tree: 一级 and 二级 carried down', () => {
    expect(tree(f)).toEqual([
      'output/quantity/保洁人员数量=10人@E19',
      'output/quality/公共场所整洁率=≥95%@E20',
      'output/quality/系统故障率=≤1%@E21',
      'output/timeliness/服务时间=2022年1月-2022年12月@E22',
      'output/timeliness/投诉处理响应时间=≤2小时@E23',
      'output/cost/项目实施成本=≤300000元/年@E24',
      'output/cost/保洁人员每人每年人工费=≤30000元/年@E25',
      'benefit/social/公共服务能力提升度=提升@E26',
      'benefit/social/服务效率提高率=≥10%@E27',
      'benefit/sustainable/保洁服务持续时间=持续使用@E28',
      'satisfaction/service-satisfaction/办事群众满意度=≥95%@E29',
    ]);
    expect(f.indicators.tree.map((g) => [g.level1, at(g.cell), g.groups.map((x) => `${x.level2}:${x.indicators.length}`)])).toEqual([
      ['output', 'B19', ['quantity:1', 'quality:2', 'timeliness:2', 'cost:2']],
      ['benefit', 'B26', ['social:2', 'sustainable:1']],
      ['satisfaction', 'B29', ['service-satisfaction:1']],
    ]);
    expect(f.indicators.columns).toEqual({ level1: 1, level2: 2, level3: 3, value: 4 });
  });
});

describe('a drifting layout, as the seed prints it', () => {
  const rows: Rows = [
    ['项目名称', null, '档案整理费'],
    ['主管部门及代码', null, '111-某某局', null, '实施单位 某某档案馆'],
    ['项目属性', null, '经常性项目（长期开展）', null, '项目期 3年'],
    ['项目资金', '实施期资金总额：', { value: 600000, numFmt: '#,##0' }, '年度资金总额：200,000'],
    ['(元)', null, '其中：中央财政资金', 0, '其中：中央财政资金', 0],
    [null, null, '省级财政资金', 0, '省级财政资', 0],
    [null, null, '市县（区）财政资金', { value: 600000, numFmt: '#,##0' }, '市县（区）', { value: 200000, numFmt: '#,##0' }],
    [null, null, '单位自筹', 0, '单位自筹', 0],
    [null, null, '其他资金', null, '其他资金'],
    ['项目概况', null, '<p>整理档案。</p>'],
    ['年度目标'],
    ['总体目标', '2022年整理档案。'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
    [null, '产出指', '数量指标', '档案数量', '≥4000000卷'],
    ['标', '质量指标', '档案整理完整度', '≥95%'],
    ['时效指标', '整理完成时间', '2022年12月31日前'],
    [null, '成本指标', '项目实施成本', '≤200000元'],
    ['效益指标', '社会效益指标', null, '工作效率提升度', '提升'],
    [null, '经济效益指标'],
    ['可持续影响指标', '档案持续使用时间', '持续使用'],
    ['满意度指标', '服务对象满意度指标', '单位人员满意度', '≥95%'],
    ['外来人员满意度', null, null, '≥95%'],
  ];
  const f = parseOne(rows);

  test('labels and values found anywhere in the row, inline after ：or a space', () => {
    expect(f.header.name).toBe('档案整理费');
    expect(f.header.implementer).toMatchObject({ text: '某某档案馆', cell: { row: 1, col: 4 } });
    expect(f.header.years).toMatchObject({ value: 3 });
    expect(funds(f, 'period')).toEqual({ total: '600000@C4', central: '0@D5', provincial: '0@D6', local: '600000@D7', self: '0@D8' });
    expect(funds(f, 'annual')).toEqual({ total: '200000@D4', central: '0@F5', provincial: '0@F6', local: '200000@F7', self: '0@F8' });
    expect(f.texts.overview?.text).toBe('整理档案。');
  });

  test('levels told by their words, not their columns; 产出指 / 标 across two rows', () => {
    expect(tree(f)).toEqual([
      'output/quantity/档案数量=≥4000000卷@E14',
      'output/quality/档案整理完整度=≥95%@D15',
      'output/timeliness/整理完成时间=2022年12月31日前@C16',
      'output/cost/项目实施成本=≤200000元@D17',
      'benefit/social/工作效率提升度=提升@E18',
      'benefit/sustainable/档案持续使用时间=持续使用@C20',
      'satisfaction/service-satisfaction/单位人员满意度=≥95%@D21',
      'satisfaction/service-satisfaction/外来人员满意度=≥95%@D22',
    ]);
  });

  test('and the form is correct: no findings', () => {
    expect(check(rows)).toEqual([]);
  });

  test('a total cut from its figure: the figure with no label goes to the label waiting for one', () => {
    const cut: Rows = rows.map((r, i) =>
      i === 6 ? [null, null, '市县（区）财政资金', { value: 600000, numFmt: '#,##0' }, '金 市县(区)'] : i === 7 ? [null, null, '单位自筹', 0, '财政资金 200,000'] : i === 8 ? [null, null, '其他资金', null, '单位自筹 0'] : r,
    );
    const g = parseOne(cut);
    expect(funds(g, 'annual')).toMatchObject({ local: '200000@E8', self: '0@E9' });
  });
});

describe('amounts in 万元', () => {
  const wan = (cost: string, annual = 30, local = annual): Rows =>
    formRows({ indicators: withValue('项目实施成本', cost) }).map((r) => {
      if (r[0] === '项目资金（元）') return ['项目资金（万元）', '实施期资金总额：', { value: 90, numFmt: '0.00' }, '年度资金总额：', { value: annual, numFmt: '0.00' }];
      if (r[1] === '市县（区）财政资金') return [null, '市县（区）财政资金', { value: 90, numFmt: '0.00' }, '市县（区）财政资金', { value: local, numFmt: '0.00' }];
      return r;
    });

  test('read in 元', () => {
    const f = parseOne(wan('≤30万元'));
    expect(f.funds.unit).toBe('万元');
    expect(f.funds.annual.total?.value.toString()).toBe('300000');
    expect(f.funds.annual.total?.shown.toString()).toBe('30');
  });

  test('a correct 万元 form is silent; the checks hold in 元', () => {
    expect(check(wan('≤30万元'))).toEqual([]);
    expect(check(wan('≤300000元'))).toEqual([]);
    const slip = check(wan('≤30元'));
    expect(brief(slip)).toEqual(['form-cost@E24:error']);
    expect(slip[0].expected).toBe('≤30万元');
  });

  test('Σ split within the 万元 rounding is consistent; beyond it is an error', () => {
    expect(check(wan('≤30万元', 30, 29.99)).filter((f) => f.rule === 'form-funds')).toEqual([]);
    const fs = check(wan('≤30万元', 30, 29.98)).filter((f) => f.rule === 'form-funds');
    expect(brief(fs)).toEqual(['form-funds@E5:error']);
    expect(fs[0]).toMatchObject({ expected: '29.98', actual: '30.00' });
  });
});

describe('extra columns: 分值 and 指标解释', () => {
  const scored = (rows: Rows): Rows => [
    ...formRows().slice(0, 17),
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '分值', '指标解释'],
    ...rows.map((r) => [...r, 10, '按合同考核']),
  ];

  test('scores and explanations are not values', () => {
    const f = parseOne(scored(GOOD_INDICATORS));
    expect(f.indicators.columns).toMatchObject({ value: 4, score: 5, explanation: 6 });
    expect(f.indicators.indicators[0].extras.score?.text).toBe('10');
    expect(f.indicators.indicators[0].extras.explanation?.text).toBe('按合同考核');
    expect(f.indicators.indicators).toHaveLength(GOOD_INDICATORS.length);
    expect(check(scored(GOOD_INDICATORS))).toEqual([]);
  });

  test('a blank value beside a score is still missing; the rules work as in the plain layout', () => {
    expect(brief(check(scored(withValue('保洁人员数量', null))))).toEqual(['form-missing@E19:error']);
    expect(brief(check(scored(withValue('办事群众满意度', '≥100%'))))).toEqual(['form-indicator@E29:warning']);
    expect(brief(check(scored(withValue('项目实施成本', '≥300000元'))))).toEqual(['form-cost@E24:error']);
  });
});

describe('成本指标 as a 一级 (newer template)', () => {
  test('经济成本指标 under it', () => {
    const rows = formRows({
      indicators: [
        ...GOOD_INDICATORS.filter((r) => r[2] !== '成本指标' && r[3] !== '保洁人员每人每年人工费'),
        [null, '成本指标', '经济成本指标', '项目实施成本', '≤300000元'],
      ],
    });
    const f = parseOne(rows);
    const last = f.indicators.indicators[f.indicators.indicators.length - 1];
    expect(last).toMatchObject({ level1: 'cost', level2: 'economic-cost', name: '项目实施成本' });
    expect(f.indicators.tree.map((g) => g.level1)).toEqual(['output', 'benefit', 'satisfaction', 'cost']);
    expect(check(rows)).toEqual([]);
  });
});

describe('several forms', () => {
  test('on one sheet, and one per sheet', () => {
    const a = formRows({ name: '甲项目' });
    const b = formRows({ name: '乙项目', annual: 100000, period: 300000, indicators: withValue('项目实施成本', '≤100000元') }).map((r) =>
      r[3] === '保洁人员每人每年人工费' ? [null, null, null, r[3], '≤10000元/年'] : r,
    );
    const one = run(workbookOf(sheetOf('绩效', [...a, [], ...b])));
    expect(one.forms.map((f) => [f.header.name, f.funds.annual.total?.value.toString(), f.indicators.indicators.length])).toEqual([
      ['甲项目', '300000', 11],
      ['乙项目', '100000', 11],
    ]);
    expect(one.findings).toEqual([]);
    const two = run(workbookOf(sheetOf('甲', a), sheetOf('乙', b)));
    expect(two.forms.map((f) => f.sheet)).toEqual(['甲', '乙']);
    expect(two.findings).toEqual([]);
  });
});
