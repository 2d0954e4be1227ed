import { useCallback, useRef, useState } from 'react';
import type { PaneHost } from './host';

export type ScanState =
  | { status: 'idle' }
  | { status: 'scanning' }
  | { status: 'done'; result: unknown }
  | { status: 'failed'; error: string };

/** Scan state for one host. `scan` is a no-op without a host or while a scan is running. */
export function useScan(host: PaneHost | null): { state: ScanState; scan: () => Promise<void> } {
  const [state, setState] = useState<ScanState>({ status: 'idle' });
  const running = useRef(false);
  const scan = useCallback(async () => {
    if (!host || running.current) return;
    running.current = true;
    setState({ status: 'scanning' });
    try {
      const result = await host.scan();
      setState({ status: 'done', result });
    } catch (err) {
      setState({ status: 'failed', error: err instanceof Error ? err.message : String(err) });
    } finally {
      running.current = false;
    }
  }, [host]);
  return { state, scan };
}
