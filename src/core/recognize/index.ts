// Recognition: a workbook snapshot in, the budget tables and performance forms it holds out.
import { dictionary } from '../classification';
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from '../workbook/types';
import { findForms } from './forms';
import { SheetGrid } from './grid';
import { findHeaderBlocks, isHeaderRow, splitSideBySide, type HeaderBlock } from './headers';
import type { HierarchyHints } from './hierarchy';
import type { RecognizedForm, RecognizedTable, Recognition, UnrecognizedBlock } from './model';
import { buildTable, findPreamble, isContinuationTitle, WHOLE_SHEET, type ColumnWindow, type Preamble } from './tables';
import { norm } from './text';

export * from './model';

let defaultHints: HierarchyHints | undefined;
function hints(): HierarchyHints {
  defaultHints ??= { economicClassNames: new Set(dictionary.economicClassNames().map(norm)) };
  return defaultHints;
}

interface SheetResult {
  tables: Omit<RecognizedTable, 'id'>[];
  forms: Omit<RecognizedForm, 'id'>[];
  unrecognized: UnrecognizedBlock[];
}

/** One header block with what stands above it and the columns it may use. */
interface Placed {
  readonly block: HeaderBlock;
  readonly pre: Preamble;
  readonly window: ColumnWindow;
  /** Rows of headers repeated after page breaks (with their 续 titles), skipped when reading rows. */
  readonly repeats: number[];
}

function overlaps(a: ColumnWindow, b: ColumnWindow): boolean {
  return a.left <= b.right && b.left <= a.right;
}

function headerTexts(grid: SheetGrid, blk: HeaderBlock, win: ColumnWindow): string[] {
  const out: string[] = [];
  for (let r = blk.first; r <= blk.last; r++) {
    const t = grid
      .filledColsIn(r, win.left, win.right)
      .map((c) => norm(grid.text(r, c)))
      .join('|');
    if (t) out.push(t);
  }
  return out;
}

function rowText(grid: SheetGrid, r: number | undefined, win: ColumnWindow): string {
  if (r === undefined) return '';
  return norm(
    grid
      .filledColsIn(r, win.left, win.right)
      .map((c) => grid.text(r, c))
      .join(''),
  );
}

/**
 * The same header again (all of it, or its lower rows), under no title of its own — or the same
 * title, or one marked 续.
 */
function continues(grid: SheetGrid, prev: Placed, block: HeaderBlock, pre: Preamble, win: ColumnWindow): boolean {
  const before = new Set(headerTexts(grid, prev.block, win));
  if (!headerTexts(grid, block, win).every((t) => before.has(t))) return false;
  const label = rowText(grid, pre.labelRow, win);
  if (label && label !== rowText(grid, prev.pre.labelRow, win)) return false;
  if (pre.titleRow === undefined) return true;
  if (isContinuationTitle(pre.title)) return true;
  return !!prev.pre.title && norm(pre.title ?? '') === norm(prev.pre.title);
}

/** A per-row flag over the given ranges. */
function rowMask(rowCount: number, ranges: readonly CellRange[]): Uint8Array {
  const mask = new Uint8Array(rowCount);
  for (const rg of ranges) mask.fill(1, Math.max(0, rg.top), Math.min(rowCount, rg.bottom + 1));
  return mask;
}

/** Header blocks in sheet order, each split when tables stand side by side, with their column windows. */
function headerBlocks(grid: SheetGrid, formRows: Uint8Array): { block: HeaderBlock; window: ColumnWindow }[] {
  const headerRows: number[] = [];
  for (let r = 0; r < grid.rowCount; r++) if (!formRows[r] && isHeaderRow(grid, r)) headerRows.push(r);
  const out: { block: HeaderBlock; window: ColumnWindow }[] = [];
  for (const whole of findHeaderBlocks(grid, headerRows)) {
    const parts = splitSideBySide(grid, whole);
    parts.forEach((block, i) =>
      out.push({
        block,
        window:
          parts.length === 1
            ? WHOLE_SHEET
            : { left: i === 0 ? 0 : block.left, right: i + 1 < parts.length ? parts[i + 1].left - 1 : WHOLE_SHEET.right },
      }),
    );
  }
  return out;
}

