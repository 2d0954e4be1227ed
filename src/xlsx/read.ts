// Reads an .xlsx file into the engine's WorkbookSnapshot.
import { isEmptyCell } from '../core/workbook/sheet';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/workbook/types';
import { InputError, reasons } from './errors';
import { loadWorkbook, readInputBytes, toBuffer } from './load';
import { readSheet } from './read-sheet';

export { InputError } from './errors';

export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  return readWorkbookBuffer(await readInputBytes(path), path);
}

export async function readWorkbookBuffer(buf: Buffer | ArrayBuffer | Uint8Array, source: string): Promise<WorkbookSnapshot> {
  const wb = await loadWorkbook(toBuffer(buf), source);
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets = wb.worksheets.map((ws) => readSheet(ws, date1904));
  if (!sheets.some(hasData)) throw new InputError(source, reasons.noData);
  return { source, sheets };
}

function hasData(sheet: SheetSnapshot): boolean {
  return sheet.rows.some((row) => row?.some((cell) => !isEmptyCell(cell)));
}
