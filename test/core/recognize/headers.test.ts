// Header rows: merged cells, headers over three rows, last year's and change columns, units.
import { a1, m, outline, periods, recognize, roles, sheet } from './fixtures';

describe('merged header cells', () => {
  test('项目 merged over two columns, 2022年预算数 merged over five', () => {
    const rec = recognize(
      sheet(
        '表2',
        [
          ['2022年预算收入总表'],
          ['单位：万元'],
          ['项目', null, '2022年预算数', null, null, null, null],
          ['科目编码', '科目名称', '本年收入合计', '一般公共预算', '政府性基金', '财政专户管理资金', '单位资金'],
          [null, '合计', 100, 90, null, null, 10],
          ['201', '一般公共服务支出', 100, 90, null, null, 10],
        ],
        { merges: [m('A1:G1'), m('A2:G2'), m('A3:B3'), m('C3:G3')] },
      ),
    );
    const t = rec.tables[0];
    expect(t.kind).toBe('income');
    expect(a1(t.range)).toBe('A1:G6');
    expect(t.headerRows).toEqual({ first: 2, last: 3 });
    expect(roles(t)).toEqual({ A: 'code', B: 'name', C: 'total', D: 'general-budget', E: 'fund', F: 'special-account', G: 'unit-funds' });
    expect(t.columns.find((c) => c.col === 4)!.header).toBe('2022年预算数 / 政府性基金');
    expect(Object.values(periods(t)).every((p) => p === 'current')).toBe(true);
  });

  test('a header over three rows with vertical merges', () => {
    // 科目编码 and 科目名称 span the three header rows; 2022年预算数 spans the amounts;
    // 基本支出 spans 小计/人员经费/公用经费; 合计 and 项目支出 span rows 2-3.
    const rec = recognize(
      sheet(
        '表3',
        [
          ['2022年部门支出预算总表'],
          ['单位：元'],
          ['科目编码', '科目名称', '2022年预算数', null, null, null, null],
          [null, null, '合计', '基本支出', null, null, '项目支出'],
          [null, null, null, '小计', '人员经费', '公用经费', null],
          ['201', '一般公共服务支出', 1000, 800, 600, 200, 200],
          ['20103', '政府办公厅（室）及相关机构事务', 1000, 800, 600, 200, 200],
          [null, '合计', 1000, 800, 600, 200, 200],
        ],
        { merges: [m('A3:A5'), m('B3:B5'), m('C3:G3'), m('C4:C5'), m('D4:F4'), m('G4:G5')] },
      ),
    );
    const t = rec.tables[0];
    expect(t.kind).toBe('expenditure');
    expect(t.unit).toBe('元');
    expect(t.headerRows).toEqual({ first: 2, last: 4 });
    expect(roles(t)).toEqual({ A: 'code', B: 'name', C: 'total', D: 'basic', E: 'personnel', F: 'public-funds', G: 'project' });
    expect(t.rows.map((r) => r.code ?? r.name)).toEqual(['201', '20103', '合计']);
  });

  test('the same header with no merges (each label printed once, left-carried)', () => {
    const rec = recognize(
      sheet('表3', [
        ['2022年部门支出预算总表'],
        ['科目编码', '科目名称', '2022年预算数', null, null, null, null],
        [null, null, '合计', '基本支出', null, null, '项目支出'],
        [null, null, null, '小计', '人员经费', '公用经费', null],
        ['201', '一般公共服务支出', 1000, 800, 600, 200, 200],
      ]),
    );
    expect(roles(rec.tables[0])).toEqual({ A: 'code', B: 'name', C: 'total', D: 'basic', E: 'personnel', F: 'public-funds', G: 'project' });
  });

  test('a 项目 super-header above 科目编码 / 科目名称 in one merged cell, the unit inside the header', () => {
    const rec = recognize(
      sheet(
        'Sheet1',
        [
          ['2022年一般公共预算支出表', null, null, null, '单位：万元'],
          ['项目', null, '合计', '基本支出', '项目支出'],
          ['科目编码', '科目名称', null, null, null],
          ['201', '一般公共服务支出', 10, 10, null],
        ],
        { merges: [m('A2:B2'), m('C2:C3'), m('D2:D3'), m('E2:E3')] },
      ),
    );
    const t = rec.tables[0];
    expect(t.kind).toBe('general-expenditure');
    expect(t.unit).toBe('万元');
    expect(t.title).toBe('2022年一般公共预算支出表');
    expect(roles(t)).toEqual({ A: 'code', B: 'name', C: 'total', D: 'basic', E: 'project' });
  });
});

