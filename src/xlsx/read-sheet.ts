// One exceljs worksheet → one SheetSnapshot (0-based rows/cols).
import * as ExcelJS from 'exceljs';
import type { Cell, CellRange, CellValue, SheetSnapshot } from '../core/workbook/types';

const T = ExcelJS.ValueType;

/** Fields exceljs has but does not declare. */
interface WorksheetInternals {
  // Sparse, 0-based; the only way to see rows that carry formatting (hidden) but no values.
  _rows: Array<ExcelJS.Row | undefined>;
  _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
  sheetProtection?: { sheet?: boolean } | null;
}

export function readSheet(ws: ExcelJS.Worksheet, date1904: boolean): SheetSnapshot {
  const internals = ws as unknown as WorksheetInternals;
  const rows: (Cell | undefined)[][] = [];
  let rowCount = 0;
  let colCount = 0;

  ws.eachRow((row, rowNumber) => {
    const r = rowNumber - 1;
    let out: (Cell | undefined)[] | undefined;
    row.eachCell((xc, colNumber) => {
      const cell = toCell(xc, r, colNumber - 1, date1904);
      if (!cell) return;
      (out ??= [])[cell.col] = cell;
      if (colNumber > colCount) colCount = colNumber;
    });
    if (out) {
      rows[r] = out;
      rowCount = rowNumber;
    }
  });

  const merges: CellRange[] = Object.values(internals._merges ?? {}).map(({ model: m }) => ({
    top: m.top - 1,
    left: m.left - 1,
    bottom: m.bottom - 1,
    right: m.right - 1,
  }));
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }

  // Hidden rows/cols beyond the used range carry nothing the engine can use.
  const hiddenRows = new Set<number>();
  for (const row of internals._rows ?? []) {
    if (row?.hidden && row.number <= rowCount) hiddenRows.add(row.number - 1);
  }
  const hiddenCols = new Set<number>();
  (ws.columns ?? []).forEach((col, i) => {
    if (col.hidden && i < colCount) hiddenCols.add(i);
  });

  return {
    name: ws.name,
    rowCount,
    colCount,
    rows,
    merges,
    hiddenRows,
    hiddenCols,
    visibility: ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible',
    protected: internals.sheetProtection?.sheet === true,
  };
}

function toCell(xc: ExcelJS.Cell, row: number, col: number, date1904: boolean): Cell | undefined {
  // Merged slave cells echo the master's value in exceljs; the snapshot keeps them empty.
  if (xc.type === T.Merge) return undefined;
  const isFormula = xc.type === T.Formula;
  const value = isFormula ? formulaResult(xc.result, date1904) : plainValue(xc, date1904);
  if (!value) return undefined;
  const numFmt = xc.numFmt;
  const indent = xc.alignment?.indent;
  return {
    row,
    col,
    value,
    ...(numFmt && numFmt !== 'General' ? { numFmt } : {}),
    ...(indent && indent > 0 ? { indent } : {}),
    ...(isFormula ? { formula: true } : {}),
  };
}

function plainValue(xc: ExcelJS.Cell, date1904: boolean): CellValue | undefined {
  const v = xc.value;
  switch (xc.type) {
    case T.Null:
      return undefined;
    case T.Number:
      return { kind: 'number', value: v as number };
    case T.String:
      return { kind: 'text', value: v as string };
    case T.Boolean:
      return { kind: 'boolean', value: v as boolean };
    case T.Date:
      return { kind: 'number', value: dateToSerial(v as Date, date1904) };
    case T.Error:
      return { kind: 'error', value: (v as ExcelJS.CellErrorValue).error };
    case T.RichText:
      return { kind: 'text', value: richText(v) };
    case T.Hyperlink: {
      const text = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      return { kind: 'text', value: typeof text === 'string' ? text : richText(text) };
    }
    default:
      return { kind: 'text', value: xc.text ?? '' };
  }
}

function formulaResult(result: unknown, date1904: boolean): CellValue {
  if (typeof result === 'number') return { kind: 'number', value: result };
  if (typeof result === 'string') return { kind: 'text', value: result };
  if (typeof result === 'boolean') return { kind: 'boolean', value: result };
  if (result instanceof Date) return { kind: 'number', value: dateToSerial(result, date1904) };
  if (result && typeof result === 'object' && 'error' in result) {
    return { kind: 'error', value: String((result as { error: unknown }).error) };
  }
  // No cached result (written by a program that never calculated): an empty text, still a formula.
  return { kind: 'text', value: '' };
}

function richText(v: unknown): string {
  const parts = (v as { richText?: { text?: string }[] } | null)?.richText;
  return Array.isArray(parts) ? parts.map((p) => p.text ?? '').join('') : String(v ?? '');
}

/** exceljs turns date-formatted numbers into JS Dates (UTC); undo that. */
export function dateToSerial(d: Date, date1904: boolean): number {
  return 25569 + d.getTime() / 86_400_000 - (date1904 ? 1462 : 0);
}
