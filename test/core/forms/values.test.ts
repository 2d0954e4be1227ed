// Indicator values: operator, number, unit; qualitative words; dates; placeholders.
import { parseIndicatorValue, valueOfCell } from '../../../src/core/forms/values';
import type { IndicatorValue } from '../../../src/core/forms/model';

function q(v: IndicatorValue) {
  if (v.kind !== 'quantity') throw new Error(`not a quantity: ${v.kind} ${v.text}`);
  return { op: v.operator ?? '', n: v.number.toString(), unit: v.unit, head: v.unitHead, per: v.per ?? '', kind: v.unitKind, factor: v.moneyFactor?.toString() ?? '' };
}

describe('quantities', () => {
  test.each([
    ['≥12次', { op: '≥', n: '12', unit: '次', kind: 'count' }],
    ['≤30 分钟', { op: '≤', n: '30', unit: '分钟', kind: 'time' }],
    ['≤590000 元/年', { op: '≤', n: '590000', unit: '元/年', head: '元', per: '年', kind: 'money', factor: '1' }],
    ['≤300000万/年', { op: '≤', n: '300000', unit: '万/年', head: '万', per: '年', kind: 'money', factor: '10000' }],
    ['≤15 万元/台 (万元/辆等)', { op: '≤', n: '15', unit: '万元/台', per: '台', kind: 'money', factor: '10000' }],
    ['≤40000 元/人年', { op: '≤', n: '40000', per: '人年', kind: 'money' }],
    ['≥100%', { op: '≥', n: '100', unit: '%', kind: 'percent' }],
    ['0%', { op: '', n: '0', unit: '%', kind: 'percent' }],
    ['95%以上', { op: '≥', n: '95', unit: '%', kind: 'percent' }],
    ['>=99%', { op: '≥', n: '99', kind: 'percent' }],
    ['＜5个工作日', { op: '＜', n: '5', unit: '个工作日', kind: 'time' }],
    ['不超过 2 小时', { op: '≤', n: '2', unit: '小时', kind: 'time' }],
    ['≈1,200 人', { op: '≈', n: '1200', unit: '人', kind: 'count' }],
    ['=1套', { op: '=', n: '1', unit: '套', kind: 'count' }],
    ['24(时/天)', { op: '', n: '24', unit: '时/天', kind: 'time' }],
    ['≥1 台 (套)', { op: '≥', n: '1', unit: '台', kind: 'count' }],
    ['1695.46平方米', { op: '', n: '1695.46', unit: '平方米', kind: 'measure' }],
    ['≥0.05元/卷', { op: '≥', n: '0.05', unit: '元/卷', kind: 'money' }],
    ['≥15亿元', { op: '≥', n: '15', unit: '亿元', kind: 'money', factor: '100000000' }],
  ])('%s', (text, expected) => {
    expect(q(parseIndicatorValue(text))).toMatchObject(expected);
  });

  test('a number cell, and a number formatted as a percentage', () => {
    expect(q(valueOfCell({ row: 0, col: 0, value: { kind: 'number', value: 45 } }))).toMatchObject({ n: '45', unit: '', kind: 'none' });
    expect(q(valueOfCell({ row: 0, col: 0, value: { kind: 'number', value: 0.95 }, numFmt: '0%' }))).toMatchObject({ n: '95', unit: '%', kind: 'percent' });
  });
});

describe('words, dates, placeholders, blanks', () => {
  test('qualitative words', () => {
    for (const w of ['及时', '提升', '便捷', '明显', '保障', '满足', '正常', '促进', '健全', '合规', '高', '有所提升', '持续使用']) {
      expect(parseIndicatorValue(w)).toMatchObject({ kind: 'qualitative', word: w });
    }
    expect(parseIndicatorValue('明显提升')).toMatchObject({ kind: 'qualitative' });
    expect(parseIndicatorValue('按照合同约定完成各项服务内容')).toMatchObject({ kind: 'text' });
  });

  test('dates and date ranges', () => {
    expect(parseIndicatorValue('2022年1月-2022年12月')).toMatchObject({ kind: 'date', from: { year: 2022, month: 1 }, to: { year: 2022, month: 12 }, placeholders: [] });
    expect(parseIndicatorValue('2022 年 1 月 1 日-2022 年 12 月 31 日')).toMatchObject({ kind: 'date', from: { year: 2022, month: 1, day: 1 }, to: { year: 2022, month: 12, day: 31 } });
    expect(parseIndicatorValue('2022年1月1日-12月31日')).toMatchObject({ kind: 'date', to: { year: 2022, month: 12, day: 31 } });
    expect(parseIndicatorValue('2022年5月1日前')).toMatchObject({ kind: 'date', from: { year: 2022, month: 5, day: 1 }, before: true });
    expect(parseIndicatorValue('2022.1.1-2022.12.31')).toMatchObject({ kind: 'date', to: { year: 2022, month: 12, day: 31 } });
  });

  test('placeholders, alone or left inside a date', () => {
    expect(parseIndicatorValue('XX月XX日')).toMatchObject({ kind: 'placeholder', placeholders: ['XX月XX日'] });
    expect(parseIndicatorValue('XX')).toMatchObject({ kind: 'placeholder', placeholders: ['XX'] });
    expect(parseIndicatorValue('……')).toMatchObject({ kind: 'placeholder', placeholders: ['……'] });
    expect(parseIndicatorValue('2022年1月-2023年1月XX月XX日-XX月XX日')).toMatchObject({
      kind: 'date',
      from: { year: 2022, month: 1 },
      to: { year: 2023, month: 1 },
      placeholders: ['XX月XX日', 'XX月XX日'],
    });
    expect(parseIndicatorValue('2022 年 1 月 XX 月 XX 日前')).toMatchObject({ kind: 'date', before: true, placeholders: ['XX 月 XX 日'] });
    expect(parseIndicatorValue('≥XX%')).toMatchObject({ placeholders: ['XX%'] });
  });

  test('blank', () => {
    expect(parseIndicatorValue('  ')).toMatchObject({ kind: 'empty' });
    expect(valueOfCell(undefined)).toMatchObject({ kind: 'empty' });
  });
});
