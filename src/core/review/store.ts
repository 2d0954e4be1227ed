// The review store lives in the workbook itself, in a very hidden sheet `_suanpan_review`: the
// store as JSON, cut into chunks down column A (a cell holds at most 32,767 characters).
// Each cell reads `pN:` + chunk + `;`: the prefix keeps a host from taking a chunk for a number,
// a date or a formula, and with the closing ';' no chunk starts or ends with a space a host
// might trim. Chunks never split a surrogate pair.
import type { SheetLayout, SheetLayoutCell } from '../workbook/edits';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook/types';
import { emptyStore, type CellComment, type DecisionRecord, type ReviewComment, type ReviewStore } from './decisions';

export const REVIEW_STORE_SHEET = '_suanpan_review';

/** Characters of JSON per cell: well under Excel's 32,767. */
export const DEFAULT_CHUNK = 30000;

export class ReviewStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewStoreError';
  }
}

export function serializeStore(store: ReviewStore): string {
  return JSON.stringify(store);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown): x is string {
  return typeof x === 'string';
}

function validDecision(x: unknown): x is DecisionRecord {
  return (
    isRecord(x) &&
    (x.decision === 'confirmed' || x.decision === 'dismissed' || x.decision === 'fixed') &&
    str(x.reviewer) &&
    str(x.at) &&
    isRecord(x.finding) &&
    str(x.finding.rule) &&
    str(x.finding.sheet) &&
    str(x.finding.cell) &&
    isRecord(x.finding.message)
  );
}

function validComment(x: unknown): x is ReviewComment {
  return isRecord(x) && str(x.text) && str(x.reviewer) && str(x.at);
}

/** Parses a stored store; entries that do not hold together are dropped, not fatal. */
export function deserializeStore(json: string): ReviewStore {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new ReviewStoreError(`review data is not valid JSON: ${(e as Error).message}`);
  }
  if (!isRecord(doc)) throw new ReviewStoreError('review data is not an object');
  if (doc.version !== 1) throw new ReviewStoreError(`review data version ${String(doc.version)} is not supported`);
  const pick = <T>(o: unknown, ok: (v: unknown) => v is T): Record<string, T> => {
    const out: Record<string, T> = {};
    if (isRecord(o)) for (const [k, v] of Object.entries(o)) if (ok(v)) out[k] = v;
    return out;
  };
  const cellComments = pick(doc.cellComments, (v): v is CellComment => validComment(v) && str((v as CellComment).sheet) && str((v as CellComment).cell));
  const last = doc.lastScan;
  const lastScan =
    isRecord(last) && str(last.at) && Array.isArray(last.fingerprints) && last.fingerprints.every(str)
      ? { at: last.at, ...(str(last.by) ? { by: last.by } : {}), fingerprints: last.fingerprints as string[] }
      : undefined;
  return {
    ...emptyStore(),
    decisions: pick(doc.decisions, validDecision),
    findingComments: pick(doc.findingComments, validComment),
    cellComments,
    ...(lastScan ? { lastScan } : {}),
  };
}

function chunks(s: string, size: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    let end = Math.min(i + size, s.length);
    const code = s.charCodeAt(end - 1);
    if (end < s.length && code >= 0xd800 && code <= 0xdbff) end--; // keep a surrogate pair together
    out.push(s.slice(i, end));
    i = end;
  }
  return out.length ? out : [''];
}

/** The store as a very hidden sheet for a host to write (replacing the old one). */
export function storeLayout(store: ReviewStore, opts: { chunkSize?: number } = {}): SheetLayout {
  const size = Math.max(2, Math.min(opts.chunkSize ?? DEFAULT_CHUNK, DEFAULT_CHUNK));
  const cells: SheetLayoutCell[] = chunks(serializeStore(store), size).map((c, i) => ({
    row: i,
    col: 0,
    value: { kind: 'text', value: `p${i}:${c};` },
    style: { numFmt: '@' },
  }));
  return { name: REVIEW_STORE_SHEET, cells, merges: [], hidden: 'veryHidden' };
}

/** Reads the store back from its sheet. Throws ReviewStoreError when the sheet is damaged. */
export function parseStoreSheet(sheet: SheetSnapshot): ReviewStore {
  const parts: string[] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const cell = sheet.rows[r]?.[0];
    if (!cell) continue;
    const text = cell.value.kind === 'text' ? cell.value.value : String(cell.value.value);
    const m = /^p(\d+):([\s\S]*);$/.exec(text);
    if (!m) throw new ReviewStoreError(`${REVIEW_STORE_SHEET}!A${r + 1} is not review data`);
    const n = Number(m[1]);
    if (parts[n] !== undefined) throw new ReviewStoreError(`${REVIEW_STORE_SHEET}: chunk ${n} appears twice`);
    parts[n] = m[2];
  }
  if (!parts.length) return emptyStore();
  for (let i = 0; i < parts.length; i++) if (parts[i] === undefined) throw new ReviewStoreError(`${REVIEW_STORE_SHEET}: chunk ${i} is missing`);
  return deserializeStore(parts.join(''));
}

export function findStoreSheet(workbook: WorkbookSnapshot): SheetSnapshot | undefined {
  const lower = REVIEW_STORE_SHEET.toLowerCase();
  return workbook.sheets.find((s) => s.name.toLowerCase() === lower);
}

export interface LoadedReview {
  readonly store: ReviewStore;
  /** The workbook had a review sheet. */
  readonly found: boolean;
  /** Why a review sheet that was there could not be read (the store is then empty). */
  readonly problem?: string;
}

/** The decisions stored in a workbook; an empty store when there are none or they cannot be read. */
export function loadReviewStore(workbook: WorkbookSnapshot): LoadedReview {
  const sheet = findStoreSheet(workbook);
  if (!sheet) return { store: emptyStore(), found: false };
  try {
    return { store: parseStoreSheet(sheet), found: true };
  } catch (e) {
    if (e instanceof ReviewStoreError) return { store: emptyStore(), found: true, problem: e.message };
    throw e;
  }
}
