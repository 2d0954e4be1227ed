// The cell the reviewer has selected in Excel, for a comment on it.
//
//   1 sync   workbook.getSelectedRange() (ExcelApi 1.1): its sheet's name and its first row and
//            column — the top-left cell of a selected block.
//   +1 sync  only when Excel refuses that (several areas selected, which getSelectedRange does not
//            take): workbook.getActiveCell() (ExcelApi 1.7, the manifest's floor), the cell the
//            cursor is in.
import { cellAddress } from '../core/workbook/address';
import type { SelectedCell } from '../taskpane/host';

export interface SelectedCellRead {
  readonly cell: SelectedCell;
  /** The answer is the active cell (the selection had several areas). */
  readonly active: boolean;
  readonly syncs: number;
}

async function cellOf(context: Excel.RequestContext, range: Excel.Range): Promise<SelectedCell> {
  range.load('rowIndex,columnIndex');
  const ws = range.worksheet;
  ws.load('name');
  await context.sync();
  return { sheet: ws.name, cell: cellAddress(range.rowIndex, range.columnIndex) };
}

export async function readSelectedCell(context: Excel.RequestContext): Promise<SelectedCellRead> {
  try {
    return { cell: await cellOf(context, context.workbook.getSelectedRange()), active: false, syncs: 1 };
  } catch (first) {
    try {
      return { cell: await cellOf(context, context.workbook.getActiveCell()), active: true, syncs: 2 };
    } catch {
      throw first;
    }
  }
}
