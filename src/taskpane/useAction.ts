import { useCallback, useRef, useState } from 'react';
import { errorText } from './useScan';

export type ActionState<K extends string> =
  | { status: 'idle' }
  | { status: 'busy'; action: K }
  | { status: 'done'; action: K; detail?: string }
  | { status: 'failed'; action: K; error: string };

/** One button row's worth of async actions: at most one runs at a time, the last outcome is kept. */
export function useAction<K extends string>(): {
  state: ActionState<K>;
  run(action: K, work: () => Promise<string | void>): Promise<boolean>;
} {
  const [state, setState] = useState<ActionState<K>>({ status: 'idle' });
  const running = useRef(false);
  const run = useCallback(async (action: K, work: () => Promise<string | void>) => {
    if (running.current) return false;
    running.current = true;
    setState({ status: 'busy', action });
    try {
      const detail = await work();
      setState({ status: 'done', action, ...(detail ? { detail } : {}) });
      return true;
    } catch (err) {
      setState({ status: 'failed', action, error: errorText(err) });
      return false;
    } finally {
      running.current = false;
    }
  }, []);
  return { state, run };
}
