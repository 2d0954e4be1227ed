import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { format } from '../i18n';
import { useReviewContext } from '../review/useReview';
import { TextEntryRow } from './TextEntryRow';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  where: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

export interface CellCommentBoxProps {
  sheet: string;
  cell: string;
  /** Called after a save or removal went through, and on cancel. */
  onClose(): void;
}

/** The free comment on one cell: write, change or remove it (the host keeps it with the decisions). */
export function CellCommentBox({ sheet, cell, onClose }: CellCommentBoxProps) {
  const styles = useStyles();
  const ctx = useReviewContext();
  const existing = ctx?.review.cellCommentOf(sheet, cell);
  const [text, setText] = useState(existing?.text ?? '');
  const [busy, setBusy] = useState(false);
  if (!ctx?.review.canCommentCell) return null;
  const { review, t } = ctx;
  const where = `${sheet}!${cell}`;
  const save = async (value: string) => {
    setBusy(true);
    const ok = await review.commentCell(sheet, cell, value);
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <div className={styles.root} data-testid="cell-comment-box" data-sheet={sheet} data-cell={cell}>
      <Caption1 className={styles.where} data-testid="cell-comment-where">
        {format(t.cellCommentFor, { where })}
      </Caption1>
      <TextEntryRow
        label={format(t.cellCommentFor, { where })}
        placeholder={t.cellCommentPlaceholder}
        value={text}
        onChange={setText}
        busy={busy}
        submitLabel={t.saveComment}
        onSubmit={(value) => void save(value)}
        remove={existing ? { label: t.removeComment, onRemove: () => void save('') } : undefined}
        cancelLabel={t.cancel}
        onCancel={onClose}
        submitOnEnter
        compact
        testIds={{ text: 'cell-comment-text', submit: 'cell-comment-save', remove: 'cell-comment-remove', cancel: 'cell-comment-cancel' }}
      />
    </div>
  );
}
