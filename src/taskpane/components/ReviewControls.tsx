import { Badge, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Comment16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Finding } from '../../core/findings';
import type { ReviewStatus } from '../../core/review/decisions';
import { format } from '../i18n';
import { statusLabel, useReviewContext } from '../review/useReview';
import { TextEntryRow } from './TextEntryRow';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} calc(${tokens.spacingHorizontalS} * 2 + 16px)`,
    minWidth: 0,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
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
        <TextEntryRow
          label={t.dismissReason}
          placeholder={t.dismissReason}
          value={reason}
          onChange={setReason}
          busy={busy}
          submitLabel={t.dismissSubmit}
          onSubmit={(why) => void run('dismissed', why)}
          cancelLabel={t.cancel}
          onCancel={() => setReasonOpen(false)}
          testIds={{ text: 'dismiss-reason', submit: 'dismiss-submit' }}
        />
      )}
      {commentOpen && (
        <TextEntryRow
          label={t.comment}
          placeholder={t.commentPlaceholder}
          value={commentText}
          onChange={setCommentText}
          busy={busy}
          submitLabel={t.saveComment}
          onSubmit={(text) => void saveComment(text)}
          remove={item.comment ? { label: t.removeComment, onRemove: () => void saveComment('') } : undefined}
          cancelLabel={t.cancel}
          onCancel={() => setCommentOpen(false)}
          testIds={{ text: 'comment-text', submit: 'comment-save', remove: 'comment-remove' }}
        />
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
