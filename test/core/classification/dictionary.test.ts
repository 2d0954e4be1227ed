import {
  Dictionary,
  dictionary,
  inferScheme,
  levelOfCode,
  parentCode,
} from '../../../src/core/classification';

describe('lookup', () => {
  it('finds 2010301 行政运行 and infers the scheme', () => {
    const e = dictionary.lookup('2010301');
    expect(e).toMatchObject({ code: '2010301', name: '行政运行', level: '项', parent: '20103', scheme: 'function' });
    expect(dictionary.lookup(' 2010301 ', 'function')?.name).toBe('行政运行');
    expect(dictionary.lookup('2010301', 'economic-dept')).toBeUndefined();
  });

  it('reads the economic schemes', () => {
    expect(dictionary.lookup('30213')?.name).toBe('维修（护）费');
    expect(dictionary.lookup('501')?.name).toBe('机关工资福利支出');
    expect(dictionary.lookup('302')?.scheme).toBe('economic-dept');
  });

  it('returns undefined for unknown or malformed codes', () => {
    expect(dictionary.lookup('2019999')).toBeUndefined();
    expect(dictionary.lookup('12345')).toBeUndefined();
    expect(dictionary.lookup('行政运行')).toBeUndefined();
  });
});

describe('nameMatches', () => {
  it('match', () => {
    const r = dictionary.nameMatches('2010301', '行政运行');
    expect(r.status).toBe('match');
    expect(r.official).toBe('行政运行');
    expect(r.source).toMatch(/seed budget 2022/);
  });

  it('match with half-width brackets, spaces and an ordinal', () => {
    expect(dictionary.nameMatches('20103', '政府办公厅(室)及相关机构事务').status).toBe('match');
    expect(dictionary.nameMatches('20103', '  政府办公厅【室】及相关机构事务').status).toBe('match');
    expect(dictionary.nameMatches('201', '一、一般公共服务支出').status).toBe('match');
  });

  it('alias names its edition and source', () => {
    const r = dictionary.nameMatches('21305', '巩固脱贫攻坚成果衔接乡村振兴');
    expect(r.status).toBe('alias');
    expect(r.official).toBe('扶贫');
    expect(r.alias?.edition).toMatch(/2024/);
    expect(r.alias?.source).toMatch(/xzcs2022\.com/);
    expect(dictionary.nameMatches('210', '医疗卫生与计划生育支出').status).toBe('alias');
  });

  it('truncated: a proper prefix of at least two characters', () => {
    const r = dictionary.nameMatches('207', '文化旅游体育与传媒');
    expect(r).toMatchObject({ status: 'truncated', official: '文化旅游体育与传媒支出', fullName: '文化旅游体育与传媒支出' });
    expect(dictionary.nameMatches('2080505', '机关事业单位基本养老保险缴').status).toBe('truncated');
    expect(dictionary.nameMatches('207', '文').status).toBe('mismatch');
  });

  it('truncated against an alias', () => {
    const r = dictionary.nameMatches('21305', '巩固脱贫攻坚成果');
    expect(r.status).toBe('truncated');
    expect(r.fullName).toBe('巩固脱贫攻坚成果衔接乡村振兴');
    expect(r.alias?.name).toBe('巩固脱贫攻坚成果衔接乡村振兴');
  });

  it('mismatch gives the official name and source', () => {
    const r = dictionary.nameMatches('2080505', '社会保障和就业支出');
    expect(r.status).toBe('mismatch');
    expect(r.official).toBe('机关事业单位基本养老保险缴费支出');
    expect(r.source).toBeTruthy();
  });

  it('unknown code', () => {
    const r = dictionary.nameMatches('2019999', '行政运行');
    expect(r.status).toBe('unknown');
    expect(r.official).toBeUndefined();
    expect(r.scheme).toBe('function');
  });
});

describe('findCodesByName', () => {
  it('returns every code with the name', () => {
    const codes = dictionary.findCodesByName('行政运行', 'function').map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['2010301', '2010601', '2130501']));
    expect(codes.length).toBeGreaterThan(5);
  });

  it('matches aliases and normalized spellings', () => {
    expect(dictionary.findCodesByName('巩固脱贫衔接乡村振兴', 'function').map((e) => e.code)).toEqual(['21305']);
    expect(dictionary.findCodesByName('维修(护)费', 'economic-dept').map((e) => e.code)).toEqual(['30213']);
  });

  it('repeats across branches and schemes', () => {
    expect(dictionary.findCodesByName('其他支出', 'function').map((e) => e.code)).toEqual(['229', '22999', '2299999']);
    expect(dictionary.findCodesByName('住房公积金').map((e) => `${e.scheme}:${e.code}`)).toEqual(
      expect.arrayContaining(['function:2210201', 'economic-dept:30113', 'economic-gov:50103']),
    );
    expect(dictionary.findCodesByName('不存在的科目', 'function')).toEqual([]);
  });
});

describe('class names', () => {
  it('economic 类 names', () => {
    expect(dictionary.economicClassNames()).toEqual(
      expect.arrayContaining(['工资福利支出', '商品和服务支出', '对个人和家庭的补助', '资本性支出']),
    );
  });

  it('function 类 names in code order', () => {
    const names = dictionary.functionClassNames();
    expect(names[0]).toBe('一般公共服务支出');
    expect(names).toContain('社会保障和就业支出');
    expect(names).toHaveLength(30);
  });
});

describe('code helpers', () => {
  it('levelOfCode', () => {
    expect(levelOfCode('201')).toBe(1);
    expect(levelOfCode('20103')).toBe(2);
    expect(levelOfCode('2010301')).toBe(3);
    expect(levelOfCode('2010')).toBeUndefined();
    expect(levelOfCode('20a')).toBeUndefined();
  });

  it('parentCode', () => {
    expect(parentCode('2010301')).toBe('20103');
    expect(parentCode('20103')).toBe('201');
    expect(parentCode('201')).toBeUndefined();
    expect(parentCode('208 05 05')).toBe('20805');
  });

  it('inferScheme', () => {
    expect(inferScheme('2010301')).toBe('function');
    expect(inferScheme('30101')).toBe('economic-dept');
    expect(inferScheme('501')).toBe('economic-gov');
    expect(inferScheme('101')).toBeUndefined();
  });
});

it('Dictionary accepts injected data', () => {
  const d = new Dictionary({
    function: [{ code: '201', name: '一般公共服务支出', level: '类', parent: null, aliases: [], source: 't' }],
    'economic-dept': [],
    'economic-gov': [],
  });
  expect(d.nameMatches('201', '一般公共服务支出').status).toBe('match');
  expect(d.nameMatches('202', '外交支出').status).toBe('unknown');
});
