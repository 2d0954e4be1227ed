import { Button } from '@fluentui/react-components';
import { ArrowSync20Regular, Eraser20Regular, Highlight20Regular } from '@fluentui/react-icons';
import type { Finding } from '../../core/findings';
import type { ExcelPaneHost } from '../host';
import { format, type Locale, type Messages } from '../i18n';
import { useAction } from '../useAction';
import type { ScanState } from '../useScan';
import { Notice } from './Notice';
import { ScanStatus } from './ScanStatus';
import { useToolbarStyles } from './toolbarStyles';

export interface ExcelToolbarProps {
  host: ExcelPaneHost;
  t: Messages;
  /** The notes painted into the workbook are written in this language. */
  locale: Locale;
  scanState: ScanState;
  onScan(): void;
  /** The last scan's findings, or null before a scan. */
  findings: readonly Finding[] | null;
}

/** Inside Excel: scan, paint the findings onto the workbook, take the paint off. */
export function ExcelToolbar({ host, t, locale, scanState, onScan, findings }: ExcelToolbarProps) {
  const styles = useToolbarStyles();
  const { state, run } = useAction<'paint' | 'clear'>();
  const scanning = scanState.status === 'scanning';
  const busy = state.status === 'busy';
  return (
    <section className={styles.root} aria-label={t.scan}>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<ArrowSync20Regular />} disabled={scanning} onClick={onScan} data-testid="scan">
          {scanning ? t.scanning : t.scan}
        </Button>
        <Button
          icon={<Highlight20Regular />}
          disabled={!findings || scanning || busy}
          onClick={() => findings && void run('paint', () => host.paint(findings, locale))}
          data-testid="paint"
        >
          {state.status === 'busy' && state.action === 'paint' ? t.painting : t.paint}
        </Button>
        <Button
          appearance="subtle"
          icon={<Eraser20Regular />}
          disabled={scanning || busy}
          onClick={() => void run('clear', () => host.clear())}
          data-testid="clear"
        >
          {state.status === 'busy' && state.action === 'clear' ? t.clearing : t.clear}
        </Button>
      </div>
      <ScanStatus state={scanState} t={t} />
      {state.status === 'done' && <Notice intent="success">{state.action === 'paint' ? t.painted : t.cleared}</Notice>}
      {state.status === 'failed' && <Notice intent="error">{format(t.actionFailed, { error: state.error })}</Notice>}
    </section>
  );
}
