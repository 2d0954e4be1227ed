// previewFix / applyFix / undoFix against the fake Excel.
import type { Finding } from '../../src/core/findings';
import { clearAnnotations } from '../../src/excel/clear';
import { FixConflictError, applyFix, excelText, previewFix, undoFix } from '../../src/excel/fix';
import { paintFindings } from '../../src/excel/paint';
import { STATE_KEY } from '../../src/excel/state';
import { FakeContext, FakeWorkbook } from './fake-excel';

const CAPS = { notes: true, comments: true, undoGroup: false };

/** 表5 with codes one row too high: A4..A7 hold the codes of rows 5..8. */
function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet('表5', [
    ['一般公共预算基本支出表'],
    ['单位：万元'],
    ['科目编码', '科目名称', '金额'],
    ['30101', '工资福利支出', 100],
    [{ value: 30102 }, '基本工资', 60],
    [{ value: '30103', numFmt: '@' }, '津贴补贴', 30],
    [{ value: '30107', formula: '="30107"' }, '奖金', 10],
    [null, '绩效工资', 0],
  ]);
  return wb;
}

const MISALIGNED: Finding = {
  rule: 'misaligned',
  severity: 'error',
  sheet: '表5',
  cell: 'A4',
  range: 'A4:A8',
  table: 't5',
  message: { zh: '科目编码与名称错位', en: 'codes are shifted against their names' },
  related: [],
  details: {
    offset: 1,
    corrected: [
      { cell: 'A4', name: '工资福利支出', from: '30101', to: '301' },
      { cell: 'A5', name: '基本工资', from: '30102', to: '30101' },
      { cell: 'A6', name: '津贴补贴', from: '30103', to: '30102' },
      { cell: 'A7', name: '奖金', from: '30107', to: '30103' },
      { cell: 'A8', name: '绩效工资', from: '', to: null },
    ],
  },
};

const snapshot = (wb: FakeWorkbook) =>
  ['A4', 'A5', 'A6', 'A7', 'A8'].map((a) => {
    const c = wb.cell('表5', a);
    return c ? { value: c.value, type: c.type, numFmt: c.numFmt, formula: c.formula } : null;
  });

test('previewFix lists what a fix writes and what it cannot correct', () => {
  expect(previewFix(MISALIGNED)).toEqual({
    sheet: '表5',
    cells: [
      { cell: 'A4', name: '工资福利支出', from: '30101', to: '301' },
      { cell: 'A5', name: '基本工资', from: '30102', to: '30101' },
      { cell: 'A6', name: '津贴补贴', from: '30103', to: '30102' },
      { cell: 'A7', name: '奖金', from: '30107', to: '30103' },
    ],
    skipped: [{ cell: 'A8', name: '绩效工资', from: '' }],
  });
  expect(() => previewFix({ ...MISALIGNED, rule: 'subtotal' })).toThrow(/no fix/);
});

test('a renumbered finding has the same fix as a misaligned one', () => {
  const renumbered: Finding = {
    ...MISALIGNED,
    rule: 'renumbered',
    details: { corrected: [{ cell: 'a7', name: '奖金', from: '30104', to: '30107' }] },
  };
  expect(previewFix(renumbered)).toEqual({ sheet: '表5', cells: [{ cell: 'A7', name: '奖金', from: '30104', to: '30107' }], skipped: [] });
});

test('applyFix writes the codes as the cells held them, keeps formats, records the old values (2 syncs)', async () => {
  const wb = workbook();
  const ctx = new FakeContext(wb);
  const applied = await applyFix(ctx.asExcel, MISALIGNED, { id: 'fix-1' });
  expect(applied).toEqual({ id: 'fix-1', cells: 4, syncs: 2 });
  expect(ctx.syncs).toBe(2);
  expect(snapshot(wb)).toEqual([
    // Text in a General cell stays text (Excel's quote prefix), not the number 301.
    { value: '301', type: 'String', numFmt: 'General', formula: undefined },
    // A number cell gets a number.
    { value: 30101, type: 'Double', numFmt: 'General', formula: undefined },
    // A Text-formatted cell takes the text as it is.
    { value: '30102', type: 'String', numFmt: '@', formula: undefined },
    // The formula is replaced by the code.
    { value: '30103', type: 'String', numFmt: 'General', formula: undefined },
    null,
  ]);
  const record = JSON.parse(String(wb.settings.get(`${STATE_KEY}.0`)));
  expect(record.fixes).toEqual([
    expect.objectContaining({
      id: 'fix-1',
      sheet: '表5',
      finding: 'A4:A8',
      cells: [
        { cell: 'A4', before: { value: '30101' }, wrote: '301' },
        { cell: 'A5', before: { value: 30102 }, wrote: 30101 },
        { cell: 'A6', before: { value: '30103' }, wrote: '30102' },
        { cell: 'A7', before: { value: '30107', formula: '="30107"' }, wrote: '30103' },
      ],
    }),
  ]);
});

