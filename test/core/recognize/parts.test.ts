// The small pieces: a header chain's role, a split code, unit wording.
import { roleOfChain } from '../../../src/core/recognize/headers';
import { readSplitCode } from '../../../src/core/recognize/rows';
import { kindFromColumnRoles, kindFromTitle } from '../../../src/core/recognize/specs/tables';
import { norm, unitInHeader, unitOf, withoutUnit } from '../../../src/core/recognize/text';

describe('roleOfChain', () => {
  it.each([
    [['2022年预算数', '合计'], 'total'],
    [['基本支出', '小计'], 'basic'],
    [['基本支出', '人员经费'], 'personnel'],
    [['合计', '上年预算数'], 'total'],
    [['基本支出', '增减'], 'basic'],
    [['项目', '金额'], 'amount'],
    [['项目', '科目编码'], 'code'],
    [['功能分类科目编码', '类'], 'code-class'],
    [['支出', '金额', '小计'], 'total'],
    [['支出', '金额', '一般公共预算'], 'general-budget'],
    [['2022年“三公”经费预算数', '公务用车购置及运行费', '小计'], 'amount'],
    [['2022年机关运行经费预算数'], 'operating-costs'],
    [['预算数（万元）'], 'amount'],
    [['科目编码及名称'], 'code-name'],
    [['月份'], undefined],
  ])('%j → %s', (chain, role) => {
    expect(roleOfChain(chain)).toBe(role);
  });
});

describe('readSplitCode', () => {
  it.each([
    [['208', '', ''], '', '', '208', 1],
    [['', '5', ''], '208', '', '20805', 2],
    [['', '', '2'], '208', '05', '2080502', 3],
    [['208', '05', '02'], '', '', '2080502', 3],
    [['', '30101', ''], '301', '', '30101', 2],
    [['', '', '2080502'], '', '', '2080502', 3],
  ])('%j after %s/%s → %s', (parts, lastClass, lastSection, code, level) => {
    const [k, s, i] = parts as string[];
    expect(readSplitCode(k, s, i, lastClass as string, lastSection as string)).toEqual({ code, parts: level });
  });

  it('nothing without a class to hang on', () => {
    expect(readSplitCode('', '5', '', '', '')).toBeUndefined();
    expect(readSplitCode('', '', '', '208', '05')).toBeUndefined();
  });
});

describe('titles and column signatures', () => {
  it.each([
    ['2022年部门财务收支预算总表', 'summary'],
    ['2022年一般公共预算基本支出部门预算经济分类预算表', 'basic-economic'],
    ['2022年国有资本经营预算支出功能分类预算表', 'state-capital-expenditure'],
    ['2022年“三公”经费和机关运行经费预算表', 'three-public'],
    ['2022年财政拨款收支预算总表', 'fiscal-summary'],
    ['2022年政府性基金预算支出功能分类预算表', 'fund-expenditure'],
  ])('%s → %s', (title, kind) => {
    expect(kindFromTitle(norm(title))?.kind).toBe(kind);
  });

  it('columns', () => {
    expect(kindFromColumnRoles(new Set(['name', 'personnel', 'public-funds']))?.kind).toBe('basic-economic');
    expect(kindFromColumnRoles(new Set(['name', 'total', 'personnel', 'public-funds', 'project']))?.kind).toBe('expenditure');
    expect(kindFromColumnRoles(new Set(['income-item', 'expense-item', 'general-budget']))?.kind).toBe('fiscal-summary');
    expect(kindFromColumnRoles(new Set(['name', 'amount']))).toBeUndefined();
  });
});

describe('units', () => {
  it('unit lines and header suffixes', () => {
    expect(unitOf('单位：元')).toBe('元');
    expect(unitOf('金额单位：万元')).toBe('万元');
    expect(withoutUnit('2022年预算收支总表（金额单位：元）')).toBe('2022年预算收支总表');
    expect(unitInHeader('金额（万元）')).toBe('万元');
    expect(unitInHeader('金额')).toBeUndefined();
  });
});
