import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core/findings';
import { cellAddress, colToLetters } from '../../core/workbook/address';
import type { CellWindow } from '../host';
import { format, type Messages } from '../i18n';

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
});

export interface CellPreviewProps {
  window: CellWindow;
  severity: Severity;
  t: Messages;
}

/** A small read-only grid around the finding's cell (file mode, where there is no Excel to select in). */
export function CellPreview({ window: w, severity, t }: CellPreviewProps) {
  const styles = useStyles();
  const target = cellAddress(w.target.row, w.target.col);
  return (
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
              return (
                <td
                  key={c}
                  className={mergeClasses(styles.cell, i > 0 && c !== w.cols[i - 1] + 1 && styles.gap, isTarget && styles[severity])}
                  title={text || undefined}
                  data-target={isTarget || undefined}
                >
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
