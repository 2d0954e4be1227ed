// What recognition finds in a workbook: tables (with their columns and rows), forms, and blocks it
// could not place.
import type { CellRange } from '../workbook/types';

export type TableKind =
  | 'summary'
  | 'income'
  | 'expenditure'
  | 'fiscal-summary'
  | 'general-expenditure'
  | 'basic-economic'
  | 'fund-income'
  | 'fund-expenditure'
  | 'state-capital-expenditure'
  | 'three-public'
  | 'operating-costs';

export type ColumnRole =
  | 'code'
  | 'code-class' // 类 of codes split over three columns
  | 'code-section' // 款
  | 'code-item' // 项
  | 'name'
  | 'code-name'
  | 'total'
  | 'basic'
  | 'personnel'
  | 'public-funds'
  | 'project'
  | 'general-budget'
  | 'fund'
  | 'special-account'
  | 'unit-funds'
  | 'state-capital'
  | 'amount'
  | 'operating-costs'
  | 'note'
  | 'income-item'
  | 'income-amount'
  | 'expense-item'
  | 'expense-amount';

/** Which year a column speaks of: this year's budget, last year's, or the change between them. */
export type ColumnPeriod = 'current' | 'prior' | 'change' | 'change-rate';

export interface TableColumn {
  readonly col: number;
  readonly role: ColumnRole;
  readonly period: ColumnPeriod;
  /** Header texts from top to bottom, as printed. */
  readonly header: string;
  /** For two-sided tables: which half the column belongs to. */
  readonly side?: 'income' | 'expense';
}

export type RowLevel = 1 | 2 | 3;

export interface TableRow {
  readonly row: number;
  readonly side?: 'income' | 'expense';
  /** Code as printed (digits only, split columns joined), if any. */
  readonly code?: string;
  /** Cell(s) the code was read from. */
  readonly codeCols?: readonly number[];
  readonly name: string;
  readonly nameCol?: number;
  /** 1 = 类, 2 = 款, 3 = 项 (or economic 类/款, or indentation depth). */
  readonly level?: RowLevel;
  readonly levelFrom?: 'code' | 'split-code' | 'indent' | 'name' | 'none';
  /** Index into the table's rows of the parent row, if any. */
  readonly parent?: number;
  readonly isTotal: boolean;
}

export interface RecognizedTable {
  readonly id: string;
  readonly kind: TableKind;
  readonly title: string;
  readonly year?: number;
  readonly sheet: string;
  readonly range: CellRange;
  readonly unit: '万元' | '元' | '千元' | '亿元';
  readonly unitFrom: 'unit-line' | 'default';
  readonly titleRow?: number;
  readonly labelRow?: number;
  readonly headerRows: { readonly first: number; readonly last: number };
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly twoSided: boolean;
  /** Rows of notes such as 注：本部门没有政府性基金预算收入. */
  readonly notes: readonly { row: number; text: string }[];
}

export interface RecognizedForm {
  readonly id: string;
  readonly sheet: string;
  readonly range: CellRange;
  readonly name: string;
  readonly nameCell?: { row: number; col: number };
}

export interface UnrecognizedBlock {
  readonly sheet: string;
  readonly range: CellRange;
  readonly reason: string;
  readonly firstText: string;
}

export interface Recognition {
  readonly tables: readonly RecognizedTable[];
  readonly forms: readonly RecognizedForm[];
  readonly unrecognized: readonly UnrecognizedBlock[];
}
