// How rows carry their classification: code and name in one cell, codes as numbers, codes split over
// 类/款/项 columns, or no codes at all and the level shown by indentation.
import { sheetFromPastedText } from '../../../src/core/workbook/paste';
import { outline, recognize, roles, sheet, m } from './fixtures';

describe('code and name in one cell', () => {
  const text = [
    '2022年一般公共预算支出表',
    '单位：万元',
    '科目\t合计\t基本支出\t项目支出',
    '合计\t3268.42\t1248.29\t2020.13',
    '201 一般公共服务支出\t3149.98\t1129.85\t2020.13',
    '20103 政府办公厅（室）及相关机构事务\t3149.98\t1129.85\t2020.13',
    '2010301 行政运行\t819.76\t819.76\t',
    '2010302　一般行政管理事务\t2020.13\t\t2020.13',
    '2010350事业运行\t310.10\t310.10\t',
    '208 社会保障和就业支出\t118.44\t118.44\t',
    '20805 行政事业单位养老支出\t118.44\t118.44\t',
    '2080505 机关事业单位基本养老保险缴费支出\t118.44\t118.44\t',
  ].join('\n');

  test('role code-name, codes parsed, hierarchy from the codes', () => {
    const rec = recognize(sheetFromPastedText('表5', text));
    const t = rec.tables[0];
    expect(t.kind).toBe('general-expenditure');
    expect(roles(t)).toEqual({ A: 'code-name', B: 'total', C: 'basic', D: 'project' });
    expect(outline(t)).toEqual([
      '|合计||-|total',
      '201|一般公共服务支出|1|-',
      '20103|政府办公厅（室）及相关机构事务|2|201',
      '2010301|行政运行|3|20103',
      '2010302|一般行政管理事务|3|20103',
      '2010350|事业运行|3|20103',
      '208|社会保障和就业支出|1|-',
      '20805|行政事业单位养老支出|2|208',
      '2080505|机关事业单位基本养老保险缴费支出|3|20805',
    ]);
    expect(t.rows[1].codeCols).toEqual([0]);
    expect(rec.unrecognized).toEqual([]);
  });

  test('a header saying 科目编码及名称 is code-name even before looking at the rows', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['2022年预算支出总表'],
        ['功能分类科目编码及名称', '合计', '基本支出', '项目支出'],
        ['201 一般公共服务支出', 10, 10, null],
      ]),
    );
    expect(roles(rec.tables[0])).toEqual({ A: 'code-name', B: 'total', C: 'basic', D: 'project' });
    expect(rec.tables[0].rows[0]).toMatchObject({ code: '201', name: '一般公共服务支出', level: 1 });
  });
});

describe('codes as numbers (Excel paste turns 2010301 into a number)', () => {
  test('number codes in the code column are codes, not amounts', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['2022年预算支出总表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [201, '一般公共服务支出', 100, 60, 40],
        [20103, '政府办公厅（室）及相关机构事务', 100, 60, 40],
        [2010301, '行政运行', 60, 60, null],
        [2010302, '一般行政管理事务', 40, null, 40],
        [{ value: 2010350, numFmt: '0' }, '事业运行', 0, null, null],
      ]),
    );
    const t = rec.tables[0];
    expect(t.rows.map((r) => [r.code, r.level])).toEqual([
      ['201', 1],
      ['20103', 2],
      ['2010301', 3],
      ['2010302', 3],
      ['2010350', 3],
    ]);
    expect(rec.unrecognized).toEqual([]);
  });
});

describe('codes in three 类/款/项 columns', () => {
  // `208 | 05 | 02` pasted: 款 and 项 become the numbers 5 and 2; 类 left blank on continuation rows
  const text = [
    '2022年一般公共预算支出功能分类预算表',
    '单位：元',
    '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出',
    '类\t款\t项\t\t\t\t',
    '\t\t\t合计\t1500000\t1200000\t300000',
    '201\t\t\t一般公共服务支出\t300000\t\t300000',
    '\t03\t\t政府办公厅（室）及相关机构事务\t300000\t\t300000',
    '\t\t02\t一般行政管理事务\t300000\t\t300000',
    '208\t\t\t社会保障和就业支出\t1200000\t1200000\t',
    '\t05\t\t行政事业单位养老支出\t1200000\t1200000\t',
    '208\t05\t01\t行政单位离退休\t700000\t700000\t',
    '\t\t02\t事业单位离退休\t500000\t500000\t',
  ].join('\n');

  test('roles code-class/code-section/code-item, joined codes and levels', () => {
    const s = sheetFromPastedText('表5', text);
    // Excel's paste: 03 → 3, 02 → 2
    expect(s.rows[6]![1]!.value).toEqual({ kind: 'number', value: 3 });
    const rec = recognize({ ...s, merges: [m('A3:C3'), m('D3:D4'), m('E3:E4'), m('F3:F4'), m('G3:G4')] });
    const t = rec.tables[0];
    expect(t.kind).toBe('general-expenditure');
    expect(t.unit).toBe('元');
    expect(roles(t)).toEqual({ A: 'code-class', B: 'code-section', C: 'code-item', D: 'name', E: 'total', F: 'basic', G: 'project' });
    expect(outline(t)).toEqual([
      '|合计||-|total',
      '201|一般公共服务支出|1|-',
      '20103|政府办公厅（室）及相关机构事务|2|201',
      '2010302|一般行政管理事务|3|20103',
      '208|社会保障和就业支出|1|-',
      '20805|行政事业单位养老支出|2|208',
      '2080501|行政单位离退休|3|20805',
      '2080502|事业单位离退休|3|20805',
    ]);
    expect(t.rows.filter((r) => r.code).every((r) => r.levelFrom === 'split-code')).toBe(true);
    expect(t.rows[3].codeCols).toEqual([0, 1, 2]);
    expect(rec.unrecognized).toEqual([]);
  });

  test('without merges, and each row printing all three parts', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['2022年部门支出预算总表'],
        ['类', '款', '项', '科目名称', '合计', '基本支出', '项目支出'],
        [208, null, null, '社会保障和就业支出', 10, 10, null],
        [208, 5, null, '行政事业单位养老支出', 10, 10, null],
        [208, 5, 2, '事业单位离退休', 10, 10, null],
      ]),
    );
    expect(rec.tables[0].rows.map((r) => [r.code, r.level, r.parent])).toEqual([
      ['208', 1, undefined],
      ['20805', 2, 0],
      ['2080502', 3, 1],
    ]);
  });
});

