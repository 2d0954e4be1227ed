// Comments on cells in Excel mode: the selected cell is read in one sync (two when several areas are
// selected), a comment is stored in the review store in 2 syncs, queued with decisions, comes back
// with the next scan of a new host (the workbook reopened), is listed by the 审核意见表 and can be
// removed.
import { loadReviewStore, reviewSheetLayout, REVIEW_STORE_SHEET } from '../../src/core/review';
import { addLayoutSheets } from '../../src/excel/add-sheets';
import { createExcelHost } from '../../src/excel/host';
import { readWorkbook } from '../../src/excel/read';
import { FakeContext, FakeWorkbook } from './fake-excel';
import { ALL, publication } from './fixtures';
import { useOfficeEnv } from './office-env';

const env = useOfficeEnv();

/** A small workbook of a reviewer's: two sheets with some figures, nothing Suanpan recognises. */
function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet('收入明细', [
    ['项目', '金额'],
    ['房租', 1200],
    ['利息', 35.5],
  ]);
  wb.addSheet('My notes', [['备注'], ['见附件']]);
  wb.activeSheet = '收入明细';
  return wb;
}

const install = (wb: FakeWorkbook) => env.install(wb);

const storedComments = async (wb: FakeWorkbook) => loadReviewStore(await readWorkbook(new FakeContext(wb).asExcel)).store.cellComments;

