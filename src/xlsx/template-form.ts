// Copies of the user's form template, one per form: the template sheet's values, styles, row heights
// and column widths, with the rows a TemplatePlan inserts formatted like its model row, then the
// plan's values and merges. Core decides what goes where; this only copies. No file access here, so
// the pane's file mode bundles it with the browser build of exceljs (template-copy.ts adds the
// CLI's file loading).
import type * as ExcelJS from 'exceljs';
import { copyRow, type TemplatePlan } from '../core/forms/template';
import { rangeAddress } from '../core/workbook/address';
import type { CellRange } from '../core/workbook/types';
import { toExcelValue } from './cell-value';

function copyStyle(from: ExcelJS.Cell, to: ExcelJS.Cell): void {
  // A deep copy: exceljs shares style objects between cells loaded with the same style.
  to.style = structuredClone(from.style ?? {}) as Partial<ExcelJS.Style>;
}

/** Column widths of the template, on `dst`. */
export function copyColumnWidths(src: ExcelJS.Worksheet, dst: ExcelJS.Worksheet, colCount: number): void {
  for (let c = 1; c <= colCount; c++) {
    const w = src.getColumn(c).width;
    if (w) dst.getColumn(c).width = w;
  }
}

/**
 * Writes one form: a copy of `src` at row `offset` (0-based) of `dst`, per `plan`. Returns the
 * form's range on `dst`.
 */
export function copyTemplateForm(src: ExcelJS.Worksheet, dst: ExcelJS.Worksheet, plan: TemplatePlan, offset: number): CellRange {
  const cols = plan.colCount;
  const at = (r0: number) => copyRow(plan, r0) + offset + 1; // 0-based template row → 1-based row of dst
  for (let r = 1; r <= src.rowCount; r++) {
    const sr = src.getRow(r);
    const dr = dst.getRow(at(r - 1));
    if (sr.height) dr.height = sr.height;
    if (sr.hidden) dr.hidden = true;
    sr.eachCell({ includeEmpty: true }, (sc, c) => {
      if (c > cols) return;
      const dc = dr.getCell(c);
      copyStyle(sc, dc);
      // A merged slave echoes its master's value; the plan's merges put it back.
      if (sc.isMerged && sc.master !== sc) return;
      dc.value = sc.value;
    });
  }
  if (plan.insert) {
    const model = src.getRow(plan.insert.styleFrom + 1);
    for (let k = 1; k <= plan.insert.count; k++) {
      const dr = dst.getRow(plan.insert.after + k + offset + 1);
      if (model.height) dr.height = model.height;
      model.eachCell({ includeEmpty: true }, (sc, c) => {
        if (c <= cols) copyStyle(sc, dr.getCell(c));
      });
    }
  }
  for (const w of plan.cells) {
    const cell = dst.getCell(w.row + offset + 1, w.col + 1);
    cell.value = toExcelValue(w.value);
    if (w.numFmt && (!cell.numFmt || cell.numFmt === 'General')) cell.numFmt = w.numFmt;
  }
  for (const m of plan.merges) if (m.bottom > m.top || m.right > m.left) dst.mergeCellsWithoutStyle(m.top + offset + 1, m.left + 1, m.bottom + offset + 1, m.right + 1);
  return { top: offset, left: 0, bottom: offset + plan.rowCount - 1, right: cols - 1 };
}

/** A new sheet `name` in `wb` for copies of `src`: the template's column widths and page margins. */
export function newTemplateSheet(wb: ExcelJS.Workbook, src: ExcelJS.Worksheet, name: string, colCount: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  copyColumnWidths(src, ws, colCount);
  const margins = src.pageSetup.margins;
  if (margins) ws.pageSetup.margins = { ...margins };
  return ws;
}

/** A4 portrait, fitted to the page width; `onePage` fits each form on one page (a sheet per form). */
export function printOnA4(ws: ExcelJS.Worksheet, areas: readonly CellRange[], onePage: boolean): void {
  ws.pageSetup.paperSize = 9;
  ws.pageSetup.orientation = 'portrait';
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = onePage ? 1 : 0;
  ws.pageSetup.printArea = areas.map(rangeAddress).join('&&');
}

/**
 * One sheet per form in `wb`, each a copy of the template sheet `templateSheet` filled per its plan,
 * under the names given (free ones: the caller's job), on A4 portrait, one page, with its print area.
 */
export function addTemplateFormSheets(wb: ExcelJS.Workbook, templateSheet: string, plans: readonly TemplatePlan[], names: readonly string[]): ExcelJS.Worksheet[] {
  const src = wb.worksheets.find((w) => w.name === templateSheet);
  if (!src) throw new Error(`no sheet ${templateSheet}`);
  return plans.map((plan, i) => {
    const ws = newTemplateSheet(wb, src, names[i], plan.colCount);
    printOnA4(ws, [copyTemplateForm(src, ws, plan, 0)], true);
    return ws;
  });
}

