// Sheets the engine built (publication tables, forms, the review sheet) → new worksheets of the
// open workbook, in a fixed number of syncs:
//
//   sync 1   the names of the sheets there are (a taken name gets a free variant: `表1 (2)`)
//   sync 2   everything else, in this order per sheet: the sheet added; number formats and values
//            as 2-D arrays per block of rows; formats, one call per style and address union
//            (layout-format.ts); merges; the formats of merged cells that differ from their
//            area's first cell; column widths and row heights, grouped by size; the print setup
//            (ExcelApi 1.9: A4, orientation, title rows, print area, fit to width, page breaks); visibility.
//
// Sync 2 is split only by bytes (~4 MB a request), so the count depends on how much there is to
// write, never on how many cells or sheets carry it. Nothing that exists is changed: sheets are
// only added. Setting a sheet's visibility (for a layout that asks to be hidden) is on Excel's
// list of APIs that clear the undo stack; `needsUngroupedRun` tells the host to run such a batch
// outside an undo group.
import type { SheetLayout, SheetLayoutCell } from '../core/workbook/edits';
import type { CellRange } from '../core/workbook/types';
import { areaAddress, colsAddress, rowsAddress, runsOf, unionAddresses } from './a1';
import { excelText } from './fix';
import { formatJobs, formatKey, formatStyleOf, type FormatJob, type StyledCell } from './layout-format';
import { MAX_AREAS_ADDRESS_CHARS, REQUEST_BYTES_PER_OP, utf8Length } from './limits';
import { sheetBatch, type SheetBatchOptions, type SheetBatchResult } from './sheet-batch';
import { freeSheetName } from '../core/workbook/sheet-names';

export interface AddSheetsOptions extends SheetBatchOptions {
  /** Longest address union for getRanges; default 255. */
  readonly maxAddressChars?: number;
  /** Rows of values per block are cut so a block stays under this many bytes; default 1 MB. */
  readonly blockBytes?: number;
}

export interface AddSheetsResult extends SheetBatchResult {
  /** Format, merge, width and height calls queued (grows with styles and blocks, not cells). */
  readonly formatCalls: number;
}

/** Whether writing these layouts sets a sheet's visibility (which an undo group refuses). */
export function needsUngroupedRun(layouts: readonly SheetLayout[]): boolean {
  return layouts.some((l) => l.hidden !== undefined);
}

export async function addLayoutSheets(context: Excel.RequestContext, layouts: readonly SheetLayout[], opts: AddSheetsOptions = {}): Promise<AddSheetsResult> {
  const batch = sheetBatch(context, opts);
  const caps = batch.caps;
  const how = { areas: caps.rangeAreas !== false, maxAddressChars: opts.maxAddressChars ?? MAX_AREAS_ADDRESS_CHARS };

  const collection = context.workbook.worksheets;
  collection.load('items/name');
  await batch.sync();
  const taken = new Set(collection.items.map((w) => w.name.toLowerCase()));
  const names = layouts.map((l) => freeSheetName(l.name, taken));
  const renamed = new Map<string, string>();
  layouts.forEach((l, i) => {
    if (l.name !== names[i]) renamed.set(l.name.toLowerCase(), names[i]);
  });
  if (!layouts.length) return { names, syncs: batch.syncs(), skipped: [], formatCalls: 0 };

  const sheets: Excel.Worksheet[] = [];
  const skipped: { sheet: string; what: 'print' }[] = [];
  const jobs: FormatJob[] = [
    { size: layouts.length * (REQUEST_BYTES_PER_OP + 100), run: () => names.forEach((n, i) => (sheets[i] = collection.add(n))) },
  ];
  let formatCalls = 0;
  layouts.forEach((layout, i) => {
    const planned = sheetJobs(() => sheets[i], layout, {
      ...how,
      pageLayout: caps.pageLayout !== false,
      blockBytes: opts.blockBytes ?? 1024 * 1024,
      renamed,
    });
    jobs.push(...planned.jobs);
    formatCalls += planned.formatCalls;
    if (layout.print && caps.pageLayout === false) skipped.push({ sheet: names[i], what: 'print' });
  });

  await batch.run(jobs);
  return { names, syncs: batch.syncs(), skipped, formatCalls };
}

