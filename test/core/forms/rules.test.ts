// The form checks on invented forms: a correct form stays silent; each mistake is reported at its cell.
import { GOOD_INDICATORS, brief, check, formRows, sheetOf, run, withRow, withValue, workbookOf, type Rows } from './helpers';
import { buildSheet } from '../../../src/core/workbook/sheet';

const only = (rows: Rows, rule: string) => check(rows).filter((f) => f.rule === rule);

describe('a correct form', () => {
  test('is silent', () => {
    expect(check(formRows())).toEqual([]);
  });

  test('one-off and continuing projects with matching funds are silent too', () => {
    expect(check(formRows({ kind: '一次性项目（1年结束）', years: '1年', period: 300000 }))).toEqual([]);
    expect(check(formRows({ kind: '延续性项目（阶段开展）', years: '2年', period: 600000 }))).toEqual([]);
  });
});

describe('form-funds', () => {
  test('资金总额 ≠ Σ split, per column', () => {
    const fs = only(formRows({ annualLocal: 250000 }), 'form-funds');
    expect(brief(fs)).toEqual(['form-funds@E5:error']);
    expect(fs[0].expected).toBe('250000');
    expect(fs[0].actual).toBe('300000');
    expect(fs[0].related).toContain('绩效!E8');
    expect(fs[0].message.zh).toContain('《政务大厅保洁服务》年度资金总额 300,000 ≠ 各项资金合计 250,000');
    expect(fs[0].message.en).toContain('annual total');
    expect(brief(only(formRows({ period: 900000, periodLocal: 800000 }), 'form-funds'))).toEqual(['form-funds@C5:error']);
  });

  test('实施期 ≠ 年度 × 项目期 for a recurring project: a warning', () => {
    const fs = only(formRows({ period: 880000 }), 'form-funds');
    expect(brief(fs)).toEqual(['form-funds@C5:warning']);
    expect(fs[0].expected).toBe('900000');
    expect(fs[0].actual).toBe('880000');
    expect(fs[0].message.zh).toContain('× 项目期 3 年');
  });

  test('a one-off project: 实施期 must equal 年度', () => {
    const fs = only(formRows({ kind: '一次性项目（1年结束）', years: '1年', period: 600000 }), 'form-funds');
    expect(brief(fs)).toEqual(['form-funds@C5:error']);
    expect(fs[0].message.en).toContain('one-off');
  });

  test('a blank 年度资金总额 is reported, with the split as the expected figure', () => {
    const fs = only(formRows({ annual: null, annualLocal: 300000 }), 'form-funds');
    expect(brief(fs)).toEqual(['form-funds@D5:warning']);
    expect(fs[0].expected).toBe('300000');
  });
});