test('undoFix after reopening restores values and formulas exactly, and drops the record (3 syncs)', async () => {
  const wb = workbook();
  const before = snapshot(wb);
  await applyFix(new FakeContext(wb).asExcel, MISALIGNED, { id: 'fix-1' });
  const reopened = wb.clone();
  const ctx = new FakeContext(reopened);
  const r = await undoFix(ctx.asExcel, 'fix-1');
  expect(r).toEqual({ restored: 4, skipped: [], syncs: 3 });
  expect(ctx.syncs).toBe(3);
  expect(snapshot(reopened)).toEqual(before);
  expect(reopened.settings.size).toBe(0);
  await expect(undoFix(new FakeContext(reopened).asExcel, 'fix-1')).rejects.toThrow(/no applied fix/);
});

test('a cell changed since the check: nothing is written', async () => {
  const wb = workbook();
  wb.sheet('表5').set(4, 0, '39999'); // A5 edited after the scan
  const before = snapshot(wb);
  const ctx = new FakeContext(wb);
  const err = await applyFix(ctx.asExcel, MISALIGNED).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FixConflictError);
  expect((err as FixConflictError).cells).toEqual([{ cell: 'A5', expected: '30102', found: '39999' }]);
  expect(ctx.syncs).toBe(1);
  expect(snapshot(wb)).toEqual(before);
  expect(wb.settings.size).toBe(0);
});

test('undo leaves a cell the user changed after the fix', async () => {
  const wb = workbook();
  await applyFix(new FakeContext(wb).asExcel, MISALIGNED, { id: 'fix-1' });
  wb.sheet('表5').set(3, 0, '301XX');
  const r = await undoFix(new FakeContext(wb).asExcel, 'fix-1');
  expect(r).toMatchObject({ restored: 3, skipped: ['A4'] });
  expect(wb.cell('表5', 'A4')?.value).toBe('301XX');
  expect(wb.cell('表5', 'A5')?.value).toBe(30102);
});

test('paint and fix records live side by side: clear keeps the fix, undo keeps the paint', async () => {
  const wb = workbook();
  await paintFindings(new FakeContext(wb).asExcel, [MISALIGNED], 'zh-CN', { capabilities: CAPS });
  await applyFix(new FakeContext(wb).asExcel, MISALIGNED, { id: 'fix-1' });
  await clearAnnotations(new FakeContext(wb).asExcel, { capabilities: CAPS });
  expect(wb.cell('表5', 'A4')?.fill).toBeNull();
  expect(wb.sheet('表5').notes.size).toBe(0);
  expect(wb.settings.size).toBeGreaterThan(0); // the fix is still recorded
  await undoFix(new FakeContext(wb).asExcel, 'fix-1');
  expect(wb.cell('表5', 'A4')?.value).toBe('30101');
  expect(wb.settings.size).toBe(0);
});

test('excelText adds the quote prefix only where Excel would read something else', () => {
  expect(excelText('2010101', 'General')).toBe("'2010101");
  expect(excelText('2010101', '@')).toBe('2010101');
  expect(excelText('一般公共服务支出', 'General')).toBe('一般公共服务支出');
  expect(excelText('=SUM(A1)', 'General')).toBe("'=SUM(A1)");
  expect(excelText('2023-01-05', 'General')).toBe("'2023-01-05");
  expect(excelText('TRUE', 'General')).toBe("'TRUE");
  expect(excelText('201 一般公共服务', 'General')).toBe('201 一般公共服务');
});
