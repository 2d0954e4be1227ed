// A 9-table set in the Shanghai style: amounts in whole 元, codes over three 类/款/项 columns, a
// 国有资本经营预算支出表, and 三公 and 机关运行经费 combined in one table.
import type { CellInput } from '../../../src/core/workbook/sheet';
import { a1, m, outline, recognize, roles, sheet } from './fixtures';

const DEPT = '编制部门：上海市某某局';

function preamble(title: string, width: number): CellInput[][] {
  const unitLine: CellInput[] = [DEPT];
  unitLine[width - 1] = '单位：元';
  return [[title], unitLine];
}

/** Function-classification rows with split codes: 类 printed once, 款/项 as the numbers Excel makes of 05, 02. */
function functionRows(amounts: (a: number) => CellInput[]): CellInput[][] {
  return [
    [null, null, null, '合计', ...amounts(5000000)],
    [201, null, null, '一般公共服务支出', ...amounts(3000000)],
    [null, 3, null, '政府办公厅（室）及相关机构事务', ...amounts(3000000)],
    [null, null, 1, '行政运行', ...amounts(2000000)],
    [null, null, 2, '一般行政管理事务', ...amounts(1000000)],
    [208, null, null, '社会保障和就业支出', ...amounts(2000000)],
    [null, 5, null, '行政事业单位养老支出', ...amounts(2000000)],
    [null, null, 5, '机关事业单位基本养老保险缴费支出', ...amounts(2000000)],
  ];
}

function functionTable(name: string, title: string, amountHeaders: string[], amounts: (a: number) => CellInput[], extraHeaderRow?: CellInput[]) {
  const width = 4 + amountHeaders.length;
  const header1: CellInput[] = ['功能分类科目编码', null, null, '功能分类科目名称', ...amountHeaders];
  const header2: CellInput[] = extraHeaderRow ?? ['类', '款', '项'];
  return sheet(name, [...preamble(title, width), header1, header2, ...functionRows(amounts)], {
    merges: [m(`A1:${String.fromCharCode(64 + width)}1`), m('A3:C3'), m('D3:D4')],
  });
}

function shanghaiWorkbook() {
  const s1 = sheet(
    '1',
    [
      ...preamble('2022年财务收支预算总表', 4),
      ['收入', null, '支出', null],
      ['项目', '预算数', '项目', '预算数'],
      ['一、财政拨款收入', 5000000, '一、一般公共服务支出', 3000000],
      ['1.一般公共预算资金', 4000000, '二、社会保障和就业支出', 2000000],
      ['2.政府性基金', 500000, null, null],
      ['3.国有资本经营预算', 500000, null, null],
      ['二、事业收入', null, null, null],
      ['收入总计', 5000000, '支出总计', 5000000],
    ],
    { merges: [m('A1:D1'), m('A3:B3'), m('C3:D3')] },
  );
  const s2 = sheet(
    '2',
    [
      ...preamble('2022年部门收入预算总表', 8),
      ['项目', null, '合计', '一般公共预算', '政府性基金', '国有资本经营预算', '财政专户管理资金', '单位资金'],
      ['科目编码', '科目名称', null, null, null, null, null, null],
      [null, '合计', 5000000, 4000000, 500000, 500000, null, null],
      ['201', '一般公共服务支出', 3000000, 3000000, null, null, null, null],
      ['20103', '政府办公厅（室）及相关机构事务', 3000000, 3000000, null, null, null, null],
    ],
    { merges: [m('A3:B3'), m('C3:C4'), m('D3:D4'), m('E3:E4'), m('F3:F4'), m('G3:G4'), m('H3:H4')] },
  );
  // the 单位预算 summary: 合计 / 基本支出 (人员经费, 公用经费) / 项目支出
  const s3 = sheet(
    '3',
    [
      ...preamble('2022年部门支出预算总表', 8),
      ['功能分类科目编码', null, null, '功能分类科目名称', '合计', '基本支出', null, '项目支出'],
      ['类', '款', '项', null, null, '人员经费', '公用经费', null],
      ...functionRows((a) => [a, a * 0.6, a * 0.2, a * 0.2]),
    ],
    { merges: [m('A3:C3'), m('D3:D4'), m('E3:E4'), m('F3:G3'), m('H3:H4')] },
  );
  const s4 = sheet(
    '4',
    [
      ...preamble('2022年财政拨款收支预算总表', 7),
      ['收入', null, '支出', null, null, null, null],
      ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金', '国有资本经营预算'],
      ['一、一般公共预算资金', 4000000, '一、一般公共服务支出', 3000000, 3000000, null, null],
      ['二、政府性基金', 500000, '二、社会保障和就业支出', 2000000, 1000000, 500000, 500000],
      ['三、国有资本经营预算', 500000, null, null, null, null, null],
      ['收入总计', 5000000, '支出总计', 5000000, 4000000, 500000, 500000],
    ],
    { merges: [m('A3:B3'), m('C3:G3')] },
  );
  const s5 = functionTable('5', '2022年一般公共预算支出功能分类预算表', ['合计', '基本支出', '项目支出'], (a) => [a, a * 0.8, a * 0.2]);
  const s6 = sheet(
    '6',
    [
      ...preamble('2022年一般公共预算基本支出部门预算经济分类预算表', 6),
      ['经济分类科目编码', null, '经济分类科目名称', '合计', '人员经费', '公用经费'],
      ['类', '款', null, null, null, null],
      [null, null, '合计', 4000000, 3000000, 1000000],
      [301, null, '工资福利支出', 3000000, 3000000, null],
      [null, 1, '基本工资', 2000000, 2000000, null],
      [null, 2, '津贴补贴', 1000000, 1000000, null],
      [302, null, '商品和服务支出', 1000000, null, 1000000],
      [null, 1, '办公费', 1000000, null, 1000000],
    ],
    { merges: [m('A3:B3'), m('C3:C4'), m('D3:D4'), m('E3:E4'), m('F3:F4')] },
  );
  const s7 = functionTable('7', '2022年政府性基金预算支出功能分类预算表', ['合计', '基本支出', '项目支出'], (a) => [a / 10, null, a / 10]);
  const s8 = functionTable('8', '2022年国有资本经营预算支出功能分类预算表', ['合计', '基本支出', '项目支出'], (a) => [a / 10, null, a / 10]);
  const s9 = sheet(
    '9',
    [
      ...preamble('2022年“三公”经费和机关运行经费预算表', 8),
      ['单位名称', '2022年“三公”经费预算数', null, null, null, null, null, '2022年机关运行经费预算数'],
      [null, '合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费', null, null, null],
      [null, null, null, null, '小计', '购置费', '运行费', null],
      ['上海市某某局', 60000, 0, 10000, 50000, 0, 50000, 3552900],
    ],
    { merges: [m('A3:A5'), m('B3:G3'), m('H3:H5'), m('B4:B5'), m('C4:C5'), m('D4:D5'), m('E4:G4')] },
  );
  return recognize(s1, s2, s3, s4, s5, s6, s7, s8, s9);
}

