// Performance-target forms (项目支出绩效目标表): one per sheet, names found in their several layouts.
import { a1, pastedSheet, projectNames, recognize, sheet, sourceLines } from './fixtures';

/** forms.tsv cut at its blank lines: the 27 forms' lines. */
function formBlocks(): string[][] {
  const out: string[][] = [[]];
  for (const line of sourceLines('forms.tsv')) {
    if (line === '') out.push([]);
    else out[out.length - 1].push(line);
  }
  return out.filter((b) => b.length);
}

describe('one performance form per sheet', () => {
  const blocks = formBlocks();
  const names = projectNames();

  test('the 27 sample forms, each on its own sheet, with a form title above some', () => {
    expect(blocks).toHaveLength(27);
    const sheets = blocks.map((lines, i) =>
      pastedSheet(`绩效${i + 1}`, i % 2 === 0 ? ['项目支出绩效目标表', '', ...lines] : lines),
    );
    const rec = recognize(...sheets);
    expect(rec.tables).toEqual([]);
    expect(rec.forms).toHaveLength(27);
    rec.forms.forEach((f, i) => {
      expect(f.sheet).toBe(`绩效${i + 1}`);
      expect(f.id).toBe(`f${i + 1}`);
      expect(f.name.replace(/\s+/g, '')).toBe(names[i].replace(/\s+/g, ''));
      expect(f.range.top).toBe(0);
      expect(f.range.bottom).toBe(blocks[i].length - 1 + (i % 2 === 0 ? 2 : 0));
    });
    // forms hold money figures (1,770,000 …): none of it is a stray block
    expect(rec.unrecognized).toEqual([]);
  });

  test('项目名称：XXX inline, in one cell', () => {
    const rec = recognize(
      sheet('绩效目标', [
        ['2022年项目支出绩效目标申报表'],
        ['项目名称：智能防疫测温门'],
        ['主管部门及代码', '111-忻州市行政审批服务管理局', '实施单位', '忻州市行政审批服务管理局'],
        ['项目属性', '一次性项目', '项目期', '1年'],
        ['项目资金（元）', '年度资金总额：', 300000],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '产出指标', '数量指标', '测温门数量', '≥4个'],
      ]),
    );
    expect(rec.forms).toHaveLength(1);
    const f = rec.forms[0];
    expect(f.name).toBe('智能防疫测温门');
    expect(f.nameCell).toEqual({ row: 1, col: 0 });
    expect(a1(f.range)).toBe('A1:E7');
  });

  test('项目名称 label with the name in a merged cell further right, and a full-width colon inline variant', () => {
    const rec = recognize(
      sheet('A', [['项目名称', null, '弱电维保费'], ['实施单位', '某局']]),
      sheet('B', [['项 目 名 称：', '证照费'], ['主管部门', '某局']]),
      sheet('C', [[' 项目名称 ： 专家评审费 '], ['预算单位', '某局']]),
    );
    expect(rec.forms.map((f) => [f.sheet, f.name])).toEqual([
      ['A', '弱电维保费'],
      ['B', '证照费'],
      ['C', '专家评审费'],
    ]);
  });

  test('several forms on one sheet, no blank line between them', () => {
    const lines = [...blocks[0], ...blocks[1], ...blocks[2]];
    const rec = recognize(pastedSheet('绩效目标表', lines));
    expect(rec.forms.map((f) => f.name.replace(/\s+/g, ''))).toEqual(names.slice(0, 3).map((n) => n.replace(/\s+/g, '')));
    expect(rec.forms[0].range.bottom).toBe(blocks[0].length - 1);
    expect(rec.forms[1].range.top).toBe(blocks[0].length);
  });

  test('other wording: 预算部门, a title with the year in brackets', () => {
    const rec = recognize(
      sheet('项目绩效', [
        ['项目支出绩效目标表（2022年度）'],
        [],
        ['项目名称', '政务服务标准化建设'],
        ['预算部门', '某局', '项目负责人', '张三'],
        ['年度资金总额', 200000],
        ['年度绩效目标', '完成标准化建设'],
      ]),
    );
    expect(rec.forms.map((f) => [f.name, a1(f.range)])).toEqual([['政务服务标准化建设', 'A1:D6']]);
  });

  test('a 项目名称 line that is not followed by form rows is not a form', () => {
    const rec = recognize(sheet('说明', [['项目名称', '说明'], ['某项目', '这是一段说明文字。']]));
    expect(rec.forms).toEqual([]);
  });
});
