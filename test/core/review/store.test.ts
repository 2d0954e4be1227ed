// The store in its very hidden sheet: in memory, and through real .xlsx files (exceljs), where a
// reviewer's decisions must survive a rescan, a row inserted above the table, and come back
// open when the figures change.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../../src/core/rules';
import {
  commentCell,
  decide,
  emptyStore,
  loadReviewStore,
  mergeScan,
  parseStoreSheet,
  recordScan,
  REVIEW_STORE_SHEET,
  reviewEdits,
  storeLayout,
  withoutReviewSheets,
  ReviewStoreError,
  type ReviewItem,
  type ReviewStore,
} from '../../../src/core/review';
import type { SheetLayout } from '../../../src/core/workbook/edits';
import { buildSheet, buildWorkbook } from '../../../src/core/workbook/sheet';
import type { WorkbookSnapshot } from '../../../src/core/workbook/types';
import { readWorkbookFile, writeSnapshotFile, writeWorkbookWithEdits } from '../../../src/xlsx';
import { expenditureWorkbook } from './helpers';

const AT = '2024-05-01T06:30:00.000Z';

/** A layout's column A as a sheet snapshot, as a host would read it back. */
function layoutAsSheet(l: SheetLayout) {
  const rows: string[][] = [];
  for (const c of l.cells) (rows[c.row] ??= [])[c.col] = c.value?.kind === 'text' ? c.value.value : '';
  return buildSheet({ name: l.name, rows, visibility: l.hidden ?? 'visible' });
}

function richStore(): ReviewStore {
  const r = checkWorkbook(expenditureWorkbook('t', { subtotal: 1600 }));
  const scan = mergeScan(emptyStore(), r);
  let s = decide(emptyStore(), scan.items[0], 'dismissed', { reviewer: '张三 ', reason: ' 结尾有空格 ', at: AT });
  s = decide(s, scan.items[1], 'confirmed', { reviewer: 'Zoë 🧮', reason: '含“引号”和\\反斜杠\n换行', at: AT });
  s = commentCell(s, '支出总表', 'A1', '𠀀𠀁 surrogate pairs', '李四', AT);
  return recordScan(s, scan, { at: AT, by: '张三' });
}

describe('in memory', () => {
  test('a very hidden sheet of text chunks in column A, read back equal, at any chunk size', () => {
    const store = richStore();
    for (const size of [2, 3, 7, 64, 30000]) {
      const layout = storeLayout(store, { chunkSize: size });
      expect(layout).toMatchObject({ name: REVIEW_STORE_SHEET, hidden: 'veryHidden', merges: [] });
      expect(layout.cells.every((c) => c.col === 0 && c.value?.kind === 'text' && c.style?.numFmt === '@')).toBe(true);
      if (size < 100) expect(layout.cells.length).toBeGreaterThan(10);
      expect(parseStoreSheet(layoutAsSheet(layout))).toEqual(store);
    }
  });

  test('no sheet: an empty store; a damaged one: an empty store and the reason', () => {
    expect(loadReviewStore(expenditureWorkbook('t'))).toEqual({ store: emptyStore(), found: false });
    const good = storeLayout(richStore(), { chunkSize: 50 });
    const missing = { ...good, cells: good.cells.filter((c) => c.row !== 3) };
    const wb = (l: SheetLayout) => buildWorkbook('t', [...expenditureWorkbook('t').sheets, layoutAsSheet(l)]);
    expect(loadReviewStore(wb(missing))).toMatchObject({ store: emptyStore(), found: true, problem: expect.stringMatching(/chunk 3 is missing/) });
    const edited = { ...good, cells: good.cells.map((c) => (c.row === 0 ? { ...c, value: { kind: 'text' as const, value: 'hello' } } : c)) };
    expect(loadReviewStore(wb(edited)).problem).toMatch(/not review data/);
    expect(() => parseStoreSheet(layoutAsSheet(storeLayout({ ...emptyStore(), version: 2 } as unknown as ReviewStore)))).toThrow(ReviewStoreError);
  });

  test('withoutReviewSheets leaves only the department’s own sheets to check', () => {
    const wb = buildWorkbook('t', [...expenditureWorkbook('t').sheets, layoutAsSheet(storeLayout(richStore())), buildSheet({ name: '审核意见表', rows: [['x']] })]);
    expect(withoutReviewSheets(wb).sheets.map((s) => s.name)).toEqual(['支出总表']);
  });
});

