// What the pane needs from the application it runs in. The pane's components only ever see this
// interface, never Office.js: index.tsx hands in an implementation (or null outside Excel), and tests
// hand in fakes.

export interface PaneHost {
  /** Reads the open workbook. The result's shape is settled when the scanning engine is wired in. */
  scan(): Promise<unknown>;
}
