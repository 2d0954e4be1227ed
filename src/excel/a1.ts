// Address strings as Office.js hands them over and takes them: qualified areas, unions of areas.
import { cellAddress, colToLetters, lettersToCol, parseCellAddress } from '../core/workbook/address';
import type { CellRange } from '../core/workbook/types';
import { MAX_AREAS_ADDRESS_CHARS } from './limits';

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/** Splits "Sheet1!A1:B2, 'a, b'!C3" at the commas that separate areas (not those inside quotes). */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(address.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = address.slice(start).trim();
  if (last) out.push(last);
  return out.filter((s) => s !== '');
}

/** The sheet name and the local part of "Sheet1!A1" or "'My sheet'!A1:B2" (sheet '' if none). */
export function splitQualified(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim().replace(/\$/g, '') };
}

/** One area ("A1", "A1:B2", "A:C", "3:5"), optionally sheet-qualified, as a 0-based rectangle. */
export function parseArea(address: string): CellRange {
  const { local } = splitQualified(address);
  const [a, b = a] = local.split(':');
  if (/^[A-Za-z]+$/.test(a) && /^[A-Za-z]+$/.test(b)) {
    return { top: 0, bottom: LAST_ROW, left: lettersToCol(a), right: lettersToCol(b) };
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    return { top: Number(a) - 1, bottom: Number(b) - 1, left: 0, right: LAST_COL };
  }
  const p = parseCellAddress(a);
  const q = parseCellAddress(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Every area of a RangeAreas address. */
export function parseAreas(address: string | null | undefined): CellRange[] {
  if (!address) return [];
  return splitAreas(address).map(parseArea);
}

/** A canonical cell key: "A1" upper case, no dollars. */
export function normalizeA1(a1: string): string {
  const { row, col } = parseCellAddress(a1.replace(/\$/g, ''));
  return cellAddress(row, col);
}

/**
 * Cells → area strings: vertical runs in one column become "C5:C9", the rest stay single cells.
 * Order: by column, then row (stable for tests).
 */
export function compactAreas(cells: readonly { row: number; col: number }[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const list = byCol.get(c.col);
    if (list) list.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const out: string[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let i = 0;
    while (i < rows.length) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      const a = cellAddress(rows[i], col);
      out.push(j > i ? `${a}:${cellAddress(rows[j], col)}` : a);
      i = j + 1;
    }
  }
  return out;
}

/** Joins area strings with commas into unions no longer than `max` characters each (0: one area each). */
export function unionAddresses(areas: readonly string[], max = MAX_AREAS_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let current = '';
  for (const area of areas) {
    if (current && current.length + 1 + area.length > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${area}` : area;
  }
  if (current) out.push(current);
  return out;
}

/** Cells (A1 strings) → comma unions for worksheet.getRanges(), each within the length limit. */
export function rangeUnions(a1s: readonly string[], max = MAX_AREAS_ADDRESS_CHARS): string[] {
  return unionAddresses(compactAreas(a1s.map((a) => parseCellAddress(a))), max);
}

/**
 * Cells → rectangles covering exactly those cells: runs along each row, and the same run on
 * consecutive rows stacked into one rectangle. A table's body comes out as a few blocks.
 * Order: by top row, then left column.
 */
export function rectanglesOf(cells: readonly { row: number; col: number }[]): CellRange[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c.col);
    else byRow.set(c.row, [c.col]);
  }
  const done: CellRange[] = [];
  // Rectangles still growing, by "left:right" of their run; they end on the row before `row`.
  let open = new Map<string, { top: number; left: number; right: number; bottom: number }>();
  let lastRow = -2;
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    if (row !== lastRow + 1) {
      for (const r of open.values()) done.push(r);
      open = new Map();
    }
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const next = new Map<string, { top: number; left: number; right: number; bottom: number }>();
    let i = 0;
    while (i < cols.length) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const key = `${cols[i]}:${cols[j]}`;
      const grow = open.get(key);
      if (grow) {
        grow.bottom = row;
        open.delete(key);
        next.set(key, grow);
      } else next.set(key, { top: row, left: cols[i], right: cols[j], bottom: row });
      i = j + 1;
    }
    for (const r of open.values()) done.push(r);
    open = next;
    lastRow = row;
  }
  for (const r of open.values()) done.push(r);
  return done
    .map((r) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A rectangle as "A1" or "A1:C9". */
export function areaAddress(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Runs of consecutive numbers: [3,4,5,9] → [[3,5],[9,9]]. */
export function runsOf(values: readonly number[]): [number, number][] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === v - 1) last[1] = v;
    else out.push([v, v]);
  }
  return out;
}

/** Whole rows, 0-based inclusive: "5:7". */
export function rowsAddress(first: number, last: number): string {
  return `${first + 1}:${last + 1}`;
}

/** Whole columns, 0-based inclusive: "B:D". */
export function colsAddress(first: number, last: number): string {
  return `${colToLetters(first)}:${colToLetters(last)}`;
}
