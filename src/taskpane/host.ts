// What the pane needs from the place it runs in. Components only ever see these interfaces, never
// Office.js or exceljs: index.tsx hands in an implementation (src/excel's Office.js adapter inside
// Excel, the file host in a plain browser) and tests hand in fakes.

import type { Finding } from '../core/findings';
import type { TemplatePlan } from '../core/forms/template';
import type { Recognition } from '../core/recognize/model';
import type { Decision, ReviewScan } from '../core/review/decisions';
import type { SheetLayout } from '../core/workbook/edits';
import type { WorkbookSnapshot } from '../core/workbook/types';

/** How far a scan has come; `done`/`total` count sheets read, or steps of the check. */
export interface ScanProgress {
  readonly step: 'read' | 'recognize' | 'check';
  readonly done: number;
  readonly total: number;
  /** The sheet being read, when there is one. */
  readonly sheet?: string;
}

export interface ScanResult {
  /** The workbook's sheets in order (for the per-sheet summary). */
  readonly sheets: readonly string[];
  readonly recognition: Recognition;
  /** Sorted most severe first, as checkWorkbook returns them. */
  readonly findings: readonly Finding[];
  /**
   * The findings met with the decisions stored in the workbook (file mode): items[i] belongs to
   * findings[i]; decided findings the scan no longer produces follow as `resolved`.
   */
  readonly review?: ReviewScan;
  /**
   * The workbook as read for this scan, for actions that build from it (publication tables from a
   * ledger sheet, forms from a project list). Hosts that read a snapshot should hand it on.
   */
  readonly snapshot?: WorkbookSnapshot;
}

/** What `addSheets` did: the names the sheets got, in the order given. */
export interface AddedSheets {
  /** Usually the layout's own name; `表1 (2)` and so on when that name was taken. */
  readonly names: readonly string[];
}

/** What a reviewer says about one finding: a decision, or null to take it back. */
export interface ReviewDecision {
  readonly decision: Decision | null;
  /** Required for `dismissed`. */
  readonly reason?: string;
  readonly reviewer: string;
}

/** A reviewer's free comment on a finding; empty text takes the comment away. */
export interface ReviewCommentInput {
  readonly text: string;
  readonly reviewer: string;
}

/** Rows and columns from A1 to the last used cell (formats included). */
export interface SheetExtent {
  readonly rowCount: number;
  readonly colCount: number;
}

/** A cell of the workbook, as the reviewer picked it. */
export interface SelectedCell {
  readonly sheet: string;
  /** A1, no dollars. */
  readonly cell: string;
}

/** A fix that was applied and can be taken back with `undoFix(id)`. */
export interface AppliedFix {
  readonly id: string;
  /** Number of cells written. */
  readonly cells: number;
}

