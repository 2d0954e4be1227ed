import { Button, Caption1 } from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowSync20Regular, FolderOpen20Regular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { Finding } from '../../core/findings';
import { saveBlob } from '../file/fileHost';
import type { FilePaneHost } from '../host';
import { format, type Locale, type Messages } from '../i18n';
import { useAction } from '../useAction';
import type { ScanState } from '../useScan';
import { Notice } from './Notice';
import { ScanStatus } from './ScanStatus';
import { useToolbarStyles } from './toolbarStyles';

export interface FileToolbarProps {
  host: FilePaneHost;
  t: Messages;
  locale: Locale;
  scanState: ScanState;
  onScan(): void;
  findings: readonly Finding[] | null;
  /** A workbook to open (and scan) at start. */
  sampleUrl?: string | null;
  /** Replaces saveBlob in tests. */
  save?: (blob: Blob, name: string) => void;
  /** Called when a workbook has been opened, before it is scanned. */
  onOpened?: () => void;
}

/** Outside Excel: open an .xlsx (or the sample), scan it, download an annotated copy. */
export function FileToolbar({ host, t, locale, scanState, onScan, findings, sampleUrl, save = saveBlob, onOpened }: FileToolbarProps) {
  const styles = useToolbarStyles();
  const input = useRef<HTMLInputElement>(null);
  const { state, run } = useAction<'open' | 'download'>();
  const scanning = scanState.status === 'scanning';
  const busy = state.status === 'busy';
  const name = host.fileName();

  const openAndScan = async (work: () => Promise<void>) => {
    if (await run('open', work)) {
      onOpened?.();
      onScan();
    }
  };

  useEffect(() => {
    if (sampleUrl) void openAndScan(() => host.openUrl(sampleUrl));
    // Once per pane: the sample is opened at start only.
  }, []);

  const onFile = (file: File | undefined) => {
    if (file) void openAndScan(() => host.open(file, file.name));
    if (input.current) input.current.value = ''; // the same file again is a new choice
  };

  const download = () =>
    findings &&
    void run('download', async () => {
      const copy = await host.annotatedCopy(findings, locale);
      save(copy.blob, copy.name);
      return copy.name;
    });

  return (
    <section className={styles.root} aria-label={t.open}>
      <div className={styles.buttons}>
        <Button
          appearance={name ? 'secondary' : 'primary'}
          icon={<FolderOpen20Regular />}
          disabled={busy || scanning}
          onClick={() => input.current?.click()}
          data-testid="open"
        >
          {state.status === 'busy' && state.action === 'open' ? t.opening : t.open}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.hiddenInput}
          onChange={(e) => onFile(e.currentTarget.files?.[0])}
          data-testid="file-input"
          tabIndex={-1}
          aria-hidden
        />
        <Button icon={<ArrowSync20Regular />} disabled={!name || busy || scanning} onClick={onScan} data-testid="scan">
          {scanning ? t.scanning : t.scan}
        </Button>
        <Button
          appearance={findings ? 'primary' : 'secondary'}
          icon={<ArrowDownload20Regular />}
          disabled={!findings || busy || scanning}
          onClick={download}
          data-testid="download"
        >
          {state.status === 'busy' && state.action === 'download' ? t.downloading : t.download}
        </Button>
      </div>
      {name ? (
        <Caption1 className={styles.file} title={name} data-testid="file-name">
          {format(t.openedFile, { name })}
        </Caption1>
      ) : (
        <Caption1 className={styles.hint}>{t.openHint}</Caption1>
      )}
      <ScanStatus state={scanState} t={t} />
      {state.status === 'failed' && (
        <Notice intent="error" testId="file-error">
          {format(state.action === 'open' ? t.openFailed : t.downloadFailed, { error: state.error })}
        </Notice>
      )}
      {state.status === 'done' && state.action === 'download' && state.detail && (
        <Notice intent="success" testId="downloaded">
          {format(t.downloaded, { name: state.detail })}
        </Notice>
      )}
    </section>
  );
}
