// A few cells around one cell of a snapshot sheet, as display texts, for the preview grid.
import { parseCellAddress } from '../../core/workbook/address';
import { cellText } from '../../core/workbook/sheet';
import type { SheetSnapshot } from '../../core/workbook/types';
import type { CellWindow } from '../host';

export const PREVIEW_ROWS = 7;
export const PREVIEW_COLS = 4;

/**
 * The rows × cols cells around `a1`: the cell sits in the middle row where the sheet allows; the
 * columns are A (where budget tables keep their codes and names) and the ones around the cell.
 */
export function cellWindow(sheet: SheetSnapshot, a1: string, rows = PREVIEW_ROWS, cols = PREVIEW_COLS): CellWindow {
  const { row, col } = parseCellAddress(a1);
  const rowCount = Math.max(sheet.rowCount, row + 1);
  const colCount = Math.max(sheet.colCount, col + 1);
  const top = clamp(row - Math.floor(rows / 2), 0, Math.max(0, rowCount - rows));
  let shown: number[];
  if (col < cols) {
    shown = range(0, Math.min(cols, colCount));
  } else {
    // A, then cols - 1 columns with the cell second (one column of context to its left).
    const first = clamp(col - 1, 1, Math.max(1, colCount - (cols - 1)));
    shown = [0, ...range(first, Math.min(first + cols - 1, colCount))];
  }
  const cells: string[][] = [];
  for (let r = top; r < Math.min(top + rows, rowCount); r++) cells.push(shown.map((c) => cellText(sheet.rows[r]?.[c])));
  return { sheet: sheet.name, top, cols: shown, cells, target: { row, col } };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}
