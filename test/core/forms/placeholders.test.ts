// Template placeholders (【待填】, 【待定】, （待填）, 待补充, XX/xx/××, ***, …) are reported as
// form-placeholder wherever they sit in a form's value cells; ordinary words that merely contain
// the same letters (Exxon, xxHash) or a 待 in a sentence are not.
import { findPlaceholders, parseIndicatorValue } from '../../../src/core/forms/values';
import { PLACEHOLDER_PATTERNS, PLACEHOLDERS, PROSE_PLACEHOLDERS } from '../../../src/core/forms/vocabulary';
import { TODO_VALUE } from '../../../src/core/forms/library';
import { brief, check, formRows, withValue, type Rows } from './helpers';

describe('the patterns are data', () => {
  test('one table, every entry named, the value and prose lists derived from it', () => {
    expect(PLACEHOLDER_PATTERNS.length).toBeGreaterThanOrEqual(8);
    for (const p of PLACEHOLDER_PATTERNS) expect(p.name).not.toBe('');
    expect(PLACEHOLDERS).toHaveLength(PLACEHOLDER_PATTERNS.length);
    expect(PROSE_PLACEHOLDERS.length).toBeLessThanOrEqual(PLACEHOLDERS.length);
  });
});

describe('in an indicator value', () => {
  test.each([
    ['【待填】', ['【待填】']],
    ['【待定】', ['【待定】']],
    ['【 待 填 】', ['【 待 填 】']],
    ['[待填]', ['[待填]']],
    ['【请填写】', ['【请填写】']],
    ['（待填）', ['（待填）']],
    ['(待定)', ['(待定)']],
    ['待补充', ['待补充']],
    ['待定', ['待定']],
    ['XX', ['XX']],
    ['xx', ['xx']],
    ['ＸＸ', ['ＸＸ']],
    ['××', ['××']],
    ['***', ['***']],
    ['…', ['…']],
    ['……', ['……']],
    ['...', ['...']],
    ['____', ['____']],
  ])('%s alone is a placeholder', (text, found) => {
    expect(parseIndicatorValue(text)).toMatchObject({ kind: 'placeholder', placeholders: found });
  });

  test('inside a value: the marker and the figure it stands for', () => {
    expect(parseIndicatorValue(`${TODO_VALUE}个`).placeholders).toEqual(['【待填】', 'XX']);
    expect(parseIndicatorValue('≥xx%').placeholders).toEqual(['xx%']);
    expect(parseIndicatorValue('≥××人')).toMatchObject({ placeholders: ['××'] });
    expect(parseIndicatorValue('≤***元/年')).toMatchObject({ placeholders: ['***'] });
    expect(parseIndicatorValue('≥95%（待定）')).toMatchObject({ kind: 'quantity', placeholders: ['（待定）'] });
  });

  test.each([
    'Exxon加油卡',
    'xxHash校验',
    'Linux服务器',
    'MAXX系列终端',
    '待验收合格后支付',
    '有待补充完善',
    '≥95%',
    '2023年1月-2023年12月',
    '1×2米',
    '*重点项目',
  ])('%s holds none', (text) => {
    expect(parseIndicatorValue(text).placeholders).toEqual([]);
  });
});

describe('in prose', () => {
  test('marks are found, 等…… closing a list and words around a 待 are not', () => {
    expect(findPlaceholders('完成【待定】项任务', PROSE_PLACEHOLDERS).found).toEqual(['【待定】']);
    expect(findPlaceholders('服务内容待补充。', PROSE_PLACEHOLDERS).found).toEqual(['待补充']);
    expect(findPlaceholders('一是……；二是……', PROSE_PLACEHOLDERS).found).toEqual(['……', '……']);
    expect(findPlaceholders('包括保洁、绿化、安保等……', PROSE_PLACEHOLDERS).found).toEqual([]);
    expect(findPlaceholders('待验收合格后支付尾款，相关制度有待补充完善。', PROSE_PLACEHOLDERS).found).toEqual([]);
    expect(findPlaceholders('采购Exxon与Maxxis品牌耗材', PROSE_PLACEHOLDERS).found).toEqual([]);
  });
});

describe('form-placeholder in invented forms', () => {
  const withTexts = (rows: Rows, patch: Record<string, string>): Rows => rows.map((r) => (typeof r[0] === 'string' && r[0] in patch ? [r[0], patch[r[0]]] : r));

  test('a to-do in a value, in a text block and in a funds cell: each reported at its cell', () => {
    const rows = formRows({ indicators: withValue('保洁人员数量', '【待填】人'), goal: '完成（待填）项保洁任务。' });
    rows[4] = [...rows[4].slice(0, 4), '【待填】'];
    const fs = check(withTexts(rows, { 项目实施计划: '待补充' })).filter((f) => f.rule === 'form-placeholder');
    expect(brief(fs)).toEqual(['form-placeholder@B15:warning', 'form-placeholder@B17:warning', 'form-placeholder@E19:warning', 'form-placeholder@E5:warning']);
    expect(fs.find((f) => f.cell === 'E19')?.message.zh).toContain('留有模板占位符 【待填】');
  });

  test('the same form with ordinary words in those places: nothing reported', () => {
    const rows = formRows({ indicators: withValue('保洁人员数量', '10人'), goal: '待验收合格后按合同支付，全年保障大厅整洁。' });
    const fs = check(withTexts(rows, { 项目实施计划: '采购Exxon清洁剂等……，相关制度有待补充完善。' }));
    expect(fs.filter((f) => f.rule === 'form-placeholder')).toEqual([]);
  });
});
