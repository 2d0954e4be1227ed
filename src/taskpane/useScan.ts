import { useCallback, useRef, useState } from 'react';
import type { PaneHost, ScanProgress, ScanResult } from './host';

export type ScanState =
  | { status: 'idle' }
  | { status: 'scanning'; progress: ScanProgress | null }
  | { status: 'done'; result: ScanResult }
  | { status: 'failed'; error: string };

/** The share of the work done, 0…1: reading takes most of a scan, then recognition and checks. */
export function progressFraction(p: ScanProgress | null): number {
  if (!p) return 0;
  const part = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  if (p.step === 'read') return 0.05 + 0.65 * part;
  if (p.step === 'recognize') return 0.7;
  return 0.85;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Scan state for one host. `scan` is a no-op while a scan is running. */
export function useScan(host: PaneHost): { state: ScanState; scan: () => Promise<void> } {
  const [state, setState] = useState<ScanState>({ status: 'idle' });
  const running = useRef(false);
  const scan = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState({ status: 'scanning', progress: null });
    try {
      const result = await host.scan((progress) => setState({ status: 'scanning', progress }));
      setState({ status: 'done', result });
    } catch (err) {
      setState({ status: 'failed', error: errorText(err) });
    } finally {
      running.current = false;
    }
  }, [host]);
  return { state, scan };
}
