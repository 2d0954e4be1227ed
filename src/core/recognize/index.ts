// Recognition: a workbook snapshot in, the budget tables and performance forms it holds out.
import { dictionary } from '../classification';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook/types';
import { findForms } from './forms';
import { SheetGrid } from './grid';
import { findHeaderBlocks, isHeaderRow, type HeaderBlock } from './headers';
import type { HierarchyHints } from './hierarchy';
import type { RecognizedForm, RecognizedTable, Recognition, UnrecognizedBlock } from './model';
import { buildTable, findPreamble, type Preamble } from './tables';
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

function sameHeaderTexts(grid: SheetGrid, a: HeaderBlock, b: HeaderBlock): boolean {
  const texts = (blk: HeaderBlock) => {
    const out: string[] = [];
    for (let r = blk.first; r <= blk.last; r++) out.push(grid.rowTexts(r).map(norm).join('|'));
    return out.join('\n');
  };
  return texts(a) === texts(b);
}

export function recognizeSheet(sheet: SheetSnapshot): SheetResult {
  const grid = new SheetGrid(sheet);
  const forms = findForms(grid, sheet.name);
  const inForm = (r: number) => forms.some((f) => r >= f.range.top && r <= f.range.bottom);

  const headerRows: number[] = [];
  for (let r = 0; r < grid.rowCount; r++) if (!inForm(r) && isHeaderRow(grid, r)) headerRows.push(r);
  const allBlocks = findHeaderBlocks(grid, headerRows);

  // A header printed again after a page break, with no title of its own, continues the table above.
  const blocks: { block: HeaderBlock; pre: Preamble }[] = [];
  let floor = 0;
  for (const block of allBlocks) {
    const pre = findPreamble(grid, block, floor);
    const prev = blocks[blocks.length - 1];
    if (prev && pre.titleRow === undefined && pre.labelRow === undefined && sameHeaderTexts(grid, prev.block, block)) continue;
    blocks.push({ block, pre });
    floor = block.last + 1;
  }

  const result: SheetResult = { tables: [], forms, unrecognized: [] };
  blocks.forEach(({ block, pre }, i) => {
    const nextTop = i + 1 < blocks.length ? blocks[i + 1].pre.top - 1 : grid.rowCount - 1;
    const formTop = forms.find((f) => f.range.top > block.last)?.range.top;
    const limit = Math.min(nextTop, formTop !== undefined ? formTop - 1 : Infinity);
    const outcome = buildTable({ grid, sheetName: sheet.name, hints: hints() }, block, pre, limit);
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

/** Rows with several numbers that no table or form covers: reported, never guessed at. */
function strayNumbers(grid: SheetGrid, sheetName: string, done: SheetResult): UnrecognizedBlock[] {
  const covered = (r: number) =>
    done.tables.some((t) => r >= t.range.top && r <= t.range.bottom) ||
    done.forms.some((f) => r >= f.range.top && r <= f.range.bottom) ||
    done.unrecognized.some((u) => r >= u.range.top && r <= u.range.bottom);
  const out: UnrecognizedBlock[] = [];
  let cur: { top: number; bottom: number; left: number; right: number } | undefined;
  const flush = () => {
    if (cur) out.push({ sheet: sheetName, range: cur, reason: 'numbers outside any recognized table', firstText: grid.rowTexts(cur.top).join(' ') });
    cur = undefined;
  };
  for (let r = 0; r < grid.rowCount; r++) {
    if (covered(r)) {
      flush();
      continue;
    }
    const cols = grid.filledCols(r);
    const numbers = cols.filter((c) => grid.isNumberCell(r, c)).length;
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
