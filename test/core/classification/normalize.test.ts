import { normalizeName, stripOrdinal, toHalfWidth } from '../../../src/core/classification/normalize';

describe('normalizeName', () => {
  it.each([
    ['政府办公厅（室）及相关机构事务', '政府办公厅(室)及相关机构事务'],
    ['维修【护】费', '维修(护)费'],
    ['维修[护]费', '维修(护)费'],
    ['  行政\u3000运行 ', '行政运行'],
    ['\u3000\u3000行政运行', '行政运行'],
    ['行政\t运行\n', '行政运行'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['①公务用车购置费', '公务用车购置费'],
    ['⑵公务用车运行维护费', '公务用车运行维护费'],
    ['一、一般公共预算', '一般公共预算'],
    ['十二、其他收入', '其他收入'],
    ['（一）基本支出', '基本支出'],
    ['(1)基本支出', '基本支出'],
    ['（１）基本支出', '基本支出'],
    ['1、工资福利支出', '工资福利支出'],
    ['1.工资福利支出', '工资福利支出'],
    ['１．工资福利支出', '工资福利支出'],
    ['2) 办公费', '办公费'],
    ['一、（一）工资福利支出', '工资福利支出'],
    ['“三西”农业建设专项补助', '三西农业建设专项补助'],
    ['"三西"农业建设专项补助', '三西农业建设专项补助'],
    ["‘三西’农业建设专项补助", '三西农业建设专项补助'],
    ['二、纳入预算管理的政', '纳入预算管理的政'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('keeps things that only look like ordinals', () => {
    expect(normalizeName('1.5倍')).toBe('1.5倍');
    expect(normalizeName('2010301行政运行')).toBe('2010301行政运行');
    expect(normalizeName('三西农业')).toBe('三西农业');
    expect(normalizeName('社会保障和就业支出')).toBe('社会保障和就业支出');
  });
});

describe('stripOrdinal', () => {
  it('removes one leading ordinal with its spaces, nothing else', () => {
    expect(stripOrdinal('  一、 一般公共服务支出')).toBe('一般公共服务支出');
    expect(stripOrdinal('（三）其他')).toBe('其他');
    expect(stripOrdinal('３、办公费')).toBe('办公费');
    expect(stripOrdinal('行政运行')).toBe('行政运行');
    expect(stripOrdinal('一、（一）工资')).toBe('（一）工资');
  });
});

describe('toHalfWidth', () => {
  it('maps full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('（１，２）\u3000％')).toBe('(1,2) %');
  });
});
