// Bytes in, exceljs Workbook out; every failure becomes an InputError with a plain reason.
import { readFile } from 'node:fs/promises';
import * as ExcelJS from 'exceljs';
import { InputError, reasons } from './errors';
import { sniffProblem, zipWorkbookProblem } from './sniff';

export async function readInputBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(path, reasons.missing);
    if (code === 'EISDIR') throw new InputError(path, reasons.directory);
    throw new InputError(path, reasons.unreadable(code ?? (e as Error).message));
  }
}

export function toBuffer(data: Buffer | ArrayBuffer | Uint8Array): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** Loads a workbook; throws InputError for anything that is not a readable .xlsx with sheets. */
export async function loadWorkbook(buf: Buffer, source: string): Promise<ExcelJS.Workbook> {
  const problem = sniffProblem(buf);
  if (problem) throw new InputError(source, problem);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its Buffer as an ArrayBuffer; at run time it wants a node Buffer.
    await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (e) {
    throw new InputError(source, reasons.damaged(firstLine(e)));
  }
  if (wb.worksheets.length === 0) throw new InputError(source, zipWorkbookProblem(buf));
  return wb;
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split('\n')[0] || 'unknown error').replace(/\s*:\s*is this a zip file.*$/i, '').slice(0, 160);
}