describe('last year and change columns beside this year', () => {
  test('上年预算数 / 本年预算数 / 增减额 / 增减率', () => {
    const rec = recognize(
      sheet('表9', [
        ['2022年“三公”经费预算表'],
        ['单位：万元'],
        ['项目', '2021年预算数', '2022年预算数', '增减额', '增减率'],
        ['因公出国（境）费', 0, 0, 0, null],
        ['公务接待费', 2, 1.5, -0.5, { value: -0.25, numFmt: '0%' }],
        ['公务用车购置及运行费', 6, 6, 0, { value: 0, numFmt: '0%' }],
        ['①公务用车购置费', 0, 0, 0, null],
        ['②公务用车运行维护费', 6, 6, 0, { value: 0, numFmt: '0%' }],
        ['合计', 8, 7.5, -0.5, { value: -0.0625, numFmt: '0.00%' }],
      ]),
    );
    const t = rec.tables[0];
    expect(t.kind).toBe('three-public');
    expect(t.year).toBe(2022);
    expect(roles(t)).toEqual({ A: 'name', B: 'amount', C: 'amount', D: 'amount', E: 'amount' });
    expect(periods(t)).toEqual({ A: 'current', B: 'prior', C: 'current', D: 'change', E: 'change-rate' });
    expect(t.rows).toHaveLength(6);
  });

  test('上年数 / 本年数 / 增减 grouped under 合计 and 基本支出', () => {
    const rec = recognize(
      sheet(
        '表3',
        [
          ['2022年预算支出总表'],
          ['科目编码', '科目名称', '合计', null, null, '基本支出', null, null],
          [null, null, '上年预算数', '本年预算数', '增减', '上年预算数', '本年预算数', '增减'],
          ['201', '一般公共服务支出', 90, 100, 10, 50, 60, 10],
        ],
        { merges: [m('A2:A3'), m('B2:B3'), m('C2:E2'), m('F2:H2')] },
      ),
    );
    const t = rec.tables[0];
    expect(roles(t)).toEqual({ A: 'code', B: 'name', C: 'total', D: 'total', E: 'total', F: 'basic', G: 'basic', H: 'basic' });
    expect(periods(t)).toEqual({ A: 'current', B: 'current', C: 'prior', D: 'current', E: 'change', F: 'prior', G: 'current', H: 'change' });
  });

  test('a single amount column next to last year keeps its role for this year only', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['2022年机关运行经费预算表'],
        ['单位名称', '上年预算数', '预算数', '比上年增减'],
        ['某局', 300, 355.29, 55.29],
        ['合计', 300, 355.29, 55.29],
      ]),
    );
    const t = rec.tables[0];
    expect(t.kind).toBe('operating-costs');
    expect(roles(t)).toEqual({ A: 'name', B: 'amount', C: 'amount', D: 'amount' });
    expect(periods(t)).toEqual({ A: 'current', B: 'prior', C: 'current', D: 'change' });
  });
});

describe('data rows that read like labels', () => {
  test('a two-sided row of item names with no amounts does not end the table', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['2022年部门收支总表'],
        ['收入', null, '支出', null],
        ['项目', '预算数', '项目', '预算数'],
        ['一、一般公共预算拨款收入', 100, '一、一般公共服务支出', 100],
        ['二、财政专户管理资金', null, '二、上年结转', null],
        ['三、单位资金', null, '三、其他支出', null],
        ['本年收入合计', 100, '本年支出合计', 100],
      ]),
    );
    expect(rec.tables.map((t) => a1(t.range))).toEqual(['A1:D7']);
    expect(rec.unrecognized).toEqual([]);
  });
});

describe('units', () => {
  test('单位：元 with whole-yuan amounts', () => {
    const rec = recognize(
      sheet('表10', [
        ['2022年机关运行经费预算表'],
        [null, '单位：元'],
        ['单位名称', '2022年预算数'],
        ['忻州市行政审批服务管理局', 3552900],
        ['合计', 3552900],
      ]),
    );
    const t = rec.tables[0];
    expect(t.kind).toBe('operating-costs');
    expect(t.unit).toBe('元');
    expect(t.unitFrom).toBe('unit-line');
    expect(outline(t)).toEqual(['|忻州市行政审批服务管理局|1|-', '|合计||-|total']);
  });

  test('the unit with the title on one line, and 金额单位 wording', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['2022年预算收支总表  金额单位：元'],
        ['收入', null, '支出', null],
        ['项目', '预算数', '项目', '预算数'],
        ['一、一般公共预算', 1000, '一般公共服务支出', 1000],
        ['本年收入合计', 1000, '本年支出合计', 1000],
      ]),
    );
    const t = rec.tables[0];
    expect(t.kind).toBe('summary');
    expect(t.unit).toBe('元');
    expect(t.title).toBe('2022年预算收支总表');
  });

  test('the unit after a header label: 金额（元）', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['2022年“三公”经费预算表'],
        ['项目', '预算数（元）', '上年预算数(元)'],
        ['公务接待费', 15000, 20000],
        ['合计', 15000, 20000],
      ]),
    );
    const t = rec.tables[0];
    expect(t.unit).toBe('元');
    expect(roles(t)).toEqual({ A: 'name', B: 'amount', C: 'amount' });
    expect(periods(t)).toEqual({ A: 'current', B: 'current', C: 'prior' });
  });

  test('no unit line: 万元 by default', () => {
    const rec = recognize(sheet('Sheet1', [['2022年预算支出总表'], ['科目编码', '科目名称', '合计'], ['201', '一般公共服务支出', 1]]));
    expect(rec.tables[0]).toMatchObject({ unit: '万元', unitFrom: 'default' });
  });
});
