// paintFindings and clearAnnotations against the fake Excel: what is painted, what is recorded in
// the workbook, what clear puts back, and the sync counts.
import { OfficeMockObject } from 'office-addin-mock';
import type { Finding, Severity } from '../../src/core/findings';
import { clearAnnotations } from '../../src/excel/clear';
import { detectCapabilities, type Capabilities } from '../../src/excel/limits';
import { NOTE_SEPARATOR, channelFor, paintFindings } from '../../src/excel/paint';
import { STATE_KEY } from '../../src/excel/state';
import { DEFAULT_FONT, FakeContext, FakeWorkbook, dumpWorkbook } from './fake-excel';

const NOTES: Capabilities = { notes: true, comments: true, undoGroup: false };
const COMMENTS: Capabilities = { notes: false, comments: true, undoGroup: false };

function finding(severity: Severity, sheet: string, cell: string, zh: string, en = zh): Finding {
  return { rule: 'subtotal', severity, sheet, cell, range: cell, message: { zh, en }, related: [] };
}

/** A sheet with plain cells, one with the user's own fill, font colour and note. */
function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet('支出总表', [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['201', '一般公共服务支出', 1500, 1000, 500],
    ['20103', '政府办公厅（室）及相关机构事务', 1600, 1000, 600],
    ['2010301', '行政运行', 1000, { value: 1000, fill: '#00B050', font: '#0000FF' }, null],
  ]);
  wb.sheet('支出总表').notes.set('D4', '李四已核对');
  wb.addSheet('收支总表', [['项目', '金额'], ['合计', 99]]);
  return wb;
}

const FINDINGS: Finding[] = [
  finding('error', '支出总表', 'C3', '小计不符：1600 ≠ 1000', 'subtotal differs: 1600 ≠ 1000'),
  finding('warning', '支出总表', 'C3', '舍入差 0.01'),
  finding('error', '支出总表', 'D4', '基本支出不符'),
  finding('warning', '支出总表', 'E3', '项目支出可疑'),
  finding('info', '支出总表', 'B2', '仅供参考'),
  finding('warning', '收支总表', 'B2', '合计可疑'),
];

const visibleState = dumpWorkbook;