describe('through .xlsx files', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suanpan-review-store-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const find = (items: readonly ReviewItem[], rule: string, row: string) => items.find((i) => i.snapshot.rule === rule && i.snapshot.rowLabel?.startsWith(row))!;

  async function scanFile(file: string) {
    const snapshot = await readWorkbookFile(file);
    const loaded = loadReviewStore(snapshot);
    const result = checkWorkbook(withoutReviewSheets(snapshot));
    return { snapshot, loaded, result, scan: mergeScan(loaded.store, result) };
  }

  /** Opens the file in exceljs, lets `edit` change it, saves it under `out`. */
  async function editWithExcelJS(file: string, out: string, edit: (ws: ExcelJS.Worksheet) => void) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    edit(wb.getWorksheet('支出总表')!);
    await wb.xlsx.writeFile(out);
  }

  let decided: string;
  let store: ReviewStore;
  beforeAll(async () => {
    const original = path.join(dir, 'dept.xlsx');
    await writeSnapshotFile(expenditureWorkbook('dept', { subtotal: 1600 }), original);
    const first = await scanFile(original);
    expect(first.loaded.found).toBe(false);
    let s = first.loaded.store;
    s = decide(s, find(first.scan.items, 'subtotal', '20103'), 'dismissed', { reviewer: '张三', reason: '项目跨年度，已核实', at: AT });
    s = decide(s, find(first.scan.items, 'row-total', '20103'), 'confirmed', { reviewer: '张三', at: AT });
    s = commentCell(s, '支出总表', 'B8', '请核对名称', '李四', AT);
    store = recordScan(s, first.scan, { at: AT, by: '张三' });
    decided = path.join(dir, 'decided.xlsx');
    await writeWorkbookWithEdits({ path: original }, reviewEdits(store), decided);
  });

  test('the decisions are in a very hidden sheet and come back as they were written', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(decided);
    expect(wb.getWorksheet(REVIEW_STORE_SHEET)?.state).toBe('veryHidden');
    const again = await scanFile(decided);
    expect(again.loaded).toEqual({ store, found: true });
    expect(again.snapshot.sheets.find((s) => s.name === REVIEW_STORE_SHEET)?.visibility).toBe('veryHidden');
    expect(again.scan.items.map((i) => [i.snapshot.rule, i.snapshot.rowLabel?.slice(0, 5), i.status])).toEqual([
      ['subtotal', '201 一', 'open'],
      ['row-total', '20103', 'confirmed'],
      ['subtotal', '20103', 'dismissed'],
    ]);
    // The hidden sheet is not checked as if it were a table.
    expect(again.result.findings).toEqual(checkWorkbook(expenditureWorkbook('dept', { subtotal: 1600 })).findings);
  });

  test('a row inserted above the table keeps the dismissed finding dismissed', async () => {
    const inserted = path.join(dir, 'inserted.xlsx');
    await editWithExcelJS(decided, inserted, (ws) => ws.spliceRows(1, 0, ['本表由财务科填报']));
    const r = await scanFile(inserted);
    const sub = find(r.scan.items, 'subtotal', '20103');
    expect(sub.finding?.cell).toBe('C7'); // was C6
    expect(sub).toMatchObject({ status: 'dismissed', changed: false, isNew: false });
    expect(find(r.scan.items, 'row-total', '20103').status).toBe('confirmed');
    expect(r.scan.counts).toMatchObject({ new: 0, open: 1, dismissed: 1, confirmed: 1, resolved: 0 });
  });

  test('changing the figure brings it back open, marked changed; putting it right resolves it', async () => {
    const changed = path.join(dir, 'changed.xlsx');
    await editWithExcelJS(decided, changed, (ws) => (ws.getCell('C6').value = 1650));
    const r = await scanFile(changed);
    const sub = find(r.scan.items, 'subtotal', '20103');
    expect(sub).toMatchObject({ status: 'open', changed: true });
    expect(sub.snapshot.actual).toBe('1650');
    expect(sub.record?.actual).toBe('1600');

    const right = path.join(dir, 'right.xlsx');
    await editWithExcelJS(decided, right, (ws) => (ws.getCell('C6').value = 1500));
    const ok = await scanFile(right);
    expect(ok.result.findings).toEqual([]);
    expect(ok.scan.items.map((i) => [i.status, i.snapshot.rule, i.record?.decision])).toEqual([
      ['resolved', 'subtotal', 'dismissed'],
      ['resolved', 'row-total', 'confirmed'],
    ]);
  });

  test('a store written twice replaces the old sheet, and a store of many decisions spans many cells', async () => {
    let s = store;
    const r = await scanFile(decided);
    for (let i = 0; i < 400; i++) s = decide(s, { fingerprint: `x|${i}`, snapshot: { ...r.scan.items[0].snapshot, message: { zh: '长'.repeat(200), en: 'long' } } }, 'fixed', { reviewer: '张三', at: AT });
    const big = path.join(dir, 'big.xlsx');
    await writeWorkbookWithEdits({ path: decided }, reviewEdits(s), big);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(big);
    expect(wb.worksheets.filter((w) => w.name === REVIEW_STORE_SHEET)).toHaveLength(1);
    expect(wb.getWorksheet(REVIEW_STORE_SHEET)!.rowCount).toBeGreaterThan(2);
    const back = loadReviewStore(await readWorkbookFile(big));
    expect(back.problem).toBeUndefined();
    expect(back.store).toEqual(s);
  });
});

test('a snapshot with the store and nothing else still loads', () => {
  const wb: WorkbookSnapshot = buildWorkbook('t', [layoutAsSheet(storeLayout(emptyStore()))]);
  expect(loadReviewStore(wb)).toEqual({ store: emptyStore(), found: true });
});
