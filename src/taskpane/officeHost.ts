// The Excel host the pane is given inside Excel: src/excel's Office.js adapter, loaded as a chunk of
// its own (it brings the engine with it) so the pane renders before the adapter has arrived. The
// chunk is requested at once; the first call waits for it. Components only see ExcelPaneHost.
import type { ExcelPaneHost } from './host';

type ExcelModule = typeof import('../excel');

export function createExcelHost(load: () => Promise<ExcelModule> = () => import(/* webpackChunkName: "excel" */ '../excel')): ExcelPaneHost {
  const real: Promise<ExcelPaneHost> = load().then((m) => m.createExcelHost());
  real.catch(() => {}); // reported by the first call that needs it
  return {
    mode: 'excel',
    scan: (onProgress) => real.then((h) => h.scan(onProgress)),
    select: (sheet, cell) => real.then((h) => h.select(sheet, cell)),
    paint: (findings, lang) => real.then((h) => h.paint(findings, lang)),
    clear: () => real.then((h) => h.clear()),
    applyFix: (finding) => real.then((h) => h.applyFix(finding)),
    undoFix: (id) => real.then((h) => h.undoFix(id)),
  };
}
