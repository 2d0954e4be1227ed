// Address helpers and the restore record's storage.
import { compactAreas, parseArea, parseAreas, rangeUnions, splitAreas, splitQualified, unionAddresses } from '../../src/excel/a1';
import { STATE_KEY, queueStateRead, queueStateWrite, type AnnotatedCell, type SuanpanState } from '../../src/excel/state';
import { FakeContext, FakeWorkbook } from './fake-excel';

test('area lists from Excel: quoted sheet names with commas, whole rows and columns', () => {
  expect(splitAreas("'收支, 总表'!A1:B2,'收支, 总表'!D4, Sheet1!C3")).toEqual(["'收支, 总表'!A1:B2", "'收支, 总表'!D4", 'Sheet1!C3']);
  expect(splitQualified("'It''s'!$A$1:$B$2")).toEqual({ sheet: "It's", local: 'A1:B2' });
  expect(parseArea('Sheet1!B2:A1')).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
  expect(parseArea('C:E')).toEqual({ top: 0, left: 2, bottom: 1_048_575, right: 4 });
  expect(parseArea('3:5')).toEqual({ top: 2, left: 0, bottom: 4, right: 16_383 });
  expect(parseAreas(null)).toEqual([]);
});

test('cells become vertical runs, and unions stay under the length limit', () => {
  const cells = [
    { row: 4, col: 2 },
    { row: 5, col: 2 },
    { row: 6, col: 2 },
    { row: 9, col: 2 },
    { row: 0, col: 0 },
  ];
  expect(compactAreas(cells)).toEqual(['A1', 'C5:C7', 'C10']);
  expect(unionAddresses(['A1', 'C5:C7', 'C10'], 9)).toEqual(['A1,C5:C7', 'C10']);
  expect(unionAddresses(['A1', 'C5:C7'], 0)).toEqual(['A1', 'C5:C7']);
  const many = Array.from({ length: 500 }, (_, i) => `B${1 + i * 2}`);
  const unions = rangeUnions(many);
  expect(unions.every((u) => u.length <= 255)).toBe(true);
  expect(unions.join(',').split(',')).toHaveLength(500);
});

test('a big record is split over several settings and read back whole; an empty one removes them', async () => {
  const wb = new FakeWorkbook();
  wb.settings.set('ui.language', 'en'); // another setting of the add-in is left alone
  const rec = (i: number): AnnotatedCell => ({
    sheet: '表1',
    cell: `A${i + 1}`,
    severity: 'error',
    prior: { fill: null, fontColor: '#000000', note: '原有批注'.repeat(20) },
    fill: '#FFC7CE',
    fontColor: '#9C0006',
    via: 'note',
    textHash: '1:00000000',
  });
  const state: SuanpanState = { version: 1, annotations: Array.from({ length: 3000 }, (_, i) => rec(i)), fixes: [] };
  let ctx = new FakeContext(wb);
  queueStateWrite(ctx.asExcel, state, []);
  await ctx.sync();
  const head = wb.settings.get(STATE_KEY) as { chunks: number };
  expect(head.chunks).toBeGreaterThan(1);

  ctx = new FakeContext(wb);
  const handle = queueStateRead(ctx.asExcel);
  await ctx.sync();
  expect(handle.read()).toEqual(state);
  expect(handle.keys()).toHaveLength(head.chunks + 1);

  queueStateWrite(ctx.asExcel, { version: 1, annotations: [], fixes: [] }, handle.keys());
  await ctx.sync();
  expect([...wb.settings.keys()]).toEqual(['ui.language']);
});

test('a torn or foreign record reads as no record', async () => {
  const wb = new FakeWorkbook();
  wb.settings.set(STATE_KEY, { version: 1, chunks: 2 });
  wb.settings.set(`${STATE_KEY}.0`, '{"annotations":[');
  const ctx = new FakeContext(wb);
  const handle = queueStateRead(ctx.asExcel);
  await ctx.sync();
  expect(handle.read()).toEqual({ version: 1, annotations: [], fixes: [] });
});
