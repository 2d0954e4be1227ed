// The exceljs side of file mode: bytes → exceljs workbook → snapshot sheets, and workbook + edits →
// bytes. Loaded with import() by fileHost.ts, so exceljs (≈ 1 MB) is a separate chunk that only a
// pane outside Excel ever fetches. read-sheet.ts's own `import 'exceljs'` resolves to the same
// browser build through the package's "browser" field.
import * as ExcelJS from 'exceljs/dist/exceljs.min.js';
import type { TemplatePlan } from '../../core/forms/template';
import type { SheetSnapshot } from '../../core/workbook/types';
import type { WorkbookEdits } from '../../core/workbook/edits';
import { applyEdits } from '../../xlsx/edit';
import { reasons } from '../../xlsx/errors';
import { readSheet } from '../../xlsx/read-sheet';
import { addTemplateFormSheets } from '../../xlsx/template-form';

export type Workbook = ExcelJS.Workbook;

export async function loadWorkbook(data: ArrayBuffer): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 160);
    throw new Error(reasons.damaged(msg || 'unknown error'));
  }
  if (wb.worksheets.length === 0) throw new Error(reasons.noSheets);
  return wb;
}

export function sheetNames(wb: Workbook): string[] {
  return wb.worksheets.map((ws) => ws.name);
}

export function readSheetAt(wb: Workbook, index: number): SheetSnapshot {
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  return readSheet(wb.worksheets[index], date1904);
}

export function edit(wb: Workbook, edits: WorkbookEdits): void {
  applyEdits(wb, edits);
}

/** A sheet's extent with its formatted empty cells (exceljs counts rows and columns that have a style). */
export function sheetExtent(wb: Workbook, name: string): { rowCount: number; colCount: number } | null {
  const ws = wb.worksheets.find((w) => w.name === name);
  return ws ? { rowCount: ws.rowCount, colCount: ws.columnCount } : null;
}

/** One sheet per plan, each a copy of the template sheet filled as planned, A4 portrait with its print area. */
export function fillTemplate(wb: Workbook, templateSheet: string, plans: readonly TemplatePlan[], names: readonly string[]): void {
  addTemplateFormSheets(wb, templateSheet, plans, names);
}

export async function writeWorkbook(wb: Workbook): Promise<ArrayBuffer> {
  const out = await wb.xlsx.writeBuffer();
  const bytes = out instanceof ArrayBuffer ? new Uint8Array(out) : new Uint8Array(out as unknown as ArrayBufferLike);
  return bytes.slice().buffer;
}
