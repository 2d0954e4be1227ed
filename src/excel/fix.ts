// Writing the corrected codes of a `misaligned` or `renumbered` finding (details.corrected =
// [{cell, name, from, to}]) and taking them back. What a fix overwrites goes into the restore record in the workbook
// first (same sync), so undo works after the file was closed and reopened.
//
//   applyFix  sync 1: record + the cells now (checked against `from`); sync 2: record, then values
//   undoFix   sync 1: record; sync 2: the cells now; sync 3: the old values, record without the fix
//
// A code is written as the cell held it: a number cell gets a number (when the code has no leading
// zero), anything else text — with Excel's quote prefix where Excel would otherwise read the text
// as a number, date or formula. The cell's number format is never touched.
import type { Finding } from '../core/findings';
import { normalizeA1 } from './a1';
import { queueStateRead, queueStateWrite, type FixRecord, type FixedCell } from './state';
import { countingSync } from './limits';

export interface FixCell {
  readonly cell: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

export interface FixPreview {
  readonly sheet: string;
  /** The cells a fix writes, in order. */
  readonly cells: readonly FixCell[];
  /** Cells the rule could not correct (the code fell off the block's edge): left alone. */
  readonly skipped: readonly { readonly cell: string; readonly name: string; readonly from: string }[];
}

export class FixConflictError extends Error {
  constructor(
    public readonly sheet: string,
    public readonly cells: readonly { cell: string; expected: string; found: string }[],
  ) {
    super(
      `单元格已在检查后改动，未写入更正 / cells changed since the check, nothing written: ` +
        cells.map((c) => `${sheet}!${c.cell} (${c.expected} → ${c.found})`).join(', '),
    );
    this.name = 'FixConflictError';
  }
}

/** What applying the finding's fix would write (pure). Throws for a finding without a fix. */
export function previewFix(finding: Finding): FixPreview {
  const corrected = finding.details?.corrected;
  if ((finding.rule !== 'misaligned' && finding.rule !== 'renumbered') || !Array.isArray(corrected)) {
    throw new Error(`finding ${finding.rule} at ${finding.sheet}!${finding.cell} has no fix`);
  }
  const cells: FixCell[] = [];
  const skipped: { cell: string; name: string; from: string }[] = [];
  for (const raw of corrected as unknown[]) {
    const c = raw as { cell?: unknown; name?: unknown; from?: unknown; to?: unknown };
    if (typeof c.cell !== 'string') continue;
    const cell = normalizeA1(c.cell);
    const name = typeof c.name === 'string' ? c.name : '';
    const from = c.from === undefined || c.from === null ? '' : String(c.from);
    if (typeof c.to === 'string' && c.to !== '') cells.push({ cell, name, from, to: c.to });
    else skipped.push({ cell, name, from });
  }
  return { sheet: finding.sheet, cells, skipped };
}

export interface AppliedFixInfo {
  readonly id: string;
  /** Cells written. */
  readonly cells: number;
  readonly syncs: number;
}

let counter = 0;
function newFixId(): string {
  counter = (counter + 1) % 1_000_000;
  return `fix-${Date.now().toString(36)}-${counter.toString(36)}`;
}

export async function applyFix(context: Excel.RequestContext, finding: Finding, opts: { id?: string } = {}): Promise<AppliedFixInfo> {
  const preview = previewFix(finding);
  if (!preview.cells.length) throw new Error(`nothing to write for ${finding.sheet}!${finding.range}`);
  const { sync, count: syncs } = countingSync(context);
  const ws = context.workbook.worksheets.getItem(preview.sheet);
  const state = queueStateRead(context);
  const ranges = preview.cells.map((c) => ws.getRange(c.cell).load('values,valueTypes,formulas,numberFormat'));
  await sync();

  const conflicts: { cell: string; expected: string; found: string }[] = [];
  preview.cells.forEach((c, i) => {
    const found = String(ranges[i].values[0][0] ?? '').trim();
    if (found !== c.from.trim()) conflicts.push({ cell: c.cell, expected: c.from, found });
  });
  if (conflicts.length) throw new FixConflictError(preview.sheet, conflicts);

  const fixed: FixedCell[] = [];
  const writes: { range: Excel.Range; value: string | number }[] = [];
  preview.cells.forEach((c, i) => {
    const r = ranges[i];
    const value = r.values[0][0] as string | number | boolean;
    const formula = r.formulas[0][0];
    const numFmt = String(r.numberFormat[0][0] ?? 'General');
    const asNumber = r.valueTypes[0][0] === 'Double' && /^[1-9]\d{0,14}$/.test(c.to);
    const wrote: string | number = asNumber ? Number(c.to) : c.to;
    fixed.push({
      cell: c.cell,
      before: typeof formula === 'string' && formula.startsWith('=') ? { value, formula } : { value },
      wrote,
    });
    writes.push({ range: r, value: asNumber ? wrote : excelText(c.to, numFmt) });
  });
  const id = opts.id ?? newFixId();
  const record: FixRecord = { id, sheet: preview.sheet, finding: finding.range, at: new Date().toISOString(), cells: fixed };
  const old = state.read();
  queueStateWrite(context, { version: 1, annotations: old.annotations, fixes: [...old.fixes, record] }, state.keys());
  for (const w of writes) w.range.values = [[w.value]];
  await sync();
  return { id, cells: fixed.length, syncs: syncs() };
}

export interface UndoFixResult {
  readonly restored: number;
  /** Cells changed by someone since the fix: left as they are. */
  readonly skipped: readonly string[];
  readonly syncs: number;
}

export async function undoFix(context: Excel.RequestContext, fixId: string): Promise<UndoFixResult> {
  const { sync, count: syncs } = countingSync(context);
  const state = queueStateRead(context);
  await sync();
  const record = state.read();
  const fix = record.fixes.find((f) => f.id === fixId);
  if (!fix) throw new Error(`no applied fix ${fixId} in this workbook`);

  const ws = context.workbook.worksheets.getItem(fix.sheet);
  const ranges = fix.cells.map((c) => ws.getRange(c.cell).load('values,numberFormat'));
  await sync();

  const skipped: string[] = [];
  let restored = 0;
  fix.cells.forEach((c, i) => {
    const r = ranges[i];
    const now = r.values[0][0];
    if (String(now ?? '') !== String(c.wrote)) {
      skipped.push(c.cell);
      return;
    }
    if (c.before.formula) r.formulas = [[c.before.formula]];
    else {
      const v = c.before.value;
      r.values = [[typeof v === 'string' ? excelText(v, String(r.numberFormat[0][0] ?? 'General')) : v]];
    }
    restored++;
  });
  queueStateWrite(context, { version: 1, annotations: record.annotations, fixes: record.fixes.filter((f) => f.id !== fixId) }, state.keys());
  await sync();
  return { restored, skipped, syncs: syncs() };
}

/**
 * A text as it must be written through Range.values to stay that text: with the quote prefix
 * where Excel would read it as something else (number, date, boolean, error, formula), unless
 * the cell is Text-formatted ('@') and takes anything as typed.
 */
export function excelText(text: string, numberFormat: string): string {
  if (numberFormat === '@' || text === '') return text;
  const t = text.trim();
  const parsesAsOther =
    /^[=+\-@']/.test(text) ||
    /^[-+]?(\d[\d,]*)?\.?\d+(e[-+]?\d+)?%?$/i.test(t) ||
    /^(true|false)$/i.test(t) ||
    /^#/.test(t) ||
    /^\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?$/.test(t) ||
    /^\d{1,2}:\d{2}/.test(t);
  return parsesAsOther ? `'${text}` : text;
}
