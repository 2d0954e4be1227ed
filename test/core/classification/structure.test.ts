import {
  dictionary,
  isPlausibleChild,
  structuralNameFor,
  structuralPatternOfName,
  structureAgrees,
} from '../../../src/core/classification';

describe('structuralNameFor', () => {
  it.each([
    ['2010301', '行政运行'],
    ['2130502', '一般行政管理事务'],
    ['2130503', '机关服务'],
    ['2010350', '事业运行'],
    ['2010399', '其他…支出'],
  ])('%s → %s', (code, label) => {
    expect(structuralNameFor(code)?.label).toBe(label);
  });

  it('says nothing for other suffixes, 款/类 and economic codes', () => {
    expect(structuralNameFor('2010307')).toBeUndefined();
    expect(structuralNameFor('20103')).toBeUndefined();
    expect(structuralNameFor('30101')).toBeUndefined();
  });

  it('the 99 pattern matches 其他…支出', () => {
    expect(structuralNameFor('2010399')!.pattern.test('其他政府办公厅(室)及相关机构事务支出')).toBe(true);
  });
});

describe('structureAgrees', () => {
  it('a patterned name must sit on its suffix', () => {
    expect(structureAgrees('2010301', '行政运行')).toBe(true);
    expect(structureAgrees('2010302', '行政运行')).toBe(false);
    expect(structureAgrees('2080505', '其他行政事业单位养老支出')).toBe(false);
    expect(structureAgrees('2080501', '行政单位离退休')).toBeUndefined();
  });

  it('holds for every 项 in the dictionary', () => {
    for (const e of dictionary.entries('function').filter((x) => x.level === '项')) {
      expect([e.code, structureAgrees(e.code, e.name)]).not.toEqual([e.code, false]);
    }
    expect(structuralPatternOfName('其他城市生活救助')).toBeUndefined();
  });
});

describe('isPlausibleChild', () => {
  it('prefix test one level down', () => {
    expect(isPlausibleChild('201', '20103')).toBe(true);
    expect(isPlausibleChild('20103', '2010301')).toBe(true);
    expect(isPlausibleChild('20103', '2010601')).toBe(false);
    expect(isPlausibleChild('201', '2010301')).toBe(false);
    expect(isPlausibleChild('2010301', '201')).toBe(false);
  });
});
