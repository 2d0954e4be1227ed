// Reviewers' decisions on findings, and how a new scan meets them.
//
// A decision (已确认 confirmed, 已忽略 dismissed, 已修正 fixed) is kept under the finding's
// fingerprint with who made it, when, and the figures it was made on. On a rescan:
//   - a dismissed (or fixed) finding whose figures are unchanged stays dismissed (fixed);
//     when its figures change it is open again, marked `changed`;
//   - a confirmed finding stays confirmed (marked `changed` if its figures moved);
//   - a decided finding the scan no longer produces is `resolved`;
//   - an undecided finding the last recorded scan did not have is `new`, otherwise `open`.
// Everything here is pure: functions take a store and return a new one.
import type { Finding, Message, RuleId, Severity } from '../findings';
import type { Recognition, TableKind } from '../recognize/model';
import { findingScope, fingerprintFindings } from './fingerprint';

export type Decision = 'confirmed' | 'dismissed' | 'fixed';
export type ReviewStatus = 'new' | 'open' | 'confirmed' | 'dismissed' | 'fixed' | 'resolved';

export const DECISIONS: readonly Decision[] = ['confirmed', 'dismissed', 'fixed'];

export const STATUS_LABELS: Record<ReviewStatus, Message> = {
  new: { zh: '新增', en: 'new' },
  open: { zh: '待处理', en: 'open' },
  confirmed: { zh: '已确认', en: 'confirmed' },
  dismissed: { zh: '已忽略', en: 'dismissed' },
  fixed: { zh: '已修正', en: 'fixed' },
  resolved: { zh: '已解决', en: 'resolved' },
};

/** What a finding said, kept with a decision so it can be shown after the finding is gone. */
export interface FindingSnapshot {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  readonly tableKind?: TableKind;
  readonly tableTitle?: string;
  readonly formName?: string;
  readonly rowLabel?: string;
  readonly columnLabel?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly message: Message;
}

export interface ReviewComment {
  readonly text: string;
  readonly reviewer: string;
  /** ISO 8601. */
  readonly at: string;
}

export interface PriorDecision {
  readonly decision: Decision;
  readonly reason?: string;
  readonly reviewer: string;
  readonly at: string;
}

export interface DecisionRecord {
  readonly decision: Decision;
  readonly reason?: string;
  readonly reviewer: string;
  /** ISO 8601. */
  readonly at: string;
  /** The figures the decision was made on; a change reopens a dismissed or fixed finding. */
  readonly expected?: string;
  readonly actual?: string;
  /** The finding as last seen (refreshed by recordScan: sheet, cell and message follow it). */
  readonly finding: FindingSnapshot;
  /** Earlier decisions on the same finding, oldest first (at most 20). */
  readonly history?: readonly PriorDecision[];
}

export interface CellComment extends ReviewComment {
  readonly sheet: string;
  readonly cell: string;
}

export interface ReviewStore {
  readonly version: 1;
  /** By fingerprint. */
  readonly decisions: Readonly<Record<string, DecisionRecord>>;
  /** Free comments on findings, by fingerprint. */
  readonly findingComments: Readonly<Record<string, ReviewComment>>;
  /** Free comments on cells, by `Sheet!A1` (see cellKey). */
  readonly cellComments: Readonly<Record<string, CellComment>>;
  /** The fingerprints of the last recorded scan, for marking findings new. */
  readonly lastScan?: { readonly at: string; readonly by?: string; readonly fingerprints: readonly string[] };
}

export class ReviewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewError';
  }
}

export function emptyStore(): ReviewStore {
  return { version: 1, decisions: {}, findingComments: {}, cellComments: {} };
}

/** One finding of a scan (or a decided finding the scan no longer produces) with its review state. */
export interface ReviewItem {
  readonly fingerprint: string;
  readonly status: ReviewStatus;
  /** The finding as this scan produced it; absent when `resolved`. */
  readonly finding?: Finding;
  /** The finding described for display and for deciding on: this scan's, or the stored one when resolved. */
  readonly snapshot: FindingSnapshot;
  readonly record?: DecisionRecord;
  readonly comment?: ReviewComment;
  /** Not in the last recorded scan (false when no scan was recorded yet). */
  readonly isNew: boolean;
  /** Decided on other figures than the finding has now. */
  readonly changed: boolean;
}

