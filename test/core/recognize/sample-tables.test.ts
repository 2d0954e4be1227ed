// The ten tables of the sample (assets/samples/source/tables/t01..t10.tsv), one per sheet, pasted
// the way Excel pastes them (codes become numbers, `'` keeps text).
import { a1, outline, pastedSheet, recognize, roles, SAMPLE_KINDS, tableLines } from './fixtures';

const EXPECTED: { range: string; roles: Record<string, string>; rows: number }[] = [
  { range: 'A1:D35', roles: { A: 'income-item', B: 'income-amount', C: 'expense-item', D: 'expense-amount' }, rows: 35 },
  {
    range: 'A1:G27',
    roles: { A: 'code', B: 'name', C: 'total', D: 'general-budget', E: 'fund', F: 'special-account', G: 'unit-funds' },
    rows: 22,
  },
  { range: 'A1:E27', roles: { A: 'code', B: 'name', C: 'total', D: 'basic', E: 'project' }, rows: 22 },
  {
    range: 'A1:F37',
    roles: { A: 'income-item', B: 'income-amount', C: 'expense-item', D: 'expense-amount', E: 'general-budget', F: 'fund' },
    rows: 34,
  },
  { range: 'A1:E27', roles: { A: 'code', B: 'name', C: 'total', D: 'basic', E: 'project' }, rows: 22 },
  { range: 'B2:D42', roles: { B: 'name', C: 'amount', D: 'note' }, rows: 37 },
  { range: 'A1:C6', roles: { A: 'code', B: 'name', C: 'amount' }, rows: 0 },
  { range: 'A1:E6', roles: { A: 'code', B: 'name', C: 'total', D: 'basic', E: 'project' }, rows: 0 },
  { range: 'A1:B10', roles: { A: 'name', B: 'amount' }, rows: 6 },
  { range: 'A1:B7', roles: { A: 'name', B: 'amount' }, rows: 3 },
];

function sampleWorkbook() {
  return recognize(
    ...SAMPLE_KINDS.map((_, i) => pastedSheet(`表${i + 1}`, tableLines(i + 1), i === 5 ? { row: 1, col: 1 } : undefined)),
  );
}

describe('the ten sample tables, one per sheet', () => {
  const rec = sampleWorkbook();

  test('ten tables, t1..t10, each on its own sheet, nothing unrecognized', () => {
    expect(rec.tables.map((t) => t.id)).toEqual(SAMPLE_KINDS.map((_, i) => `t${i + 1}`));
    expect(rec.tables.map((t) => t.sheet)).toEqual(SAMPLE_KINDS.map((_, i) => `表${i + 1}`));
    expect(rec.unrecognized).toEqual([]);
    expect(rec.forms).toEqual([]);
  });

  test.each(SAMPLE_KINDS.map((k, i) => [i + 1, k] as const))('表%i is %s with the right range, unit and columns', (no, kind) => {
    const t = rec.tables[no - 1];
    const want = EXPECTED[no - 1];
    expect(t.kind).toBe(kind);
    expect(a1(t.range)).toBe(want.range);
    expect(t.unit).toBe('万元');
    expect(t.unitFrom).toBe('unit-line');
    expect(roles(t)).toEqual(want.roles);
    expect(t.year ?? 2022).toBe(2022);
    // two-sided tables count one row per filled side
    expect(t.rows.length).toBe(want.rows);
  });

  test('the total row of table 1 belongs to the table (not a stray block)', () => {
    const t1 = rec.tables[0];
    expect(t1.range.bottom).toBe(34);
    const totals = t1.rows.filter((r) => r.isTotal);
    expect(totals.map((r) => [r.side, r.name, r.row])).toEqual([
      ['income', '本年收入合计', 34],
      ['expense', '本年支出合计', 34],
    ]);
  });

  test('table 2: pasted codes are numbers, still read as codes with their hierarchy', () => {
    const t2 = rec.tables[1];
    expect(outline(t2).slice(0, 8)).toEqual([
      '|合计||-|total',
      '201|一般公共服务支出|1|-',
      '20103|政府办公厅（室）及相关机构事务|2|201',
      '2010301|行政运行|3|20103',
      '2010302|一般行政管理事务|3|20103',
      '2010350|事业运行|3|20103',
      '208|社会保障和就业支出|1|-',
      '20805|行政事业单位养老支出|2|208',
    ]);
    expect(t2.rows.every((r) => r.isTotal || r.levelFrom === 'code')).toBe(true);
  });

  test('table 6: economic classes from their names, items below them', () => {
    const t6 = rec.tables[5];
    const classes = t6.rows.filter((r) => r.level === 1).map((r) => r.name);
    expect(classes).toEqual(['工资福利支出', '商品和服务支出', '对个人和家庭的补助', '资本性支出']);
    const basicWage = t6.rows.find((r) => r.name === '基本工资')!;
    expect(t6.rows[basicWage.parent!].name).toBe('工资福利支出');
    expect(t6.rows[0]).toMatchObject({ name: '合计', isTotal: true });
  });

  test('tables 7 and 8: empty with a note', () => {
    for (const t of rec.tables.slice(6, 8)) {
      expect(t.rows).toEqual([]);
      expect(t.notes).toHaveLength(1);
      expect(t.notes[0].text).toMatch(/^注：2022 年我部门没有政府性基金预算(收入|支出)$/);
    }
  });

  test('table 9: the two car items hang under 公务用车购置及运行费', () => {
    const t9 = rec.tables[8];
    expect(outline(t9)).toEqual([
      '|因公出国（境）费|1|-',
      '|公务接待费|1|-',
      '|公务用车购置及运行费|1|-',
      '|①公务用车购置费|2|公务用车购置及运行费',
      '|②公务用车运行维护费|2|公务用车购置及运行费',
      '|合计||-|total',
    ]);
  });
});
