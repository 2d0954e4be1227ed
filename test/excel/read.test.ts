// readWorkbook against the fake Excel: what the snapshot holds, and how many syncs it takes.
import { cellText, getCell } from '../../src/core/workbook/sheet';
import { readWorkbook, type ReadProgress, type ReadStats } from '../../src/excel/read';
import { FakeContext, FakeWorkbook, makeCell, type FakeCell } from './fake-excel';

const MB4 = 4 * 1024 * 1024;

/** A 支出 table starting at B2 (so the used range does not start at A1), and more. */
function budgetWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  const s = wb.addSheet(
    '支出总表',
    [
      ['2023年部门支出总表', null, null, null, null],
      ['单位：元', null, null, null, null],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', { value: 1500, numFmt: '#,##0.00' }, { value: 1000, numFmt: '#,##0.00' }, { value: 500, numFmt: '#,##0.00' }],
      ['201', '一般公共服务支出', { value: 1500, numFmt: '#,##0.00' }, { value: 1000, numFmt: '#,##0.00' }, { value: 500, numFmt: '#,##0.00' }],
      ['20103', { value: '政府办公厅（室）及相关机构事务', indent: 1 }, { value: 1500, numFmt: '#,##0.00' }, 1000, { value: 500, text: '####' }],
      ['2010301', { value: '行政运行', indent: 2 }, { value: 1000, numFmt: '#,##0.00' }, true, '#DIV/0!'],
    ],
    { row: 1, col: 1 },
  );
  s.merges = [
    { top: 1, left: 1, bottom: 1, right: 5 },
    { top: 2, left: 1, bottom: 2, right: 5 },
  ];
  s.hiddenRows.add(4);
  s.hiddenCols.add(4);
  s.protected = true;
  wb.addSheet('空表');
  const h = wb.addSheet('说明', [['内部说明']]);
  h.visibility = 'Hidden';
  const v = wb.addSheet('_config', [['x']]);
  v.visibility = 'VeryHidden';
  return wb;
}

test('a small workbook: cells, formats, merges, hidden rows/columns, visibility, in 3 syncs', async () => {
  const ctx = new FakeContext(budgetWorkbook());
  const stats: ReadStats = { syncs: 0, dataSyncs: 0, retries: 0, bytesPerCell: 0 };
  const snap = await readWorkbook(ctx.asExcel, { stats });
  expect(ctx.syncs).toBe(3);
  expect(stats).toMatchObject({ syncs: 3, dataSyncs: 1, retries: 0 });
  expect(snap.source).toBe('Excel');
  expect(snap.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
    ['支出总表', 'visible', true],
    ['空表', 'visible', false],
    ['说明', 'hidden', false],
    ['_config', 'veryHidden', false],
  ]);

  const s = snap.sheets[0];
  // Used range B2:F8 → counted from A1.
  expect([s.rowCount, s.colCount]).toEqual([8, 6]);
  expect(s.rows[0]).toBeUndefined();
  expect(getCell(s, 1, 1)).toEqual({ row: 1, col: 1, value: { kind: 'text', value: '2023年部门支出总表' } });
  expect(getCell(s, 1, 2)).toBeUndefined();
  // Codes stay text, General is no format, formatted numbers keep format and display text.
  expect(getCell(s, 5, 1)?.value).toEqual({ kind: 'text', value: '201' });
  expect(getCell(s, 4, 3)).toEqual({ row: 4, col: 3, value: { kind: 'number', value: 1500 }, numFmt: '#,##0.00', text: '1,500.00' });
  expect(getCell(s, 6, 4)).toEqual({ row: 6, col: 4, value: { kind: 'number', value: 1000 } });
  // "####" (column too narrow) is not a text to believe.
  expect(getCell(s, 6, 5)).toEqual({ row: 6, col: 5, value: { kind: 'number', value: 500 } });
  expect(cellText(getCell(s, 6, 5))).toBe('500');
  expect(getCell(s, 7, 4)?.value).toEqual({ kind: 'boolean', value: true });
  expect(getCell(s, 7, 5)?.value).toEqual({ kind: 'error', value: '#DIV/0!' });
  // Indent levels from getCellProperties.
  expect(getCell(s, 6, 2)?.indent).toBe(1);
  expect(getCell(s, 7, 2)?.indent).toBe(2);
  expect(getCell(s, 5, 2)?.indent).toBeUndefined();
  expect(s.merges).toEqual([
    { top: 1, left: 1, bottom: 1, right: 5 },
    { top: 2, left: 1, bottom: 2, right: 5 },
  ]);
  expect([...s.hiddenRows]).toEqual([4]);
  expect([...s.hiddenCols]).toEqual([4]);

  expect(snap.sheets[1]).toMatchObject({ rowCount: 0, colCount: 0, merges: [] });
  expect(snap.sheets[1].rows).toEqual([]);
  expect(getCell(snap.sheets[2], 0, 0)?.value).toEqual({ kind: 'text', value: '内部说明' });
});

