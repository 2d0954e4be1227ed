// The pane's Excel host: every operation in its own Excel.run. Operations that change the
// workbook run as one undo step where Excel offers it (Excel.run's `mergeUndoGroup`, ExcelApi
// 1.20); elsewhere each of their (one to three) write syncs is its own undo step. None of them
// calls an API that clears the user's undo stack — except setting a new sheet's visibility, which
// happens only when a very hidden sheet is added (the review store, the first time a decision is
// stored in a workbook); that run goes outside an undo group, which would refuse it.
import type { Finding } from '../core/findings';
import { recognizeWorkbook } from '../core/recognize';
import {
  commentCell as commentOnCell,
  commentFinding,
  decide as decideOn,
  emptyStore,
  loadReviewStore,
  mergeScan,
  recordScan,
  undecide,
  withoutReviewSheets,
  REVIEW_SHEET_NAME,
  REVIEW_STORE_SHEET,
  type ReviewScan,
  type ReviewStore,
} from '../core/review';
import { checkWorkbook } from '../core/rules';
import { cellAddress, parseCellAddress } from '../core/workbook/address';
import type { TemplatePlan } from '../core/forms/template';
import type { SheetLayout } from '../core/workbook/edits';
import type { WorkbookSnapshot } from '../core/workbook/types';
import type { AddedSheets, AppliedFix, ExcelPaneHost, ReviewCommentInput, ReviewDecision, ScanProgress, ScanResult, SelectedCell, SheetExtent } from '../taskpane/host';
import { addLayoutSheets, needsUngroupedRun, type AddSheetsResult } from './add-sheets';
import { clearAnnotations, type ClearResult } from './clear';
import { fillTemplateSheets, type FillTemplateResult } from './fill-template';
import { applyFix, undoFix } from './fix';
import { detectCapabilities, type Capabilities } from './limits';
import { paintFindings, type PaintLanguage, type PaintResult } from './paint';
import { readWorkbook } from './read';
import { readReviewStore, writeReviewStore, type StoreWriteResult } from './review-store';
import { selectCell } from './select';
import { readSelectedCell, type SelectedCellRead } from './selection';

export interface ExcelHostOptions {
  /** The pane's language for note texts; default zh-CN. */
  readonly lang?: () => PaintLanguage;
  /** Overrides feature detection (tests). */
  readonly capabilities?: () => Capabilities;
}

/** What `decide` did in the workbook (for tests and diagnostics). */
export interface DecideDetails {
  readonly review: ReviewScan;
  /** context.sync() calls: 1 to read the store, then the write (1 under ~4 MB). */
  readonly syncs: number;
  readonly write: StoreWriteResult;
  /** Ran as one undo step (false when the store sheet had to be created, or the host lacks 1.20). */
  readonly grouped: boolean;
}

/** ExcelPaneHost, plus the same operations with their figures (cells, channel, syncs). */
export interface SuanpanExcelHost extends ExcelPaneHost {
  paint(findings: readonly Finding[], lang?: PaintLanguage): Promise<void>;
  paintDetailed(findings: readonly Finding[], lang?: PaintLanguage): Promise<PaintResult>;
  clearDetailed(): Promise<ClearResult>;
  decide(fingerprint: string, decision: ReviewDecision): Promise<ReviewScan>;
  decideDetailed(fingerprint: string, decision: ReviewDecision): Promise<DecideDetails>;
  /** Sets (or, with empty text, removes) the free comment on a finding of the last scan. */
  comment(fingerprint: string, comment: { readonly text: string; readonly reviewer: string }): Promise<ReviewScan>;
  /** Sets (or, with empty text, removes) the free comment on a cell: 2 syncs, queued with decide and comment. */
  commentCell(sheet: string, cell: string, comment: ReviewCommentInput): Promise<ReviewScan>;
  commentCellDetailed(sheet: string, cell: string, comment: ReviewCommentInput): Promise<DecideDetails>;
  selectedCell(): Promise<SelectedCell>;
  selectedCellDetailed(): Promise<SelectedCellRead>;
  addSheets(sheets: readonly SheetLayout[]): Promise<AddedSheets>;
  addSheetsDetailed(sheets: readonly SheetLayout[]): Promise<AddSheetsResult>;
  fillTemplate(templateSheet: string, plans: readonly TemplatePlan[], names: readonly string[]): Promise<AddedSheets>;
  fillTemplateDetailed(templateSheet: string, plans: readonly TemplatePlan[], names: readonly string[]): Promise<FillTemplateResult>;
  /** 1 sync: the used range with formats (getUsedRange(false)), from A1. */
  sheetExtent(sheet: string): Promise<SheetExtent | null>;
  userName(): Promise<string | null>;
}

/**
 * The workbook without the sheets Suanpan writes: the store, and the review sheet — also the
 * copies addSheets names `审核意见表 (2)` … when the review sheet is made again.
 */
export function withoutSuanpanSheets(workbook: WorkbookSnapshot): WorkbookSnapshot {
  const base = withoutReviewSheets(workbook);
  const copy = new RegExp(`^${REVIEW_SHEET_NAME} \\(\\d+\\)$`);
  const sheets = base.sheets.filter((s) => !copy.test(s.name));
  return sheets.length === base.sheets.length ? base : { ...base, sheets };
}

