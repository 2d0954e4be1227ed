// A WorkbookSnapshot written as a fresh exceljs workbook: values, numFmt, indent, merges,
// hidden rows/cols, visibility, protection. Formulas are not known to a snapshot, so formula
// cells are written as their cached values.
import * as ExcelJS from 'exceljs';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/workbook/types';
import { toExcelValue } from './cell-value';

export function snapshotToWorkbook(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of snapshot.sheets) addSnapshotSheet(wb, sheet);
  return wb;
}

function addSnapshotSheet(wb: ExcelJS.Workbook, sheet: SheetSnapshot): void {
  const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility });
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      const xc = ws.getCell(r + 1, c + 1);
      xc.value = toExcelValue(cell.value);
      if (cell.numFmt) xc.numFmt = cell.numFmt;
      if (cell.indent) xc.alignment = { indent: cell.indent };
    });
  });
  // Values first: merging drops whatever a slave cell holds.
  for (const m of sheet.merges) ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const r of sheet.hiddenRows) {
    const row = ws.getRow(r + 1);
    row.hidden = true;
    // exceljs drops rows with neither cells nor a height, hidden or not.
    if (row.cellCount === 0) row.height = ws.properties.defaultRowHeight ?? 15;
  }
  for (const c of sheet.hiddenCols) ws.getColumn(c + 1).hidden = true;
  if (sheet.protected) (ws as unknown as { sheetProtection: object }).sheetProtection = { sheet: true };
}
