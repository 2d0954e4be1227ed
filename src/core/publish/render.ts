// Table models → sheet layouts a host writes: label, title, department and unit line, header rows
// with merges, data rows, note; fonts, thin borders, number format, widths, A4 print setup with the
// header rows repeated on every page.
import Decimal from 'decimal.js';
import type { CellStyle, SheetLayout, SheetLayoutCell } from '../workbook/edits';
import type { CellRange, CellValue } from '../workbook/types';
import type { CellContent, Figure, ModelRow, TableModel } from './model';
import { DEPARTMENT, LABEL, STYLE, TABLE_LAYOUTS, UNIT_LINE, fill, type ColumnKind, type TableLayoutSpec } from './specs';

const LABEL_ROW = 0;
const TITLE_ROW = 1;
const DEPT_ROW = 2;
const HEADER_TOP = 3;

const base: CellStyle = { fontName: STYLE.font, fontSize: STYLE.size, vertical: 'middle' };
const boxed: CellStyle = { ...base, border: true };

/** Printed value of a figure, 万元 with two decimals. */
export function figureValue(f: Figure): Decimal {
  return new Decimal(f.units.toString()).div(100);
}

function isFigure(c: CellContent): c is Figure {
  return c !== null && typeof c === 'object';
}

/** Display width in Excel character units (a CJK character at 10 pt is about 1.8). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u00ff]/.test(ch) ? 1 : 1.8;
  return w;
}

function dataCell(kind: ColumnKind, content: CellContent, row: ModelRow, twoSided: boolean): { value: CellValue | null; style: CellStyle } {
  const bold = row.total || row.level === 1 ? { bold: true } : {};
  if (isFigure(content))
    return {
      value: { kind: 'number', value: Number(figureValue(content).toFixed(2)) },
      style: { ...boxed, ...bold, numFmt: STYLE.numFmt, horizontal: 'right', indent: STYLE.pad },
    };
  const text = content ?? '';
  const value: CellValue | null = text ? { kind: 'text', value: text } : null;
  switch (kind) {
    case 'code':
      return { value, style: { ...boxed, ...bold, numFmt: '@', horizontal: 'left', indent: STYLE.pad } };
    case 'name':
      if (row.total) return { value, style: { ...boxed, bold: true, horizontal: 'center' } };
      return {
        value,
        style: {
          ...boxed,
          ...bold,
          horizontal: 'left',
          wrap: true,
          indent: row.level && !twoSided ? STYLE.indent[row.level] : row.sub ? STYLE.pad + 1 : STYLE.pad,
        },
      };
    case 'amount':
      return { value, style: { ...boxed, ...bold, numFmt: STYLE.numFmt, horizontal: 'right', indent: STYLE.pad } };
    case 'note':
      return { value, style: { ...boxed, horizontal: 'left', wrap: true, indent: STYLE.pad } };
  }
}

/** Lines a wrapped text needs in a column of `width` characters. */
function linesFor(text: string, width: number): number {
  return Math.max(1, Math.ceil(textWidth(text) / Math.max(1, width - 1)));
}

export interface RenderContext {
  readonly year: number;
  readonly department: string;
}

export function renderTable(table: TableModel, ctx: RenderContext, spec: TableLayoutSpec = TABLE_LAYOUTS.find((s) => s.id === table.kind)!): SheetLayout {
  const width = spec.columns.length;
  const last = width - 1;
  const cells: SheetLayoutCell[] = [];
  const merges: CellRange[] = [];
  const rowHeights: Record<number, number> = {};
  const put = (row: number, col: number, value: CellValue | null, style: CellStyle) => cells.push({ row, col, value, style });
  const text = (s: string): CellValue => ({ kind: 'text', value: s });

  put(LABEL_ROW, 0, text(fill(LABEL, { no: spec.no })), { ...base, horizontal: 'left' });
  put(TITLE_ROW, 0, text(table.title), { fontName: STYLE.titleFont, fontSize: STYLE.titleSize, bold: true, horizontal: 'center', vertical: 'middle' });
  merges.push({ top: TITLE_ROW, left: 0, bottom: TITLE_ROW, right: last });
  rowHeights[TITLE_ROW] = STYLE.titleRowHeight;
  put(DEPT_ROW, 0, text(fill(DEPARTMENT, { department: ctx.department })), { ...base, horizontal: 'left' });
  if (width > 2) merges.push({ top: DEPT_ROW, left: 0, bottom: DEPT_ROW, right: last - 1 });
  put(DEPT_ROW, last, text(UNIT_LINE), { ...base, horizontal: 'right' });

  const headerStyle: CellStyle = { ...boxed, bold: true, horizontal: 'center', wrap: true };
  spec.headerRows.forEach((cols, i) => {
    const r = HEADER_TOP + i;
    let lines = 1;
    cols.forEach((t, c) => {
      const s = fill(t, { year: ctx.year });
      put(r, c, s ? text(s) : null, headerStyle);
      if (s) lines = Math.max(lines, linesFor(s, mergedWidth(spec, i, c)));
    });
    rowHeights[r] = Math.max(STYLE.headerRowHeight, 15 * lines + 6);
  });
  for (const m of spec.headerMerges)
    merges.push({ top: HEADER_TOP + m.top, left: m.left, bottom: HEADER_TOP + m.bottom, right: m.right });
  const headerLast = HEADER_TOP + spec.headerRows.length - 1;

  let r = headerLast + 1;
  const twoSided = spec.columns.filter((k) => k === 'name').length > 1;
  for (const row of table.rows) {
    let lines = 1;
    row.cells.forEach((content, c) => {
      const { value, style } = dataCell(spec.columns[c], content, row, twoSided);
      put(r, c, value, style);
      if (spec.columns[c] === 'name' && typeof content === 'string') lines = Math.max(lines, linesFor(content, spec.widths[c] - (style.indent ?? 0) * 1.3));
    });
    rowHeights[r] = 14 * lines + 4;
    r++;
  }
  if (table.note) {
    put(r, 0, text(table.note), { ...base, horizontal: 'left', wrap: true });
    for (let c = 1; c < width; c++) put(r, c, null, base);
    merges.push({ top: r, left: 0, bottom: r, right: last });
    rowHeights[r] = 14 * linesFor(table.note, spec.widths.reduce((a, b) => a + b, 0)) + 8;
    r++;
  }
  const bottom = r - 1;

  return {
    name: spec.sheet,
    cells,
    merges,
    colWidths: Object.fromEntries(spec.widths.map((w, c) => [c, w])),
    rowHeights,
    print: {
      paper: 'A4',
      orientation: spec.orientation,
      repeatRows: { first: HEADER_TOP, last: headerLast },
      areas: [{ top: 0, left: 0, bottom, right: last }],
      fitToWidth: true,
    },
  };
}

/** Width of the header area a cell's text spreads over (its merge, if any). */
function mergedWidth(spec: TableLayoutSpec, row: number, col: number): number {
  const m = spec.headerMerges.find((x) => x.top === row && x.left === col);
  if (!m) return spec.widths[col];
  let w = 0;
  for (let c = m.left; c <= m.right; c++) w += spec.widths[c];
  return w;
}

export function renderTables(tables: readonly TableModel[], ctx: RenderContext): SheetLayout[] {
  return tables.map((t) => renderTable(t, ctx));
}
