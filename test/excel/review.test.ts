// Review decisions in Excel mode: the store is core's very hidden `_suanpan_review` sheet, read with
// the scan (no extra sync) and written back by `decide` in 2 syncs. The decisions survive closing
// and reopening (a new host instance), a row inserted above, and come back when the figure changes.
import { OfficeMockObject } from 'office-addin-mock';
import { emptyStore, decide as decideOn, loadReviewStore, reviewEdits, REVIEW_SHEET_NAME, REVIEW_STORE_SHEET, storeLayout, type ReviewItem, type ReviewStore } from '../../src/core/review';
import { cellAddress } from '../../src/core/workbook/address';
import { addLayoutSheets } from '../../src/excel/add-sheets';
import { createExcelHost } from '../../src/excel/host';
import { readWorkbook } from '../../src/excel/read';
import { readReviewStore, writeReviewStore } from '../../src/excel/review-store';
import { FakeContext, FakeWorkbook, type FakeSheet } from './fake-excel';
import { ALL, publication } from './fixtures';
import { layoutDifferences } from './layout-expect';
import { useOfficeEnv } from './office-env';

const env = useOfficeEnv();

/** Where the planted mistake sits: a 项 row's first figure in 表3. */
interface Planted {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly original: number;
}

/** The publication tables in a workbook, with one figure of a 项 row in 表3 raised by 100. */
async function workbookWithMistake(): Promise<{ wb: FakeWorkbook; planted: Planted }> {
  const wb = new FakeWorkbook();
  wb.addSheet('说明', [['本工作簿由预算明细生成']]);
  const layouts = publication();
  await addLayoutSheets(new FakeContext(wb).asExcel, layouts, { capabilities: ALL });
  const t3 = layouts.find((l) => l.name === '表3')!;
  const codeCell = t3.cells.find((c) => c.col === 0 && c.value?.kind === 'text' && /^\d{7}$/.test(c.value.value))!;
  const figure = t3.cells.find((c) => c.row === codeCell.row && c.value?.kind === 'number' && c.value.value > 0)!;
  const planted = { sheet: '表3', row: figure.row, col: figure.col, original: figure.value!.value as number };
  setNumber(wb.sheet('表3'), planted.row, planted.col, planted.original + 100);
  return { wb, planted };
}

function setNumber(sheet: FakeSheet, row: number, col: number, value: number): void {
  const cell = sheet.mutable(row, col);
  cell.value = value;
  cell.type = 'Double';
  cell.text = String(value);
}

/** Inserts an empty row above `at`, as Excel's Insert > Sheet Rows does: everything below moves down. */
function insertRow(sheet: FakeSheet, at: number): void {
  const rows = [...sheet.cells.entries()].sort((a, b) => b[0] - a[0]);
  for (const [r, line] of rows) {
    if (r < at) continue;
    sheet.cells.delete(r);
    sheet.cells.set(r + 1, line);
  }
  sheet.merges = sheet.merges.map((m) => (m.top >= at ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m));
  sheet.rowHeights = new Map([...sheet.rowHeights].map(([r, h]) => [r >= at ? r + 1 : r, h]));
}

function itemAt(items: readonly ReviewItem[], planted: Planted, rowShift = 0): ReviewItem {
  const cell = cellAddress(planted.row + rowShift, planted.col);
  const item = items.find((i) => i.finding?.sheet === planted.sheet && i.finding.cell === cell && i.finding.severity === 'error');
  if (!item) throw new Error(`no error finding at ${planted.sheet}!${cell}: ${items.map((i) => `${i.finding?.rule}@${i.finding?.sheet}!${i.finding?.cell}`).join(', ')}`);
  return item;
}

/** The workbook with its planted mistake in the fake Excel, a host, its first scan and the planted finding. */
async function scanned() {
  const { wb, planted } = await workbookWithMistake();
  const excel = env.install(wb);
  const host = createExcelHost();
  const scan = await host.scan();
  return { wb, planted, excel, host, scan, target: itemAt(scan.review!.items, planted) };
}

