// Temp-dir and exceljs helpers shared by the xlsx adapter tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';

/** A fresh temp dir for one test file; call the returned cleanup in afterAll. */
export function makeTempDir(prefix: string): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `suanpan-${prefix}-`));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function loadExcel(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export async function saveExcel(wb: ExcelJS.Workbook, path: string): Promise<void> {
  await wb.xlsx.writeFile(path);
}

export async function excelBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return (await wb.xlsx.writeBuffer()) as unknown as Buffer;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`test workbook has no sheet ${name}`);
  return ws;
}
