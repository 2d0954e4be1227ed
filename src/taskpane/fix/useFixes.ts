import { useCallback, useState } from 'react';
import type { Finding } from '../../core/findings';
import type { PaneHost } from '../host';
import { errorText } from '../useScan';

export type FixState =
  | { status: 'applying' }
  | { status: 'applied'; fixId: string; cells: number }
  | { status: 'undoing'; fixId: string; cells: number }
  | { status: 'undone' }
  | { status: 'failed'; error: string; fixId?: string; cells?: number };

export interface Fixes {
  /** Whether the host can write fixes at all. */
  readonly available: boolean;
  stateOf(findingId: string): FixState | undefined;
  apply(findingId: string, finding: Finding): void;
  undo(findingId: string): void;
}

/**
 * Applied fixes by finding id, with the host's ids to undo them. A new `workbook` (another file
 * opened) starts afresh: the host has forgotten the old fixes.
 */
export function useFixes(host: PaneHost, workbook = 0): Fixes {
  const [all, setAll] = useState<{ workbook: number; states: ReadonlyMap<string, FixState> }>({ workbook, states: new Map() });
  const states = all.workbook === workbook ? all.states : new Map<string, FixState>();
  const set = useCallback(
    (id: string, s: FixState) =>
      setAll((prev) => ({ workbook, states: new Map(prev.workbook === workbook ? prev.states : []).set(id, s) })),
    [workbook],
  );
  const apply = useCallback(
    (id: string, finding: Finding) => {
      if (!host.applyFix) return;
      set(id, { status: 'applying' });
      host.applyFix(finding).then(
        (fix) => set(id, { status: 'applied', fixId: fix.id, cells: fix.cells }),
        (err: unknown) => set(id, { status: 'failed', error: errorText(err) }),
      );
    },
    [host, set],
  );
  const undo = useCallback(
    (id: string) => {
      const s = states.get(id);
      const fixId = s && (s.status === 'applied' || s.status === 'failed') ? s.fixId : undefined;
      if (!host.undoFix || !s || !fixId) return;
      const cells = 'cells' in s ? (s.cells ?? 0) : 0;
      set(id, { status: 'undoing', fixId, cells });
      host.undoFix(fixId).then(
        () => set(id, { status: 'undone' }),
        // Still applied: keep the undo button.
        (err: unknown) => set(id, { status: 'failed', error: errorText(err), fixId, cells }),
      );
    },
    [host, set, states],
  );
  return {
    available: typeof host.applyFix === 'function',
    stateOf: (id) => states.get(id),
    apply,
    undo,
  };
}
