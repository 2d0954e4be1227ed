// The reviewer's side of a scan: each finding's decision status, counts by status, a filter by
// status, the reviewer's name and decide/undo/comment, and comments on cells. Works with any host
// whose scan carries a review (ScanResult.review) and that records decisions (host.decide; comments
// need host.comment, comments on cells host.commentCell; Excel's selected cell host.selectedCell).
// The name: what the reviewer typed before (localStorage), else Office's user name, else asked.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../core/findings';
import type { CellComment, Decision, ReviewItem, ReviewScan, ReviewStatus } from '../../core/review/decisions';
import type { PaneHost, ReviewDecision, ScanResult, SelectedCell } from '../host';
import type { Messages } from '../i18n';
import { errorText } from '../useScan';

export const REVIEW_STATUSES: readonly ReviewStatus[] = ['new', 'open', 'confirmed', 'dismissed', 'fixed', 'resolved'];
export const REVIEWER_KEY = 'suanpan.reviewer';

export type StatusFilter = ReviewStatus | 'all';

export function statusLabel(status: ReviewStatus, t: Messages): string {
  switch (status) {
    case 'new':
      return t.statusNew;
    case 'open':
      return t.statusOpen;
    case 'confirmed':
      return t.statusConfirmed;
    case 'dismissed':
      return t.statusDismissed;
    case 'fixed':
      return t.statusFixed;
    default:
      return t.statusResolved;
  }
}

function storedReviewer(): string {
  try {
    return (typeof localStorage !== 'undefined' && localStorage.getItem(REVIEWER_KEY)) || '';
  } catch {
    return '';
  }
}

/** The finding each review item belongs to (items[i] ↔ findings[i]). */
export function itemsByFinding(review: ReviewScan | null): Map<Finding, ReviewItem> {
  const map = new Map<Finding, ReviewItem>();
  for (const it of review?.items ?? []) if (it.finding) map.set(it.finding, it);
  return map;
}

/** The scan with only the findings of one review status (or all of them). */
export function filterByStatus(result: ScanResult | null, items: Map<Finding, ReviewItem>, status: StatusFilter): ScanResult | null {
  if (!result || status === 'all' || items.size === 0) return result;
  return { ...result, findings: result.findings.filter((f) => items.get(f)?.status === status) };
}

export interface Review {
  readonly review: ReviewScan | null;
  readonly reviewer: string;
  /** True while the name shown is Office's user name (not typed here). */
  readonly reviewerFromHost: boolean;
  setReviewer(name: string): void;
  /** The host records decisions / comments. */
  readonly canDecide: boolean;
  readonly canComment: boolean;
  readonly status: StatusFilter;
  setStatus(s: StatusFilter): void;
  readonly error: string | null;
  itemOf(f: Finding): ReviewItem | undefined;
  decide(item: ReviewItem, decision: Decision | null, reason?: string): Promise<boolean>;
  /** Sets the free comment on a finding; empty text removes it. */
  comment(item: ReviewItem, text: string): Promise<boolean>;
  /** The decided findings this scan no longer produces. */
  readonly resolved: readonly ReviewItem[];
  /** The host records comments on cells / tells the selected cell (Excel). */
  readonly canCommentCell: boolean;
  readonly canPickCell: boolean;
  /** The free comments on cells, in the order they were first made. */
  readonly cellComments: readonly CellComment[];
  cellCommentOf(sheet: string, cell: string): CellComment | undefined;
  /** Sets the free comment on a cell; empty text removes it. */
  commentCell(sheet: string, cell: string, text: string): Promise<boolean>;
  /** Excel's selected cell; null (with the error set) when it cannot be told. */
  selectedCell(): Promise<SelectedCell | null>;
}

const cellKey = (sheet: string, cell: string) => `${sheet}!${cell.replace(/\$/g, '').toUpperCase()}`;

