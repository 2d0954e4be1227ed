// Read helpers over a SheetSnapshot, and a builder hosts and tests use to make one.
import type { Cell, CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from './types';

export function getCell(sheet: SheetSnapshot, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

/** The displayed text of a cell: the host's text if known, else the value as a string. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined) return cell.text;
  const v = cell.value;
  switch (v.kind) {
    case 'text':
      return v.value;
    case 'number':
      return numberToPlainString(v.value);
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'error':
      return v.value;
  }
}

/** Shortest round-trip decimal string without exponent (1e-7 → "0.0000001"). */
export function numberToPlainString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mant, expPart] = s.split(/e/i);
  const exp = Number(expPart);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const pointAt = (mant.replace('-', '').indexOf('.') === -1 ? mant.replace('-', '').length : mant.replace('-', '').indexOf('.')) + exp;
  let out: string;
  if (pointAt <= 0) out = '0.' + '0'.repeat(-pointAt) + digits;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
  return (neg ? '-' : '') + out;
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  return cell.value.kind === 'text' && cell.value.value.trim() === '';
}

/** The merge area a cell belongs to, if any. */
export function mergeAt(sheet: SheetSnapshot, row: number, col: number): CellRange | undefined {
  for (const m of sheet.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}

/** Input for the builder: a plain value, or a value with formatting. */
export type CellInput =
  | string
  | number
  | boolean
  | null
  | undefined
  | { value: CellValue | string | number | boolean; numFmt?: string; text?: string; indent?: number; formula?: boolean };

function toValue(v: CellValue | string | number | boolean): CellValue {
  if (typeof v === 'string') {
    if (/^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(v)) return { kind: 'error', value: v };
    return { kind: 'text', value: v };
  }
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return v;
}

export interface SheetInit {
  name: string;
  /** Cell inputs by row; row index = array index unless `origin` moves it. */
  rows?: CellInput[][];
  origin?: { row: number; col: number };
  merges?: CellRange[];
  hiddenRows?: number[];
  hiddenCols?: number[];
  visibility?: SheetSnapshot['visibility'];
  protected?: boolean;
}

/** Builds an immutable sheet snapshot from plain arrays. */
export function buildSheet(init: SheetInit): SheetSnapshot {
  const r0 = init.origin?.row ?? 0;
  const c0 = init.origin?.col ?? 0;
  const rows: (Cell | undefined)[][] = [];
  let rowCount = 0;
  let colCount = 0;
  (init.rows ?? []).forEach((inputs, i) => {
    const r = r0 + i;
    inputs.forEach((input, j) => {
      if (input === null || input === undefined || input === '') return;
      const c = c0 + j;
      const cell: Cell =
        typeof input === 'object'
          ? {
              row: r,
              col: c,
              value: toValue(input.value),
              ...(input.numFmt ? { numFmt: input.numFmt } : {}),
              ...(input.text !== undefined ? { text: input.text } : {}),
              ...(input.indent ? { indent: input.indent } : {}),
              ...(input.formula ? { formula: true } : {}),
            }
          : { row: r, col: c, value: toValue(input) };
      (rows[r] ??= [])[c] = cell;
      rowCount = Math.max(rowCount, r + 1);
      colCount = Math.max(colCount, c + 1);
    });
  });
  for (const m of init.merges ?? []) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }
  return {
    name: init.name,
    rowCount,
    colCount,
    rows,
    merges: init.merges ?? [],
    hiddenRows: new Set(init.hiddenRows ?? []),
    hiddenCols: new Set(init.hiddenCols ?? []),
    visibility: init.visibility ?? 'visible',
    protected: init.protected ?? false,
  };
}

export function buildWorkbook(source: string, sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { source, sheets };
}
