// The pane's Excel host: a stand-in that loads src/excel's adapter as a lazy chunk and forwards
// every call to it (the adapter itself is tested in test/excel).
import type { Finding } from '../../src/core/findings';
import { createExcelHost } from '../../src/taskpane/officeHost';
import { fakeExcelHost, MISALIGNED, RESULT } from './fixtures';

type ExcelModule = typeof import('../../src/excel');

function loader(real = fakeExcelHost()) {
  const load = jest.fn(async () => ({ createExcelHost: () => real }) as unknown as ExcelModule);
  return { real, load };
}

test('loads the adapter once, at once, and forwards every call', async () => {
  const { real, load } = loader();
  const host = createExcelHost(load);
  expect(host.mode).toBe('excel');
  expect(load).toHaveBeenCalledTimes(1);

  const progress = jest.fn();
  await expect(host.scan(progress)).resolves.toBe(RESULT);
  expect(real.scan).toHaveBeenCalledWith(progress);
  await host.select('表3', 'D6');
  expect(real.select).toHaveBeenCalledWith('表3', 'D6');
  const findings: Finding[] = [MISALIGNED];
  await host.paint(findings, 'en');
  expect(real.paint).toHaveBeenCalledWith(findings, 'en');
  await host.clear();
  expect(real.clear).toHaveBeenCalledTimes(1);
  await expect(host.applyFix(MISALIGNED)).resolves.toEqual({ id: 'fix-1', cells: 3 });
  await host.undoFix('fix-1');
  expect(real.undoFix).toHaveBeenCalledWith('fix-1');
  expect(load).toHaveBeenCalledTimes(1);
});

test('forwards the review, sheet and user-name calls when the adapter has them', async () => {
  const scanReview = { items: [], fingerprints: [], counts: { new: 0, open: 0, confirmed: 0, dismissed: 0, fixed: 0, resolved: 0, changed: 0 }, cellComments: [] };
  const real = Object.assign(fakeExcelHost(), {
    decide: jest.fn(async () => scanReview),
    comment: jest.fn(async () => scanReview),
    commentCell: jest.fn(async () => scanReview),
    selectedCell: jest.fn(async () => ({ sheet: '表3', cell: 'B7' })),
    fillTemplate: jest.fn(async () => ({ names: ['项目甲'] })),
    sheetExtent: jest.fn(async () => ({ rowCount: 30, colCount: 6 })),
    addSheets: jest.fn(async () => ({ names: ['表1 (2)'] })),
    userName: jest.fn(async () => '王五'),
  });
  const host = createExcelHost(loader(real).load);
  const d = { decision: 'dismissed' as const, reason: '口径不同', reviewer: '张三' };
  await expect(host.decide!('fp', d)).resolves.toBe(scanReview);
  expect(real.decide).toHaveBeenCalledWith('fp', d);
  await expect(host.comment!('fp', { text: '请核实', reviewer: '张三' })).resolves.toBe(scanReview);
  expect(real.comment).toHaveBeenCalledWith('fp', { text: '请核实', reviewer: '张三' });
  await expect(host.commentCell!('表3', 'B7', { text: '请核实', reviewer: '张三' })).resolves.toBe(scanReview);
  expect(real.commentCell).toHaveBeenCalledWith('表3', 'B7', { text: '请核实', reviewer: '张三' });
  await expect(host.selectedCell!()).resolves.toEqual({ sheet: '表3', cell: 'B7' });
  await expect(host.fillTemplate!('模板', [], ['项目甲'])).resolves.toEqual({ names: ['项目甲'] });
  expect(real.fillTemplate).toHaveBeenCalledWith('模板', [], ['项目甲']);
  await expect(host.sheetExtent!('模板')).resolves.toEqual({ rowCount: 30, colCount: 6 });
  const layout = { name: '表1', cells: [], merges: [] };
  await expect(host.addSheets!([layout])).resolves.toEqual({ names: ['表1 (2)'] });
  expect(real.addSheets).toHaveBeenCalledWith([layout]);
  await expect(host.userName!()).resolves.toBe('王五');
});

test('an adapter without them: the calls fail plainly and the user name is unknown', async () => {
  const host = createExcelHost(loader().load);
  await expect(host.decide!('fp', { decision: 'confirmed', reviewer: '张三' })).rejects.toThrow('不支持审核');
  await expect(host.comment!('fp', { text: 'x', reviewer: '张三' })).rejects.toThrow('cannot record reviews');
  await expect(host.commentCell!('表3', 'B7', { text: 'x', reviewer: '张三' })).rejects.toThrow('cannot record reviews');
  await expect(host.addSheets!([])).rejects.toThrow('cannot add sheets');
  await expect(host.userName!()).resolves.toBeNull();
  await expect(host.selectedCell!()).resolves.toBeNull();
  await expect(host.fillTemplate!('模板', [], [])).rejects.toThrow('cannot add sheets');
  await expect(host.sheetExtent!('模板')).resolves.toBeNull();
});

test('a chunk that fails to load fails the calls, not the pane', async () => {
  const host = createExcelHost(() => Promise.reject(new Error('ChunkLoadError')));
  await expect(host.scan()).rejects.toThrow('ChunkLoadError');
  await expect(host.select('a', 'A1')).rejects.toThrow('ChunkLoadError');
});

test('the real adapter satisfies the pane’s ExcelPaneHost', () => {
  // Type-level: src/excel's createExcelHost() is assignable to ExcelPaneHost (tsc checks this line).
  const check: (m: ExcelModule) => import('../../src/taskpane/host').ExcelPaneHost = (m) => m.createExcelHost();
  expect(typeof check).toBe('function');
});
