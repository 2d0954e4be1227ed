// CellStyle (core) → exceljs style, merged into whatever the cell already has.
import type * as ExcelJS from 'exceljs';
import type { CellStyle } from '../core/workbook/edits';

/** 'RRGGBB' or '#RRGGBB' → exceljs ARGB 'FFRRGGBB'. */
export function toArgb(rgb: string): string {
  const hex = rgb.replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new Error(`not an RRGGBB colour: ${rgb}`);
  return 'FF' + hex;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };

/**
 * Applies `s` on top of the cell's current style. exceljs shares one style object between all
 * cells loaded with the same style index, so the style is copied before it is changed; mutating
 * `cell.font.bold` in place would restyle every cell that shares it.
 */
export function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (s.fill !== undefined) {
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(s.fill) } };
  }
  const font: Partial<ExcelJS.Font> = {};
  if (s.fontColor !== undefined) font.color = { argb: toArgb(s.fontColor) };
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontName !== undefined) font.name = s.fontName;
  if (Object.keys(font).length) style.font = { ...style.font, ...font };
  if (s.numFmt !== undefined) style.numFmt = s.numFmt;
  const align: Partial<ExcelJS.Alignment> = {};
  if (s.horizontal !== undefined) align.horizontal = s.horizontal;
  if (s.vertical !== undefined) align.vertical = s.vertical;
  if (s.wrap !== undefined) align.wrapText = s.wrap;
  if (s.indent !== undefined) align.indent = s.indent;
  if (Object.keys(align).length) style.alignment = { ...style.alignment, ...align };
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  cell.style = style;
}
