// The pane's host outside Excel: an .xlsx opened in the browser. The file's bytes stay as they were
// opened; every scan and every download starts from them, with the applied fixes replayed, so a
// download never carries marks of an earlier scan and an undone fix leaves no trace.
import type { Finding } from '../../core/findings';
import type { TemplatePlan } from '../../core/forms/template';
import type { ReviewScan, ReviewStore } from '../../core/review';
import { cellAddress, parseCellAddress } from '../../core/workbook/address';
import type { CellEdit, SheetLayout } from '../../core/workbook/edits';
import { isEmptyCell } from '../../core/workbook/sheet';
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/workbook/types';
import { reasons } from '../../xlsx/errors';
import { checkSnapshot, nextTurn } from '../engine';
import { changedCorrections } from '../fix/corrections';
import type { AddedSheets, AppliedFix, CellWindow, FilePaneHost, ReviewCommentInput, ScanProgress, ScanResult, SheetExtent } from '../host';
import { freeSheetNames } from '../../core/workbook/sheet-names';
import { cellWindow } from './preview';
import { fileProblem } from './sniff';

export type WorkbookFileModule = typeof import('./workbookFile');

export interface FileHostOptions {
  /** Loads the exceljs side; tests pass the module in, the pane loads it as a lazy chunk. */
  loadModule?: () => Promise<WorkbookFileModule>;
  fetch?: typeof fetch;
}

/** What file mode offers beyond FilePaneHost: the optional PaneHost members, all implemented. */
export interface FileHost extends FilePaneHost {
  /** Adds the sheets to the workbook in memory: later scans read them and downloads carry them. */
  addSheets(sheets: readonly SheetLayout[]): Promise<AddedSheets>;
  comment(fingerprint: string, comment: ReviewCommentInput): Promise<ReviewScan>;
  /** A comment on a cell of a sheet the last scan read (or one added since); kept in downloads. */
  commentCell(sheet: string, cell: string, comment: ReviewCommentInput): Promise<ReviewScan>;
  /** Copies of a template sheet filled per plan, one sheet each; later scans read them, downloads carry them. */
  fillTemplate(templateSheet: string, plans: readonly TemplatePlan[], names: readonly string[]): Promise<AddedSheets>;
  sheetExtent(sheet: string): Promise<SheetExtent | null>;
  /** A file has no signed-in user: always null, so the pane asks for the reviewer's name. */
  userName(): Promise<null>;
}

// The review store, annotations and layout→snapshot live in core, which the pane fetches as the
// lazy engine chunk (see webpack.config.js); imported on use so the pane's first bundle stays small.
const loadReview = () => import('../../core/review');
const loadAnnotate = () => import('../../core/annotate');
const loadPublish = () => import('../../core/publish');
const loadTemplate = () => import('../../core/forms/template');

/** What was added to the open workbook, in order, replayed onto every load: built sheets or filled template copies. */
type Addition =
  | { readonly kind: 'layouts'; readonly layouts: readonly SheetLayout[] }
  | { readonly kind: 'template'; readonly template: string; readonly plans: readonly TemplatePlan[]; readonly names: readonly string[] };

