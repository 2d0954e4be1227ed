// What a host writes back after a review: the stored decisions (very hidden) and, on request, the
// 审核意见表.
import type { WorkbookEdits } from '../workbook/edits';
import type { ReviewScan, ReviewStore } from './decisions';
import { reviewSheetLayout, type ReviewSheetOptions } from './review-sheet';
import { storeLayout } from './store';

/**
 * Edits that save `store` into the workbook and, when `sheet` is given, (re)write the review sheet
 * for `scan`. Record the scan first (recordScan) so the next scan can tell what is new.
 */
export function reviewEdits(store: ReviewStore, scan?: ReviewScan, sheet?: ReviewSheetOptions): WorkbookEdits {
  return { cells: [], sheets: [...(scan && sheet ? [reviewSheetLayout(scan, sheet)] : []), storeLayout(store)] };
}
