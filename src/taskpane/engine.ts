// Runs the engine on a snapshot in steps, reporting progress and letting the browser paint between
// them (recognition and the checks are synchronous).
import type { WorkbookSnapshot } from '../core/workbook/types';
import type { ScanProgress, ScanResult } from './host';

/** Gives the event loop a turn so a progress update can render. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Recognition and checks (with the code dictionary and decimal arithmetic), fetched at the first
 * scan: webpack.config.js puts src/core and decimal.js into the lazy `engine` chunk, so the pane
 * itself opens with React and Fluent UI only.
 */
export async function loadEngine() {
  const [rules, recognize] = await Promise.all([import('../core/rules'), import('../core/recognize')]);
  return { checkWorkbook: rules.checkWorkbook, recognizeWorkbook: recognize.recognizeWorkbook };
}

export async function checkSnapshot(
  snapshot: WorkbookSnapshot,
  onProgress?: (progress: ScanProgress) => void,
): Promise<ScanResult> {
  onProgress?.({ step: 'recognize', done: 0, total: 2 });
  const [engine] = await Promise.all([loadEngine(), nextTurn()]);
  const recognition = engine.recognizeWorkbook(snapshot);
  onProgress?.({ step: 'check', done: 1, total: 2 });
  await nextTurn();
  const { findings } = engine.checkWorkbook(snapshot, recognition);
  return { sheets: snapshot.sheets.map((s) => s.name), recognition, findings };
}