interface PlanOptions {
  readonly areas: boolean;
  readonly maxAddressChars: number;
  readonly pageLayout: boolean;
  readonly blockBytes: number;
  /** Layout names (lower case) that got another name here: links to them follow. */
  readonly renamed: ReadonlyMap<string, string>;
}

/** What one cell gets written: value or formula, and its number format. */
interface Written {
  readonly value: string | number | boolean;
  readonly numFmt: string;
  /** A link too long for a HYPERLINK formula: set on the cell afterwards. */
  readonly hyperlink?: Excel.RangeHyperlink;
}

function sheetJobs(ws: () => Excel.Worksheet, layout: SheetLayout, o: PlanOptions): { jobs: FormatJob[]; formatCalls: number } {
  const jobs: FormatJob[] = [];
  // The last word on a cell is the layout's last entry for it.
  const byKey = new Map<string, SheetLayoutCell>();
  for (const c of layout.cells) byKey.set(`${c.row},${c.col}`, c);
  const cells = [...byKey.values()];
  const slaveOf = new Map<string, CellRange>();
  for (const m of layout.merges)
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slaveOf.set(`${r},${c}`, m);

  // Values and number formats, per block of rows over the layout's bounding box.
  const written = new Map<string, Written>();
  for (const c of cells) {
    const w = toWritten(c, slaveOf.has(`${c.row},${c.col}`), o.renamed);
    if (w) written.set(`${c.row},${c.col}`, w);
  }
  if (written.size) jobs.push(...valueJobs(ws, written, o.blockBytes));
  const links = [...written.entries()].filter(([, w]) => w.hyperlink);
  if (links.length)
    jobs.push({
      size: links.reduce((n, [, w]) => n + REQUEST_BYTES_PER_OP + utf8Length(JSON.stringify(w.hyperlink)), 0),
      run: () => {
        for (const [key, w] of links) {
          const [r, c] = key.split(',').map(Number);
          ws().getRangeByIndexes(r, c, 1, 1).hyperlink = w.hyperlink!;
        }
      },
    });

  // Formats: every styled cell (merged ones too, so header blocks stay whole rectangles) …
  const styled: StyledCell[] = [];
  for (const c of cells) {
    const style = formatStyleOf(c.style, Boolean(c.link));
    if (style) styled.push({ row: c.row, col: c.col, style });
  }
  const formats = formatJobs(ws, styled, o);
  jobs.push(...formats);
  let formatCalls = formats.length;

  // … merges (Excel gives the whole area the look of its first cell) …
  if (layout.merges.length) {
    const merges = layout.merges.map(areaAddress);
    jobs.push({
      size: merges.reduce((n, a) => n + a.length + REQUEST_BYTES_PER_OP, 0),
      run: () => merges.forEach((a) => ws().getRange(a).merge(false)),
    });
    formatCalls += merges.length;
  }
  // … then the merged cells whose own style differs from their area's first cell.
  const firstStyle = new Map(styled.map((s) => [`${s.row},${s.col}`, formatKey(s.style)]));
  const differing = styled.filter((s) => {
    const m = slaveOf.get(`${s.row},${s.col}`);
    return m !== undefined && firstStyle.get(`${m.top},${m.left}`) !== formatKey(s.style);
  });
  if (differing.length) {
    const again = formatJobs(ws, differing, o);
    jobs.push(...again);
    formatCalls += again.length;
  }

  const sizes = sizeJobs(ws, layout, o);
  jobs.push(...sizes);
  formatCalls += sizes.length;

  const p = layout.print;
  if (p && o.pageLayout) {
    const titleRows = p.repeatRows ? `$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}` : null;
    const area = p.areas?.length ? p.areas.map(areaAddress).join(',') : null;
    const breaks = p.breaksAfter ?? [];
    jobs.push({
      size: (6 + breaks.length) * REQUEST_BYTES_PER_OP + (area?.length ?? 0),
      run: () => {
        const pl = ws().pageLayout;
        pl.paperSize = 'A4';
        pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        if (titleRows) pl.setPrintTitleRows(titleRows);
        if (area) pl.setPrintArea(area);
        // 0 pages tall: as many as the rows need (Excel's "fit all columns on one page").
        if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        // A horizontal break goes above the range's first row: after row r is above row r + 1.
        for (const r of breaks) ws().horizontalPageBreaks.add(`A${r + 2}`);
      },
    });
  }
  if (layout.hidden) {
    const visibility = layout.hidden === 'veryHidden' ? 'VeryHidden' : 'Hidden';
    jobs.push({ size: REQUEST_BYTES_PER_OP, run: () => void (ws().visibility = visibility) });
  }
  return { jobs, formatCalls };
}

