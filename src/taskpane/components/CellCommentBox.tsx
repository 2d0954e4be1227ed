import { Button, Caption1, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { format } from '../i18n';
import { useReviewContext } from '../review/useReview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  where: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  text: { flexGrow: 1, flexBasis: '8em', minWidth: 0 },
  compact: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
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
      <div className={styles.row}>
        <Input
          size="small"
          className={styles.text}
          aria-label={format(t.cellCommentFor, { where })}
          placeholder={t.cellCommentPlaceholder}
          value={text}
          onChange={(_, d) => setText(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && text.trim() && !busy) void save(text);
          }}
          data-testid="cell-comment-text"
        />
        <Button size="small" appearance="primary" className={styles.compact} disabled={busy || !text.trim()} onClick={() => void save(text)} data-testid="cell-comment-save">
          {t.saveComment}
        </Button>
        {existing && (
          <Button size="small" appearance="subtle" className={styles.compact} disabled={busy} onClick={() => void save('')} data-testid="cell-comment-remove">
            {t.removeComment}
          </Button>
        )}
        <Button size="small" appearance="subtle" className={styles.compact} onClick={onClose} data-testid="cell-comment-cancel">
          {t.cancel}
        </Button>
      </div>
    </div>
  );
}
