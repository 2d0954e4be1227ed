import { useCallback, useState } from 'react';
import type { PaneHost } from '../host';
import { errorText } from '../useScan';
import type { PaneFinding } from './model';

/** Which finding is selected; selecting one asks the host to show its cell. Another workbook clears it. */
export function useSelection(host: PaneHost, workbook = 0): {
  selectedId: string | null;
  error: string | null;
  select(item: PaneFinding): void;
} {
  const [state, setState] = useState<{ workbook: number; id: string | null; error: string | null }>({ workbook, id: null, error: null });
  const current = state.workbook === workbook ? state : { id: null, error: null };
  const select = useCallback(
    (item: PaneFinding) => {
      setState({ workbook, id: item.id, error: null });
      host
        .select(item.finding.sheet, item.finding.cell)
        .catch((err: unknown) => setState((s) => (s.id === item.id ? { ...s, error: errorText(err) } : s)));
    },
    [host, workbook],
  );
  return { selectedId: current.id, error: current.error, select };
}
