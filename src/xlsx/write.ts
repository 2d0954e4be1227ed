// Writes .xlsx files: the original workbook with the engine's edits, or a snapshot as a new file.
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import type * as ExcelJS from 'exceljs';
import type { WorkbookEdits } from '../core/workbook/edits';
import type { WorkbookSnapshot } from '../core/workbook/types';
import { applyEdits } from './edit';
import { loadWorkbook, readInputBytes } from './load';
import { snapshotToWorkbook } from './snapshot-workbook';

export { snapshotToWorkbook } from './snapshot-workbook';
export { applyEdits } from './edit';

/** Loads the original (from `path` or `buffer`), applies `edits`, writes to `outPath` only. */
export async function writeWorkbookWithEdits(
  input: { path?: string; buffer?: Buffer },
  edits: WorkbookEdits,
  outPath: string,
): Promise<void> {
  const source = input.path ?? '(buffer)';
  let buf = input.buffer;
  if (!buf) {
    if (!input.path) throw new Error('writeWorkbookWithEdits: give input.path or input.buffer');
    buf = await readInputBytes(input.path);
  }
  const wb = await loadWorkbook(buf, source);
  applyEdits(wb, edits);
  await writeWorkbookFile(wb, outPath);
}

export async function writeSnapshotFile(snapshot: WorkbookSnapshot, path: string): Promise<void> {
  await writeWorkbookFile(snapshotToWorkbook(snapshot), path);
}

/** Writes next to the target and renames, so a failed write never leaves a half file at `path`. */
export async function writeWorkbookFile(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const data: unknown = await wb.xlsx.writeBuffer(); // a node Buffer at run time
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
