import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CommentAdd16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { SelectedCell } from '../host';
import { useReviewContext } from '../review/useReview';
import { CellCommentBox } from './CellCommentBox';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  button: { alignSelf: 'flex-start', minWidth: 'auto', maxWidth: '100%' },
});

/** Excel mode: 批注所选单元格 — reads the cell selected in the workbook and offers the comment box for it. */
export function SelectedCellComment() {
  const styles = useStyles();
  const ctx = useReviewContext();
  const [target, setTarget] = useState<SelectedCell | null>(null);
  const [busy, setBusy] = useState(false);
  if (!ctx || !ctx.review.canPickCell || !ctx.review.canCommentCell) return null;
  const { review, t } = ctx;
  const pick = async () => {
    setBusy(true);
    const cell = await review.selectedCell();
    setBusy(false);
    setTarget(cell);
  };
  return (
    <div className={styles.root}>
      {!target && (
        <Button size="small" className={styles.button} icon={<CommentAdd16Regular />} disabled={busy} onClick={() => void pick()} data-testid="comment-selected-cell">
          {busy ? t.readingSelection : t.commentSelectedCell}
        </Button>
      )}
      {/* A new key per cell: the box starts from that cell's own comment. */}
      {target && <CellCommentBox key={`${target.sheet}!${target.cell}`} sheet={target.sheet} cell={target.cell} onClose={() => setTarget(null)} />}
    </div>
  );
}