export function useReview(host: PaneHost, result: ScanResult | null, t: Messages): Review {
  const [review, setReviewState] = useState<ReviewScan | null>(null);
  const [reviewer, setReviewerState] = useState<string>(() => storedReviewer());
  const [fromHost, setFromHost] = useState(false);
  const typed = useRef(reviewer);
  typed.current = reviewer;
  const [status, setStatus] = useState<StatusFilter>('all');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setReviewState(result?.review ?? null);
    setError(null);
  }, [result]);

  useEffect(() => {
    if (!host.userName || storedReviewer()) return;
    let live = true;
    host
      .userName()
      .then((name) => {
        // Only if nobody typed a name meanwhile.
        if (!live || !name?.trim() || typed.current.trim()) return;
        setReviewerState(name.trim());
        setFromHost(true);
      })
      .catch(() => {
        // No name from Office: the reviewer is asked instead.
      });
    return () => {
      live = false;
    };
  }, [host]);

  const items = useMemo(() => itemsByFinding(review), [review]);
  const resolved = useMemo(() => (review?.items ?? []).filter((i) => i.status === 'resolved'), [review]);

  const setReviewer = useCallback((name: string) => {
    setReviewerState(name);
    setFromHost(false);
    try {
      localStorage.setItem(REVIEWER_KEY, name);
    } catch {
      // Private mode or no storage: the name lasts for this session only.
    }
  }, []);

  /** Takes the host's answer to a write as the review; false, with the error set, when it fails or a needed name is missing. */
  const write = useCallback(
    async (needsReviewer: boolean, send: () => Promise<ReviewScan>) => {
      if (needsReviewer && !reviewer.trim()) {
        setError(t.reviewerNeeded);
        return false;
      }
      try {
        setReviewState(await send());
        setError(null);
        return true;
      } catch (err) {
        setError(errorText(err));
        return false;
      }
    },
    [reviewer, t],
  );

  const decide = useCallback(
    async (item: ReviewItem, decision: Decision | null, reason?: string) => {
      if (!host.decide) return false;
      const d: ReviewDecision = { decision, reviewer: reviewer.trim(), ...(reason ? { reason } : {}) };
      return write(true, () => host.decide!(item.fingerprint, d));
    },
    [host, reviewer, write],
  );

  const comment = useCallback(
    async (item: ReviewItem, text: string) => {
      if (!host.comment) return false;
      return write(Boolean(text.trim()), () => host.comment!(item.fingerprint, { text: text.trim(), reviewer: reviewer.trim() }));
    },
    [host, reviewer, write],
  );

  const commentCell = useCallback(
    async (sheet: string, cell: string, text: string) => {
      if (!host.commentCell) return false;
      return write(Boolean(text.trim()), () => host.commentCell!(sheet, cell, { text: text.trim(), reviewer: reviewer.trim() }));
    },
    [host, reviewer, write],
  );

  const selectedCell = useCallback(async () => {
    if (!host.selectedCell) return null;
    try {
      const cell = await host.selectedCell();
      setError(cell ? null : t.noSelectedCell);
      return cell;
    } catch (err) {
      setError(errorText(err));
      return null;
    }
  }, [host, t]);

  const cellComments = review?.cellComments ?? NO_COMMENTS;
  const byCell = useMemo(() => new Map(cellComments.map((c) => [cellKey(c.sheet, c.cell), c])), [cellComments]);

  return {
    review,
    reviewer,
    reviewerFromHost: fromHost,
    setReviewer,
    canDecide: Boolean(host.decide),
    canComment: Boolean(host.comment),
    status,
    setStatus,
    error,
    itemOf: (f) => items.get(f),
    decide,
    comment,
    resolved,
    canCommentCell: Boolean(host.commentCell),
    canPickCell: Boolean(host.selectedCell),
    cellComments,
    cellCommentOf: (sheet, cell) => byCell.get(cellKey(sheet, cell)),
    commentCell,
    selectedCell,
  };
}

const NO_COMMENTS: readonly CellComment[] = [];

/** Lets each finding reach its review state without threading it through the list. */
export const ReviewContext = createContext<{ review: Review; t: Messages } | null>(null);

export function useReviewContext() {
  return useContext(ReviewContext);
}
