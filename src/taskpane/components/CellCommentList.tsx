import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { CellWindow } from '../host';
import { format, formatTime, type Messages } from '../i18n';
import type { Review } from '../review/useReview';
import { CellList, type CellListItem } from './CellList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  toggle: {
    alignSelf: 'flex-start',
    minWidth: 'auto',
    height: 'auto',
    padding: `${tokens.spacingVerticalXXS} 0`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
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
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const comments = review.cellComments;
  if (!comments.length) return null;
  const label = format(t.cellCommentsList, { count: comments.length });
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
    <div className={styles.root}>
      <Button
        appearance="transparent"
        size="small"
        className={styles.toggle}
        icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-testid="cell-comments-toggle"
      >
        {label}
      </Button>
      {open && (
        <div id={listId}>
          <CellList
            items={items}
            label={label}
            testId="cell-comments"
            itemTestId="cell-comment"
            selectedKey={selected}
            preview={preview}
            previewSeverity="info"
            onSelect={
              onSelect &&
              ((it) => {
                setSelected(it.key);
                onSelect(it.sheet, it.cell!);
              })
            }
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
        </div>
      )}
    </div>
  );
}