describe('notes (ExcelApi 1.18)', () => {
  test('paints errors and warnings in 2 syncs, one RangeAreas call per sheet and severity', async () => {
    const wb = workbook();
    const ctx = new FakeContext(wb);
    const r = await paintFindings(ctx.asExcel, FINDINGS, 'zh-CN', { capabilities: NOTES });
    expect(ctx.syncs).toBe(2);
    expect(r).toMatchObject({ cells: 4, errors: 2, warnings: 2, channel: 'note', messages: 4, skippedMessages: 0, restored: 0, syncs: 2 });

    expect(wb.cell('支出总表', 'C3')).toMatchObject({ fill: { color: '#FFC7CE', pattern: 'Solid' }, font: '#9C0006' });
    expect(wb.cell('支出总表', 'D4')).toMatchObject({ fill: { color: '#FFC7CE' }, font: '#9C0006', value: 1000 });
    expect(wb.cell('支出总表', 'E3')).toMatchObject({ fill: { color: '#FFEB9C' }, font: '#9C5700' });
    expect(wb.cell('收支总表', 'B2')).toMatchObject({ fill: { color: '#FFEB9C' }, font: '#9C5700' });
    expect(wb.cell('支出总表', 'B2')?.fill).toBeNull(); // info is not painted

    const notes = wb.sheet('支出总表').notes;
    expect(notes.get('C3')).toBe('算盘 Suanpan\n[错误] 小计不符：1600 ≠ 1000\n[警告] 舍入差 0.01');
    expect(notes.get('E3')).toBe('算盘 Suanpan\n[警告] 项目支出可疑');
    // The user's own note is kept, Suanpan's text after it.
    expect(notes.get('D4')).toBe(`李四已核对${NOTE_SEPARATOR}算盘 Suanpan\n[错误] 基本支出不符`);
    expect(wb.sheet('收支总表').notes.get('B2')).toBe('算盘 Suanpan\n[警告] 合计可疑');

    // Fills and fonts: RangeAreas, one per (sheet, severity) — never a per-cell format write.
    const ops = ctx.ops;
    expect(ops.filter((o) => o === 'RangeAreas.format.fill.color=')).toHaveLength(3);
    expect(ops.filter((o) => o === 'RangeAreas.format.font.color=')).toHaveLength(3);
    expect(ops.some((o) => /^Range\.format\.(fill|font)\.color=/.test(o))).toBe(false);

    // The record lives in the workbook.
    expect(wb.settings.get(STATE_KEY)).toEqual({ version: 1, chunks: 1 });
    const record = JSON.parse(String(wb.settings.get(`${STATE_KEY}.0`)));
    expect(record.annotations).toHaveLength(4);
    expect(record.annotations.find((a: { cell: string }) => a.cell === 'D4').prior).toEqual({
      fill: { color: '#00B050', pattern: 'Solid', patternColor: null },
      fontColor: '#0000FF',
      note: '李四已核对',
    });
  });

  test('English notes', async () => {
    const wb = workbook();
    await paintFindings(new FakeContext(wb).asExcel, FINDINGS.slice(0, 2), 'en', { capabilities: NOTES });
    expect(wb.sheet('支出总表').notes.get('C3')).toBe('算盘 Suanpan\n[Error] subtotal differs: 1600 ≠ 1000\n[Warning] 舍入差 0.01');
  });

  test('clear, after the workbook was closed and reopened, restores everything exactly, in 3 syncs', async () => {
    const wb = workbook();
    const before = visibleState(wb);
    await paintFindings(new FakeContext(wb).asExcel, FINDINGS, 'zh-CN', { capabilities: NOTES });
    expect(visibleState(wb)).not.toEqual(before);

    // "Reopen": a copy of the file, a new context, nothing kept in memory.
    const reopened = wb.clone();
    const ctx = new FakeContext(reopened);
    const r = await clearAnnotations(ctx.asExcel, { capabilities: NOTES });
    expect(ctx.syncs).toBe(3);
    expect(r).toMatchObject({ cells: 4, fills: 4, fonts: 4, notes: 4, comments: 0 });
    expect(visibleState(reopened)).toEqual(before);
    // In particular: no fill is fill.clear(), the user's fill, font and note are back.
    expect(reopened.cell('支出总表', 'C3')).toMatchObject({ fill: null, font: DEFAULT_FONT });
    expect(reopened.cell('支出总表', 'D4')).toMatchObject({ fill: { color: '#00B050' }, font: '#0000FF' });
    expect(reopened.sheet('支出总表').notes.get('D4')).toBe('李四已核对');
    expect(reopened.sheet('支出总表').notes.has('C3')).toBe(false);
    expect(reopened.settings.size).toBe(0);
    expect(ctx.ops).toContain('RangeAreas.format.fill.clear()');

    // Clearing again finds no record: 1 sync, nothing touched.
    const again = new FakeContext(reopened);
    expect(await clearAnnotations(again.asExcel, { capabilities: NOTES })).toMatchObject({ cells: 0, syncs: 1 });
    expect(visibleState(reopened)).toEqual(before);
  });

  test('what the user changed after the paint stays as the user made it', async () => {
    const wb = workbook();
    await paintFindings(new FakeContext(wb).asExcel, FINDINGS, 'zh-CN', { capabilities: NOTES });
    const s = wb.sheet('支出总表');
    s.mutable(2, 2).fill = { color: '#92D050', pattern: 'Solid', patternColor: null }; // C3 recoloured by the user
    s.notes.set('E3', '我的批注'); // the note text replaced by the user
    await clearAnnotations(new FakeContext(wb).asExcel, { capabilities: NOTES });
    expect(wb.cell('支出总表', 'C3')).toMatchObject({ fill: { color: '#92D050' }, font: DEFAULT_FONT });
    expect(s.notes.get('E3')).toBe('我的批注');
    expect(s.notes.has('C3')).toBe(false);
  });

  test('painting again: cells no longer flagged are restored, the first prior look is kept', async () => {
    const wb = workbook();
    const before = visibleState(wb);
    await paintFindings(new FakeContext(wb).asExcel, FINDINGS, 'zh-CN', { capabilities: NOTES });
    // Second scan: C3 fixed, D4 now a warning, a new error at E2.
    const second = [finding('warning', '支出总表', 'D4', '基本支出可疑'), finding('error', '支出总表', 'E2', '项目支出不符')];
    const ctx = new FakeContext(wb);
    const r = await paintFindings(ctx.asExcel, second, 'zh-CN', { capabilities: NOTES });
    expect(r).toMatchObject({ cells: 2, restored: 3 });
    expect(ctx.syncs).toBe(3); // one extra read for the cells the first paint coloured
    expect(wb.cell('支出总表', 'C3')).toMatchObject({ fill: null, font: DEFAULT_FONT });
    expect(wb.sheet('支出总表').notes.has('C3')).toBe(false);
    expect(wb.cell('收支总表', 'B2')?.fill).toBeNull();
    expect(wb.cell('支出总表', 'D4')).toMatchObject({ fill: { color: '#FFEB9C' }, font: '#9C5700' });
    expect(wb.sheet('支出总表').notes.get('D4')).toBe(`李四已核对${NOTE_SEPARATOR}算盘 Suanpan\n[警告] 基本支出可疑`);

    await clearAnnotations(new FakeContext(wb).asExcel, { capabilities: NOTES });
    expect(visibleState(wb)).toEqual(before);
  });

  test('hundreds of scattered cells on ten sheets: still 2 syncs, address unions within the limit', async () => {
    const wb = new FakeWorkbook();
    const findings: Finding[] = [];
    for (let s = 0; s < 10; s++) {
      wb.addSheet(`表${s + 1}`, [['x']]);
      for (let i = 0; i < 100; i++) {
        const cell = `${String.fromCharCode(65 + (i % 7) * 3)}${1 + i * 13}`;
        findings.push(finding(i % 3 ? 'error' : 'warning', `表${s + 1}`, cell, `第${i}处`));
      }
    }
    const ctx = new FakeContext(wb); // getRanges() rejects unions over 255 characters
    const r = await paintFindings(ctx.asExcel, findings, 'zh-CN', { capabilities: NOTES });
    expect(r.cells).toBe(1000);
    expect(ctx.syncs).toBe(2);
    expect(wb.cell('表10', 'S1262')).toMatchObject({ fill: { color: '#FFC7CE' } });
    expect(wb.cell('表3', 'A1')).toMatchObject({ fill: { color: '#FFEB9C' } });
    const unions = ctx.ops.filter((o) => o === 'RangeAreas.format.fill.color=').length;
    expect(unions).toBeGreaterThan(20); // split to stay under the limit
    expect(unions).toBeLessThan(200); // but far fewer calls than cells

    const clear = new FakeContext(wb);
    await clearAnnotations(clear.asExcel, { capabilities: NOTES });
    expect(clear.syncs).toBe(3);
    expect(wb.sheets.every((s) => s.notes.size === 0)).toBe(true);
    expect(wb.cell('表10', 'S1262')?.fill).toBeNull();
  });

  test('a vertical run of flagged cells is one area', async () => {
    const wb = workbook();
    const ctx = new FakeContext(wb);
    const run = ['C2', 'C3', 'C4', 'E4'].map((c) => finding('error', '支出总表', c, '不符'));
    await paintFindings(ctx.asExcel, run, 'zh-CN', { capabilities: NOTES });
    const log = ctx.syncLog[1].ops;
    expect(log.filter((o) => o === 'RangeAreas.format.fill.color=')).toHaveLength(1);
    expect(['C2', 'C3', 'C4', 'E4'].every((c) => wb.cell('支出总表', c)?.fill?.color === '#FFC7CE')).toBe(true);
  });
});