/** Excel caps a string inside a formula at 255 characters. */
const FORMULA_STRING_MAX = 255;

function toWritten(c: SheetLayoutCell, slave: boolean, renamed: ReadonlyMap<string, string>): Written | null {
  let numFmt = c.style?.numFmt ?? 'General';
  if (slave) return numFmt === 'General' ? null : { value: '', numFmt };
  const v = c.value;
  const shown = v === null ? '' : v.kind === 'error' ? v.value : String(v.value);
  if (c.link) {
    const link = followRename(c.link, renamed);
    const text = shown || link;
    // A formula in a Text-formatted cell stays text: a link cell is never '@'.
    if (numFmt === '@') numFmt = 'General';
    if (link.length <= FORMULA_STRING_MAX && text.length <= FORMULA_STRING_MAX) {
      return { value: `=HYPERLINK(${quote(link)},${quote(text)})`, numFmt };
    }
    const hyperlink: Excel.RangeHyperlink = link.startsWith('#') ? { documentReference: link.slice(1), textToDisplay: text } : { address: link, textToDisplay: text };
    return { value: excelText(text, numFmt), numFmt, hyperlink };
  }
  if (v === null) return numFmt === 'General' ? null : { value: '', numFmt };
  switch (v.kind) {
    case 'number':
      return { value: Number.isFinite(v.value) ? v.value : '', numFmt };
    case 'boolean':
      return { value: v.value, numFmt };
    case 'error':
      return { value: v.value, numFmt };
    case 'text':
      return { value: excelText(v.value, numFmt), numFmt };
  }
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** '#表1!A1' → '#'表1 (2)'!A1' when 表1 got another name in this call. */
function followRename(link: string, renamed: ReadonlyMap<string, string>): string {
  if (!link.startsWith('#') || !renamed.size) return link;
  const bang = link.lastIndexOf('!');
  if (bang < 0) return link;
  let sheet = link.slice(1, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const to = renamed.get(sheet.toLowerCase());
  return to ? `#'${to.replace(/'/g, "''")}'${link.slice(bang)}` : link;
}

/** The written cells as row blocks of 2-D values (and number formats, where any differ from General). */
function valueJobs(ws: () => Excel.Worksheet, written: ReadonlyMap<string, Written>, blockBytes: number): FormatJob[] {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const key of written.keys()) {
    const [r, c] = key.split(',').map(Number);
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, c);
    right = Math.max(right, c);
  }
  const cols = right - left + 1;
  const jobs: FormatJob[] = [];
  let values: (string | number | boolean)[][] = [];
  let formats: string[][] = [];
  let anyFormat = false;
  let valueBytes = 0;
  let formatBytes = 0;
  let first = top;
  // Number formats are sent only for blocks that have any besides General.
  const blockSize = () => valueBytes + (anyFormat ? formatBytes : 0);
  const flush = (next: number) => {
    if (!values.length) return;
    const v = values;
    const f = anyFormat ? formats : null;
    const at = first;
    jobs.push({
      size: blockSize() + 2 * REQUEST_BYTES_PER_OP,
      run: () => {
        const range = ws().getRangeByIndexes(at, left, v.length, cols);
        // Formats first: a code typed into a Text cell stays text.
        if (f) range.numberFormat = f;
        range.values = v;
      },
    });
    values = [];
    formats = [];
    anyFormat = false;
    valueBytes = 0;
    formatBytes = 0;
    first = next;
  };
  for (let r = top; r <= bottom; r++) {
    const vr: (string | number | boolean)[] = [];
    const fr: string[] = [];
    let rowFormats = false;
    for (let c = left; c <= right; c++) {
      const w = written.get(`${r},${c}`);
      vr.push(w ? w.value : '');
      fr.push(w ? w.numFmt : 'General');
      if (w && w.numFmt !== 'General') rowFormats = true;
    }
    const vBytes = utf8Length(JSON.stringify(vr));
    const fBytes = utf8Length(JSON.stringify(fr));
    const grown = valueBytes + vBytes + (anyFormat || rowFormats ? formatBytes + fBytes : 0);
    if (values.length && grown > blockBytes) flush(r);
    values.push(vr);
    formats.push(fr);
    valueBytes += vBytes;
    formatBytes += fBytes;
    anyFormat ||= rowFormats;
  }
  flush(bottom + 1);
  return jobs;
}

