// Adds a SheetLayout (a sheet the engine built) to a workbook, replacing a sheet of the same name.
import type * as ExcelJS from 'exceljs';
import type { SheetLayout, SheetLayoutCell } from '../core/workbook/edits';
import { rangeAddress } from '../core/workbook/address';
import { toExcelValue } from './cell-value';
import { applyStyle } from './style';

interface OrderedWorksheet {
  orderNo: number; // exceljs sorts sheets by this; not in its typings
}

export function addLayoutSheet(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const old = findSheet(wb, layout.name);
  const orderNo = old && (old as unknown as OrderedWorksheet).orderNo;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(layout.name, { state: layout.hidden ?? 'visible' });
  if (orderNo !== undefined) (ws as unknown as OrderedWorksheet).orderNo = orderNo;

  // Writing a value into a merged slave would overwrite its master, so slaves get styles only.
  const slave = new Set<string>();
  for (const m of layout.merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slave.add(`${r},${c}`);
  }
  for (const lc of layout.cells) {
    if (slave.has(`${lc.row},${lc.col}`)) continue;
    const cell = ws.getCell(lc.row + 1, lc.col + 1);
    cell.value = lc.link ? linkValue(lc.link, lc.value) : toExcelValue(lc.value);
    if (lc.style) applyStyle(cell, lc.style);
    if (lc.link) cell.font = { ...cell.font, underline: true, color: lc.style?.fontColor ? cell.font?.color : { argb: 'FF0563C1' } };
  }
  // mergeCells copies the master's style (borders, fill) onto the whole area …
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // … unless the layout styled a slave cell itself.
  for (const lc of layout.cells) {
    if (!lc.style || !slave.has(`${lc.row},${lc.col}`)) continue;
    const cell = ws.getCell(lc.row + 1, lc.col + 1);
    cell.style = {};
    applyStyle(cell, lc.style);
  }

  for (const [c, width] of Object.entries(layout.colWidths ?? {})) ws.getColumn(Number(c) + 1).width = width;
  for (const [r, height] of Object.entries(layout.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = height;

  const p = layout.print;
  if (p) {
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.orientation = p.orientation;
    if (p.repeatRows) ws.pageSetup.printTitlesRow = `${p.repeatRows.first + 1}:${p.repeatRows.last + 1}`;
    if (p.areas?.length) ws.pageSetup.printArea = p.areas.map(rangeAddress).join('&&');
    for (const r of p.breaksAfter ?? []) ws.getRow(r + 1).addPageBreak();
    if (p.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = 0; // as many pages tall as needed
    }
  }
  return ws;
}

/**
 * A link cell. exceljs writes `{ text, hyperlink }` as an external relationship *and* a location,
 * which Excel joins into a broken address ('#S!A1##S!A1'), so links are HYPERLINK formulas (with
 * the text as the cached result), which Excel, WPS and LibreOffice all follow. Excel caps a string
 * inside a formula at 255 characters; longer ones fall back to exceljs' own hyperlink value.
 */
function linkValue(link: string, value: SheetLayoutCell['value']): ExcelJS.CellValue {
  const text = value === null ? link : value.kind === 'error' ? value.value : String(value.value);
  if (link.length > 255 || text.length > 255) return { text, hyperlink: link };
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return { formula: `HYPERLINK(${q(link)},${q(text)})`, result: text };
}

/** Excel sheet names are case-insensitive. */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}