test('decide → the store is written → a new host (the workbook reopened) scans it back; rows inserted above keep it, a new figure reopens it', async () => {
  const { wb, planted, excel, host, scan: first, target } = await scanned();
  expect(excel.runs[0].context.syncs).toBe(3);
  expect(first.review).toBeDefined();
  expect(first.snapshot?.sheets.map((s) => s.name)).toEqual(first.sheets);
  expect(target.status).toBe('open');

  // The first decision creates the store sheet: one batch, 2 syncs, outside the undo group
  // (making a sheet very hidden has no undo, and an undo group refuses it).
  const d1 = await host.decideDetailed(target.fingerprint, { decision: 'dismissed', reason: '已与财政核对，系印刷口径', reviewer: '王审核' });
  expect(d1).toMatchObject({ syncs: 2, grouped: false, write: { created: true, chunks: 1 } });
  expect(excel.runs[1].options).toBeUndefined();
  expect(d1.review.items.find((i) => i.fingerprint === target.fingerprint)).toMatchObject({ status: 'dismissed', record: { reviewer: '王审核' } });
  const store = wb.sheet(REVIEW_STORE_SHEET);
  expect(store.visibility).toBe('VeryHidden');
  expect(String(store.get(0, 0)?.value)).toMatch(/^p0:\{.*\};$/);
  expect(store.get(0, 0)).toMatchObject({ numFmt: '@', type: 'String' });

  // A second decision finds the store: one undo group, 2 syncs.
  const other = first.review!.items.find((i) => i.fingerprint !== target.fingerprint && i.finding)!;
  const d2 = await host.decideDetailed(other.fingerprint, { decision: 'confirmed', reviewer: '王审核' });
  expect(d2).toMatchObject({ syncs: 2, grouped: true, write: { created: false } });
  expect(excel.runs[2].options).toEqual({ mergeUndoGroup: true });

  // Closed and reopened: a new host knows nothing but the workbook. Scanning still takes 3 syncs,
  // and the store sheet is neither scanned nor listed.
  const reopened = createExcelHost();
  const again = await reopened.scan();
  expect(excel.runs[3].context.syncs).toBe(3);
  expect(again.sheets).not.toContain(REVIEW_STORE_SHEET);
  expect(again.recognition.tables.some((t) => t.sheet === REVIEW_STORE_SHEET)).toBe(false);
  expect(again.findings.map((f) => f.sheet)).not.toContain(REVIEW_STORE_SHEET);
  expect(itemAt(again.review!.items, planted)).toMatchObject({ fingerprint: target.fingerprint, status: 'dismissed', changed: false, isNew: false });
  expect(again.review!.items.find((i) => i.fingerprint === other.fingerprint)?.status).toBe('confirmed');

  // Two rows inserted above the table: the finding moves two rows down and stays dismissed.
  insertRow(wb.sheet('表3'), 0);
  insertRow(wb.sheet('表3'), 0);
  const moved = await createExcelHost().scan();
  const movedItem = itemAt(moved.review!.items, planted, 2);
  expect(movedItem).toMatchObject({ fingerprint: target.fingerprint, status: 'dismissed', changed: false });
  expect(movedItem.finding?.cell).not.toBe(target.finding?.cell);

  // The figure changes: the dismissal no longer holds, the finding is open again (and changed).
  setNumber(wb.sheet('表3'), planted.row + 2, planted.col, planted.original + 250);
  const changed = await createExcelHost().scan();
  expect(itemAt(changed.review!.items, planted, 2)).toMatchObject({ fingerprint: target.fingerprint, status: 'open', changed: true });

  // Put right: the dismissed finding is no longer produced and shows as resolved.
  setNumber(wb.sheet('表3'), planted.row + 2, planted.col, planted.original);
  const fixed = await createExcelHost().scan();
  expect(fixed.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(fixed.review!.items.find((i) => i.fingerprint === target.fingerprint)).toMatchObject({ status: 'resolved' });
}, 60_000);

test('what is new is measured against the scan recorded with the last decision', async () => {
  const { wb, host, scan: first } = await scanned();
  // No scan recorded yet: nothing is "new".
  expect(first.review!.items.every((i) => !i.isNew)).toBe(true);
  const item = first.review!.items.find((i) => i.finding)!;
  const after = await host.decide!(item.fingerprint, { decision: 'confirmed', reviewer: '李' });
  expect(after.items.every((i) => !i.isNew)).toBe(true);

  // A second mistake, in 表5: its findings are new; the old ones are not.
  const t5 = wb.sheet('表5');
  let done = false;
  for (const [r, line] of [...t5.cells].sort((a, b) => b[0] - a[0]))
    for (const [c, cell] of line)
      if (!done && cell.type === 'Double' && Number(cell.value) > 0) {
        setNumber(t5, r, c, Number(cell.value) + 7);
        done = true;
      }
  const next = await createExcelHost().scan();
  const fresh = next.review!.items.filter((i) => i.isNew);
  expect(fresh.length).toBeGreaterThan(0);
  expect(fresh.every((i) => i.finding && !first.review!.fingerprints.includes(i.fingerprint))).toBe(true);
  expect(next.review!.items.filter((i) => first.review!.fingerprints.includes(i.fingerprint)).every((i) => !i.isNew)).toBe(true);
  expect(loadReviewStore(await readWorkbook(new FakeContext(wb).asExcel)).store.lastScan).toMatchObject({ by: '李', fingerprints: first.review!.fingerprints });
}, 60_000);

test('a store the CLI or the file mode wrote (core storeLayout) is read by the Excel scan, and the other way round', async () => {
  const { wb, planted, excel, target } = await scanned();

  // As an .xlsx written by `suanpan check --review-out` holds it: core's layout, cell by cell,
  // chunked small so the store spans several rows.
  const stored = decideOn(emptyStore(), target, 'dismissed', { reason: '口径不同', reviewer: '张' });
  const sheet = wb.addSheet(REVIEW_STORE_SHEET);
  sheet.visibility = 'VeryHidden';
  const layout = storeLayout(stored, { chunkSize: 200 });
  expect(layout.cells.length).toBeGreaterThan(2);
  for (const c of layout.cells) sheet.set(c.row, c.col, { value: (c.value as { value: string }).value, numFmt: '@' });

  const host = createExcelHost();
  const read = await host.scan();
  expect(excel.runs[1].context.syncs).toBe(3);
  expect(itemAt(read.review!.items, planted)).toMatchObject({ status: 'dismissed', record: { reason: '口径不同', reviewer: '张' } });

  // Excel writes it back as one chunk: the rows the longer store used are emptied.
  await host.decide!(target.fingerprint, { decision: 'fixed', reviewer: '张' });
  const back = loadReviewStore(await readWorkbook(new FakeContext(wb).asExcel));
  expect(back.problem).toBeUndefined();
  expect(back.store.decisions[target.fingerprint]).toMatchObject({ decision: 'fixed', history: [{ decision: 'dismissed', reason: '口径不同' }] });
  expect(sheet.usedValues()).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
}, 60_000);

test('bad input fails before the workbook is touched; userName is null (Excel has no user-name API)', async () => {
  const { wb, planted } = await workbookWithMistake();
  const excel = env.install(wb);
  const host = createExcelHost();
  await expect(host.decide!('x', { decision: 'confirmed', reviewer: '王' })).rejects.toThrow(/scan/);
  const scan = await host.scan();
  const target = itemAt(scan.review!.items, planted);
  const runs = excel.runs.length;
  await expect(host.decide!(target.fingerprint, { decision: 'dismissed', reviewer: '王' })).rejects.toThrow(/理由|reason/);
  await expect(host.decide!(target.fingerprint, { decision: 'confirmed', reviewer: '  ' })).rejects.toThrow(/审核人|reviewer/);
  await expect(host.decide!('no-such-finding', { decision: 'confirmed', reviewer: '王' })).rejects.toThrow(/no finding/);
  expect(excel.runs.length).toBe(runs);
  expect(wb.find(REVIEW_STORE_SHEET)).toBeUndefined();
  // Taking a decision back (decision null) on an undecided finding still writes a valid store.
  const undone = await host.decide!(target.fingerprint, { decision: null, reviewer: '王' });
  expect(undone.items.find((i) => i.fingerprint === target.fingerprint)?.status).toBe('open');
  expect(await host.userName!()).toBeNull();
}, 60_000);

test('comments are stored like decisions; a store deleted since the scan is made again outside the undo group', async () => {
  const { wb, excel, host, target } = await scanned();
  await host.decide!(target.fingerprint, { decision: 'confirmed', reviewer: '赵' });

  // Someone deletes the very hidden sheet (a macro, another tool) after the pane last looked.
  wb.sheets = wb.sheets.filter((s) => s.name !== REVIEW_STORE_SHEET);
  const runs = excel.runs.length;
  const review = await host.comment(target.fingerprint, { text: '请下次附说明', reviewer: '赵' });
  expect(review.items.find((i) => i.fingerprint === target.fingerprint)?.comment).toMatchObject({ text: '请下次附说明', reviewer: '赵' });
  // The undo group refused making the new sheet very hidden; the batch ran again without it.
  expect(excel.runs.slice(runs).map((r) => r.options)).toEqual([{ mergeUndoGroup: true }, undefined]);
  expect(excel.runs[runs].context.syncLog.map((l) => l.failed)).toEqual([undefined, 'UndoNotSupported']);
  expect(wb.sheets.filter((s) => s.name === REVIEW_STORE_SHEET)).toHaveLength(1);

  const back = await createExcelHost().scan();
  // The decision went with the deleted sheet; the comment made after it is there.
  expect(back.review!.items.find((i) => i.fingerprint === target.fingerprint)).toMatchObject({ status: 'open', comment: { text: '请下次附说明' } });
}, 60_000);

describe('the store through office-addin-mock', () => {
  /** An OfficeMockObject workbook whose store sheet holds `column` in A1:An (null: no store sheet). */
  function mockWorkbook(column: string[] | null) {
    const writes: { row: number; rows: number; values?: unknown[][]; numberFormat?: unknown[][] }[] = [];
    const added: string[] = [];
    const range = (row: number, rows: number) => {
      const mock = new OfficeMockObject({ address: `A${row + 1}:A${row + rows}` });
      const write = { row, rows, mock };
      writes.push(write as unknown as (typeof writes)[number]);
      return mock;
    };
    const sheet = {
      name: REVIEW_STORE_SHEET,
      visibility: 'VeryHidden',
      used: { values: (column ?? []).map((v) => [v]), rowIndex: 0, columnIndex: 0, rowCount: column?.length ?? 0 },
      getUsedRangeOrNullObject(this: { used: unknown }) {
        return this.used;
      },
      getRangeByIndexes: (row: number, _col: number, rows: number) => range(row, rows),
    };
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          store: sheet,
          getItemOrNullObject(this: { store: unknown }) {
            return this.store;
          },
          getItem(this: { store: unknown }) {
            return this.store;
          },
          add(this: { store: unknown }, name: string) {
            added.push(name);
            return this.store;
          },
        },
      },
    });
    // isNullObject is set by Office after a sync, never loaded: set it as Office would.
    const ws = context.workbook.worksheets.store;
    ws.isNullObject = column === null;
    ws.used.isNullObject = column === null || column.length === 0;
    /** Column A as the writes left it. */
    const written = () => {
      const out: string[] = [];
      for (const w of writes as unknown as { row: number; mock: { values?: unknown[][] } }[])
        (w.mock.values ?? []).forEach((line, i) => (out[w.row + i] = String(line[0])));
      return out;
    };
    return { context: context as unknown as Excel.RequestContext, ws, written, added, writes: writes as unknown as { mock: { numberFormat?: unknown[][]; values?: unknown[][] } }[] };
  }

  test('write, then read back in a new context: the decision is there; an absent store reads as empty', async () => {
    const none = mockWorkbook(null);
    const empty = await readReviewStore(none.context);
    expect(empty).toMatchObject({ found: false, rows: 0, store: { decisions: {} } });

    let store: ReviewStore = emptyStore();
    const target = {
      fingerprint: 'subtotal|表3|2010506 统计管理|合计',
      snapshot: { rule: 'subtotal' as const, severity: 'error' as const, sheet: '表3', cell: 'C8', expected: '1,216.95', actual: '1,226.95', message: { zh: '小计不符', en: 'subtotal differs' } },
    };
    store = decideOn(store, target, 'dismissed', { reason: '印刷口径'.repeat(3), reviewer: '王审核', at: '2024-05-01T08:00:00.000Z' });
    const w = await writeReviewStore(none.context, store, empty);
    expect(w).toEqual({ created: true, chunks: 1, syncs: 1 });
    expect(none.added).toEqual([REVIEW_STORE_SHEET]);
    expect(none.ws.visibility).toBe('VeryHidden');
    expect(none.writes[0].mock.numberFormat).toEqual([['@']]);

    const reopened = mockWorkbook(none.written());
    const back = await readReviewStore(reopened.context);
    expect(back.found).toBe(true);
    expect(back.rows).toBe(1);
    expect(back.store.decisions[target.fingerprint]).toEqual(store.decisions[target.fingerprint]);

    // A later, shorter write over a three-chunk store empties the two rows it no longer needs.
    const long = mockWorkbook(storeLayout(store, { chunkSize: 100 }).cells.map((c) => (c.value as { value: string }).value));
    const before = await readReviewStore(long.context);
    expect(before.rows).toBeGreaterThan(2);
    expect(before.store).toEqual(store);
    const w2 = await writeReviewStore(long.context, { ...store, decisions: {} }, before);
    expect(w2.created).toBe(false);
    expect(long.added).toEqual([]);
    const after = long.written();
    expect(after[0]).toMatch(/^p0:/);
    expect(after.slice(1)).toEqual(Array(before.rows - 1).fill(''));
  });
});

