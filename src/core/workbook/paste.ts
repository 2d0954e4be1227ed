// Text pasted into a sheet the way Excel's paste does it: one line per row, tabs split cells,
// and anything that looks like a number becomes a number (with the format Excel would give it).
import { buildSheet, type CellInput } from './sheet';
import type { SheetSnapshot } from './types';

const PLAIN = /^-?(\d+\.?\d*|\.\d+)$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^-?\d+(\.\d+)?%$/;

/** What Excel makes of one pasted cell's text. */
export function pastedCell(raw: string): CellInput {
  const s = raw.trim();
  if (s === '') return undefined;
  if (PLAIN.test(s)) return Number(s.endsWith('.') ? s.slice(0, -1) : s);
  if (GROUPED.test(s)) {
    const decimals = s.includes('.') ? s.split('.')[1].length : 0;
    return { value: Number(s.replace(/,/g, '')), numFmt: decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0' };
  }
  if (PERCENT.test(s)) {
    const body = s.slice(0, -1);
    const decimals = body.includes('.') ? body.split('.')[1].length : 0;
    return { value: Number(body) / 100, numFmt: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  return raw.replace(/\s+$/, '');
}

export interface PasteOptions {
  /** Keep every cell as text (Excel's "text" column format), default false. */
  asText?: boolean;
}

export function sheetFromPastedText(name: string, text: string, options: PasteOptions = {}): SheetSnapshot {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const rows: CellInput[][] = lines.map((line) =>
    line.split('\t').map((raw) => (options.asText ? (raw.trim() === '' ? undefined : raw) : pastedCell(raw))),
  );
  return buildSheet({ name, rows });
}
