// The Excel host the pane is given inside Excel: src/excel's Office.js adapter, loaded as a chunk of
// its own (it brings the engine with it) so the pane renders before the adapter has arrived. The
// chunk is requested at once; the first call waits for it. Components only see ExcelPaneHost.
//
// The optional members (review decisions and comments, the selected cell, adding sheets and filled
// templates, the user's name) are always offered here, since the adapter is not loaded yet when the
// pane renders: a call the adapter turns out not to support fails with a plain message; userName,
// selectedCell and sheetExtent answer null.
import type { ExcelPaneHost } from './host';

type ExcelModule = typeof import('../excel');

function unsupported(what: string): Error {
  return new Error(`此版本的 Excel 加载项不支持${what} / this version of the Excel add-in cannot ${what === '审核' ? 'record reviews' : 'add sheets'}`);
}

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
    decide: (fingerprint, decision) =>
      real.then((h) => {
        if (!h.decide) throw unsupported('审核');
        return h.decide(fingerprint, decision);
      }),
    comment: (fingerprint, comment) =>
      real.then((h) => {
        if (!h.comment) throw unsupported('审核');
        return h.comment(fingerprint, comment);
      }),
    commentCell: (sheet, cell, comment) =>
      real.then((h) => {
        if (!h.commentCell) throw unsupported('审核');
        return h.commentCell(sheet, cell, comment);
      }),
    selectedCell: () => real.then((h) => (h.selectedCell ? h.selectedCell() : null)),
    addSheets: (sheets) =>
      real.then((h) => {
        if (!h.addSheets) throw unsupported('添加工作表');
        return h.addSheets(sheets);
      }),
    fillTemplate: (templateSheet, plans, names) =>
      real.then((h) => {
        if (!h.fillTemplate) throw unsupported('添加工作表');
        return h.fillTemplate(templateSheet, plans, names);
      }),
    sheetExtent: (sheet) => real.then((h) => (h.sheetExtent ? h.sheetExtent(sheet) : null)),
    userName: () => real.then((h) => (h.userName ? h.userName() : null)),
  };
}
