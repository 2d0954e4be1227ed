// Applies WorkbookEdits to a loaded exceljs workbook (no file access here).
import type * as ExcelJS from 'exceljs';
import type { CellEdit, WorkbookEdits } from '../core/workbook/edits';
import { toExcelValue } from './cell-value';
import { addLayoutSheet, findSheet } from './layout';
import { applyStyle } from './style';

export function applyEdits(wb: ExcelJS.Workbook, edits: WorkbookEdits): void {
  // Sheets first, so cell edits may target a sheet added in the same batch.
  for (const layout of edits.sheets) addLayoutSheet(wb, layout);
  for (const edit of edits.cells) applyCellEdit(wb, edit);
}

function applyCellEdit(wb: ExcelJS.Workbook, edit: CellEdit): void {
  const ws = findSheet(wb, edit.sheet);
  if (!ws) throw new Error(`no sheet named "${edit.sheet}" in the workbook`);
  const cell = ws.getCell(edit.row + 1, edit.col + 1);
  if (edit.value !== undefined) cell.value = toExcelValue(edit.value);
  if (edit.style) applyStyle(cell, edit.style);
  if (edit.note !== undefined) {
    if (edit.note === '') removeNote(cell);
    else cell.note = edit.note;
  }
}

interface CellInternals {
  _comment?: unknown;
  _value: { model: { comment?: unknown } };
}

/**
 * exceljs has no API to remove a note. A loaded note lives twice: in the cell's `_comment` and
 * in its value model (which the writer serialises), so both must go.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const internals = cell as unknown as CellInternals;
  internals._comment = undefined;
  delete internals._value.model.comment;
}
