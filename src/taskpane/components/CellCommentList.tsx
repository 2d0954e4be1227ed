import { Button, makeStyles } from '@fluentui/react-components';
import { Delete16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CellWindow } from '../host';
import { format, formatTime, type Messages } from '../i18n';
import type { Review } from '../review/useReview';
import type { CellListItem } from './CellList';
import { FoldedCellList } from './FoldedCellList';

const useStyles = makeStyles({
  remove: { minWidth: 'auto', flexShrink: 0 },
});

export interface CellCommentListProps {
  review: Review;
  /** Goes to the commented cell. */
  onSelect?(sheet: string, cell: string): void;
  /** File mode: the cells around the picked comment's cell. */
  preview?: (sheet: string, cell: string) => CellWindow | null;
  t: Messages;
}

/** 单元格意见: the free comments on cells, folded by default; each goes to its cell and can be removed. */
export function CellCommentList({ review, onSelect, preview, t }: CellCommentListProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const comments = review.cellComments;
  const items: CellListItem[] = comments.map((c) => ({
    key: `${c.sheet}!${c.cell}`,
    sheet: c.sheet,
    cell: c.cell,
    where: `${c.sheet}!${c.cell}`,
    title: c.text,
    detail: format(t.cellCommentMeta, { reviewer: c.reviewer, time: formatTime(c.at) }),
  }));
  const remove = async (it: CellListItem) => {
    setBusy(true);
    await review.commentCell(it.sheet, it.cell!, '');
    setBusy(false);
  };
  return (
    <FoldedCellList
      items={items}
      label={format(t.cellCommentsList, { count: comments.length })}
      toggleTestId="cell-comments-toggle"
      testId="cell-comments"
      itemTestId="cell-comment"
      preview={preview}
      previewSeverity="info"
      onSelect={onSelect}
      action={
        review.canCommentCell
          ? (it) => (
              <Button
                size="small"
                appearance="subtle"
                className={styles.remove}
                icon={<Delete16Regular />}
                disabled={busy}
                aria-label={format(t.removeCellComment, { where: it.where })}
                title={format(t.removeCellComment, { where: it.where })}
                onClick={() => void remove(it)}
                data-testid="cell-comment-delete"
              />
            )
          : undefined
      }
      t={t}
    />
  );
}
