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

  isBlank(row: number, col: number): boolean {
    return this.text(row, col).trim() === '';
  }

  isRowBlank(row: number): boolean {
    const cells = this.sheet.rows[row];
    if (!cells) return true;
    for (const c of cells) if (c && cellText(c).trim() !== '') return false;
    return true;
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
  filledCols(row: number): number[] {
    const cells = this.sheet.rows[row];
    const out: number[] = [];
    if (!cells) return out;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell && cellText(cell).trim() !== '') out.push(c);
    }
    return out;
  }

  rowTexts(row: number): string[] {
    return this.filledCols(row).map((c) => this.text(row, c).trim());
  }
}