describe('a Shanghai-style 9-table set', () => {
  const rec = shanghaiWorkbook();

  test('nine tables of the right kinds, all in 元, nothing unrecognized', () => {
    expect(rec.tables.map((t) => t.kind)).toEqual([
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
    expect(rec.tables.every((t) => t.unit === '元' && t.unitFrom === 'unit-line')).toBe(true);
    expect(rec.unrecognized).toEqual([]);
  });

  test('the financial summary: two sides, 收入总计 / 支出总计 as totals', () => {
    const t = rec.tables[0];
    expect(roles(t)).toEqual({ A: 'income-item', B: 'income-amount', C: 'expense-item', D: 'expense-amount' });
    expect(t.rows.filter((r) => r.isTotal).map((r) => r.name)).toEqual(['收入总计', '支出总计']);
    expect(t.rows.find((r) => r.name === '1.一般公共预算资金')).toMatchObject({ level: 2, side: 'income' });
  });

  test('income: a state-capital column', () => {
    expect(roles(rec.tables[1])).toEqual({
      A: 'code',
      B: 'name',
      C: 'total',
      D: 'general-budget',
      E: 'fund',
      F: 'state-capital',
      G: 'special-account',
      H: 'unit-funds',
    });
  });

  test('the expenditure summary: 合计 / 基本支出 (人员经费, 公用经费) / 项目支出, split codes', () => {
    const t = rec.tables[2];
    expect(roles(t)).toEqual({
      A: 'code-class',
      B: 'code-section',
      C: 'code-item',
      D: 'name',
      E: 'total',
      F: 'personnel',
      G: 'public-funds',
      H: 'project',
    });
    expect(t.columns.find((c) => c.role === 'personnel')!.header).toBe('基本支出 / 人员经费');
    expect(outline(t)).toEqual([
      '|合计||-|total',
      '201|一般公共服务支出|1|-',
      '20103|政府办公厅（室）及相关机构事务|2|201',
      '2010301|行政运行|3|20103',
      '2010302|一般行政管理事务|3|20103',
      '208|社会保障和就业支出|1|-',
      '20805|行政事业单位养老支出|2|208',
      '2080505|机关事业单位基本养老保险缴费支出|3|20805',
    ]);
  });

  test('the fiscal summary: 合计 under 支出 is the expense amount, then the three budgets', () => {
    expect(roles(rec.tables[3])).toEqual({
      A: 'income-item',
      B: 'income-amount',
      C: 'expense-item',
      D: 'expense-amount',
      E: 'general-budget',
      F: 'fund',
      G: 'state-capital',
    });
  });

  test('basic expenditure by economic class: codes over 类/款, 人员经费 / 公用经费', () => {
    const t = rec.tables[5];
    expect(roles(t)).toEqual({ A: 'code-class', B: 'code-section', C: 'name', D: 'total', E: 'personnel', F: 'public-funds' });
    expect(outline(t)).toEqual([
      '|合计||-|total',
      '301|工资福利支出|1|-',
      '30101|基本工资|2|301',
      '30102|津贴补贴|2|301',
      '302|商品和服务支出|1|-',
      '30201|办公费|2|302',
    ]);
  });

  test('fund and state-capital expenditure tables keep their split codes', () => {
    for (const t of rec.tables.slice(6, 8)) {
      expect(roles(t)).toMatchObject({ A: 'code-class', B: 'code-section', C: 'code-item', D: 'name', E: 'total' });
      expect(t.rows.map((r) => r.code).filter(Boolean)).toEqual(['201', '20103', '2010301', '2010302', '208', '20805', '2080505']);
    }
    expect(rec.tables[7].title).toBe('2022年国有资本经营预算支出功能分类预算表');
  });

  test('三公 and 机关运行经费 in one table: three-public, with an operating-costs column', () => {
    const t = rec.tables[8];
    expect(a1(t.range)).toBe('A1:H6');
    expect(roles(t)).toEqual({
      A: 'name',
      B: 'total',
      C: 'amount',
      D: 'amount',
      E: 'amount',
      F: 'amount',
      G: 'amount',
      H: 'operating-costs',
    });
    expect(t.columns.find((c) => c.col === 4)!.header).toBe('2022年“三公”经费预算数 / 公务用车购置及运行费 / 小计');
    expect(t.rows.map((r) => r.name)).toEqual(['上海市某某局']);
  });
});
