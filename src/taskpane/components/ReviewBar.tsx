import { Caption1, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { CellWindow } from '../host';
import type { Locale, Messages } from '../i18n';
import { REVIEW_STATUSES, statusLabel, type Review, type StatusFilter } from '../review/useReview';
import { CellCommentList } from './CellCommentList';
import { Notice } from './Notice';
import { ResolvedList } from './ResolvedList';
import { SelectedCellComment } from './SelectedCellComment';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  field: { flexGrow: 1, flexBasis: '9em', minWidth: 0, maxWidth: '100%' },
  // An Input is as wide as its <input>'s default size unless told; in a narrow pane that is too wide.
  input: { width: '100%', minWidth: 0 },
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: '2px', color: tokens.colorNeutralForeground3 },
});

export interface ReviewBarProps {
  review: Review;
  t: Messages;
  locale: Locale;
  /** Goes to a cell (a resolved finding's, a commented cell). */
  onSelect?(sheet: string, cell: string): void;
  /** File mode: the cells around a commented cell, shown when it is picked from the list. */
  preview?: (sheet: string, cell: string) => CellWindow | null;
}

/**
 * The reviewer's name, the counts by decision, the filter by decision, the resolved findings, the
 * comments on cells and (in Excel) 批注所选单元格. Comment boxes read the review from ReviewContext.
 */
export function ReviewBar({ review, t, locale, onSelect, preview }: ReviewBarProps) {
  const styles = useStyles();
  const scan = review.review;
  if (!scan) return null;
  return (
    <section className={styles.root} aria-label={t.reviewHeading} data-testid="review-bar">
      <div className={styles.row}>
        <Field label={t.reviewer} size="small" className={styles.field} hint={review.reviewerFromHost ? t.reviewerFromOffice : undefined}>
          <Input
            size="small"
            className={styles.input}
            value={review.reviewer}
            placeholder={t.reviewerHint}
            onChange={(_, d) => review.setReviewer(d.value)}
            data-testid="reviewer"
          />
        </Field>
        <Field label={t.decisionFilter} size="small" className={styles.field}>
          <Select
            size="small"
            value={review.status}
            onChange={(_, d) => review.setStatus(d.value as StatusFilter)}
            data-testid="filter-status"
          >
            <option value="all">{t.allDecisions}</option>
            {REVIEW_STATUSES.filter((s) => s !== 'resolved').map((s) => (
              <option key={s} value={s}>
                {`${statusLabel(s, t)} (${scan.counts[s]})`}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.counts}>
        {REVIEW_STATUSES.map((s) => (
          <Caption1 key={s} data-testid={`status-count-${s}`}>{`${statusLabel(s, t)} ${scan.counts[s]}`}</Caption1>
        ))}
      </div>
      <SelectedCellComment />
      <ResolvedList items={review.resolved} onSelect={onSelect} t={t} locale={locale} />
      <CellCommentList review={review} onSelect={onSelect} preview={preview} t={t} />
      {review.error && <Notice intent="error">{review.error}</Notice>}
    </section>
  );
}