/** Excel's answer when a batch in an undo group calls an API without undo support. */
function isUndoNotSupported(e: unknown): boolean {
  const err = e as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  return err?.code === 'UndoNotSupported' || err?.debugInfo?.code === 'UndoNotSupported';
}

export function createExcelHost(opts: ExcelHostOptions = {}): SuanpanExcelHost {
  const caps = () => (opts.capabilities ?? detectCapabilities)();
  /** Excel.run for changes: one undo group where ExcelApi 1.20 is there. */
  const runWrite = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    caps().undoGroup ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch);
  /**
   * runWrite for batches that may meet an API an undo group refuses: run plainly when that is
   * known beforehand (`grouped` false), and once more plainly when Excel answers UndoNotSupported.
   * Both batches that use it read the workbook before they write, so a retry starts from what is
   * there: a store write is simply done again; a sheet a refused batch did add would make the
   * retry pick the next free name.
   */
  const runMaybeGrouped = async <T>(grouped: boolean, batch: (context: Excel.RequestContext) => Promise<T>): Promise<{ value: T; grouped: boolean }> => {
    if (!grouped || !caps().undoGroup) return { value: await Excel.run(batch), grouped: false };
    try {
      return { value: await Excel.run({ mergeUndoGroup: true }, batch), grouped: true };
    } catch (e) {
      if (!isUndoNotSupported(e)) throw e;
      return { value: await Excel.run(batch), grouped: false };
    }
  };

  // The review as of the last scan: the findings met with the stored decisions.
  let lastScan: ScanResult | null = null;
  let lastReview: ReviewScan | null = null;
  /** The store's record of the scan before this one: what "new" is measured against. */
  let baseline: ReviewStore['lastScan'];
  let storeFound = false;

  /** Store writes in the order they were asked for: two quick decisions must not both read the old store. */
  let storeQueue: Promise<unknown> = Promise.resolve();

  /**
   * Applies `change` to the store as it is in the workbook now (another pane, or a co-author, may
   * have written since the scan) and writes it back: 2 syncs, read then write. Storing records
   * this scan too, so the next scan tells what is new against it; the review returned still
   * measures "new" against the scan before, as the pane showed it.
   */
  const updateStore = (change: (store: ReviewStore) => ReviewStore, by: string): Promise<DecideDetails> => {
    if (!lastScan || !lastReview) return Promise.reject(new Error('scan the workbook first'));
    try {
      change(emptyStore()); // a missing reviewer or reason fails here, before the workbook is touched
    } catch (e) {
      return Promise.reject(e);
    }
    const run = storeQueue.then(async () => {
      const scan = lastScan!;
      const { value, grouped } = await runMaybeGrouped(storeFound, async (context) => {
        const stored = await readReviewStore(context);
        const changed = change(stored.store);
        const { lastScan: _recorded, ...rest } = changed;
        const review = mergeScan(baseline ? { ...rest, lastScan: baseline } : rest, scan);
        const reviewer = by.trim();
        const write = await writeReviewStore(context, recordScan(changed, review, reviewer ? { by: reviewer } : {}), stored);
        return { review, write, syncs: 1 + write.syncs };
      });
      storeFound = true;
      lastReview = value.review;
      lastScan = { ...scan, review: value.review };
      return { ...value, grouped };
    });
    storeQueue = run.catch(() => undefined);
    return run;
  };

  const itemOf = (fingerprint: string) => {
    if (!lastReview) throw new Error('scan the workbook first');
    const item = lastReview.items.find((i) => i.fingerprint === fingerprint);
    if (!item) throw new Error(`no finding ${fingerprint} in the last scan`);
    return item;
  };

  const decideDetailed = async (fingerprint: string, d: ReviewDecision): Promise<DecideDetails> => {
    const item = itemOf(fingerprint);
    // `item` is as the scan saw it; each change is applied to the store as read in its own turn.
    return updateStore(
      (store) => (d.decision ? decideOn(store, item, d.decision, { reason: d.reason, reviewer: d.reviewer }) : undecide(store, fingerprint)),
      d.reviewer,
    );
  };

  const commentCellDetailed = (sheet: string, cell: string, c: ReviewCommentInput): Promise<DecideDetails> => {
    let a1: string;
    try {
      const { row, col } = parseCellAddress(cell);
      a1 = cellAddress(row, col);
    } catch (e) {
      return Promise.reject(e);
    }
    if (!sheet.trim()) return Promise.reject(new Error('a sheet name is required'));
    return updateStore((store) => commentOnCell(store, sheet, a1, c.text, c.reviewer), c.reviewer);
  };

  /**
   * A layout of the review store (core's reviewEdits hands one out with the review sheet) is not
   * added: in Excel the store is the workbook's own, kept current by decide and comment, and a
   * copy under `_suanpan_review (2)` would be a second store nobody reads. Its name comes back
   * as the store's.
   */
  const addSheetsDetailed = async (layouts: readonly SheetLayout[]): Promise<AddSheetsResult> => {
    const capabilities = caps();
    const isStore = (l: SheetLayout) => l.name.toLowerCase() === REVIEW_STORE_SHEET.toLowerCase();
    const added = layouts.filter((l) => !isStore(l));
    const { value } = await runMaybeGrouped(!needsUngroupedRun(added), (context) => addLayoutSheets(context, added, { capabilities }));
    let next = 0;
    return { ...value, names: layouts.map((l) => (isStore(l) ? REVIEW_STORE_SHEET : value.names[next++])) };
  };

  const fillTemplateDetailed = async (templateSheet: string, plans: readonly TemplatePlan[], names: readonly string[]): Promise<FillTemplateResult> => {
    const capabilities = caps();
    // One undo step where Excel offers it; a hidden template's copies are made visible, which an
    // undo group refuses: that batch runs again plainly (it reads before it writes).
    const { value } = await runMaybeGrouped(true, (context) => fillTemplateSheets(context, templateSheet, plans, names, { capabilities }));
    return value;
  };

  const paintDetailed = (findings: readonly Finding[], lang?: PaintLanguage): Promise<PaintResult> => {
    const capabilities = caps();
    return runWrite((context) => paintFindings(context, findings, lang ?? opts.lang?.() ?? 'zh-CN', { capabilities }));
  };
  const clearDetailed = (): Promise<ClearResult> => {
    const capabilities = caps();
    return runWrite((context) => clearAnnotations(context, { capabilities }));
  };

  return {
    mode: 'excel',
    paintDetailed,
    clearDetailed,
    decideDetailed,
    addSheetsDetailed,
    commentCellDetailed,

    async scan(onProgress?: (progress: ScanProgress) => void): Promise<ScanResult> {
      const c = caps();
      const whole = await Excel.run((context) =>
        readWorkbook(context, {
          indent: c.rangeAreas !== false,
          hidden: c.rangeAreas !== false,
          merges: c.mergedAreas !== false,
          onProgress: (p) => onProgress?.({ step: 'read', done: p.done, total: p.total, ...(p.sheet ? { sheet: p.sheet } : {}) }),
        }),
      );
      // The review store came with the cells (read.ts); it and the review sheet are not checked.
      const loaded = loadReviewStore(whole);
      const snapshot = withoutSuanpanSheets(whole);
      onProgress?.({ step: 'recognize', done: 0, total: 1 });
      const recognition = recognizeWorkbook(snapshot);
      onProgress?.({ step: 'check', done: 0, total: 1 });
      const { findings } = checkWorkbook(snapshot, recognition);
      onProgress?.({ step: 'check', done: 1, total: 1 });
      const review = mergeScan(loaded.store, { recognition, findings });
      baseline = loaded.store.lastScan;
      storeFound = loaded.found;
      lastReview = review;
      lastScan = { sheets: snapshot.sheets.map((s) => s.name), recognition, findings, review, snapshot };
      return lastScan;
    },

    async decide(fingerprint, decision) {
      return (await decideDetailed(fingerprint, decision)).review;
    },

    async comment(fingerprint, c) {
      itemOf(fingerprint);
      return (await updateStore((store) => commentFinding(store, fingerprint, c.text, c.reviewer), c.reviewer)).review;
    },

    fillTemplateDetailed,

    async fillTemplate(templateSheet, plans, names) {
      return { names: (await fillTemplateDetailed(templateSheet, plans, names)).names };
    },

    sheetExtent(sheet: string): Promise<SheetExtent | null> {
      return Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        const used = ws.getUsedRangeOrNullObject(false).load('rowIndex,columnIndex,rowCount,columnCount');
        await context.sync();
        if (ws.isNullObject) return null;
        if (used.isNullObject) return { rowCount: 0, colCount: 0 };
        return { rowCount: used.rowIndex + used.rowCount, colCount: used.columnIndex + used.columnCount };
      });
    },

    async commentCell(sheet, cell, c) {
      return (await commentCellDetailed(sheet, cell, c)).review;
    },

    selectedCellDetailed() {
      return Excel.run((context) => readSelectedCell(context));
    },

    async selectedCell() {
      return (await Excel.run((context) => readSelectedCell(context))).cell;
    },

    async addSheets(layouts) {
      return { names: (await addSheetsDetailed(layouts)).names };
    },

    async userName() {
      // Office.js gives Excel add-ins no user name (Office.context.userProfile is Outlook's
      // mailbox only); the pane asks the reviewer once.
      return null;
    },

    async paint(findings, lang) {
      await paintDetailed(findings, lang);
    },

    async clear() {
      await clearDetailed();
    },

    select(sheet: string, cell: string): Promise<void> {
      return Excel.run((context) => selectCell(context, sheet, cell));
    },

    async applyFix(finding: Finding): Promise<AppliedFix> {
      const applied = await runWrite((context) => applyFix(context, finding));
      return { id: applied.id, cells: applied.cells };
    },

    async undoFix(id: string): Promise<void> {
      await runWrite((context) => undoFix(context, id));
    },
  };
}
