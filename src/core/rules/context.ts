// What every rule reads: each recognized table with its amounts, labels and (corrected) hierarchy.
import { formatAmount } from '../money';
import type { RecognizedTable, Recognition, TableColumn, TableRow } from '../recognize';
import { isAmountRole } from '../recognize/headers';
import { specFor } from '../recognize/specs/tables';
import { colToLetters, qualifiedAddress } from '../workbook/address';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook/types';
import type Decimal from 'decimal.js';
import { mostlyFormatted, readAmount, sumFigures, typicalDecimals, type AmountCell, type Figure } from './figures';

export class TableContext {
  readonly amountColumns: readonly TableColumn[];
  readonly decimals: number;
  /**
   * Most numbers carry a format showing their decimals: a General number with fewer decimals stands
   * out (118.4 among 0.00-formatted figures: cut). In an all-General table (pasted text) 310.1 is
   * just 310.10 without its trailing zero.
   */
  readonly formatted: boolean;
  /** Figures in 元 are not rounded: each is exact, and any difference is an error. */
  readonly exact: boolean;
  /** Amount cells read so far, by column, then row. */
  private readonly cache: (AmountCell | undefined)[][] = [];
  /** rows as the checks use them: codes corrected where a block was found misaligned. */
  rows: readonly TableRow[];
  private childIndex?: number[][];
  /** Cells whose figure is known to be cut off (reported once by the truncated rule). */
  readonly cutCells = new Set<number>();
  /** Row indexes inside a misaligned block: their codes are judged by that finding alone. */
  readonly misalignedRows = new Set<number>();
  private labels?: { readonly zh: string; readonly en: string };
  private readonly columnLabels = new Map<number, string>();
  private readonly letters: string[] = [];
  private sheetPrefix?: string;

  constructor(
    readonly table: RecognizedTable,
    readonly sheet: SheetSnapshot,
  ) {
    this.rows = table.rows;
    this.amountColumns = table.columns.filter((c) => isAmountRole(c.role) && c.period !== 'change-rate');
    const sample = [];
    for (const r of table.rows) for (const c of this.amountColumns) sample.push(sheet.rows[r.row]?.[c.col]);
    this.formatted = mostlyFormatted(sample);
    // General-format numbers show as few decimals as they need: a 万元 table of round figures (10,
    // 6, 3000) is still kept to the 0.01 万元; only a format can say it is printed coarser.
    const typical = typicalDecimals(sample);
    this.decimals = table.unit !== '元' && !this.formatted ? Math.max(2, typical) : typical;
    this.exact = table.unit === '元';
  }

  setRows(rows: readonly TableRow[]): void {
    this.rows = rows;
    this.childIndex = undefined;
  }

  amount(row: number, col: number): AmountCell {
    const byRow = (this.cache[col] ??= []);
    let a = byRow[row];
    if (!a) {
      a = readAmount(this.sheet.rows[row]?.[col], row, col, this.decimals, this.exact);
      byRow[row] = a;
    }
    return a;
  }

  replaceAmount(a: AmountCell): void {
    (this.cache[a.col] ??= [])[a.row] = a;
  }

  children(index: number): number[] {
    if (!this.childIndex) {
      this.childIndex = this.rows.map(() => []);
      this.rows.forEach((r, i) => {
        if (r.parent !== undefined) this.childIndex![r.parent].push(i);
      });
    }
    return this.childIndex[index];
  }

  /** The figure of a row in a column; a blank row with children stands for their sum. */
  figure(index: number, col: number): Figure {
    const own = this.amount(this.rows[index].row, col);
    if (!own.blank) return own;
    const kids = this.children(index);
    if (!kids.length) return own;
    return sumFigures(kids.map((k) => this.figure(k, col)));
  }

  column(role: TableColumn['role'], period: TableColumn['period'] = 'current', side?: 'income' | 'expense'): TableColumn | undefined {
    return this.table.columns.find((c) => c.role === role && c.period === period && (side === undefined || c.side === side));
  }

  totalRows(side?: 'income' | 'expense'): number[] {
    const out: number[] = [];
    this.rows.forEach((r, i) => {
      if (r.isTotal && (side === undefined || r.side === side)) out.push(i);
    });
    return out;
  }

  topLevelRows(side?: 'income' | 'expense'): number[] {
    const out: number[] = [];
    this.rows.forEach((r, i) => {
      if (!r.isTotal && r.parent === undefined && (side === undefined || r.side === side)) out.push(i);
    });
    return out;
  }

  label(): { readonly zh: string; readonly en: string } {
    if (!this.labels) {
      const spec = specFor(this.table.kind);
      this.labels = { zh: `${this.table.sheet}《${spec.zh}》`, en: `${this.table.sheet} (${spec.en})` };
    }
    return this.labels;
  }

  rowLabel(index: number): string {
    const r = this.rows[index];
    // [code, name].filter(Boolean).join(' '), without the array: this runs once per finding.
    return r.code && r.name ? `${r.code} ${r.name}` : r.code || r.name || `#${r.row + 1}`;
  }

  columnLabel(col: number): string {
    let label = this.columnLabels.get(col);
    if (label === undefined) {
      const c = this.table.columns.find((x) => x.col === col);
      const parts = c ? c.header.split(' / ') : [];
      label = parts[parts.length - 1] || colToLetters(col);
      this.columnLabels.set(col, label);
    }
    return label;
  }

  /** cellAddress(row, col), with the column letters worked out once per column (once per finding). */
  address(row: number, col: number): string {
    let letters = this.letters[col];
    if (letters === undefined) this.letters[col] = letters = colToLetters(col);
    return `${letters}${row + 1}`;
  }

  qualified(row: number, col: number): string {
    // qualifiedAddress(sheet, a1) is the sheet part (quoted as Excel would) followed by a1.
    this.sheetPrefix ??= qualifiedAddress(this.sheet.name, '');
    return this.sheetPrefix + this.address(row, col);
  }

  fmt(d: Decimal): string {
    return formatAmount(d, this.decimals);
  }
}

export interface CheckContext {
  readonly workbook: WorkbookSnapshot;
  readonly recognition: Recognition;
  readonly tables: readonly TableContext[];
}

export function makeContext(workbook: WorkbookSnapshot, recognition: Recognition): CheckContext {
  const bySheet = new Map(workbook.sheets.map((s) => [s.name, s]));
  return {
    workbook,
    recognition,
    tables: recognition.tables.map((t) => new TableContext(t, bySheet.get(t.sheet)!)),
  };
}