describe('codes under a header that does not say so', () => {
  test('科目编码 merged over three columns with no 类/款/项 row', () => {
    const rec = recognize(
      sheet(
        'Sheet1',
        [
          ['2022年一般公共预算支出功能分类预算表'],
          ['科目编码', null, null, '科目名称', '合计'],
          [208, null, null, '社会保障和就业支出', 10],
          [null, 5, null, '行政事业单位养老支出', 10],
          [null, null, 2, '事业单位离退休', 10],
        ],
        { merges: [m('A2:C2')] },
      ),
    );
    const t = rec.tables[0];
    expect(roles(t)).toEqual({ A: 'code-class', B: 'code-section', C: 'code-item', D: 'name', E: 'total' });
    expect(t.rows.map((r) => r.code)).toEqual(['208', '20805', '2080502']);
  });

  test('项目 merged over the code and the name column', () => {
    const rec = recognize(
      sheet(
        'Sheet1',
        [
          ['2022年预算支出总表'],
          ['项目', null, '合计', '基本支出', '项目支出'],
          [null, '合计', 10, 10, null],
          [201, '一般公共服务支出', 10, 10, null],
          [20103, '政府办公厅（室）及相关机构事务', 10, 10, null],
        ],
        { merges: [m('A2:B2')] },
      ),
    );
    const t = rec.tables[0];
    expect(roles(t)).toEqual({ A: 'code', B: 'name', C: 'total', D: 'basic', E: 'project' });
    expect(outline(t)).toEqual(['|合计||-|total', '201|一般公共服务支出|1|-', '20103|政府办公厅（室）及相关机构事务|2|201']);
  });
});

describe('names indented instead of coded', () => {
  test('leading full-width spaces', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['一般公共预算基本支出经济分类预算表'],
        ['单位：万元'],
        ['项目', '预算数'],
        ['合计', 300],
        ['工资福利支出', 200],
        ['　　基本工资', 120],
        ['　　津贴补贴', 80],
        ['商品和服务支出', 100],
        ['　　办公费', 60],
        ['　　　　其中：印刷', 10],
        ['　　差旅费', 40],
      ]),
    );
    const t = rec.tables[0];
    expect(t.kind).toBe('basic-economic');
    expect(outline(t)).toEqual([
      '|合计||-|total',
      '|工资福利支出|1|-',
      '|基本工资|2|工资福利支出',
      '|津贴补贴|2|工资福利支出',
      '|商品和服务支出|1|-',
      '|办公费|2|商品和服务支出',
      '|其中：印刷|3|办公费',
      '|差旅费|2|商品和服务支出',
    ]);
    expect(t.rows[2].levelFrom).toBe('indent');
  });

  test("Excel indent levels (the cell's indent property)", () => {
    const ind = (value: string, indent: number) => ({ value, indent });
    const rec = recognize(
      sheet('预算支出总表', [
        ['科目名称', '合计', '基本支出', '项目支出'],
        ['一般公共服务支出', 100, 60, 40],
        [ind('政府办公厅（室）及相关机构事务', 1), 100, 60, 40],
        [ind('行政运行', 2), 60, 60, null],
        [ind('一般行政管理事务', 2), 40, null, 40],
        ['社会保障和就业支出', 10, 10, null],
        [ind('行政事业单位养老支出', 1), 10, 10, null],
        [ind('机关事业单位基本养老保险缴费支出', 2), 10, 10, null],
      ]),
    );
    const t = rec.tables[0];
    expect(t.kind).toBe('expenditure');
    expect(outline(t)).toEqual([
      '|一般公共服务支出|1|-',
      '|政府办公厅（室）及相关机构事务|2|一般公共服务支出',
      '|行政运行|3|政府办公厅（室）及相关机构事务',
      '|一般行政管理事务|3|政府办公厅（室）及相关机构事务',
      '|社会保障和就业支出|1|-',
      '|行政事业单位养老支出|2|社会保障和就业支出',
      '|机关事业单位基本养老保险缴费支出|3|行政事业单位养老支出',
    ]);
    expect(t.rows.every((r) => r.levelFrom === 'indent')).toBe(true);
  });

  test('half-width spaces, irregular steps (2 and 3 spaces) still rank by depth', () => {
    const rec = recognize(
      sheet('支出总表', [
        ['项目', '合计', '基本支出', '项目支出'],
        ['一般公共服务支出', 100, 60, 40],
        ['  政府办公厅（室）及相关机构事务', 100, 60, 40],
        ['     行政运行', 60, 60, null],
        ['   一般行政管理事务', 40, null, 40],
      ]),
    );
    expect(rec.tables[0].rows.map((r) => r.level)).toEqual([1, 2, 3, 3]);
  });
});