describe('sheets that cannot be written', () => {
  test('a protected sheet is skipped (and reported); clear later leaves it in the record', async () => {
    const wb = workbook();
    wb.sheet('收支总表').protected = true;
    const ctx = new FakeContext(wb);
    const r = await paintFindings(ctx.asExcel, FINDINGS, 'zh-CN', { capabilities: NOTES });
    expect(ctx.syncs).toBe(2);
    expect(r).toMatchObject({ cells: 3, skipped: [{ sheet: '收支总表', cell: 'B2', reason: 'protected' }] });
    expect(wb.cell('收支总表', 'B2')?.fill).toBeNull();
    expect(wb.sheet('收支总表').notes.size).toBe(0);
  });

  test('a sheet deleted after the paint does not stop clear from restoring the others', async () => {
    const wb = workbook();
    const before = visibleState(wb);
    await paintFindings(new FakeContext(wb).asExcel, FINDINGS, 'zh-CN', { capabilities: NOTES });
    wb.sheets = wb.sheets.filter((s) => s.name !== '收支总表');
    const ctx = new FakeContext(wb);
    const r = await clearAnnotations(ctx.asExcel, { capabilities: NOTES });
    expect(r).toMatchObject({ cells: 3, kept: 0 });
    expect(ctx.syncs).toBe(3);
    expect(visibleState(wb)).toEqual({ ...before, sheets: before.sheets.filter((s) => s.name !== '收支总表') });
  });

  test('a sheet protected after the paint stays painted and recorded until it can be cleared', async () => {
    const wb = workbook();
    const before = visibleState(wb);
    await paintFindings(new FakeContext(wb).asExcel, FINDINGS, 'zh-CN', { capabilities: NOTES });
    wb.sheet('收支总表').protected = true;
    const r = await clearAnnotations(new FakeContext(wb).asExcel, { capabilities: NOTES });
    expect(r).toMatchObject({ cells: 3, kept: 1 });
    expect(wb.cell('收支总表', 'B2')?.fill?.color).toBe('#FFEB9C');
    wb.sheet('收支总表').protected = false;
    expect(await clearAnnotations(new FakeContext(wb).asExcel, { capabilities: NOTES })).toMatchObject({ cells: 1, kept: 0 });
    expect(visibleState(wb)).toEqual(before);
  });
});