test('the review sheet goes in through addSheets (again as 审核意见表 (2)); a store layout is not copied; neither is scanned', async () => {
  const { wb, host, scan, target } = await scanned();
  const review = await host.decide!(target.fingerprint, { decision: 'dismissed', reason: '口径', reviewer: '王' });
  const storeBefore = JSON.stringify([...wb.sheet(REVIEW_STORE_SHEET).cells]);

  // What the file mode hands over: the review sheet and a (possibly stale) store layout.
  const edits = reviewEdits(emptyStore(), review, { lang: 'zh-CN', recognition: scan.recognition, reviewer: '王' });
  const sheet = edits.sheets.find((l) => l.name === REVIEW_SHEET_NAME)!;
  expect((await host.addSheets!(edits.sheets)).names).toEqual([REVIEW_SHEET_NAME, REVIEW_STORE_SHEET]);
  expect(wb.sheets.filter((s) => s.name.startsWith('_suanpan_review'))).toHaveLength(1);
  expect(JSON.stringify([...wb.sheet(REVIEW_STORE_SHEET).cells])).toBe(storeBefore);
  expect(layoutDifferences(wb.sheet(REVIEW_SHEET_NAME), sheet)).toEqual([]);
  // Each finding's row links to its cell.
  const link = sheet.cells.find((c) => c.link === `#'表3'!${target.finding!.cell}`);
  expect(link).toBeDefined();
  expect(wb.sheet(REVIEW_SHEET_NAME).get(link!.row, link!.col)?.formula).toContain(`#'表3'!${target.finding!.cell}`);

  expect((await host.addSheets!([sheet])).names).toEqual([`${REVIEW_SHEET_NAME} (2)`]);
  const again = await createExcelHost().scan();
  expect(again.sheets.filter((n) => n.startsWith(REVIEW_SHEET_NAME) || n === REVIEW_STORE_SHEET)).toEqual([]);
  const where = (f: { rule: string; sheet: string; cell: string }) => `${f.rule}@${f.sheet}!${f.cell}`;
  expect(again.findings.map(where)).toEqual(scan.findings.map(where));
}, 60_000);

test('two decisions asked for at once both end up in the store (writes queue, none reads a stale store)', async () => {
  const { wb, host, scan } = await scanned();
  const [a, b] = scan.review!.items.filter((i) => i.finding);
  const [ra, rb] = await Promise.all([
    host.decide!(a.fingerprint, { decision: 'confirmed', reviewer: '甲' }),
    host.decide!(b.fingerprint, { decision: 'fixed', reviewer: '乙' }),
  ]);
  expect(ra.items.find((i) => i.fingerprint === a.fingerprint)?.status).toBe('confirmed');
  expect(rb.items.find((i) => i.fingerprint === a.fingerprint)?.status).toBe('confirmed');
  const stored = loadReviewStore(await readWorkbook(new FakeContext(wb).asExcel)).store;
  expect(Object.keys(stored.decisions).sort()).toEqual([a.fingerprint, b.fingerprint].sort());
  expect(wb.sheets.filter((s) => s.name.startsWith(REVIEW_STORE_SHEET))).toHaveLength(1);
}, 60_000);
