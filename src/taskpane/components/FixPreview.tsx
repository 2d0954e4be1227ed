import { Button, Caption1, Caption1Strong, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUndo16Regular, Wrench16Regular } from '@fluentui/react-icons';
import type { CodeCorrection } from '../host';
import type { FixState } from '../fix/useFixes';
import { format, type Messages } from '../i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  th: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    paddingRight: tokens.spacingHorizontalXS,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  td: {
    paddingRight: tokens.spacingHorizontalXS,
    paddingTop: '1px',
    paddingBottom: '1px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, fontVariantNumeric: 'tabular-nums' },
  from: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  to: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  unchanged: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  status: { color: tokens.colorNeutralForeground2, minWidth: 0, overflowWrap: 'anywhere' },
  failed: { color: tokens.colorPaletteRedForeground1, minWidth: 0, overflowWrap: 'anywhere' },
});

export interface FixPreviewProps {
  corrections: readonly CodeCorrection[];
  t: Messages;
  /** Absent when the host cannot write fixes: the preview is shown without buttons. */
  state?: FixState;
  canApply: boolean;
  onApply(): void;
  onUndo(): void;
}

/** The corrected codes of a misaligned block, cell by cell, with 应用更正 and then 撤销. */
export function FixPreview({ corrections, t, state, canApply, onApply, onUndo }: FixPreviewProps) {
  const styles = useStyles();
  const applied = state?.status === 'applied' || state?.status === 'undoing' || (state?.status === 'failed' && !!state.fixId);
  return (
    <div className={styles.root} data-testid="fix-preview">
      <Caption1Strong>{t.fixPreview}</Caption1Strong>
      <table className={styles.table}>
        <colgroup>
          <col style={{ width: '3.9em' }} />
          <col style={{ width: '4.9em' }} />
          <col style={{ width: '4.9em' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th className={styles.th}>{t.fixCell}</th>
            <th className={styles.th}>{t.fixFrom}</th>
            <th className={styles.th}>{t.fixTo}</th>
            <th className={styles.th}>{t.fixName}</th>
          </tr>
        </thead>
        <tbody>
          {corrections.map((c) => {
            const same = c.from === c.to;
            return (
              <tr key={c.cell} data-cell={c.cell}>
                <td className={styles.td}>{c.cell}</td>
                <td className={mergeClasses(styles.td, styles.code, same ? styles.unchanged : styles.from)}>{c.from}</td>
                <td className={mergeClasses(styles.td, styles.code, same ? styles.unchanged : styles.to)}>{c.to}</td>
                <td className={styles.td} title={c.name}>
                  {c.name}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canApply && (
        <div className={styles.actions}>
          {applied ? (
            <Button size="small" icon={<ArrowUndo16Regular />} disabled={state?.status === 'undoing'} onClick={onUndo} data-testid="undo-fix">
              {state?.status === 'undoing' ? t.undoingFix : t.undoFix}
            </Button>
          ) : (
            <Button
              size="small"
              appearance="primary"
              icon={<Wrench16Regular />}
              disabled={state?.status === 'applying'}
              onClick={onApply}
              data-testid="apply-fix"
            >
              {state?.status === 'applying' ? t.applyingFix : t.applyFix}
            </Button>
          )}
          <Caption1 className={state?.status === 'failed' ? styles.failed : styles.status} role="status">
            {state?.status === 'applied'
              ? format(t.fixApplied, { count: state.cells })
              : state?.status === 'undone'
                ? t.fixUndone
                : state?.status === 'failed'
                  ? format(t.fixFailed, { error: state.error })
                  : ''}
          </Caption1>
        </div>
      )}
    </div>
  );
}