describe('threaded comments (ExcelApi 1.10, no notes)', () => {
  test('paints and comments in 2 syncs when the workbook has no comments; clear removes them', async () => {
    const wb = workbook();
    const before = visibleState(wb);
    const ctx = new FakeContext(wb);
    const r = await paintFindings(ctx.asExcel, FINDINGS, 'zh-CN', { capabilities: COMMENTS });
    expect(ctx.syncs).toBe(2);
    expect(r).toMatchObject({ channel: 'comment', messages: 4, skippedMessages: 0 });
    expect(wb.comments.map((c) => [c.sheet, c.cell, c.content])).toEqual([
      ['支出总表', 'C3', '算盘 Suanpan\n[错误] 小计不符：1600 ≠ 1000\n[警告] 舍入差 0.01'],
      ['支出总表', 'D4', '算盘 Suanpan\n[错误] 基本支出不符'],
      ['支出总表', 'E3', '算盘 Suanpan\n[警告] 项目支出可疑'],
      ['收支总表', 'B2', '算盘 Suanpan\n[警告] 合计可疑'],
    ]);
    // Notes are not used on this path: the user's note is untouched.
    expect(wb.sheet('支出总表').notes.get('D4')).toBe('李四已核对');
    expect(wb.cell('支出总表', 'D4')).toMatchObject({ fill: { color: '#FFC7CE' } });

    const clear = new FakeContext(wb.clone());
    const c = await clearAnnotations(clear.asExcel, { capabilities: COMMENTS });
    expect(clear.syncs).toBe(3);
    expect(c).toMatchObject({ cells: 4, comments: 4, notes: 0 });
    expect(visibleState(clear.model)).toEqual(before);
  });

  test("someone else's thread is never written into; the cell is only coloured", async () => {
    const wb = workbook();
    wb.addComment('支出总表', 'C3', '请财务科复核', 'wang@example.com');
    const before = visibleState(wb);
    const ctx = new FakeContext(wb);
    const r = await paintFindings(ctx.asExcel, FINDINGS, 'zh-CN', { capabilities: COMMENTS });
    expect(ctx.syncs).toBe(3); // the existing comments must be located first
    expect(r).toMatchObject({ messages: 3, skippedMessages: 1 });
    expect(wb.comments.filter((c) => c.cell === 'C3')).toEqual([expect.objectContaining({ content: '请财务科复核', author: 'wang@example.com' })]);
    expect(wb.cell('支出总表', 'C3')).toMatchObject({ fill: { color: '#FFC7CE' } });

    await clearAnnotations(new FakeContext(wb).asExcel, { capabilities: COMMENTS });
    expect(visibleState(wb)).toEqual(before);
  });
});

