import { Caption1, makeStyles, MessageBar, MessageBarBody, ProgressBar, tokens } from '@fluentui/react-components';
import type { ScanProgress } from '../host';
import { format, type Messages } from '../i18n';
import { progressFraction, type ScanState } from '../useScan';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  label: {
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

export function progressLabel(p: ScanProgress | null, t: Messages): string {
  if (!p) return t.scanning;
  if (p.step === 'read') return p.sheet ? format(t.progressRead, { done: p.done, total: p.total, sheet: p.sheet }) : t.scanning;
  return p.step === 'recognize' ? t.progressRecognize : t.progressCheck;
}

export interface ScanStatusProps {
  state: ScanState;
  t: Messages;
}

/** The progress bar while a scan runs, the reason when it failed; nothing otherwise. */
export function ScanStatus({ state, t }: ScanStatusProps) {
  const styles = useStyles();
  if (state.status === 'scanning') {
    const label = progressLabel(state.progress, t);
    return (
      <div className={styles.root} data-testid="scan-progress">
        <ProgressBar value={progressFraction(state.progress)} max={1} thickness="medium" aria-label={label} />
        <Caption1 className={styles.label} aria-live="polite">
          {label}
        </Caption1>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <MessageBar intent="error" role="alert" data-testid="scan-error">
        <MessageBarBody>{format(t.scanFailed, { error: state.error })}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
