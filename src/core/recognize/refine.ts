// Column roles the header leaves open, settled by what the data rows hold: a code column merged over
// 类/款/项, codes under a 项目 header, codes printed in the name cell.
import type { SheetGrid } from './grid';
import type { TableColumn } from './model';
import { SPLIT_CODE_ROLES } from './specs/roles';
import { codeFromText, splitCodeName } from './text';

/** Two or three neighbouring `code` columns under one header: the code split over 类/款/项. */
function splitCodeRun(columns: readonly TableColumn[]): TableColumn[] {
  const out = [...columns];
  for (let i = 0; i < out.length; i++) {
    if (out[i].role !== 'code') continue;
    let j = i;
    while (j + 1 < out.length && out[j + 1].role === 'code' && out[j + 1].col === out[j].col + 1 && out[j + 1].header === out[i].header) j++;
    const n = j - i + 1;
    if (n >= 2 && n <= SPLIT_CODE_ROLES.length) for (let k = 0; k < n; k++) out[i + k] = { ...out[i + k], role: SPLIT_CODE_ROLES[k] };
    i = j;
  }
  return out;
}

function share(grid: SheetGrid, col: number, rows: readonly number[], test: (text: string) => boolean): number {
  let filled = 0;
  let hits = 0;
  for (const r of rows) {
    const t = grid.text(r, col);
    if (!t.trim()) continue;
    filled++;
    if (test(t)) hits++;
  }
  return filled ? hits / filled : 0;
}

const hasCodeColumn = (columns: readonly TableColumn[]) =>
  columns.some((c) => c.role === 'code' || c.role === 'code-name' || c.role === 'code-class');

/** 项目 merged over two columns: the left one holding codes is the code column. */
function codesUnderName(grid: SheetGrid, columns: readonly TableColumn[], rows: readonly number[]): readonly TableColumn[] {
  const names = columns.filter((c) => c.role === 'name');
  if (hasCodeColumn(columns) || names.length < 2) return columns;
  const first = names[0].col;
  if (share(grid, first, rows, (t) => codeFromText(t) !== undefined) < 0.5) return columns;
  return columns.map((c) => (c.col === first ? { ...c, role: 'code' as const } : c));
}

/** `2010301 行政运行` in the name column: the column is `code-name` when most rows read so. */
function codeNameColumn(grid: SheetGrid, columns: readonly TableColumn[], rows: readonly number[]): readonly TableColumn[] {
  const nameCol = columns.find((c) => c.role === 'name')?.col;
  if (hasCodeColumn(columns) || nameCol === undefined || !rows.length) return columns;
  const split = rows.filter((r) => splitCodeName(grid.text(r, nameCol))).length;
  if (split < Math.max(1, rows.length * 0.5)) return columns;
  return columns.map((c) => (c.col === nameCol ? { ...c, role: 'code-name' as const } : c));
}

export function refineColumns(grid: SheetGrid, columns: readonly TableColumn[], dataRows: readonly number[]): TableColumn[] {
  return [...codeNameColumn(grid, codesUnderName(grid, splitCodeRun(columns), dataRows), dataRows)];
}
