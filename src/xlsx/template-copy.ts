// The user's form template for `forms fill --template`: the file loaded, with each sheet's extent. The
// copying itself is in template-form.ts (no file access there, so the pane's file mode uses it too).
import type * as ExcelJS from 'exceljs';
import { loadWorkbook, readInputBytes } from './load';

export { copyColumnWidths, copyTemplateForm } from './template-form';

export interface TemplateFile {
  readonly workbook: ExcelJS.Workbook;
  /** Each sheet's extent with formatted empty cells counted (what a snapshot cannot see). */
  readonly extents: Record<string, { rowCount: number; colCount: number }>;
}

export async function loadTemplateFile(path: string): Promise<TemplateFile> {
  const workbook = await loadWorkbook(await readInputBytes(path), path);
  const extents: TemplateFile['extents'] = {};
  for (const ws of workbook.worksheets) extents[ws.name] = { rowCount: ws.rowCount, colCount: ws.columnCount };
  return { workbook, extents };
}
