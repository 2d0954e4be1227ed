import type { CellRange } from './types';

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new Error(`not a column: ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${colToLetters(col)}${row + 1}`;
}

export function parseCellAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not a cell address: ${a1}`);
  return { row: Number(m[2]) - 1, col: lettersToCol(m[1]) };
}

export function rangeAddress(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

export function parseRangeAddress(a1: string): CellRange {
  const [a, b] = a1.split(':');
  const p = parseCellAddress(a);
  const q = b ? parseCellAddress(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** `Sheet!A1`, quoting the sheet name when Excel would. */
export function qualifiedAddress(sheet: string, a1: string): string {
  const plain = /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(sheet);
  return plain ? `${sheet}!${a1}` : `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

export function rangeContains(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
