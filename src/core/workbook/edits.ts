// Changes the engine asks a host to make: cell values, highlights, notes, whole new sheets.
// Core only describes them; hosts (xlsx adapter, Office.js adapter) carry them out.
import type { CellRange, CellValue } from './types';

export interface CellStyle {
  /** Fill colour as 'RRGGBB'. */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontName?: string;
  numFmt?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin borders on all four sides. */
  border?: boolean;
  indent?: number;
}

export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  /** A new value; undefined leaves the value alone, null clears it. */
  value?: CellValue | null;
  style?: CellStyle;
  /** A note (comment) to attach; '' removes the note. */
  note?: string;
}

export interface SheetLayoutCell {
  row: number;
  col: number;
  value: CellValue | null;
  style?: CellStyle;
  /**
   * Makes the cell a link showing `value`: '#Sheet!A1' (or "#'My sheet'!A1") inside the workbook,
   * 'other.xlsx#Sheet!A1' or a URL outside it.
   */
  link?: string;
}

/** A whole sheet the engine builds (publication tables, forms, review sheets). */
export interface SheetLayout {
  name: string;
  cells: SheetLayoutCell[];
  merges: CellRange[];
  /** Column widths in Excel character units, by column index. */
  colWidths?: Record<number, number>;
  rowHeights?: Record<number, number>;
  print?: {
    paper: 'A4';
    orientation: 'portrait' | 'landscape';
    /** Rows repeated at the top of each printed page (0-based, inclusive). */
    repeatRows?: { first: number; last: number };
    areas?: CellRange[];
    fitToWidth?: boolean;
    /** Manual page breaks: a new page starts after each of these rows (0-based). */
    breaksAfter?: number[];
  };
  hidden?: 'hidden' | 'veryHidden';
}

export interface WorkbookEdits {
  cells: CellEdit[];
  /** Sheets to add (or replace, when a sheet of that name exists). */
  sheets: SheetLayout[];
}

export const noEdits = (): WorkbookEdits => ({ cells: [], sheets: [] });