describe('the selected cell', () => {
  test('a block → its top-left cell, in one sync; one cell; a whole column; a sheet name with a space', async () => {
    const wb = workbook();
    const excel = install(wb);
    const host = createExcelHost();

    wb.selection = { sheet: '收入明细', address: 'B2:C4', active: 'C4' };
    const block = await host.selectedCellDetailed();
    expect(block).toEqual({ cell: { sheet: '收入明细', cell: 'B2' }, active: false, syncs: 1 });
    expect(excel.runs.at(-1)!.context.syncs).toBe(1);
    expect(excel.runs.at(-1)!.context.ops.some((o) => o.startsWith('Range.load('))).toBe(true);

    wb.selection = { sheet: '收入明细', address: 'A3' };
    await expect(host.selectedCell()).resolves.toEqual({ sheet: '收入明细', cell: 'A3' });
    wb.selection = { sheet: '收入明细', address: 'C:C' };
    await expect(host.selectedCell()).resolves.toEqual({ sheet: '收入明细', cell: 'C1' });
    wb.selection = { sheet: 'My notes', address: 'A2' };
    await expect(host.selectedCell()).resolves.toEqual({ sheet: 'My notes', cell: 'A2' });
    // Reading the selection changes nothing.
    expect(excel.runs.flatMap((r) => r.context.syncLog).every((s) => s.ops.every((o) => !o.endsWith('=')))).toBe(true);
  });

  test('several areas: getSelectedRange refuses, the active cell is the answer (a second sync)', async () => {
    const wb = workbook();
    const excel = install(wb);
    wb.selection = { sheet: '收入明细', address: 'A1:A2,C3:D4', active: 'D4' };
    const read = await createExcelHost().selectedCellDetailed();
    expect(read).toEqual({ cell: { sheet: '收入明细', cell: 'D4' }, active: true, syncs: 2 });
    const log = excel.runs.at(-1)!.context.syncLog;
    expect(log.map((s) => s.failed)).toEqual(['InvalidSelection', undefined]);
  });

  test('no selection Excel can name: the error of the first try comes back', async () => {
    const wb = workbook();
    install(wb);
    wb.selection = null;
    await expect(createExcelHost().selectedCell()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('commentCell', () => {
  test('stored in 2 syncs; back with the scan of a new host; listed by the 审核意见表; removed', async () => {
    const wb = workbook();
    const excel = install(wb);
    const host = createExcelHost();
    await expect(host.commentCell('收入明细', 'B2', { text: 'x', reviewer: '王' })).rejects.toThrow(/scan/);
    const first = await host.scan();
    expect(first.review!.cellComments).toEqual([]);

    // The first comment makes the store: one batch, read then write, outside an undo group.
    const runs = excel.runs.length;
    const made = await host.commentCellDetailed('收入明细', '$b$2', { text: '  房租与合同不符，请核实  ', reviewer: '王审核' });
    expect(made).toMatchObject({ syncs: 2, grouped: false, write: { created: true } });
    expect(excel.runs.length).toBe(runs + 1);
    expect(excel.runs.at(-1)!.context.syncs).toBe(2);
    expect(made.review.cellComments).toEqual([{ sheet: '收入明细', cell: 'B2', text: '房租与合同不符，请核实', reviewer: '王审核', at: expect.any(String) }]);
    expect(wb.sheet(REVIEW_STORE_SHEET).visibility).toBe('VeryHidden');

    // A second one: the store is there, one undo group, still 2 syncs.
    const second = await host.commentCellDetailed('My notes', 'A2', { text: '附件未见', reviewer: '王审核' });
    expect(second).toMatchObject({ syncs: 2, grouped: true, write: { created: false } });
    expect(excel.runs.at(-1)!.options).toEqual({ mergeUndoGroup: true });
    // Writing again on the same cell replaces the comment.
    await host.commentCell('收入明细', 'B2', { text: '房租与合同不符', reviewer: '李复核' });

    // Reopened: a new host reads the comments with the scan (no extra sync).
    const reopened = createExcelHost();
    const again = await reopened.scan();
    expect(excel.runs.at(-1)!.context.syncs).toBe(3);
    expect(again.review!.cellComments.map((c) => [c.sheet, c.cell, c.text, c.reviewer])).toEqual([
      ['收入明细', 'B2', '房租与合同不符', '李复核'],
      ['My notes', 'A2', '附件未见', '王审核'],
    ]);
    expect(again.sheets).not.toContain(REVIEW_STORE_SHEET);

    // The 审核意见表 lists them, each with a link to its cell.
    const sheet = reviewSheetLayout(again.review!, { lang: 'zh-CN', recognition: again.recognition });
    const texts = sheet.cells.map((c) => String(c.value?.value ?? ''));
    expect(texts).toEqual(expect.arrayContaining(['收入明细!B2', '房租与合同不符', 'My notes!A2', '附件未见']));
    expect((await reopened.addSheets([sheet])).names).toEqual(['审核意见表']);
    expect(wb.sheet('审核意见表').cells.size).toBeGreaterThan(0);

    // Removed (empty text, no reviewer needed): gone from the store and from the next scan.
    const removed = await reopened.commentCell('收入明细', 'B2', { text: '', reviewer: '' });
    expect(removed.cellComments.map((c) => c.cell)).toEqual(['A2']);
    expect(Object.keys(await storedComments(wb))).toEqual(['My notes!A2']);
    expect((await createExcelHost().scan()).review!.cellComments.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['My notes!A2']);
  }, 30_000);

  test('bad input fails before the workbook is touched', async () => {
    const wb = workbook();
    const excel = install(wb);
    const host = createExcelHost();
    await host.scan();
    const runs = excel.runs.length;
    await expect(host.commentCell('收入明细', 'B2', { text: '请核实', reviewer: '  ' })).rejects.toThrow(/审核人|reviewer/);
    await expect(host.commentCell('收入明细', 'B2:C3', { text: '请核实', reviewer: '王' })).rejects.toThrow(/cell address/);
    await expect(host.commentCell('', 'B2', { text: '请核实', reviewer: '王' })).rejects.toThrow(/sheet/);
    expect(excel.runs.length).toBe(runs);
    expect(wb.find(REVIEW_STORE_SHEET)).toBeUndefined();
  });

  test('comments on cells and decisions asked for at once are all kept (one queue)', async () => {
    // The publication tables with one figure of 表3 raised: a finding to decide on.
    const wb = workbook();
    await addLayoutSheets(new FakeContext(wb).asExcel, publication(), { capabilities: ALL });
    const t3 = wb.sheet('表3');
    const [row, line] = [...t3.cells].find(([, l]) => [...l.values()].some((c) => c.type === 'Double' && Number(c.value) > 0))!;
    const [col, cell] = [...line].find(([, c]) => c.type === 'Double' && Number(c.value) > 0)!;
    Object.assign(t3.mutable(row, col), { value: Number(cell.value) + 100, text: String(Number(cell.value) + 100) });
    install(wb);
    const host = createExcelHost();
    const scan = await host.scan();
    const item = scan.review!.items.find((i) => i.finding?.severity === 'error')!;
    expect(item).toBeDefined();
    await Promise.all([
      host.commentCell('收入明细', 'A2', { text: '一', reviewer: '甲' }),
      host.decide(item.fingerprint, { decision: 'confirmed', reviewer: '乙' }),
      host.commentCell('收入明细', 'A3', { text: '二', reviewer: '乙' }),
      host.comment(item.fingerprint, { text: '请改', reviewer: '丙' }),
      host.commentCell('My notes', 'A1', { text: '三', reviewer: '丙' }),
    ]);
    const stored = loadReviewStore(await readWorkbook(new FakeContext(wb).asExcel)).store;
    expect(Object.keys(stored.cellComments).sort()).toEqual(['My notes!A1', '收入明细!A2', '收入明细!A3']);
    expect(stored.decisions[item.fingerprint]).toMatchObject({ decision: 'confirmed', reviewer: '乙' });
    expect(stored.findingComments[item.fingerprint]).toMatchObject({ text: '请改' });
    expect(wb.sheets.filter((s) => s.name.startsWith(REVIEW_STORE_SHEET))).toHaveLength(1);
  }, 30_000);
});
