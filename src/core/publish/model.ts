// Types of the publishing pipeline: ledger lines in, rounded table models out.
import type { Message } from '../findings';
import type { TableKind } from '../recognize/model';

/** 资金性质: where the money comes from (the columns of 预算收入总表). */
export type Fund = 'general' | 'fund' | 'special' | 'unit';

/** 支出类型. */
export type SpendType = 'basic' | 'project';

export const FUNDS: readonly Fund[] = ['general', 'fund', 'special', 'unit'];

/** One accepted line of the budget ledger. Amounts are integers of fen (0.01 元). */
export interface LedgerLine {
  /** 0-based row on the ledger sheet. */
  readonly row: number;
  readonly unit: string;
  /** 行政单位 or 参照公务员法管理的事业单位: its basic 302/310 spending is 机关运行经费. */
  readonly admin: boolean;
  /** 7-digit function 项 code, known to the dictionary with its 款 and 类. */
  readonly funcCode: string;
  /** 5-digit department-economic 款 code (required for 一般公共预算 lines). */
  readonly econCode?: string;
  readonly type: SpendType;
  readonly fund: Fund;
  readonly project?: string;
  readonly fen: bigint;
}

export type LedgerField = 'unit' | 'unitType' | 'func' | 'econ' | 'type' | 'fund' | 'project' | 'amount';

export type ProblemReason =
  | 'no-amount'
  | 'amount-text'
  | 'amount-invalid'
  | 'amount-decimals'
  | 'amount-cut'
  | 'no-function-code'
  | 'bad-function-code'
  | 'unknown-function-code'
  | 'unknown-parent'
  | 'no-type'
  | 'bad-type'
  | 'no-fund'
  | 'bad-fund'
  | 'no-economic-code'
  | 'bad-economic-code'
  | 'unknown-economic-code';

/** A ledger row that cannot be used as it is. */
export interface LedgerProblem {
  readonly sheet: string;
  /** 0-based row of the ledger sheet (shown to people as row + 1). */
  readonly row: number;
  /** The cell to fix, A1. */
  readonly cell: string;
  readonly field: LedgerField;
  readonly reason: ProblemReason;
  /** The cell's text as found. */
  readonly value: string;
  readonly message: Message;
}

export interface LedgerColumns {
  readonly unit?: number;
  readonly unitType?: number;
  readonly func: number;
  readonly econ?: number;
  readonly type: number;
  readonly fund: number;
  readonly project?: number;
  readonly amount: number;
}

export interface Ledger {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: LedgerColumns;
  /** 'yuan' (default) or 'wan' when the amount header says 万元. */
  readonly amountUnit: 'yuan' | 'wan';
  readonly lines: readonly LedgerLine[];
  readonly problems: readonly LedgerProblem[];
  /** Things a person should know that do not stop the build (skipped total rows, assumptions). */
  readonly notices: readonly Message[];
  /** Year and department read from the sheet's title lines, when they say. */
  readonly year?: number;
  readonly title?: string;
  /** Units in order of first appearance. */
  readonly units: readonly string[];
  /** False when the ledger has no 单位类型 column (every unit then counts as administrative). */
  readonly unitTypeKnown: boolean;
}

/** Why no ledger could be read at all (no sheet with the needed headers). */
export interface LedgerFailure {
  readonly reason: 'no-header' | 'missing-columns';
  readonly message: Message;
}

/** A printed figure: the rounded value in units of 0.01 万元 and the exact value in fen. */
export interface Figure {
  readonly group: string;
  /** Rounded, in 0.01 万元 (= 100 元). */
  readonly units: bigint;
  /** Exact, in fen. */
  readonly fen: bigint;
}

export type CellContent = string | Figure | null;

export interface ModelRow {
  readonly cells: readonly CellContent[];
  /** 1 = 类, 2 = 款, 3 = 项 (for indentation and weight); undefined for plain items. */
  readonly level?: 1 | 2 | 3;
  readonly total?: boolean;
  /** A sub-item of the row above (①公务用车购置费 under 公务用车购置及运行费): indented further. */
  readonly sub?: boolean;
}

/** Every recognised table kind but the 国有资本经营 table, which the ten-table set leaves out. */
export type PublishedTableId = Exclude<TableKind, 'state-capital-expenditure'>;

export interface TableModel {
  readonly no: number;
  readonly kind: TableKind & PublishedTableId;
  readonly sheet: string;
  readonly title: string;
  readonly rows: readonly ModelRow[];
  /** A note printed under the table (注：…), e.g. for an empty fund table. */
  readonly note?: string;
}

export type ThreePublicScope = 'all' | 'basic';

export interface PublishOptions {
  /** Budget year for the titles; default: the year in the ledger's title line. */
  readonly year?: number;
  /** Department name printed under each title; default: the ledger's title line or its only unit. */
  readonly department?: string;
  /** Build from the good rows and list the bad ones, instead of refusing. */
  readonly skipBad?: boolean;
  /** Ledger sheet name; default: the first sheet with the ledger headers. */
  readonly sheet?: string;
  /**
   * Which 一般公共预算 money the “三公” table counts: 'all' (basic and project expenditure, the
   * definition of the disclosure rules; default) or 'basic' (basic expenditure only).
   */
  readonly threePublicScope?: ThreePublicScope;
}
