// Blocks recognition cannot place are reported, never guessed at.
import { a1, recognize, sheet } from './fixtures';

describe('unrecognized blocks', () => {
  test('numbers under a header no spec knows', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['月份', '用电量', '用水量', '备注'],
        ['1月', 1200, 30, null],
        ['2月', 1100, 28, null],
        ['3月', 1300, 35, null],
      ]),
    );
    expect(rec.tables).toEqual([]);
    expect(rec.unrecognized).toHaveLength(1);
    const u = rec.unrecognized[0];
    expect(a1(u.range)).toBe('A1:D4');
    expect(u.firstText).toMatch(/^月份/);
  });

  test('a header of known words whose kind neither title nor columns tell', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['项目', '金额'],
        ['甲', 1],
        ['乙', 2],
      ]),
    );
    expect(rec.tables).toEqual([]);
    expect(rec.unrecognized.map((u) => [a1(u.range), u.reason])).toEqual([['A1:B3', expect.stringMatching(/neither title nor columns/)]]);
  });

  test('a block of numbers with no header at all, below a recognized table', () => {
    const rec = recognize(
      sheet('Sheet1', [
        ['2022年机关运行经费预算表'],
        ['单位名称', '预算数'],
        ['某局', 10],
        ['合计', 10],
        [],
        [],
        [],
        [null, 'x', 1, 2, 3],
        [null, 'y', 4, 5, 6],
      ]),
    );
    expect(rec.tables.map((t) => a1(t.range))).toEqual(['A1:B4']);
    expect(rec.unrecognized.map((u) => a1(u.range))).toEqual(['B8:E9']);
  });

  test('the total row of a table is inside its range, never a stray block', () => {
    const rec = recognize(
      sheet('表1', [
        ['2022年预算收支总表'],
        ['收入', null, '支出', null],
        ['项目', '2022年', '项目', '2022年'],
        ['一、一般公共预算', 6442.05, '一般公共服务支出', 3149.98],
        [null, null, '其他支出', 3292.07],
        [],
        ['本年收入合计', 6442.05, '本年支出合计', 6442.05],
      ]),
    );
    expect(rec.tables.map((t) => a1(t.range))).toEqual(['A1:D7']);
    expect(rec.unrecognized).toEqual([]);
  });
});