/** One cell to correct, as the misaligned rule describes it in `details.corrected`. */
export interface CodeCorrection {
  /** A1, on the finding's sheet. */
  readonly cell: string;
  /** The name printed on that row. */
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/** What every host offers: read the workbook, check it, and show a cell. */
export interface PaneHost {
  readonly mode: 'excel' | 'file';
  /** Reads the workbook and runs the checks; reports progress as it goes. */
  scan(onProgress?: (progress: ScanProgress) => void): Promise<ScanResult>;
  /** Shows one cell: in Excel activates the sheet and selects it; in a file, remembers it. */
  select(sheet: string, cell: string): Promise<void>;
  /** Writes the corrected codes of a misaligned finding (details.corrected). */
  applyFix?(finding: Finding): Promise<AppliedFix>;
  /** Restores what `applyFix` overwrote. */
  undoFix?(id: string): Promise<void>;
  /** Records a decision on a finding of the last scan; returns the review anew. */
  decide?(fingerprint: string, decision: ReviewDecision): Promise<ReviewScan>;
  /** Sets (or, with empty text, removes) the free comment on a finding of the last scan; returns the review anew. */
  comment?(fingerprint: string, comment: ReviewCommentInput): Promise<ReviewScan>;
  /**
   * Sets (or, with empty text, removes) the free comment on a cell (A1 on `sheet`), stored with the
   * decisions; returns the review of the last scan anew, its `cellComments` included.
   */
  commentCell?(sheet: string, cell: string, comment: ReviewCommentInput): Promise<ReviewScan>;
  /**
   * Excel: the cell selected in the workbook (a range's top-left cell; with several areas selected,
   * the active cell), or null when Excel names none.
   */
  selectedCell?(): Promise<SelectedCell | null>;
  /**
   * Adds sheets the engine built (publication tables, forms, the review sheet) to the open
   * workbook, formatted as the layouts say. Never overwrites a user's sheet: a taken name gets a
   * free variant (`表1 (2)`). Nothing else in the workbook changes.
   */
  addSheets?(sheets: readonly SheetLayout[]): Promise<AddedSheets>;
  /**
   * The extent of a sheet with its formatted empty cells counted (a form template's empty bordered
   * indicator rows, which a scan's snapshot cannot see); null when the sheet is not there.
   */
  sheetExtent?(sheet: string): Promise<SheetExtent | null>;
  /**
   * Performance forms in the user's own template: one new sheet per plan, each a copy of
   * `templateSheet` with all its formatting, filled as the plan says (core's templatePlan), A4
   * portrait with its print area. Named as asked; a taken name gets a free variant.
   */
  fillTemplate?(templateSheet: string, plans: readonly TemplatePlan[], names: readonly string[]): Promise<AddedSheets>;
  /** Office's user name where the host knows it (for review decisions); null when it does not. */
  userName?(): Promise<string | null>;
}

/**
 * Inside Excel (implemented by src/excel's createExcelHost): paints findings onto the workbook and
 * takes the paint off again, restoring the cells' prior fills and notes.
 */
export interface ExcelPaneHost extends PaneHost {
  readonly mode: 'excel';
  /** Fills and notes on the findings' cells; the notes in `lang` (default zh-CN). */
  paint(findings: readonly Finding[], lang?: 'zh-CN' | 'en'): Promise<void>;
  clear(): Promise<void>;
  applyFix(finding: Finding): Promise<AppliedFix>;
  undoFix(id: string): Promise<void>;
}

/** A few cells around one, for the preview grid of file mode. */
export interface CellWindow {
  readonly sheet: string;
  /** 0-based first row; the rows follow on from it. */
  readonly top: number;
  /** 0-based columns shown, ascending; column A is kept as the row label, so there may be a gap. */
  readonly cols: readonly number[];
  /** Display texts, rows × cols ('' for empty). */
  readonly cells: readonly (readonly string[])[];
  /** 0-based row/column of the cell asked for. */
  readonly target: { readonly row: number; readonly col: number };
}

/** Outside Excel: an .xlsx opened in the browser, checked there, downloaded with annotations. */
export interface FilePaneHost extends PaneHost {
  readonly mode: 'file';
  /** The open file's name, or null before one is opened. */
  fileName(): string | null;
  /** Takes the bytes of an .xlsx (a File from an input, or a fetched sample). Throws for other files. */
  open(data: Blob | ArrayBuffer, name: string): Promise<void>;
  /** Fetches a workbook from a URL (same origin) and opens it. */
  openUrl(url: string): Promise<void>;
  /** The cells around `cell` in the last scanned workbook, or null if unknown. */
  preview(sheet: string, cell: string): CellWindow | null;
  /** A copy of the open workbook with applied fixes and the findings as fills and notes. */
  annotatedCopy(findings: readonly Finding[], lang: 'zh-CN' | 'en'): Promise<{ blob: Blob; name: string }>;
  applyFix(finding: Finding): Promise<AppliedFix>;
  undoFix(id: string): Promise<void>;
  /** Records a decision on a finding of the last scan (by fingerprint); returns the review anew. */
  decide(fingerprint: string, decision: ReviewDecision): Promise<ReviewScan>;
}

export type AnyPaneHost = ExcelPaneHost | FilePaneHost;

export function isExcelHost(host: PaneHost): host is ExcelPaneHost {
  return host.mode === 'excel';
}

export function isFileHost(host: PaneHost): host is FilePaneHost {
  return host.mode === 'file';
}
