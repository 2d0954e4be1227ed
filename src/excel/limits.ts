// Sizes and feature checks the Office.js adapter plans its requests around.
//
// Excel on the web rejects a request or response over 5 MB (RequestPayloadSizeLimitExceeded /
// ResponsePayloadSizeLimitExceeded); the adapter plans every sync to stay under a 4 MB budget and
// splits further when the host still refuses.

/** What one context.sync() may carry, by our own estimate. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Estimated response bytes per cell of a data read: values, valueTypes, numberFormat, text and
 * the indent level from getCellProperties, with JSON punctuation. Measured replies raise it.
 */
export const BYTES_PER_CELL = 96;
/** The same without the indent level. */
export const BYTES_PER_CELL_NO_INDENT = 64;

/**
 * Longest address string handed to worksheet.getRanges(). Excel documents no figure; a 255
 * character limit (the one Range() has in VBA) has been reported for long unions, so the adapter
 * stays at it and simply makes more RangeAreas.
 */
export const MAX_AREAS_ADDRESS_CHARS = 255;

/**
 * Response bytes counted for one cell of the review store sheet (a chunk of up to 32,767
 * characters, each up to 3 bytes in UTF-8, JSON-escaped): read with its own budget so one long
 * cell never inflates the per-cell estimate of the tables.
 */
export const STORE_CELL_BYTES = 100_000;

/** Request bytes counted for one operation queued by addSheets, besides its own payload. */
export const REQUEST_BYTES_PER_OP = 160;

/** Request bytes we count for each cell that paint, clear or fix reads or writes, besides text. */
export const REQUEST_BYTES_PER_CELL = 600;

/** True for the host's "payload too large" errors. */
export function isPayloadLimitError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  const text = `${String(err?.code ?? '')} ${String(err?.message ?? '')}`;
  return /PayloadSizeLimitExceeded|payload size/i.test(text);
}

/** Office.context.requirements.isSetSupported('ExcelApi', version), false outside Office. */
export function excelApiSupported(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (set: string, v?: string) => boolean } } } })
    .Office;
  const check = office?.context?.requirements?.isSetSupported;
  if (typeof check !== 'function') return false;
  try {
    return check.call(office?.context?.requirements, 'ExcelApi', version) === true;
  } catch {
    return false;
  }
}

/** UTF-8 length of a string (what it costs on the wire). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** context.sync() that counts its round trips, for the `syncs` every operation reports. */
export function countingSync(context: Excel.RequestContext): { sync: () => Promise<void>; count: () => number } {
  let syncs = 0;
  return {
    sync: async () => {
      syncs++;
      await context.sync();
    },
    count: () => syncs,
  };
}

/** Splits items into consecutive groups whose summed size stays within budget (one item at least). */
export function packBySize<T>(items: readonly T[], sizeOf: (item: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length && used + size > budget) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += size;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** What the running Excel offers the adapter. */
export interface Capabilities {
  /** Notes (workbook/worksheet.notes), ExcelApi 1.18. */
  readonly notes: boolean;
  /** Threaded comments (workbook.comments), ExcelApi 1.10. */
  readonly comments: boolean;
  /** Excel.run({ mergeUndoGroup: true }), ExcelApi 1.20. */
  readonly undoGroup: boolean;
  /**
   * worksheet.getRanges, range.getSpecialCells, getCellProperties, fill.pattern: ExcelApi 1.9.
   * Without it paint writes one Range per area, and a read has no indent levels or hidden rows.
   * Absent means available.
   */
  readonly rangeAreas?: boolean;
  /** range.getMergedAreasOrNullObject, ExcelApi 1.13; without it a read has no merges. */
  readonly mergedAreas?: boolean;
  /**
   * worksheet.pageLayout (paper, orientation, print titles and area, fit to width), ExcelApi 1.9.
   * Without it sheets are added without their print setup. Absent means available.
   */
  readonly pageLayout?: boolean;
}

export function detectCapabilities(): Capabilities {
  return {
    notes: excelApiSupported('1.18'),
    comments: excelApiSupported('1.10'),
    undoGroup: excelApiSupported('1.20'),
    rangeAreas: excelApiSupported('1.9'),
    mergedAreas: excelApiSupported('1.13'),
    pageLayout: excelApiSupported('1.9'),
  };
}
