// Publish, write with the xlsx adapter, read back, recognize: the tables as a reader of the file sees them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { writeTablesFile } from '../../../src/cli/publish';
import type { SheetLayout } from '../../../src/core/workbook/edits';
import type { WorkbookSnapshot } from '../../../src/core/workbook/types';
import { checkWorkbook, type CheckResult } from '../../../src/core/rules';
import type { RecognizedTable, ColumnRole } from '../../../src/core/recognize';
import { readWorkbookFile } from '../../../src/xlsx';

export function tempDir(prefix: string): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `suanpan-${prefix}-`));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RoundTrip {
  file: string;
  back: WorkbookSnapshot;
  check: CheckResult;
}

/** Writes the layouts to `file` with src/xlsx, reads the file back and runs every check on it. */
export async function roundTrip(layouts: readonly SheetLayout[], file: string): Promise<RoundTrip> {
  await writeTablesFile(layouts, file);
  const back = await readWorkbookFile(file);
  return { file, back, check: checkWorkbook(back) };
}

/** The figure printed in a recognized table's row and column (blank → undefined). */
export function printed(back: WorkbookSnapshot, t: RecognizedTable, rowIndex: number, role: ColumnRole, side?: 'income' | 'expense'): Decimal | undefined {
  const col = t.columns.find((c) => c.role === role && c.period === 'current' && (side === undefined || c.side === side));
  if (!col) throw new Error(`${t.sheet} has no ${role} column`);
  const sheet = back.sheets.find((s) => s.name === t.sheet)!;
  const cell = sheet.rows[t.rows[rowIndex].row]?.[col.col];
  if (!cell) return undefined;
  if (cell.value.kind !== 'number') throw new Error(`${t.sheet} row ${t.rows[rowIndex].row + 1}: not a number`);
  return new Decimal(String(cell.value.value));
}