export interface ReviewScan {
  /** This scan's findings in their order, then resolved ones. */
  readonly items: readonly ReviewItem[];
  /** Fingerprints of this scan's findings (what recordScan stores). */
  readonly fingerprints: readonly string[];
  readonly counts: Readonly<Record<ReviewStatus, number>> & { readonly changed: number };
  /** Free comments on cells. */
  readonly cellComments: readonly CellComment[];
}

function isoTime(at: string | Date | undefined): string {
  if (at === undefined) return new Date().toISOString();
  return typeof at === 'string' ? at : at.toISOString();
}

/** Describes a finding for storage and display. */
export function snapshotFinding(f: Finding, recognition: Recognition): FindingSnapshot {
  const s = findingScope(f, recognition);
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    ...(s.tableKind ? { tableKind: s.tableKind } : {}),
    ...(s.tableTitle ? { tableTitle: s.tableTitle } : {}),
    ...(s.formName ? { formName: s.formName } : {}),
    ...(f.rowLabel !== undefined ? { rowLabel: f.rowLabel } : {}),
    ...(f.columnLabel !== undefined ? { columnLabel: f.columnLabel } : {}),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    message: { zh: f.message.zh, en: f.message.en },
  };
}

/** A figure as compared: no grouping commas, no spaces ('1,216.95 ' = '1216.95'). */
function figureKey(s: string | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/[,\s]/g, '');
}

export function sameFigures(a: { expected?: string; actual?: string }, b: { expected?: string; actual?: string }): boolean {
  return figureKey(a.expected) === figureKey(b.expected) && figureKey(a.actual) === figureKey(b.actual);
}

/** The input of mergeScan: what checkWorkbook returns. */
export interface ScanInput {
  readonly recognition: Recognition;
  readonly findings: readonly Finding[];
}

/** A new scan meets the stored decisions: each finding gets its status; decided ones now gone are `resolved`. */
export function mergeScan(store: ReviewStore, scan: ScanInput): ReviewScan {
  const fingerprints = fingerprintFindings(scan.findings, scan.recognition);
  const previous = store.lastScan ? new Set(store.lastScan.fingerprints) : undefined;
  const items: ReviewItem[] = scan.findings.map((finding, i) => {
    const fingerprint = fingerprints[i];
    const snapshot = snapshotFinding(finding, scan.recognition);
    const record = store.decisions[fingerprint];
    const comment = store.findingComments[fingerprint];
    const isNew = previous ? !previous.has(fingerprint) : false;
    const changed = record ? !sameFigures(record, snapshot) : false;
    let status: ReviewStatus;
    if (!record) status = isNew ? 'new' : 'open';
    else if (record.decision === 'confirmed') status = 'confirmed';
    else status = changed ? 'open' : record.decision;
    return { fingerprint, status, finding, snapshot, ...(record ? { record } : {}), ...(comment ? { comment } : {}), isNew, changed };
  });
  const current = new Set(fingerprints);
  for (const [fingerprint, record] of Object.entries(store.decisions)) {
    if (current.has(fingerprint)) continue;
    const comment = store.findingComments[fingerprint];
    items.push({ fingerprint, status: 'resolved', snapshot: record.finding, record, ...(comment ? { comment } : {}), isNew: false, changed: false });
  }
  const counts = { new: 0, open: 0, confirmed: 0, dismissed: 0, fixed: 0, resolved: 0, changed: 0 };
  for (const it of items) {
    counts[it.status]++;
    if (it.changed) counts.changed++;
  }
  return { items, fingerprints, counts, cellComments: Object.values(store.cellComments) };
}