/**
 * Column widths: layout widths are what an .xlsx file stores (<col width>, as exceljs writes them),
 * in characters of the default font's digit, padding included; Office.js takes points.
 */
export function columnWidthPoints(width: number): number {
  const chars = Math.min(MAX_COLUMN_WIDTH, width);
  const pixels = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

/** Excel's largest column width (characters) and row height (points). */
const MAX_COLUMN_WIDTH = 255;
const MAX_ROW_HEIGHT = 409;

/** Widths per run of equal adjacent columns; heights per group of equal rows (address unions). */
function sizeJobs(ws: () => Excel.Worksheet, layout: SheetLayout, o: PlanOptions): FormatJob[] {
  const jobs: FormatJob[] = [];
  const byWidth = groupBy(Object.entries(layout.colWidths ?? {}).map(([c, w]) => [Number(c), columnWidthPoints(w)] as const));
  for (const [points, cols] of byWidth)
    for (const [a, b] of runsOf(cols)) {
      const address = colsAddress(a, b);
      jobs.push({ size: REQUEST_BYTES_PER_OP + address.length, run: () => void (ws().getRange(address).format.columnWidth = points) });
    }
  const byHeight = groupBy(Object.entries(layout.rowHeights ?? {}).map(([r, h]) => [Number(r), Math.min(MAX_ROW_HEIGHT, h)] as const));
  for (const [points, rows] of byHeight) {
    const areas = runsOf(rows).map(([a, b]) => rowsAddress(a, b));
    if (o.areas) {
      for (const union of unionAddresses(areas, o.maxAddressChars))
        jobs.push({ size: REQUEST_BYTES_PER_OP + union.length, run: () => void (ws().getRanges(union).format.rowHeight = points) });
    } else {
      for (const address of areas) jobs.push({ size: REQUEST_BYTES_PER_OP + address.length, run: () => void (ws().getRange(address).format.rowHeight = points) });
    }
  }
  return jobs;
}

function groupBy(entries: readonly (readonly [number, number])[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [index, size] of entries) {
    if (!Number.isFinite(size) || size <= 0) continue;
    const list = out.get(size);
    if (list) list.push(index);
    else out.set(size, [index]);
  }
  return out;
}
