import { Badge, Button, Caption1, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Comment16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Finding } from '../../core/findings';
import type { ReviewStatus } from '../../core/review/decisions';
import { format } from '../i18n';
import { statusLabel, useReviewContext } from '../review/useReview';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} calc(${tokens.spacingHorizontalS} * 2 + 16px)`,
    minWidth: 0,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  reason: { flexGrow: 1, flexBasis: '8em', minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  // Fluent's 64 px minimum would push the comment button onto a line of its own at 320 px.
  compact: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
});

const BADGE_COLOR: Record<ReviewStatus, 'brand' | 'informative' | 'success' | 'subtle' | 'warning' | 'danger'> = {
  new: 'brand',
  open: 'informative',
  confirmed: 'danger',
  dismissed: 'subtle',
  fixed: 'success',
  resolved: 'success',
};

/** A finding's review status and the buttons to decide on it (when the host keeps decisions). */
export function ReviewControls({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const ctx = useReviewContext();
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [commentOpen, setCommentOpen] = useState(false);
  const [commentText, setCommentText] = useState('');
  const item = ctx?.review.itemOf(finding);
  if (!ctx || !item) return null;
  const { review, t } = ctx;
  const saveComment = async (text: string) => {
    setBusy(true);
    const ok = await review.comment(item, text);
    setBusy(false);
    if (ok) setCommentOpen(false);
  };
  const openComment = () => {
    setCommentText(item.comment?.text ?? '');
    setCommentOpen(true);
  };
  const decided = Boolean(item.record) && item.status !== 'open' && item.status !== 'new';
  const run = async (decision: 'confirmed' | 'dismissed' | 'fixed' | null, why?: string) => {
    setBusy(true);
    const ok = await review.decide(item, decision, why);
    setBusy(false);
    if (ok) {
      setReasonOpen(false);
      setReason('');
    }
  };
  return (
    <div className={styles.root} data-testid="review" data-status={item.status}>
      <div className={styles.row}>
        <Badge appearance="tint" color={BADGE_COLOR[item.status]} data-testid="review-status">
          {statusLabel(item.status, t)}
        </Badge>
        {review.canDecide && !decided && !reasonOpen && (
          <>
            <Button size="small" className={styles.compact} disabled={busy} onClick={() => void run('confirmed')} data-testid="decide-confirmed">
              {t.confirm}
            </Button>
            <Button size="small" className={styles.compact} disabled={busy} onClick={() => setReasonOpen(true)} data-testid="decide-dismissed">
              {t.dismiss}
            </Button>
            <Button size="small" className={styles.compact} disabled={busy} onClick={() => void run('fixed')} data-testid="decide-fixed">
              {t.markFixed}
            </Button>
          </>
        )}
        {review.canDecide && decided && (
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => void run(null)} data-testid="undecide">
            {t.undoDecision}
          </Button>
        )}
        {review.canComment && !commentOpen && (
          <Button
            size="small"
            appearance="subtle"
            icon={<Comment16Regular />}
            disabled={busy}
            aria-label={t.comment}
            title={t.comment}
            onClick={openComment}
            data-testid="comment-open"
          />
        )}
      </div>
      {reasonOpen && (
        <div className={styles.row}>
          <Input
            size="small"
            className={styles.reason}
            aria-label={t.dismissReason}
            placeholder={t.dismissReason}
            value={reason}
            onChange={(_, d) => setReason(d.value)}
            data-testid="dismiss-reason"
          />
          <Button
            size="small"
            appearance="primary"
            disabled={busy || !reason.trim()}
            onClick={() => void run('dismissed', reason.trim())}
            data-testid="dismiss-submit"
          >
            {t.dismissSubmit}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => setReasonOpen(false)}>
            {t.cancel}
          </Button>
        </div>
      )}
      {commentOpen && (
        <div className={styles.row}>
          <Input
            size="small"
            className={styles.reason}
            aria-label={t.comment}
            placeholder={t.commentPlaceholder}
            value={commentText}
            onChange={(_, d) => setCommentText(d.value)}
            data-testid="comment-text"
          />
          <Button
            size="small"
            appearance="primary"
            disabled={busy || !commentText.trim()}
            onClick={() => void saveComment(commentText)}
            data-testid="comment-save"
          >
            {t.saveComment}
          </Button>
          {item.comment && (
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => void saveComment('')} data-testid="comment-remove">
              {t.removeComment}
            </Button>
          )}
          <Button size="small" appearance="subtle" onClick={() => setCommentOpen(false)}>
            {t.cancel}
          </Button>
        </div>
      )}
      {decided && item.record && (
        <Caption1 className={styles.note} data-testid="review-note">
          {item.record.reason ? format(t.decidedBy, { reviewer: item.record.reviewer, reason: item.record.reason }) : item.record.reviewer}
        </Caption1>
      )}
      {item.comment && !commentOpen && (
        <Caption1 className={styles.note} data-testid="review-comment">
          {format(t.commentBy, { reviewer: item.comment.reviewer, text: item.comment.text })}
        </Caption1>
      )}
    </div>
  );
}