describe('form-cost', () => {
  const cost = (v: string) => only(formRows({ indicators: withValue('项目实施成本', v) }), 'form-cost');

  test('a cost bound equal to the year’s funds is silent, in 元 or 万元', () => {
    expect(cost('≤300000元/年')).toEqual([]);
    expect(cost('≤30万元')).toEqual([]);
    expect(cost('=300000元')).toEqual([]);
  });

  test('written with ≥', () => {
    const fs = cost('≥300000元/年');
    expect(brief(fs)).toEqual(['form-cost@E24:error']);
    expect(fs[0].expected).toBe('≤300000元/年');
    expect(fs[0].message.zh).toContain('成本是上限');
  });

  test('10× and 0.1× the year’s funds', () => {
    const ten = cost('≤3000000元');
    expect(brief(ten)).toEqual(['form-cost@E24:error']);
    expect(ten[0].message.zh).toContain('的 10 倍');
    expect(ten[0].expected).toBe('≤300000元');
    const tenth = cost('≤30000元/年');
    expect(tenth[0].message.en).toContain('0.1×');
  });

  test('the 实施期 total used as the cost', () => {
    const fs = cost('≤900000元');
    expect(brief(fs)).toEqual(['form-cost@E24:error']);
    expect(fs[0].message.zh).toContain('是实施期资金总额 900,000 元');
    expect(fs[0].related).toEqual(['绩效!E5', '绩效!C5']);
  });

  test('a unit slip: ≤300000万/年 for a 300,000 元 project', () => {
    const fs = cost('≤300000万/年');
    expect(brief(fs)).toEqual(['form-cost@E24:error']);
    expect(fs[0].expected).toBe('≤300000元/年');
    expect(fs[0].message.zh).toContain('单位有误');
  });

  test('above the year’s funds (error) and below it (warning)', () => {
    expect(brief(cost('≤350000元'))).toEqual(['form-cost@E24:error']);
    expect(brief(cost('≤250000元'))).toEqual(['form-cost@E24:warning']);
  });

  test('not in money units', () => {
    const fs = cost('≤95%');
    expect(brief(fs)).toEqual(['form-cost@E24:warning']);
    expect(fs[0].message.en).toContain('not an amount of money');
    expect(brief(cost('合理'))).toEqual(['form-cost@E24:warning']);
  });

  test('several cost figures under 成本指标 summing above the year’s funds', () => {
    const rows = (a: string, b: string): Rows =>
      withRow(
        '保洁人员每人每年人工费',
        [null, null, null, '耗材费', b],
        withRow('项目实施成本', [null, null, '成本指标', '保洁服务费', a]),
      );
    expect(only(formRows({ indicators: rows('≤200000元', '≤100000元') }), 'form-cost')).toEqual([]);
    const fs = only(formRows({ indicators: rows('≤200000元', '≤150000元') }), 'form-cost');
    expect(brief(fs)).toEqual(['form-cost@E24:error']);
    expect(fs[0].message.zh).toContain('「保洁服务费」 + 「耗材费」 合计 350,000 元，超过年度资金总额 300,000 元');
    expect(fs[0].related).toContain('绩效!E25');
    // the two parts adding up to the 实施期 total
    const p = only(formRows({ indicators: rows('≤600000元', '≤300000元') }), 'form-cost');
    expect(p.map((f) => f.message.en)).toEqual([expect.stringContaining('the project-period total 900,000 元')]);
  });

  test('a unit cost × its quantity above the year’s funds', () => {
    const fs = only(formRows({ indicators: withValue('保洁人员每人每年人工费', '≤40000元/年') }), 'form-cost');
    expect(brief(fs)).toEqual(['form-cost@E25:warning']);
    expect(fs[0].message.zh).toContain('「保洁人员每人每年人工费」×「保洁人员数量」');
    expect(fs[0].actual).toBe('400000');
  });

  test('成本指标 as a 一级 of its own (newer template)', () => {
    const newer: Rows = [
      ...GOOD_INDICATORS.filter((r) => r[2] !== '成本指标' && r[3] !== '保洁人员每人每年人工费'),
      [null, '成本指标', '经济成本指标', '项目实施成本', '≤300000元'],
      [null, null, '社会成本指标', '社会成本', '无'],
    ];
    const fs = check(formRows({ indicators: newer }));
    expect(brief(fs)).toEqual(['form-cost@E29:warning']); // 社会成本 “无” is not money
    const bad = newer.map((r) => (r[3] === '项目实施成本' ? [...r.slice(0, 4), '≥300000元'] : r));
    expect(brief(only(formRows({ indicators: bad }), 'form-cost'))).toEqual(['form-cost@E28:error', 'form-cost@E29:warning']);
  });
});

describe('form-indicator', () => {
  const ind = (name: string, v: string) => only(formRows({ indicators: withValue(name, v) }), 'form-indicator');

  test('satisfaction ≥100% is unattainable; =100% and ≥95% are fine', () => {
    const fs = ind('办事群众满意度', '≥100%');
    expect(brief(fs)).toEqual(['form-indicator@E29:warning']);
    expect(fs[0].message.en).toContain('unattainable');
    expect(fs[0].details).toEqual({ kind: 'unattainable', satisfaction: true });
    expect(ind('办事群众满意度', '100%')).toEqual([]);
    expect(ind('办事群众满意度', '=100%')).toEqual([]);
  });

  test('a rate ≥100% is flagged, a rise ≥100% too (doubling)', () => {
    expect(brief(ind('公共场所整洁率', '≥100%'))).toEqual(['form-indicator@E20:warning']);
    const rise = ind('服务效率提高率', '≥100%');
    expect(rise[0].message.zh).toContain('翻一番');
  });

  test('a percentage above 100', () => {
    const fs = ind('公共场所整洁率', '120%');
    expect(brief(fs)).toEqual(['form-indicator@E20:warning']);
    expect(fs[0].expected).toBe('≤100%');
    expect(ind('服务效率提高率', '120%')).toEqual([]);
  });

  test('time limits written with ≥', () => {
    const fs = ind('投诉处理响应时间', '≥2小时');
    expect(brief(fs)).toEqual(['form-indicator@E23:warning']);
    expect(fs[0].expected).toBe('≤2小时');
    expect(ind('投诉处理响应时间', '≤30分钟')).toEqual([]);
  });

  test('failure rates written with ≥', () => {
    expect(brief(ind('系统故障率', '≥1%'))).toEqual(['form-indicator@E21:warning']);
    expect(ind('系统故障率', '0%')).toEqual([]);
  });
});

describe('form-placeholder', () => {
  const ph = (v: string) => only(formRows({ indicators: withValue('服务时间', v) }), 'form-placeholder');

  test('XX月XX日, XX and …… left in a value', () => {
    const fs = ph('2022年1月1日XX月XX日');
    expect(brief(fs)).toEqual(['form-placeholder@E22:warning']);
    expect(fs[0].message.zh).toContain('留有模板占位符 XX月XX日');
    expect(brief(ph('XX'))).toEqual(['form-placeholder@E22:warning']);
    expect(brief(ph('……'))).toEqual(['form-placeholder@E22:warning']);
    expect(ph('2022年1月1日-2022年12月31日')).toEqual([]);
  });

  test('in the text blocks', () => {
    const fs = only(formRows({ goal: '2022年完成XX项任务。' }), 'form-placeholder');
    expect(brief(fs)).toEqual(['form-placeholder@B17:warning']);
  });
});

