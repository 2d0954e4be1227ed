// The reviewers' decisions in the open workbook: core's review store (very hidden sheet
// `_suanpan_review`, JSON in chunks down column A — see core/review/store), the same sheet the
// CLI and the pane's file mode read and write, so decisions follow the workbook between them.
//
//   read   1 sync: the sheet (or nothing) and its used range's values
//   write  1 sync: the chunks into A1:An as text ('@' first, so Excel keeps them as typed), the
//          rows an older, longer store used emptied; the sheet is added (and made very hidden)
//          when the workbook has none. More syncs only past ~4 MB of store.
//
// Setting a sheet's visibility is on Excel's list of APIs that clear the user's undo stack (on
// Windows and Mac) and that an undo group refuses: it happens once, when the store sheet is
// created; later writes only change its cells. `needsCreate` tells the host which case it is.
import { loadReviewStore, REVIEW_STORE_SHEET, storeLayout, type LoadedReview } from '../core/review/store';
import type { ReviewStore } from '../core/review/decisions';
import type { Cell, SheetSnapshot } from '../core/workbook/types';
import { REQUEST_BUDGET_BYTES, countingSync, packBySize, utf8Length } from './limits';

/** The store as found in the workbook, with what a later write needs to know. */
export interface StoredReview extends LoadedReview {
  /** Rows of column A the sheet uses now (from A1), so a shorter store can empty the rest. */
  readonly rows: number;
}

export interface StoreReadHandle {
  /** Valid after the sync. */
  read(): StoredReview;
}

/** Queues the read of the store sheet; `read()` after the next sync. */
export function queueReviewStoreRead(context: Excel.RequestContext): StoreReadHandle {
  const ws = context.workbook.worksheets.getItemOrNullObject(REVIEW_STORE_SHEET);
  const used = ws.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex,rowCount');
  return {
    read(): StoredReview {
      if (ws.isNullObject) return { ...loadReviewStore({ source: 'Excel', sheets: [] }), rows: 0 };
      if (used.isNullObject) return { ...loadReviewStore({ source: 'Excel', sheets: [emptySheet()] }), rows: 0 };
      const sheet = storeSheetFromValues(used.rowIndex, used.columnIndex, used.values as unknown[][]);
      return { ...loadReviewStore({ source: 'Excel', sheets: [sheet] }), rows: used.rowIndex + used.rowCount };
    },
  };
}

/** Reads the store in one sync. */
export async function readReviewStore(context: Excel.RequestContext): Promise<StoredReview> {
  const handle = queueReviewStoreRead(context);
  await context.sync();
  return handle.read();
}

export interface StoreWriteResult {
  /** The store sheet was added by this write. */
  readonly created: boolean;
  /** Cells of column A written. */
  readonly chunks: number;
  readonly syncs: number;
}

/**
 * Writes `store` over the one in the workbook (`prior` from a read in the same or an earlier
 * batch). Adds the very hidden sheet when there is none.
 */
export async function writeReviewStore(
  context: Excel.RequestContext,
  store: ReviewStore,
  prior: { readonly found: boolean; readonly rows: number },
  opts: { budgetBytes?: number } = {},
): Promise<StoreWriteResult> {
  const budget = opts.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const texts = storeLayout(store).cells.map((c) => (c.value?.kind === 'text' ? c.value.value : ''));
  const sheets = context.workbook.worksheets;
  const ws = prior.found ? sheets.getItem(REVIEW_STORE_SHEET) : sheets.add(REVIEW_STORE_SHEET);
  // Runs of chunks that fit a request each (one run for any store under ~4 MB).
  const parts = packBySize(
    texts.map((text, row) => ({ text, row })),
    (p) => utf8Length(p.text) + 200,
    budget,
  );
  const { sync, count } = countingSync(context);
  for (const [i, part] of parts.entries()) {
    const range = ws.getRangeByIndexes(part[0].row, 0, part.length, 1);
    range.numberFormat = part.map(() => ['@']);
    range.values = part.map((p) => [p.text]);
    if (i === parts.length - 1) {
      if (prior.rows > texts.length) {
        const stale = prior.rows - texts.length;
        ws.getRangeByIndexes(texts.length, 0, stale, 1).values = Array.from({ length: stale }, () => ['']);
      }
      if (!prior.found) ws.visibility = 'VeryHidden';
    }
    await sync();
  }
  return { created: !prior.found, chunks: texts.length, syncs: count() };
}

/** Column A of the store's used range as a sheet core can parse (other columns are not the store's). */
function storeSheetFromValues(rowIndex: number, columnIndex: number, values: readonly unknown[][]): SheetSnapshot {
  const rows: (Cell[] | undefined)[] = [];
  let rowCount = 0;
  if (columnIndex === 0) {
    values.forEach((line, i) => {
      const raw = line?.[0];
      if (raw === '' || raw === null || raw === undefined) return;
      const row = rowIndex + i;
      const value = typeof raw === 'number' ? { kind: 'number' as const, value: raw } : { kind: 'text' as const, value: String(raw) };
      rows[row] = [{ row, col: 0, value }];
      rowCount = row + 1;
    });
  }
  return { ...emptySheet(), rowCount, colCount: rowCount ? 1 : 0, rows };
}

function emptySheet(): SheetSnapshot {
  return {
    name: REVIEW_STORE_SHEET,
    rowCount: 0,
    colCount: 0,
    rows: [],
    merges: [],
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    visibility: 'veryHidden',
    protected: false,
  };
}