export function recognizeSheet(sheet: SheetSnapshot): SheetResult {
  const grid = new SheetGrid(sheet);
  const forms = findForms(grid, sheet.name);
  const formRows = rowMask(grid.rowCount, forms.map((f) => f.range));

  // A header printed again after a page break continues the table above it.
  const placed: Placed[] = [];
  const lastIn = (list: readonly { block: HeaderBlock; window: ColumnWindow }[], win: ColumnWindow) => {
    for (let i = list.length - 1; i >= 0; i--) if (overlaps(list[i].window, win)) return list[i];
    return undefined;
  };
  const seen: { block: HeaderBlock; window: ColumnWindow }[] = [];
  for (const { block, window } of headerBlocks(grid, formRows)) {
    const above = lastIn(seen, window);
    seen.push({ block, window });
    const pre = findPreamble(grid, block, above ? above.block.last + 1 : 0, window);
    const prev = lastIn(placed, window) as Placed | undefined;
    if (prev && continues(grid, prev, block, pre, window)) {
      for (let r = pre.top; r <= block.last; r++) prev.repeats.push(r);
      continue;
    }
    placed.push({ block, pre, window, repeats: [] });
  }

  const formTops = forms.map((f) => f.range.top).sort((a, b) => a - b);
  const nextFormTop = (after: number): number => {
    let lo = 0;
    let hi = formTops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (formTops[mid] > after) hi = mid;
      else lo = mid + 1;
    }
    return lo < formTops.length ? formTops[lo] : Infinity;
  };

  const result: SheetResult = { tables: [], forms, unrecognized: [] };
  placed.forEach(({ block, pre, window, repeats }, i) => {
    let limit = Math.min(grid.rowCount - 1, nextFormTop(block.last) - 1);
    for (let j = i + 1; j < placed.length; j++) {
      if (placed[j].pre.top > block.last && overlaps(placed[j].window, window)) {
        limit = Math.min(limit, placed[j].pre.top - 1);
        break;
      }
    }
    const ctx = { grid, sheetName: sheet.name, hints: hints(), window, skipRows: new Set(repeats) };
    const outcome = buildTable(ctx, block, pre, limit);
    if (outcome.ok) result.tables.push(outcome.table);
    else
      result.unrecognized.push({
        sheet: sheet.name,
        range: { top: outcome.top, left: outcome.left, bottom: outcome.bottom, right: outcome.right },
        reason: outcome.reason,
        firstText: grid.rowTexts(outcome.top).join(' '),
      });
  });
  result.unrecognized.push(...strayNumbers(grid, sheet.name, result));
  return result;
}

/**
 * Rows with several numbers that no table or form covers: reported, never guessed at. A table's
 * range runs from its preamble to its last row, total row included, so its rows are never stray.
 */
function strayNumbers(grid: SheetGrid, sheetName: string, done: SheetResult): UnrecognizedBlock[] {
  const covered = rowMask(grid.rowCount, [
    ...done.tables.map((t) => t.range),
    ...done.forms.map((f) => f.range),
    ...done.unrecognized.map((u) => u.range),
  ]);
  const out: UnrecognizedBlock[] = [];
  let cur: { top: number; bottom: number; left: number; right: number } | undefined;
  const flush = () => {
    if (!cur) return;
    // a line of labels right above the numbers is their header: report it with them
    const above = cur.top - 1;
    if (above >= 0 && !covered[above]) {
      const cols = grid.filledCols(above);
      if (cols.length >= 2 && !cols.some((c) => grid.isNumeric(above, c))) {
        cur.top = above;
        cur.left = Math.min(cur.left, cols[0]);
        cur.right = Math.max(cur.right, cols[cols.length - 1]);
      }
    }
    out.push({ sheet: sheetName, range: cur, reason: 'numbers outside any recognized table', firstText: grid.rowTexts(cur.top).join(' ') });
    cur = undefined;
  };
  for (let r = 0; r < grid.rowCount; r++) {
    if (covered[r]) {
      flush();
      continue;
    }
    const cols = grid.filledCols(r);
    let numbers = 0;
    for (const c of cols) if (grid.isNumberCell(r, c)) numbers++;
    if (numbers >= 2) {
      if (cur && r <= cur.bottom + 2) {
        cur.bottom = r;
        cur.left = Math.min(cur.left, cols[0]);
        cur.right = Math.max(cur.right, cols[cols.length - 1]);
      } else {
        flush();
        cur = { top: r, bottom: r, left: cols[0], right: cols[cols.length - 1] };
      }
    }
  }
  flush();
  return out;
}

export function recognizeWorkbook(workbook: WorkbookSnapshot): Recognition {
  const tables: RecognizedTable[] = [];
  const forms: RecognizedForm[] = [];
  const unrecognized: UnrecognizedBlock[] = [];
  for (const sheet of workbook.sheets) {
    const r = recognizeSheet(sheet);
    for (const t of r.tables) tables.push({ ...t, id: `t${tables.length + 1}` });
    for (const f of r.forms) forms.push({ ...f, id: `f${forms.length + 1}` });
    unrecognized.push(...r.unrecognized);
  }
  return { tables, forms, unrecognized };
}
