import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { PaneHost } from '../host';
import { format, type Messages } from '../i18n';
import { useScan } from '../useScan';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

export interface ScanPanelProps {
  /** null outside Excel: the button is disabled and a hint says why. */
  host: PaneHost | null;
  t: Messages;
}

export function ScanPanel({ host, t }: ScanPanelProps) {
  const styles = useStyles();
  const { state, scan } = useScan(host);
  const hintId = useId();
  const busy = state.status === 'scanning';
  return (
    <section className={styles.root}>
      <Button
        appearance="primary"
        disabled={!host || busy}
        aria-describedby={host ? undefined : hintId}
        onClick={() => void scan()}
        data-testid="scan"
      >
        {busy ? t.scanning : t.scan}
      </Button>
      {!host && (
        <Caption1 id={hintId} className={styles.hint}>
          {t.notInExcel}
        </Caption1>
      )}
      <div role="status" aria-live="polite">
        {state.status === 'done' && <Body1>{t.scanDone}</Body1>}
        {state.status === 'failed' && (
          <Body1 className={styles.failed}>{format(t.scanFailed, { error: state.error })}</Body1>
        )}
      </div>
    </section>
  );
}
