// The workbook snapshot: what a host (Excel, an .xlsx file, pasted text) hands to the engine.
// Rows and columns are 0-based everywhere in core; A1 strings only at the edges (see address.ts).

export type CellValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly value: string }; // '#REF!', '#N/A' …

export interface Cell {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  /** Excel number format code, e.g. '#,##0.00'; absent means General. */
  readonly numFmt?: string;
  /** The text the host displays, where it knows it (Excel's range.text). */
  readonly text?: string;
  /** Indent level from the cell's alignment (Excel's indentLevel), if any. */
  readonly indent?: number;
  /** True when the cell holds a formula (its value is the cached result). */
  readonly formula?: boolean;
}

/** An inclusive rectangle, 0-based. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetSnapshot {
  readonly name: string;
  /** Number of rows / columns of the used range, counted from A1 (row 0, col 0). */
  readonly rowCount: number;
  readonly colCount: number;
  /** rows[r][c]; a missing entry is an empty cell. Rows may be shorter than colCount. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  readonly merges: readonly CellRange[];
  readonly hiddenRows: ReadonlySet<number>;
  readonly hiddenCols: ReadonlySet<number>;
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
  readonly protected: boolean;
}

export interface WorkbookSnapshot {
  /** Where it came from, for messages: a file path or 'Excel'. */
  readonly source: string;
  readonly sheets: readonly SheetSnapshot[];
}
