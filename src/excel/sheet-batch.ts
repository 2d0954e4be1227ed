// What adding sheets (add-sheets.ts) and filling copies of a template (fill-template.ts) share: their
// options and results, and the way they write: jobs queued, then packed by size into requests, one
// sync each, so the count grows with bytes, never with cells or sheets.
import { REQUEST_BUDGET_BYTES, countingSync, detectCapabilities, packBySize, type Capabilities } from './limits';

export interface SheetBatchOptions {
  readonly capabilities?: Capabilities;
  /** Bytes per request; default 4 MB. */
  readonly budgetBytes?: number;
}

export interface SheetBatchResult {
  /** The names the sheets got, in the order they were asked for. */
  readonly names: readonly string[];
  readonly syncs: number;
  /** What this Excel could not do: the print setup before ExcelApi 1.9. */
  readonly skipped: readonly { readonly sheet: string; readonly what: 'print' }[];
}

/** One queued write: run it inside the sync it is packed into. */
export interface BatchJob {
  /** Request bytes, estimated. */
  readonly size: number;
  readonly run: () => void;
}

export function sheetBatch(context: Excel.RequestContext, opts: SheetBatchOptions) {
  const budget = opts.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const { sync, count } = countingSync(context);
  return {
    caps: opts.capabilities ?? detectCapabilities(),
    sync,
    /** The syncs made so far. */
    syncs: count,
    /** Runs the jobs in requests of at most the budget (a larger job alone), one sync each. */
    async run(jobs: readonly BatchJob[]): Promise<void> {
      for (const group of packBySize(jobs, (j) => j.size, budget)) {
        for (const job of group) job.run();
        await sync();
      }
    },
  };
}