export interface DecideOptions {
  /** Required for `dismissed`. */
  readonly reason?: string;
  readonly reviewer: string;
  /** Defaults to now. */
  readonly at?: string | Date;
}

/** Something to decide on: a ReviewItem will do. */
export interface DecisionTarget {
  readonly fingerprint: string;
  readonly snapshot: FindingSnapshot;
}

function requireReviewer(reviewer: string): string {
  const r = reviewer.trim();
  if (!r) throw new ReviewError('审核人不能为空 / a reviewer name is required');
  return r;
}

/** Records a decision on a finding (replacing an earlier one, which goes into its history). */
export function decide(store: ReviewStore, target: DecisionTarget, decision: Decision, opts: DecideOptions): ReviewStore {
  if (!DECISIONS.includes(decision)) throw new ReviewError(`unknown decision: ${String(decision)}`);
  const reviewer = requireReviewer(opts.reviewer);
  const reason = opts.reason?.trim();
  if (decision === 'dismissed' && !reason) throw new ReviewError('忽略须说明理由 / dismissing a finding needs a reason');
  const prior = store.decisions[target.fingerprint];
  const history = prior
    ? [...(prior.history ?? []), { decision: prior.decision, ...(prior.reason ? { reason: prior.reason } : {}), reviewer: prior.reviewer, at: prior.at }].slice(-20)
    : undefined;
  const s = target.snapshot;
  const record: DecisionRecord = {
    decision,
    ...(reason ? { reason } : {}),
    reviewer,
    at: isoTime(opts.at),
    ...(s.expected !== undefined ? { expected: s.expected } : {}),
    ...(s.actual !== undefined ? { actual: s.actual } : {}),
    finding: s,
    ...(history ? { history } : {}),
  };
  return { ...store, decisions: { ...store.decisions, [target.fingerprint]: record } };
}

/** Takes a decision back: the finding is open (or new) again. */
export function undecide(store: ReviewStore, fingerprint: string): ReviewStore {
  if (!(fingerprint in store.decisions)) return store;
  const decisions = { ...store.decisions };
  delete decisions[fingerprint];
  return { ...store, decisions };
}

/** Sets (or, with empty text, removes) the free comment on a finding. */
export function commentFinding(store: ReviewStore, fingerprint: string, text: string, reviewer: string, at?: string | Date): ReviewStore {
  const findingComments = { ...store.findingComments };
  if (!text.trim()) delete findingComments[fingerprint];
  else findingComments[fingerprint] = { text: text.trim(), reviewer: requireReviewer(reviewer), at: isoTime(at) };
  return { ...store, findingComments };
}

export function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${cell.replace(/\$/g, '').toUpperCase()}`;
}

/** Sets (or, with empty text, removes) the free comment on a cell. */
export function commentCell(store: ReviewStore, sheet: string, cell: string, text: string, reviewer: string, at?: string | Date): ReviewStore {
  const key = cellKey(sheet, cell);
  const cellComments = { ...store.cellComments };
  if (!text.trim()) delete cellComments[key];
  else cellComments[key] = { sheet, cell: cell.replace(/\$/g, '').toUpperCase(), text: text.trim(), reviewer: requireReviewer(reviewer), at: isoTime(at) };
  return { ...store, cellComments };
}

/**
 * Remembers this scan: its fingerprints (so the next scan can tell what is new) and where each
 * decided finding is now (sheet, cell, message; the figures a decision was made on stay).
 */
export function recordScan(store: ReviewStore, scan: ReviewScan, opts: { at?: string | Date; by?: string } = {}): ReviewStore {
  const decisions: Record<string, DecisionRecord> = { ...store.decisions };
  for (const it of scan.items) {
    const rec = decisions[it.fingerprint];
    if (rec && it.finding) decisions[it.fingerprint] = { ...rec, finding: it.snapshot };
  }
  const by = opts.by?.trim();
  return { ...store, decisions, lastScan: { at: isoTime(opts.at), ...(by ? { by } : {}), fingerprints: [...scan.fingerprints] } };
}
