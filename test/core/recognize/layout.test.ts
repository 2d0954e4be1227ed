// Where tables sit: not at A1, several on one sheet, a header repeated after a page break, no title.
import { a1, outline, pastedSheet, recognize, roles, sheet, tableLines } from './fixtures';

describe('a table not at A1', () => {
  test('table 3 pasted at C5 keeps its kind, columns and rows', () => {
    const rec = recognize(pastedSheet('支出', tableLines(3), { row: 4, col: 2 }));
    expect(rec.tables).toHaveLength(1);
    const t = rec.tables[0];
    expect(t.kind).toBe('expenditure');
    expect(a1(t.range)).toBe('C5:G31');
    expect(roles(t)).toEqual({ C: 'code', D: 'name', E: 'total', F: 'basic', G: 'project' });
    expect(t.titleRow).toBe(5);
    expect(t.labelRow).toBe(4);
    expect(t.headerRows).toEqual({ first: 7, last: 8 });
    expect(t.rows).toHaveLength(22);
    expect(rec.unrecognized).toEqual([]);
  });

  test('with a blank spacer column and blank rows around the header', () => {
    const rec = recognize(
      sheet('Sheet1', [
        [],
        [null, '2022年预算支出总表'],
        [],
        [null, '单位：万元'],
        [],
        [null, '科目编码', '科目名称', null, '合计', '基本支出', '项目支出'],
        [null, '201', '一般公共服务支出', null, 100, 60, 40],
        [null, '20103', '政府办公厅（室）及相关机构事务', null, 100, 60, 40],
        [null, '2010301', '行政运行', null, 60, 60, null],
        [null, '2010302', '一般行政管理事务', null, 40, null, 40],
        [null, null, '合计', null, 100, 60, 40],
      ]),
    );
    const t = rec.tables[0];
    expect(t.kind).toBe('expenditure');
    expect(a1(t.range)).toBe('B2:G11');
    expect(roles(t)).toEqual({ B: 'code', C: 'name', E: 'total', F: 'basic', G: 'project' });
    expect(outline(t)).toEqual([
      '201|一般公共服务支出|1|-',
      '20103|政府办公厅（室）及相关机构事务|2|201',
      '2010301|行政运行|3|20103',
      '2010302|一般行政管理事务|3|20103',
      '|合计||-|total',
    ]);
  });
});

describe('two tables on one sheet', () => {
  test('stacked with blank rows between', () => {
    const lines = [...tableLines(3), '', '', ...tableLines(9), '', ...tableLines(10)];
    const rec = recognize(pastedSheet('报表', lines));
    expect(rec.tables.map((t) => [t.kind, a1(t.range)])).toEqual([
      ['expenditure', 'A1:E27'],
      ['three-public', 'A30:B39'],
      ['operating-costs', 'A41:B47'],
    ]);
    expect(rec.unrecognized).toEqual([]);
  });

  test('no blank row between the last data row of one and the label of the next', () => {
    const lines = [...tableLines(5), ...tableLines(6), ...tableLines(9)];
    const rec = recognize(pastedSheet('报表', lines));
    expect(rec.tables.map((t) => [t.kind, a1(t.range)])).toEqual([
      ['general-expenditure', 'A1:E27'],
      ['basic-economic', 'A28:C68'],
      ['three-public', 'A69:B78'],
    ]);
    expect(rec.tables[0].rows).toHaveLength(22);
    expect(rec.tables[1].rows).toHaveLength(37);
  });

  test('no blank row and no label: the title follows the last data row directly', () => {
    const lines = [...tableLines(3), ...tableLines(9).slice(1), ...tableLines(10).slice(1)];
    const rec = recognize(pastedSheet('报表', lines));
    expect(rec.tables.map((t) => [t.kind, a1(t.range), t.titleRow])).toEqual([
      ['expenditure', 'A1:E27', 1],
      ['three-public', 'A28:B36', 27],
      ['operating-costs', 'A37:B42', 36],
    ]);
    expect(rec.tables[1].rows.map((r) => r.name)).toEqual([
      '因公出国（境）费',
      '公务接待费',
      '公务用车购置及运行费',
      '①公务用车购置费',
      '②公务用车运行维护费',
      '合计',
    ]);
  });

  test('side by side, a blank column between', () => {
    // 表10 in A:B, 表9 in D:E, rows aligned
    const left = tableLines(10).map((l) => [...l.split('\t'), '', ''].slice(0, 2));
    const right = tableLines(9).map((l) => l.split('\t'));
    const lines = right.map((r, i) => [...(left[i] ?? ['', '']), '', ...r].join('\t'));
    const rec = recognize(pastedSheet('报表', lines));
    expect(rec.tables.map((t) => [t.kind, a1(t.range), t.title])).toEqual([
      ['operating-costs', 'A1:B7', '2022 年机关运行经费预算财政拨款情况统计表'],
      ['three-public', 'D1:E10', '2022 年一般公共预算“三公”经费支出情况统计表'],
    ]);
    expect(rec.tables[0].rows.map((r) => r.name)).toEqual(['忻州市行政审批服务管理局', '忻州市行政审批服务管理局', '合计']);
    expect(rec.tables[1].rows.map((r) => r.name)).toHaveLength(6);
    expect(roles(rec.tables[1])).toEqual({ D: 'name', E: 'amount' });
    expect(rec.unrecognized).toEqual([]);
  });
});