describe('form-missing', () => {
  test('a 三级指标 with no value, reported at the value cell', () => {
    const fs = only(formRows({ indicators: withValue('保洁人员数量', null) }), 'form-missing');
    expect(brief(fs)).toEqual(['form-missing@E19:error']);
    expect(fs[0].message.zh).toBe('《政务大厅保洁服务》三级指标「保洁人员数量」没有填写指标值');
  });

  test('no indicator under 满意度 / 效益', () => {
    const noSat = GOOD_INDICATORS.filter((r) => r[3] !== '办事群众满意度');
    expect(brief(only(formRows({ indicators: noSat }), 'form-missing'))).toEqual(['form-missing@A18:error']);
    const emptySat = [...noSat, [null, '满意度指标', '服务对象满意度指标']];
    const fs = only(formRows({ indicators: emptySat }), 'form-missing');
    expect(brief(fs)).toEqual(['form-missing@B29:error']);
    expect(fs[0].message.en).toContain('no indicator under satisfaction');
    const noBenefit = GOOD_INDICATORS.filter((r) => !['公共服务能力提升度', '服务效率提高率', '保洁服务持续时间'].includes(r[3] as string));
    expect(only(formRows({ indicators: noBenefit }), 'form-missing').map((f) => f.message.zh)).toEqual([expect.stringContaining('效益指标下没有任何三级指标')]);
  });

  test('no 数量 and no 成本 indicator: warnings', () => {
    const rows = GOOD_INDICATORS.filter((r) => !['保洁人员数量', '项目实施成本', '保洁人员每人每年人工费'].includes(r[3] as string)).map((r) =>
      r[3] === '公共场所整洁率' ? [null, '产出指标', '质量指标', r[3], r[4]] : r,
    );
    const fs = only(formRows({ indicators: rows }), 'form-missing');
    expect(fs.map((f) => [f.severity, f.rowLabel])).toEqual([
      ['warning', '数量指标'],
      ['warning', '成本指标'],
    ]);
  });
});

describe('form-total', () => {
  /** A 预算支出总表 whose 项目支出 total is `project` 万元. */
  function t3(project: string) {
    return buildSheet({
      name: '表3',
      rows: [
        ['预算公开表 3'],
        ['2022 年预算支出总表'],
        ['单位：万元'],
        ['科目编码', '项目 科目名称', '2022 年预算数'],
        [null, null, '合计', '基本支出', '项目支出'],
        [null, '合计', { value: 100 + Number(project), numFmt: '0.00' }, { value: 100, numFmt: '0.00' }, { value: Number(project), numFmt: '0.00' }],
        ['201', '一般公共服务支出', { value: 100 + Number(project), numFmt: '0.00' }, { value: 100, numFmt: '0.00' }, { value: Number(project), numFmt: '0.00' }],
        ['20103', '政府办公厅（室）及相关机构事务', { value: 100 + Number(project), numFmt: '0.00' }, { value: 100, numFmt: '0.00' }, { value: Number(project), numFmt: '0.00' }],
        ['2010301', '行政运行', { value: 100 + Number(project), numFmt: '0.00' }, { value: 100, numFmt: '0.00' }, { value: Number(project), numFmt: '0.00' }],
      ],
    });
  }
  const forms = () => sheetOf('绩效', [...formRows(), [], ...formRows({ name: '证照费', annual: 123456, period: 370368 })]);

  test('Σ 年度资金总额 = 项目支出 total: silent; within the table’s rounding: silent', () => {
    const { forms: fs, findings } = run(workbookOf(t3('42.35'), forms()));
    expect(fs.map((f) => f.funds.annual.total?.value.toString())).toEqual(['300000', '123456']);
    expect(findings.filter((f) => f.rule === 'form-total')).toEqual([]);
    // 423,456 元 = 42.3456 万元, printed 42.35: consistent within ½·0.01 万元
  });

  test('outside the rounding: an error at the table’s cell', () => {
    const { findings } = run(workbookOf(t3('42.50'), forms()));
    const fs = findings.filter((f) => f.rule === 'form-total');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', sheet: '表3', cell: 'E6', expected: '425000', actual: '423456', table: expect.any(String) });
    expect(fs[0].related).toEqual(['绩效!E5', '绩效!E35']);
    expect(fs[0].message.zh).toContain('2 张绩效目标表的年度资金总额合计 423,456 元 ≠');
  });

  test('no expenditure table: nothing to compare', () => {
    expect(run(workbookOf(forms())).findings.filter((f) => f.rule === 'form-total')).toEqual([]);
  });
});
