import { Caption1, createFocusOutlineStyle, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Severity } from '../../core/findings';
import { cellAddress, colToLetters } from '../../core/workbook/address';
import type { CellWindow } from '../host';
import { format, type Messages } from '../i18n';
import { useReviewContext } from '../review/useReview';
import { CellCommentBox } from './CellCommentBox';

const useStyles = makeStyles({
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  corner: { width: '2.6em' },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'center',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: '0 2px',
  },
  headActive: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3Selected },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 3px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  /** Columns left out between A and the rest: a double rule, as Excel draws hidden columns. */
  gap: { borderLeftStyle: 'double', borderLeftWidth: '3px' },
  error: { backgroundColor: '#FFC7CE', color: '#9C0006', outline: `2px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: '-2px' },
  warning: { backgroundColor: '#FFEB9C', color: '#9C5700', outline: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}`, outlineOffset: '-2px' },
  info: { backgroundColor: tokens.colorBrandBackground2, outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  /** A cell with a reviewer's comment: a red corner, as Excel marks a note. */
  commented: { backgroundImage: `linear-gradient(225deg, ${tokens.colorPaletteRedBorder2} 5px, transparent 5px)` },
  /** A cell that can be clicked to comment on: the button fills it and looks like its text. */
  pick: {
    display: 'block',
    width: '100%',
    minHeight: '1.3em',
    padding: 0,
    ...shorthands.borderStyle('none'),
    backgroundColor: 'transparent',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'inherit',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    cursor: 'pointer',
    ':hover': { textDecorationLine: 'underline' },
    ...createFocusOutlineStyle(),
  },
  picked: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface CellPreviewProps {
  window: CellWindow;
  severity: Severity;
  t: Messages;
}

/**
 * A small grid around the finding's cell (file mode, where there is no Excel to select in). Where the
 * host keeps comments on cells, each cell is a button that opens the comment box for it.
 */
export function CellPreview({ window: w, severity, t }: CellPreviewProps) {
  const styles = useStyles();
  const ctx = useReviewContext();
  const review = ctx?.review.canCommentCell ? ctx.review : null;
  const [picked, setPicked] = useState<string | null>(null);
  const target = cellAddress(w.target.row, w.target.col);
  const table = (
    <table className={styles.table} aria-label={format(t.previewLabel, { sheet: w.sheet, cell: target })} data-testid="cell-preview">
      <thead>
        <tr>
          <th className={mergeClasses(styles.head, styles.corner)} />
          {w.cols.map((c, i) => (
            <th
              key={c}
              scope="col"
              className={mergeClasses(styles.head, c === w.target.col && styles.headActive, i > 0 && c !== w.cols[i - 1] + 1 && styles.gap)}
            >
              {colToLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {w.cells.map((line, r) => (
          <tr key={r}>
            <th scope="row" className={mergeClasses(styles.head, w.top + r === w.target.row && styles.headActive)}>
              {w.top + r + 1}
            </th>
            {line.map((text, i) => {
              const c = w.cols[i];
              const isTarget = w.top + r === w.target.row && c === w.target.col;
              const a1 = cellAddress(w.top + r, c);
              const comment = review?.cellCommentOf(w.sheet, a1);
              const title = [text, comment ? format(t.commentBy, { reviewer: comment.reviewer, text: comment.text }) : ''].filter(Boolean).join('\n');
              return (
                <td
                  key={c}
                  className={mergeClasses(
                    styles.cell,
                    i > 0 && c !== w.cols[i - 1] + 1 && styles.gap,
                    isTarget && styles[severity],
                    comment && styles.commented,
                    picked === a1 && styles.picked,
                  )}
                  title={review ? undefined : text || undefined}
                  data-target={isTarget || undefined}
                  data-cell={a1}
                  data-commented={comment ? true : undefined}
                >
                  {review ? (
                    <button
                      type="button"
                      className={styles.pick}
                      title={title || format(t.gridCellComment, { cell: a1 })}
                      aria-label={[format(t.gridCellComment, { cell: a1 }), text].filter(Boolean).join(' ')}
                      onClick={() => setPicked(picked === a1 ? null : a1)}
                    >
                      {text}
                    </button>
                  ) : (
                    text
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!review) return table;
  return (
    <div className={styles.root}>
      {table}
      {picked ? (
        <CellCommentBox key={picked} sheet={w.sheet} cell={picked} onClose={() => setPicked(null)} />
      ) : (
        <Caption1 className={styles.hint}>{t.gridCommentHint}</Caption1>
      )}
    </div>
  );
}