test('without notes or comments only the colours are set (and taken off)', async () => {
  const wb = workbook();
  const before = visibleState(wb);
  const r = await paintFindings(new FakeContext(wb).asExcel, FINDINGS, 'zh-CN', { capabilities: { notes: false, comments: false, undoGroup: false } });
  expect(r).toMatchObject({ channel: 'none', messages: 0 });
  expect(wb.cell('支出总表', 'C3')?.fill?.color).toBe('#FFC7CE');
  await clearAnnotations(new FakeContext(wb).asExcel, { capabilities: { notes: false, comments: false, undoGroup: false } });
  expect(visibleState(wb)).toEqual(before);
});

test('before ExcelApi 1.9 (no RangeAreas): one Range per area, same syncs, same result', async () => {
  const wb = workbook();
  const before = visibleState(wb);
  const caps = { notes: false, comments: false, undoGroup: false, rangeAreas: false };
  const ctx = new FakeContext(wb);
  const run = ['C2', 'C3', 'C4', 'E4'].map((c) => finding('error', '支出总表', c, '不符'));
  await paintFindings(ctx.asExcel, run, 'zh-CN', { capabilities: caps });
  expect(ctx.syncs).toBe(2);
  expect(ctx.ops.some((o) => o.startsWith('RangeAreas'))).toBe(false);
  expect(ctx.ops.filter((o) => o === 'Range.format.fill.color=')).toHaveLength(2); // C2:C4 and E4
  expect(ctx.ops.some((o) => o.includes('pattern'))).toBe(false);
  expect(['C2', 'C3', 'C4', 'E4'].every((c) => wb.cell('支出总表', c)?.fill?.color === '#FFC7CE')).toBe(true);
  await clearAnnotations(new FakeContext(wb).asExcel, { capabilities: caps });
  expect(visibleState(wb)).toEqual(before);
});

describe('feature detection through Office.context.requirements', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => delete g.Office);

  function office(max: number) {
    // office-addin-mock stands in for the Office global.
    return new OfficeMockObject({
      context: { requirements: { isSetSupported: (set: string, v?: string) => set === 'ExcelApi' && Number(v?.split('.')[1]) <= max } },
    });
  }

  test.each([
    [20, { notes: true, comments: true, undoGroup: true, rangeAreas: true, mergedAreas: true, pageLayout: true }, 'note'],
    [18, { notes: true, comments: true, undoGroup: false, rangeAreas: true, mergedAreas: true, pageLayout: true }, 'note'],
    [12, { notes: false, comments: true, undoGroup: false, rangeAreas: true, mergedAreas: false, pageLayout: true }, 'comment'],
    [9, { notes: false, comments: false, undoGroup: false, rangeAreas: true, mergedAreas: false, pageLayout: true }, 'none'],
    [8, { notes: false, comments: false, undoGroup: false, rangeAreas: false, mergedAreas: false, pageLayout: false }, 'none'],
  ])('ExcelApi 1.%i', (max, caps, channel) => {
    g.Office = office(max);
    expect(detectCapabilities()).toEqual(caps);
    expect(channelFor(detectCapabilities())).toBe(channel);
  });

  test('outside Office nothing is supported', () => {
    expect(detectCapabilities()).toEqual({ notes: false, comments: false, undoGroup: false, rangeAreas: false, mergedAreas: false, pageLayout: false });
  });

  test('paint picks the comments path by itself on an ExcelApi 1.12 host', async () => {
    g.Office = office(12);
    const wb = workbook();
    const r = await paintFindings(new FakeContext(wb).asExcel, FINDINGS.slice(0, 1));
    expect(r.channel).toBe('comment');
    expect(wb.comments).toHaveLength(1);
  });
});
