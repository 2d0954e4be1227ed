// The Office.js adapter: workbook ⇄ snapshot in few syncs, paint, notes, restore, fixes.
export { readWorkbook, type ReadOptions, type ReadProgress, type ReadStats } from './read';
export { paintFindings, channelFor, NOTE_SEPARATOR, type PaintLanguage, type PaintOptions, type PaintResult } from './paint';
export { clearAnnotations, type ClearOptions, type ClearResult } from './clear';
export { previewFix, applyFix, undoFix, excelText, FixConflictError, type FixPreview, type FixCell, type AppliedFixInfo, type UndoFixResult } from './fix';
export { selectCell } from './select';
export { createExcelHost, type DecideDetails, type ExcelHostOptions, type SuanpanExcelHost } from './host';
export { detectCapabilities, type Capabilities, REQUEST_BUDGET_BYTES, MAX_AREAS_ADDRESS_CHARS, STORE_CELL_BYTES } from './limits';
export { STATE_KEY, type SuanpanState, type AnnotatedCell, type FixRecord, type Channel } from './state';
export { addLayoutSheets, columnWidthPoints, needsUngroupedRun, type AddSheetsOptions, type AddSheetsResult } from './add-sheets';
export { readReviewStore, writeReviewStore, queueReviewStoreRead, type StoredReview, type StoreWriteResult } from './review-store';
export { freeSheetName, validSheetName, MAX_SHEET_NAME } from '../core/workbook/sheet-names';
export { fillTemplateSheets, TemplateSheetMissing, type FillTemplateOptions, type FillTemplateResult } from './fill-template';
export { readSelectedCell, type SelectedCellRead } from './selection';