test('more small sheets do not add syncs; progress reaches every sheet', async () => {
  const wb = new FakeWorkbook();
  for (let i = 0; i < 12; i++) wb.addSheet(`表${i + 1}`, [['科目名称', '金额'], ['合计', i]]);
  const ctx = new FakeContext(wb);
  const progress: ReadProgress[] = [];
  const snap = await readWorkbook(ctx.asExcel, { onProgress: (p) => progress.push(p) });
  expect(ctx.syncs).toBe(3);
  expect(snap.sheets).toHaveLength(12);
  expect(getCell(snap.sheets[11], 1, 1)?.value).toEqual({ kind: 'number', value: 11 });
  expect(progress[0]).toEqual({ done: 0, total: 12 });
  expect(progress[progress.length - 1]).toMatchObject({ done: 12, total: 12 });
});

test('on older hosts: without merges, indent levels and hidden rows, still 3 syncs', async () => {
  const ctx = new FakeContext(budgetWorkbook());
  const snap = await readWorkbook(ctx.asExcel, { merges: false, indent: false, hidden: false });
  expect(ctx.syncs).toBe(3);
  expect(ctx.ops.some((o) => /MergedAreas|getCellProperties|isNullObject/.test(o) && !o.startsWith('Range.isNullObject'))).toBe(false);
  const s = snap.sheets[0];
  expect(s.merges).toEqual([]);
  expect(s.hiddenRows.size).toBe(0);
  expect(getCell(s, 6, 2)?.indent).toBeUndefined();
  expect(getCell(s, 4, 3)?.value).toEqual({ kind: 'number', value: 1500 });
});

test('a workbook without values: 2 syncs', async () => {
  const wb = new FakeWorkbook();
  wb.addSheet('Sheet1');
  const ctx = new FakeContext(wb);
  const snap = await readWorkbook(ctx.asExcel);
  expect(ctx.syncs).toBe(2);
  expect(snap.sheets[0].rowCount).toBe(0);
});

// ----------------------------------------------------------------------------- big workbooks

const NAMES = ['一般公共服务支出', '政府办公厅（室）及相关机构事务', '行政运行', '一般行政管理事务', '机关服务'];

/** `rows` body rows of code, name and three amounts, made on the fly (not stored). */
function bigSheet(wb: FakeWorkbook, name: string, rows: number): void {
  const s = wb.addSheet(name);
  s.generator = {
    top: 0,
    left: 0,
    rows,
    cols: 5,
    cell(r, c): FakeCell | undefined {
      if (c === 0) return makeCell(String(2010101 + (r % 90)));
      if (c === 1) return makeCell({ value: NAMES[r % NAMES.length], indent: r % 3 });
      return makeCell({ value: 1000 + ((r * 7 + c) % 100000) / 100, numFmt: '#,##0.00' });
    },
  };
}

/** Data syncs the estimate plans: rows packed into 4 MB requests at 96 bytes a cell. */
function plannedDataSyncs(totalRows: number, cols: number): number {
  return Math.ceil((totalRows * cols * 96) / MB4);
}

test('100,000 rows: chunks under 4 MB, 2 + ⌈bytes / 4 MB⌉ syncs, the same for 1 sheet or 10', async () => {
  const one = new FakeWorkbook();
  bigSheet(one, '大表', 100_000);
  const ctx1 = new FakeContext(one);
  const stats1: ReadStats = { syncs: 0, dataSyncs: 0, retries: 0, bytesPerCell: 0 };
  const snap1 = await readWorkbook(ctx1.asExcel, { stats: stats1 });

  const chunks = plannedDataSyncs(100_000, 5);
  expect(chunks).toBe(12);
  expect(ctx1.syncs).toBe(2 + chunks);
  expect(stats1).toMatchObject({ syncs: 2 + chunks, dataSyncs: chunks, retries: 0 });
  const data1 = ctx1.syncLog.slice(2);
  for (const s of data1) {
    expect(s.failed).toBeUndefined();
    expect(s.responseBytes).toBeLessThan(MB4);
    expect(s.requestBytes).toBeLessThan(MB4);
  }
  // Chunks are really used: the replies add up to the whole sheet, each a good part of 4 MB.
  expect(Math.min(...data1.slice(0, -1).map((s) => s.responseBytes))).toBeGreaterThan(MB4 / 2);
  const big = snap1.sheets[0];
  expect(big.rowCount).toBe(100_000);
  expect(getCell(big, 99_999, 0)?.value).toEqual({ kind: 'text', value: String(2010101 + (99_999 % 90)) });
  expect(getCell(big, 54_321, 1)).toMatchObject({ value: { kind: 'text', value: NAMES[54_321 % 5] } });
  expect(getCell(big, 54_322, 3)?.numFmt).toBe('#,##0.00');
  expect(big.rows.filter(Boolean)).toHaveLength(100_000);

  const ten = new FakeWorkbook();
  for (let i = 0; i < 10; i++) bigSheet(ten, `表${i + 1}`, 10_000);
  const ctx10 = new FakeContext(ten);
  const snap10 = await readWorkbook(ctx10.asExcel);
  expect(ctx10.syncs).toBe(ctx1.syncs);
  for (const s of ctx10.syncLog.slice(2)) expect(s.responseBytes).toBeLessThan(MB4);
  expect(snap10.sheets.map((s) => s.rowCount)).toEqual(Array(10).fill(10_000));
  expect(snap10.sheets.every((s) => s.rows.filter(Boolean).length === 10_000)).toBe(true);
}, 120_000);