/** Also leaves out the 审核意见表 made again on demand (`审核意见表 (2)` …): Suanpan's, not the user's. */
function withoutReviewCopies(workbook: WorkbookSnapshot, reviewSheet: string): WorkbookSnapshot {
  const copy = new RegExp(`^${reviewSheet} \\(\\d+\\)$`);
  const sheets = workbook.sheets.filter((s) => !copy.test(s.name));
  return sheets.length === workbook.sheets.length ? workbook : { ...workbook, sheets };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createFileHost(options: FileHostOptions = {}): FileHost {
  const loadModule = options.loadModule ?? (() => import(/* webpackChunkName: "xlsx" */ './workbookFile'));
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  let bytes: ArrayBuffer | null = null;
  let name: string | null = null;
  let snapshot: WorkbookSnapshot | null = null;
  // The decisions: read from the file at its first scan, then kept here and written into downloads.
  let store: ReviewStore | null = null;
  let lastScan: ScanResult | null = null;
  let lastReview: ReviewScan | null = null;
  let lastReviewer: string | undefined;
  const fixes = new Map<string, CellEdit[]>();
  let fixCounter = 0;
  // Sheets added by addSheets and fillTemplate, under the names they got; replayed onto every load like the fixes.
  const added: Addition[] = [];
  // Every sheet name of the workbook as last loaded (hidden ones included), for free names.
  let names: string[] | null = null;

  async function loaded(m: WorkbookFileModule) {
    if (!bytes) throw new Error('no file is open');
    const wb = await m.loadWorkbook(bytes);
    for (const a of added) {
      if (a.kind === 'layouts') m.edit(wb, { cells: [], sheets: [...a.layouts] });
      else m.fillTemplate(wb, a.template, a.plans, a.names);
    }
    const edits = [...fixes.values()].flat();
    if (edits.length) m.edit(wb, { cells: edits, sheets: [] });
    names = m.sheetNames(wb);
    return wb;
  }

  /** The last scan's review, after `store` changed. */
  async function remerge(): Promise<ReviewScan> {
    const { mergeScan } = await loadReview();
    lastReview = mergeScan(store!, lastScan!);
    lastScan = { ...lastScan!, review: lastReview };
    return lastReview;
  }

  function reviewItem(fingerprint: string) {
    if (!store || !lastScan || !lastReview) throw new Error('scan the workbook first');
    const item = lastReview.items.find((i) => i.fingerprint === fingerprint);
    if (!item) throw new Error(`no finding ${fingerprint}`);
    return item;
  }

  const host: FileHost = {
    mode: 'file',

    fileName: () => name,

    async open(data, fileName) {
      const buf = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
      const problem = fileProblem(buf);
      if (problem) throw new Error(problem);
      bytes = buf;
      name = fileName;
      snapshot = null;
      store = null;
      lastScan = null;
      lastReview = null;
      fixes.clear();
      added.length = 0;
      names = null;
    },

    async openUrl(url) {
      const res = await doFetch(url);
      if (!res.ok) throw new Error(`${res.status} ${res.statusText || ''}`.trim() + ` (${url})`);
      const path = new URL(url, typeof location === 'undefined' ? 'http://localhost/' : location.href).pathname;
      const base = decodeURIComponent(path.split('/').pop() || 'workbook.xlsx');
      await host.open(await res.arrayBuffer(), base);
    },

    async scan(onProgress?: (p: ScanProgress) => void): Promise<ScanResult> {
      if (!bytes) throw new Error('no file is open');
      onProgress?.({ step: 'read', done: 0, total: 1 });
      const m = await loadModule();
      const wb = await loaded(m);
      const names = m.sheetNames(wb);
      const sheets: SheetSnapshot[] = [];
      for (let i = 0; i < names.length; i++) {
        onProgress?.({ step: 'read', done: i + 1, total: names.length, sheet: names[i] });
        await nextTurn();
        sheets.push(m.readSheetAt(wb, i));
      }
      const whole: WorkbookSnapshot = { source: name ?? 'workbook.xlsx', sheets };
      const review = await loadReview();
      const read = withoutReviewCopies(review.withoutReviewSheets(whole), review.REVIEW_SHEET_NAME);
      snapshot = read;
      if (!read.sheets.some((s) => s.rows.some((row) => row?.some((c) => !isEmptyCell(c))))) throw new Error(reasons.noData);
      if (!store) store = review.loadReviewStore(whole).store;
      const result = await checkSnapshot(read, onProgress);
      lastReview = review.mergeScan(store, result);
      lastScan = { ...result, review: lastReview, snapshot: read };
      return lastScan;
    },

    async select() {
      // Nothing to move in a file: the pane shows the cell in its preview grid.
    },

    preview(sheet, cell): CellWindow | null {
      const s = snapshot?.sheets.find((x) => x.name === sheet);
      if (!s) return null;
      try {
        return cellWindow(s, cell);
      } catch {
        return null;
      }
    },

    async applyFix(finding: Finding): Promise<AppliedFix> {
      const list = changedCorrections(finding);
      if (!list.length) throw new Error('this finding has no corrections');
      const sheet = snapshot?.sheets.find((s) => s.name === finding.sheet);
      const edits: CellEdit[] = list.map((c) => {
        const { row, col } = parseCellAddress(c.cell);
        // Keep the cell's type: a code stored as a number stays a number.
        const asNumber = sheet?.rows[row]?.[col]?.value.kind === 'number' && /^\d{1,15}$/.test(c.to);
        return { sheet: finding.sheet, row, col, value: asNumber ? { kind: 'number', value: Number(c.to) } : { kind: 'text', value: c.to } };
      });
      const id = `fix-${++fixCounter}`;
      fixes.set(id, edits);
      return { id, cells: edits.length };
    },

    async undoFix(id) {
      if (!fixes.delete(id)) throw new Error(`no fix ${id}`);
    },

    async decide(fingerprint, d) {
      const item = reviewItem(fingerprint);
      const { decide, undecide } = await loadReview();
      store = d.decision ? decide(store!, item, d.decision, { reason: d.reason, reviewer: d.reviewer }) : undecide(store!, fingerprint);
      if (d.reviewer.trim()) lastReviewer = d.reviewer.trim();
      return remerge();
    },

    async comment(fingerprint, c) {
      reviewItem(fingerprint);
      const { commentFinding } = await loadReview();
      store = commentFinding(store!, fingerprint, c.text, c.reviewer);
      if (c.reviewer.trim()) lastReviewer = c.reviewer.trim();
      return remerge();
    },

    async commentCell(sheet, cell, c) {
      if (!store || !lastScan || !snapshot) throw new Error('scan the workbook first');
      const { row, col } = parseCellAddress(cell);
      if (!snapshot.sheets.some((s) => s.name === sheet)) throw new Error(`no sheet ${sheet}`);
      const { commentCell } = await loadReview();
      store = commentCell(store, sheet, cellAddress(row, col), c.text, c.reviewer);
      if (c.reviewer.trim()) lastReviewer = c.reviewer.trim();
      return remerge();
    },

    async addSheets(layouts) {
      if (!bytes) throw new Error('no file is open');
      if (!layouts.length) return { names: [] };
      if (!names) await loaded(await loadModule());
      const given = freeSheetNames(
        layouts.map((l) => l.name),
        names!,
      );
      const renamed = layouts.map((l, i) => (l.name === given[i] ? l : { ...l, name: given[i] }));
      added.push({ kind: 'layouts', layouts: renamed });
      names!.push(...given);
      // The preview grid shows cells of the new sheets too (a to-do on a filled form, say).
      if (snapshot) {
        const { layoutsToSnapshot } = await loadPublish();
        snapshot = { ...snapshot, sheets: [...snapshot.sheets, ...layoutsToSnapshot(renamed).sheets] };
      }
      return { names: given };
    },

    async fillTemplate(templateSheet, plans, wanted) {
      if (!bytes) throw new Error('no file is open');
      const m = await loadModule();
      const wb = await loaded(m);
      if (!m.sheetNames(wb).includes(templateSheet)) throw new Error(`找不到模板工作表「${templateSheet}」/ no template sheet "${templateSheet}"`);
      if (!plans.length) return { names: [] };
      const given = freeSheetNames(wanted, names!);
      // Tried on this load first: a plan exceljs cannot write fails here, not on every later load.
      m.fillTemplate(wb, templateSheet, plans, given);
      added.push({ kind: 'template', template: templateSheet, plans: [...plans], names: given });
      names!.push(...given);
      const source = snapshot?.sheets.find((s) => s.name === templateSheet);
      if (snapshot && source) {
        const { planSnapshot } = await loadTemplate();
        snapshot = { ...snapshot, sheets: [...snapshot.sheets, ...plans.map((p, i) => planSnapshot(source, p, given[i]))] };
      }
      return { names: given };
    },

    async sheetExtent(sheet) {
      if (!bytes) throw new Error('no file is open');
      const m = await loadModule();
      return m.sheetExtent(await loaded(m), sheet);
    },

    async userName() {
      return null;
    },

    async annotatedCopy(findings, lang) {
      const m = await loadModule();
      const wb = await loaded(m);
      const [{ annotationEdits }, { recordScan, reviewEdits }] = await Promise.all([loadAnnotate(), loadReview()]);
      m.edit(wb, annotationEdits(findings, lang));
      if (store && lastScan && lastReview) {
        const recorded = recordScan(store, lastReview, { ...(lastReviewer ? { by: lastReviewer } : {}) });
        m.edit(
          wb,
          reviewEdits(recorded, lastReview, {
            lang,
            workbookName: name ?? undefined,
            recognition: lastScan.recognition,
            ...(lastReviewer ? { reviewer: lastReviewer } : {}),
          }),
        );
      }
      const out = await m.writeWorkbook(wb);
      const base = (name ?? 'workbook.xlsx').replace(/\.xlsx$/i, '');
      return { blob: new Blob([out], { type: XLSX_TYPE }), name: `${base}${lang === 'en' ? '-annotated' : '-标注'}.xlsx` };
    },
  };
  return host;
}

/** The sample to open at start: `?sample=URL` on the pane's own address, same origin only. */
export function sampleUrlFrom(search: string, origin: string): string | null {
  const raw = new URLSearchParams(search).get('sample');
  if (!raw) return null;
  try {
    const url = new URL(raw, origin + '/');
    return url.origin === origin ? url.href : null;
  } catch {
    return null;
  }
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
