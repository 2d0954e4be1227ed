// Sheet names for one sheet per form: Excel's 31-character limit, its forbidden characters, no
// apostrophe at either end, not "History", unique regardless of case.
import { formSheetNames } from '../../../src/core/forms/sheet-names';

test('names kept as they are where Excel allows them', () => {
  expect(formSheetNames(['政务大厅物业费', '“互联网+政务服务”平台技术服务费'])).toEqual(['政务大厅物业费', '“互联网+政务服务”平台技术服务费']);
});

test('forbidden characters become their full-width forms; apostrophes at the ends and control characters go', () => {
  expect(formSheetNames(['12345热线/维护:升级?', "'系统[一期]*'", '数据\\中心\t维保'])).toEqual(['12345热线／维护：升级？', '系统【一期】＊', '数据＼中心 维保']);
});

test('at most 31 characters, never a split surrogate pair', () => {
  const long = '某某市政务服务中心综合窗口劳务派遣人员经费及其他相关费用支出项目';
  const [name] = formSheetNames([long]);
  expect(long.length).toBeGreaterThan(31);
  expect(name).toBe(long.slice(0, 31));
  const [emoji] = formSheetNames(['😀'.repeat(20)]);
  expect(Array.from(emoji)).toHaveLength(15);
  expect(emoji.length).toBeLessThanOrEqual(31);
  expect(emoji).not.toMatch(/[\ud800-\udbff]$/);
});

test('duplicates (any case, and names already taken) numbered within the limit; empty and reserved names replaced', () => {
  const long = '某'.repeat(40);
  const names = formSheetNames(['保洁服务费', '保洁服务费', 'Audit', 'AUDIT', long, long, '', 'History', '说明'], ['说明']);
  expect(names).toEqual(['保洁服务费', '保洁服务费（2）', 'Audit', 'AUDIT（2）', '某'.repeat(31), `${'某'.repeat(28)}（2）`, '绩效目标表7', '绩效目标表8', '说明（2）']);
  for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
});