test('values coming back null: the chunk is halved and read again', async () => {
  const wb = new FakeWorkbook();
  bigSheet(wb, '大表', 30_000);
  // The host refuses any range over 20,000 cells (4,000 rows of 5); the plan asks for ~8,700 rows.
  const ctx = new FakeContext(wb, { refuseValuesOverCells: 20_000 });
  const stats: ReadStats = { syncs: 0, dataSyncs: 0, retries: 0, bytesPerCell: 0 };
  const snap = await readWorkbook(ctx.asExcel, { stats });
  expect(stats.retries).toBeGreaterThan(0);
  expect(snap.sheets[0].rows.filter(Boolean)).toHaveLength(30_000);
  expect(getCell(snap.sheets[0], 29_999, 4)?.value.kind).toBe('number');
  // Still a count driven by bytes: nothing like one sync per row or per sheet.
  expect(ctx.syncs).toBeLessThan(10);
}, 60_000);

test('a payload-limit error: the request is split and the estimate raised', async () => {
  const wb = new FakeWorkbook();
  bigSheet(wb, '大表', 20_000);
  // A host stricter than the plan: replies over 1 MB are refused.
  const ctx = new FakeContext(wb, { maxResponseBytes: 1024 * 1024 });
  const stats: ReadStats = { syncs: 0, dataSyncs: 0, retries: 0, bytesPerCell: 0 };
  const snap = await readWorkbook(ctx.asExcel, { stats });
  expect(ctx.syncLog.some((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
  expect(stats.retries).toBeGreaterThan(0);
  expect(stats.bytesPerCell).toBeGreaterThan(96);
  expect(snap.sheets[0].rows.filter(Boolean)).toHaveLength(20_000);
  for (const s of ctx.syncLog.filter((x) => !x.failed)) expect(s.responseBytes).toBeLessThanOrEqual(1024 * 1024);
}, 60_000);

test('other errors are not retried', async () => {
  const wb = budgetWorkbook();
  const ctx = new FakeContext(wb);
  const boom = Object.assign(new Error('GeneralException'), { code: 'GeneralException' });
  const sync = ctx.sync.bind(ctx);
  let n = 0;
  ctx.sync = async () => {
    if (++n === 3) throw boom;
    return sync();
  };
  await expect(readWorkbook(ctx.asExcel)).rejects.toBe(boom);
});

test('the review store rides in the first cell sync as values only, and does not raise the estimate for the tables', async () => {
  const wb = budgetWorkbook();
  const store = wb.addSheet('_suanpan_review');
  store.visibility = 'VeryHidden';
  // Three chunks of ~30,000 characters (what core writes for a big store), mostly CJK.
  for (let i = 0; i < 3; i++) store.set(i, 0, { value: `p${i}:${'审'.repeat(29_000)}${'x'.repeat(1000)};`, numFmt: '@' });
  const ctx = new FakeContext(wb);
  const stats: ReadStats = { syncs: 0, dataSyncs: 0, retries: 0, bytesPerCell: 0 };
  const snap = await readWorkbook(ctx.asExcel, { stats });
  expect(ctx.syncs).toBe(3);
  expect(stats.bytesPerCell).toBeLessThanOrEqual(96);
  const read = snap.sheets.find((s) => s.name === '_suanpan_review')!;
  expect(read.visibility).toBe('veryHidden');
  expect([0, 1, 2].map((r) => getCell(read, r, 0)?.value.kind)).toEqual(['text', 'text', 'text']);
  expect(String(getCell(read, 2, 0)?.value.value)).toMatch(/^p2:审{29000}x{1000};$/);
  // Values only: no types, formats, texts or indents asked for the store, no merges either.
  const storeLoads = ctx.ops.filter((o) => o.startsWith('Range.load(values'));
  expect(storeLoads).toContain('Range.load(values)');
  expect(ctx.ops.filter((o) => o.startsWith('Range.getCellProperties')).length).toBe(3); // 支出总表, 说明, _config
});