describe('blank lines inside the header', () => {
  test('a paste that split the two header rows with a blank line reads one header', () => {
    const lines = tableLines(2);
    const rec = recognize(pastedSheet('表2', [...lines.slice(0, 4), '', ...lines.slice(4)]));
    const t = rec.tables[0];
    expect(t.headerRows).toEqual({ first: 3, last: 5 });
    expect(roles(t)).toEqual({ A: 'code', B: 'name', C: 'total', D: 'general-budget', E: 'fund', F: 'special-account', G: 'unit-funds' });
    expect(t.rows).toHaveLength(22);
  });
});

describe('a header repeated after a page break', () => {
  const rows = [
    '2022年预算支出总表',
    '单位：万元',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '\t合计\t300\t200\t100',
    '201\t一般公共服务支出\t200\t150\t50',
    '20103\t政府办公厅（室）及相关机构事务\t200\t150\t50',
    '2010301\t行政运行\t150\t150\t',
    '',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '2010302\t一般行政管理事务\t50\t\t50',
    '208\t社会保障和就业支出\t100\t50\t50',
    '20805\t行政事业单位养老支出\t100\t50\t50',
    '2080505\t机关事业单位基本养老保险缴费支出\t100\t50\t50',
  ];

  test('is not a new table; the rows after it continue the table', () => {
    const rec = recognize(pastedSheet('表3', rows));
    expect(rec.tables).toHaveLength(1);
    const t = rec.tables[0];
    expect(a1(t.range)).toBe('A1:E13');
    expect(t.rows.map((r) => r.code ?? r.name)).toEqual(['合计', '201', '20103', '2010301', '2010302', '208', '20805', '2080505']);
    expect(t.rows.find((r) => r.code === '2010302')!.parent).toBe(2);
  });

  test('only the lower header row repeated', () => {
    const lines = tableLines(5);
    const rec = recognize(pastedSheet('表5', [...lines.slice(0, 9), lines[4], ...lines.slice(9)]));
    expect(rec.tables.map((t) => [t.kind, a1(t.range)])).toEqual([['general-expenditure', 'A1:E28']]);
    expect(rec.tables[0].rows).toHaveLength(22);
  });

  test('a two-row header repeated, with the title repeated too', () => {
    const two = [
      '2022年预算支出总表',
      '单位：万元',
      '项目\t\t2022年预算数\t\t',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '201\t一般公共服务支出\t200\t150\t50',
      '20103\t政府办公厅（室）及相关机构事务\t200\t150\t50',
      '',
      '2022年预算支出总表（续）',
      '项目\t\t2022年预算数\t\t',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '2010301\t行政运行\t150\t150\t',
      '2010302\t一般行政管理事务\t50\t\t50',
    ];
    const rec = recognize(pastedSheet('表3', two));
    expect(rec.tables).toHaveLength(1);
    expect(a1(rec.tables[0].range)).toBe('A1:E12');
    expect(rec.tables[0].rows.map((r) => r.code)).toEqual(['201', '20103', '2010301', '2010302']);
  });
});

describe('a table with no title', () => {
  const header = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
  const data = [
    ['201', '一般公共服务支出', 100, 60, 40],
    ['20103', '政府办公厅（室）及相关机构事务', 100, 60, 40],
    ['2010301', '行政运行', 100, 60, 40],
  ];

  test('takes its kind from the sheet name', () => {
    const rec = recognize(sheet('一般公共预算支出表', [header, ...data]));
    expect(rec.tables.map((t) => t.kind)).toEqual(['general-expenditure']);
    expect(rec.tables[0].title).toBe('一般公共预算支出表');
    expect(rec.tables[0].unitFrom).toBe('default');
  });

  test('or from its columns', () => {
    const rec = recognize(sheet('Sheet1', [header, ...data]));
    expect(rec.tables.map((t) => [t.kind, a1(t.range)])).toEqual([['expenditure', 'A1:E4']]);
  });

  test('income columns make an income table', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['科目编码', '科目名称', '本年收入合计', '一般公共预算', '政府性基金', '财政专户管理资金', '单位资金'],
        ['201', '一般公共服务支出', 100, 100, null, null, null],
      ]),
    );
    expect(rec.tables.map((t) => t.kind)).toEqual(['income']);
  });

  test('two sides (收入 | 支出) make a summary; with appropriation columns a fiscal summary', () => {
    const summary = recognize(
      sheet('Sheet1', [
        ['收入', null, '支出', null],
        ['项目', '金额', '项目', '金额'],
        ['一、一般公共预算', 100, '一般公共服务支出', 100],
        ['本年收入合计', 100, '本年支出合计', 100],
      ]),
    );
    expect(summary.tables.map((t) => t.kind)).toEqual(['summary']);
    expect(roles(summary.tables[0])).toEqual({ A: 'income-item', B: 'income-amount', C: 'expense-item', D: 'expense-amount' });
    const fiscal = recognize(
      sheet('Sheet1', [
        ['收入', null, '支出', null, null, null],
        ['项目', '金额', '项目', '小计', '一般公共预算', '政府性基金'],
        ['一、一般公共预算', 100, '一般公共服务支出', 100, 100, null],
        ['本年收入合计', 100, '本年支出合计', 100, 100, null],
      ]),
    );
    expect(fiscal.tables.map((t) => t.kind)).toEqual(['fiscal-summary']);
  });

  test('economic columns (人员经费, 公用经费) make a basic-expenditure table', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['经济科目编码', '经济科目名称', '合计', '人员经费', '公用经费'],
        ['301', '工资福利支出', 100, 100, null],
        ['30101', '基本工资', 100, 100, null],
      ]),
    );
    expect(rec.tables.map((t) => t.kind)).toEqual(['basic-economic']);
  });
});
