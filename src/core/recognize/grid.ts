// A read-only view of one sheet that recognition scans: displayed text per cell, merged areas
// filled with their master's text, and quick tests per row.
import { cellText } from '../workbook/sheet';
import type { Cell, SheetSnapshot } from '../workbook/types';
import { looksNumericText } from './text';

export class SheetGrid {
  readonly rowCount: number;
  readonly colCount: number;
  /** master cell of each merged slave, keyed row*colCount+col */
  private readonly slaveToMaster = new Map<number, { row: number; col: number }>();
  /** filledCols per row, computed once (recognition asks for a row's cells many times). */
  private readonly filled: (readonly number[] | undefined)[] = [];

  constructor(readonly sheet: SheetSnapshot) {
    this.rowCount = sheet.rowCount;
    this.colCount = sheet.colCount;
    for (const m of sheet.merges) {
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10000) continue;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++)
          if (r !== m.top || c !== m.left) this.slaveToMaster.set(r * this.colCount + c, { row: m.top, col: m.left });
    }
  }

  cell(row: number, col: number): Cell | undefined {
    return this.sheet.rows[row]?.[col];
  }

  /** Text of the cell itself (slaves of a merge read empty). */
  text(row: number, col: number): string {
    return cellText(this.cell(row, col));
  }

  /** Text with merged slaves reading their master's text (for headers). */
  mergedText(row: number, col: number): string {
    const own = this.text(row, col);
    if (own.trim() !== '') return own;
    const m = this.slaveToMaster.get(row * this.colCount + col);
    return m ? this.text(m.row, m.col) : '';
  }

  isMergeSlave(row: number, col: number): boolean {
    return this.slaveToMaster.has(row * this.colCount + col);
  }

  /** The master cell of the merge a slave cell belongs to. */
  masterOf(row: number, col: number): { row: number; col: number } | undefined {
    return this.slaveToMaster.get(row * this.colCount + col);
  }

  isBlank(row: number, col: number): boolean {
    return this.text(row, col).trim() === '';
  }

  isRowBlank(row: number): boolean {
    return this.filledCols(row).length === 0;
  }

  /** A number cell, or text a person reads as an amount. */
  isNumeric(row: number, col: number): boolean {
    const c = this.cell(row, col);
    if (!c) return false;
    if (c.value.kind === 'number') return true;
    if (c.value.kind === 'text') return looksNumericText(c.value.value);
    return false;
  }

  isNumberCell(row: number, col: number): boolean {
    return this.cell(row, col)?.value.kind === 'number';
  }

  /** Non-empty columns of a row, left to right. */
  filledCols(row: number): readonly number[] {
    const known = this.filled[row];
    if (known) return known;
    const cells = this.sheet.rows[row];
    const out: number[] = [];
    if (cells) {
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell) continue;
        // A number with no host text always shows digits: no need to print it to know.
        if ((cell.text === undefined && cell.value.kind === 'number') || cellText(cell).trim() !== '') out.push(c);
      }
    }
    this.filled[row] = out;
    return out;
  }

  /** Non-empty columns of a row within [left, right]. */
  filledColsIn(row: number, left: number, right: number): readonly number[] {
    const all = this.filledCols(row);
    if (!all.length || (all[0] >= left && all[all.length - 1] <= right)) return all;
    return all.filter((c) => c >= left && c <= right);
  }

  rowTexts(row: number): string[] {
    return this.filledCols(row).map((c) => this.text(row, c).trim());
  }
}
