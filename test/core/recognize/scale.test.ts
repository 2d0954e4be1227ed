// A very long table: recognition must stay linear (no timing assert; a quadratic scan would take
// minutes here and hit the test timeout).
import type { CellInput } from '../../../src/core/workbook/sheet';
import { a1, recognize, sheet } from './fixtures';

const N = 100_000;

function bigRows(): CellInput[][] {
  const rows: CellInput[][] = [['2022年预算支出总表'], ['单位：元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
  for (let i = 0; i < N; i++) {
    const k = i % 3;
    const code = k === 0 ? String(201 + (i % 700)) : k === 1 ? `${201 + (i % 700)}01` : `${201 + (i % 700)}0101`;
    rows.push([code, `科目${i}`, 300 + i, 200 + i, 100]);
  }
  rows.push([null, '合计', 1, 1, 1]);
  return rows;
}

test('a 100,000-row table on one sheet', () => {
  const rec = recognize(sheet('大表', bigRows()));
  expect(rec.tables).toHaveLength(1);
  const t = rec.tables[0];
  expect(t.kind).toBe('expenditure');
  expect(t.rows).toHaveLength(N + 1);
  expect(a1(t.range)).toBe(`A1:E${N + 4}`);
  expect(t.rows[N].isTotal).toBe(true);
  expect(t.rows[2].parent).toBe(1);
  expect(rec.unrecognized).toEqual([]);
});

test('a 100,000-row table with its header repeated every 50 rows (page breaks)', () => {
  const header = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
  const rows: CellInput[][] = [['2022年预算支出总表'], ['单位：元'], header];
  for (let i = 0; i < N; i++) {
    if (i % 50 === 49) rows.push([], header);
    rows.push([String(201 + (i % 700)), `科目${i}`, 1, 1, null]);
  }
  const rec = recognize(sheet('大表', rows));
  expect(rec.tables).toHaveLength(1);
  expect(rec.tables[0].rows).toHaveLength(N);
  expect(rec.unrecognized).toEqual([]);
});

test('100,000 rows of form-like and stray lines (forms and stray-number scans stay linear)', () => {
  const rows: CellInput[][] = [];
  for (let i = 0; i < N / 10; i++) {
    rows.push([`项目名称`, `项目${i}`]);
    rows.push(['主管部门', '某局']);
    for (let j = 0; j < 8; j++) rows.push(['指标', j, j + 1]);
  }
  const rec = recognize(sheet('绩效', rows));
  expect(rec.forms).toHaveLength(N / 10);
  expect(rec.unrecognized).toEqual([]);
});
