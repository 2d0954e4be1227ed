// One table from one header block: its title and unit above, its columns, its data rows below.
import type { SheetGrid } from './grid';
import {
  hasTwoSides,
  headerChains,
  isAmountRole,
  isHeaderRow,
  plainColumns,
  rawColumns,
  twoSidedColumns,
  type HeaderBlock,
} from './headers';
import { assignHierarchy, type HierarchyHints } from './hierarchy';
import type { RecognizedTable, TableColumn } from './model';
import { WHOLE_SHEET, type ColumnWindow, type Preamble } from './preamble';
import { refineColumns } from './refine';
import { readRows } from './rows';
import { kindFromColumnRoles, kindFromTitle, type TableSpec } from './specs/tables';
import { codeFromText, isTotalName, LABEL_RE, norm, NOTE_RE, SECTION_RE, splitCodeName, yearOf } from './text';

export { findPreamble, isContinuationTitle, WHOLE_SHEET, type ColumnWindow, type Preamble } from './preamble';

const ITEM_ROLES: readonly TableColumn['role'][] = ['code', 'code-name', 'name', 'code-class', 'income-item'];

function kindFromColumns(columns: readonly TableColumn[]): TableSpec | undefined {
  const roles = new Set(columns.map((c) => c.role));
  if (!ITEM_ROLES.some((r) => roles.has(r))) return undefined;
  return kindFromColumnRoles(roles);
}

export interface TableBuildContext {
  readonly grid: SheetGrid;
  readonly sheetName: string;
  readonly hints: HierarchyHints;
  readonly window?: ColumnWindow;
  /** Rows not to read as data (a header and 续 title repeated after a page break). */
  readonly skipRows?: ReadonlySet<number>;
}

export type TableOutcome =
  | { ok: true; table: Omit<RecognizedTable, 'id'> }
  | { ok: false; reason: string; top: number; bottom: number; left: number; right: number };

function headerKey(grid: SheetGrid, r: number, win: ColumnWindow): string {
  return grid
    .filledColsIn(r, win.left, win.right)
    .map((c) => norm(grid.text(r, c)))
    .join('|');
}

/** True when row r repeats the header rows (a header printed again after a page break). */
function repeatsHeader(grid: SheetGrid, block: HeaderBlock, r: number, win: ColumnWindow): boolean {
  const texts = headerKey(grid, r, win);
  if (!texts) return false;
  for (let h = block.first; h <= block.last; h++) if (headerKey(grid, h, win) === texts) return true;
  return false;
}

interface RowScan {
  dataRows: number[];
  notes: { row: number; text: string }[];
}

/** Data rows below the header, up to the next table, note, section heading or prose. */
function scanRows(
  grid: SheetGrid,
  block: HeaderBlock,
  columns: readonly TableColumn[],
  limit: number,
  win: ColumnWindow,
  skip: ReadonlySet<number> | undefined,
): RowScan {
  const codeCol = columns.find((c) => c.role === 'code')?.col;
  const nameCol = columns.find((c) => c.role === 'name')?.col;
  const codeNameCol = columns.find((c) => c.role === 'code-name')?.col;
  const classCol = columns.find((c) => c.role === 'code-class')?.col;
  const amountCols = columns.filter((c) => isAmountRole(c.role)).map((c) => c.col);
  const notes: { row: number; text: string }[] = [];
  const candidates: number[] = [];
  let lastEvidence = -1;
  for (let r = block.last + 1; r <= limit; r++) {
    const cols = grid.filledColsIn(r, win.left, win.right);
    if (!cols.length || skip?.has(r)) continue;
    if (isHeaderRow(grid, r) && repeatsHeader(grid, block, r, win)) continue;
    if (isHeaderRow(grid, r)) break;
    const first = grid.text(r, cols[0]).trim();
    const firstNorm = norm(first);
    if (NOTE_RE.test(firstNorm) || /^注[:：]/.test(first)) {
      notes.push({ row: r, text: first });
      break;
    }
    if (LABEL_RE.test(firstNorm) || SECTION_RE.test(firstNorm)) break;
    const hasAmount = amountCols.some((c) => grid.isNumeric(r, c));
    if (!hasAmount && cols.length <= 2) {
      const joined = norm(cols.map((c) => grid.text(r, c)).join(''));
      if (/表$/.test(joined) && kindFromTitle(joined)) break;
    }
    if (!hasAmount && cols.length === 1 && first.length > 40) break;
    candidates.push(r);
    const codeEvidence =
      (codeCol !== undefined && codeFromText(grid.text(r, codeCol)) !== undefined) ||
      (classCol !== undefined && /^\d{3}$/.test(norm(grid.text(r, classCol)))) ||
      (codeNameCol !== undefined && splitCodeName(grid.text(r, codeNameCol)) !== undefined) ||
      (nameCol !== undefined && splitCodeName(grid.text(r, nameCol)) !== undefined);
    if (hasAmount || codeEvidence || cols.some((c) => isTotalName(grid.text(r, c)))) lastEvidence = r;
  }
  return { dataRows: candidates.filter((r) => r <= lastEvidence), notes };
}

export function buildTable(ctx: TableBuildContext, block: HeaderBlock, pre: Preamble, limit: number): TableOutcome {
  const { grid } = ctx;
  const win = ctx.window ?? WHOLE_SHEET;
  const titleNorm = pre.title ? norm(pre.title) : '';
  let spec = titleNorm ? kindFromTitle(titleNorm) : undefined;
  if (!spec) spec = kindFromTitle(norm(ctx.sheetName));
  const year = pre.title ? yearOf(pre.title) : undefined;

  const raw = rawColumns(headerChains(grid, block), year);
  const twoSided = spec ? spec.rows === 'two-sided' : hasTwoSides(raw);
  let columns = twoSided ? twoSidedColumns(raw) : plainColumns(raw, spec?.singleAmountRole);
  const { dataRows, notes } = scanRows(grid, block, columns, limit, win, ctx.skipRows);
  columns = refineColumns(grid, columns, dataRows);
  if (!spec) {
    spec = kindFromColumns(columns);
    if (spec?.singleAmountRole && !twoSided) columns = refineColumns(grid, plainColumns(raw, spec.singleAmountRole), dataRows);
  }

  let left = block.left;
  let right = block.right;
  for (const r of dataRows)
    for (const c of grid.filledColsIn(r, win.left, win.right)) {
      if (c >= block.left - 1 && c <= block.right + 2) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
  let bottom = Math.max(block.last, dataRows.length ? dataRows[dataRows.length - 1] : -1);
  for (const n of notes) bottom = Math.max(bottom, n.row);

  if (!spec) {
    return { ok: false, reason: 'header found, but neither title nor columns tell which table it is', top: pre.top, bottom, left, right };
  }

  const drafts = readRows(grid, columns, dataRows, spec.rows === 'two-sided');
  const rows = assignHierarchy(drafts, spec.rows, ctx.hints);

  return {
    ok: true,
    table: {
      kind: spec.kind,
      title: pre.title ?? ctx.sheetName,
      ...(year !== undefined ? { year } : {}),
      sheet: ctx.sheetName,
      range: { top: pre.top, left, bottom, right },
      unit: pre.unit ?? '万元',
      unitFrom: pre.unit ? 'unit-line' : 'default',
      ...(pre.titleRow !== undefined ? { titleRow: pre.titleRow } : {}),
      ...(pre.labelRow !== undefined ? { labelRow: pre.labelRow } : {}),
      headerRows: { first: block.first, last: block.last },
      columns,
      rows,
      twoSided: spec.rows === 'two-sided',
      notes,
    },
  };
}
