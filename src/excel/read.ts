// The open workbook → a WorkbookSnapshot, in as few context.sync() calls as the bytes allow.
//
//   sync 1  the worksheets: name, visibility, protection
//   sync 2  every sheet's used range (values only: position and size) and merged areas
//   sync 3… the cells: values, valueTypes, numberFormat, text and indent level, in row chunks packed
//           into ≤ 4 MB requests across sheets (a request may end one sheet and start the next),
//           plus each sheet's visible cells (for hidden rows and columns) with its first chunk.
//
// (Syncs 1 and 2 cannot be one: a collection's items exist only after the sync that loads them,
// so no sheet's used range can be asked for before the sheets are known.)
// The review store (very hidden sheet `_suanpan_review`, see core/review/store) is read with the
// cells, but only its values: column A holds long chunks of JSON, budgeted per cell on their own
// (STORE_CELL_BYTES), so a store rides in the first cell sync and never skews the estimate for
// the tables. The snapshot has the store sheet; the host takes it out before recognition.
//
// So a workbook whose cells fit one request takes 3 syncs, and a bigger one 2 + ⌈bytes / 4 MB⌉:
// the count depends on bytes only, never on how many sheets, rows or tables hold them. Bytes are
// estimated per cell before the read and re-estimated from each reply; when the host still
// refuses (a payload-limit error, or `values` coming back null) the chunk is halved and retried.
import { REVIEW_STORE_SHEET } from '../core/review/store';
import type { Cell, CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/workbook/types';
import { cellText } from '../core/workbook/sheet';
import { parseAreas } from './a1';
import { BYTES_PER_CELL, BYTES_PER_CELL_NO_INDENT, REQUEST_BUDGET_BYTES, STORE_CELL_BYTES, isPayloadLimitError, utf8Length } from './limits';

export interface ReadProgress {
  /** Sheets completely read. */
  readonly done: number;
  readonly total: number;
  /** The last sheet a chunk was read from. */
  readonly sheet?: string;
}

export interface ReadStats {
  /** context.sync() calls made. */
  syncs: number;
  /** Of those, the ones that carried cell data. */
  dataSyncs: number;
  /** Chunks halved after the host refused them. */
  retries: number;
  /** The per-cell estimate the read ended with. */
  bytesPerCell: number;
}

export interface ReadOptions {
  /** snapshot.source; default 'Excel'. */
  readonly source?: string;
  /** Bytes per request; default 4 MB. */
  readonly budgetBytes?: number;
  /** Starting estimate of response bytes per cell. */
  readonly bytesPerCell?: number;
  /** Read each cell's indent level (getCellProperties, ExcelApi 1.9); default true. */
  readonly indent?: boolean;
  /** Read hidden rows and columns (getSpecialCells, ExcelApi 1.9); default true. */
  readonly hidden?: boolean;
  /** Read merged areas (getMergedAreasOrNullObject, ExcelApi 1.13); default true. */
  readonly merges?: boolean;
  /** The sheet read as the review store (values only); default `_suanpan_review`, null for none. */
  readonly storeSheet?: string | null;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Filled in with what the read did. */
  readonly stats?: ReadStats;
}

type Visibility = SheetSnapshot['visibility'];

interface SheetPlan {
  readonly ws: Excel.Worksheet;
  readonly name: string;
  readonly visibility: Visibility;
  readonly protected: boolean;
  /** The review store: values only, long cells. */
  readonly store: boolean;
  /** The used range (values only), 0-based; null for a sheet without values. */
  readonly used: { top: number; left: number; rows: number; cols: number } | null;
  readonly merges: CellRange[];
  readonly rows: (Cell | undefined)[][];
  readonly hiddenRows: Set<number>;
  readonly hiddenCols: Set<number>;
  rowsRead: number;
  visibleRead: boolean;
}

/** Rows [row0, row0 + rows) of a sheet's used range, relative to its top. */
interface Chunk {
  readonly sheet: number;
  readonly row0: number;
  readonly rows: number;
}

interface ChunkLoad {
  readonly chunk: Chunk;
  readonly range: Excel.Range;
  readonly props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

const ERROR_TEXT = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const indent = opts.indent ?? true;
  const readHidden = opts.hidden ?? true;
  const readMerges = opts.merges ?? true;
  const storeName = opts.storeSheet === undefined ? REVIEW_STORE_SHEET : opts.storeSheet;
  const isStore = (name: string) => storeName !== null && name.toLowerCase() === storeName.toLowerCase();
  const budget = opts.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const stats: ReadStats = opts.stats ?? { syncs: 0, dataSyncs: 0, retries: 0, bytesPerCell: 0 };
  stats.syncs = 0;
  stats.dataSyncs = 0;
  stats.retries = 0;
  let perCell = opts.bytesPerCell ?? (indent ? BYTES_PER_CELL : BYTES_PER_CELL_NO_INDENT);
  const sync = async () => {
    stats.syncs++;
    await context.sync();
  };

  // Sync 1: the sheets.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected');
  await sync();
  const items = worksheets.items;

  // Sync 2: used ranges and merged areas of every sheet at once.
  const used = items.map((ws) => ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
  const merged = items.map((ws) => (readMerges && !isStore(ws.name) ? ws.getRange().getMergedAreasOrNullObject().load('address') : null));
  await sync();

  const plans: SheetPlan[] = items.map((ws, i) => {
    const u = used[i];
    const m = merged[i];
    const store = isStore(ws.name);
    return {
      ws,
      name: ws.name,
      store,
      visibility: toVisibility(ws.visibility),
      protected: ws.protection.protected === true,
      used: u.isNullObject || !u.rowCount || !u.columnCount ? null : { top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount },
      merges: !m || m.isNullObject ? [] : parseAreas(m.address),
      rows: [],
      hiddenRows: new Set<number>(),
      hiddenCols: new Set<number>(),
      rowsRead: 0,
      visibleRead: !readHidden || store,
    };
  });
  const total = plans.length;
  const isDone = (p: SheetPlan) => !p.used || (p.rowsRead >= p.used.rows && p.visibleRead);
  opts.onProgress?.({ done: plans.filter(isDone).length, total });

  // Syncs 3…: the cells, packed by bytes.
  let cursorSheet = 0;
  let cursorRow = 0;
  let retry: Chunk[] = [];
  // Cells per range the host has shown it will return (lowered when `values` comes back null).
  let maxCells = Infinity;
  const cellBytes = (p: SheetPlan) => (p.store ? STORE_CELL_BYTES : perCell);
  const chunkBytes = (c: Chunk) => c.rows * plans[c.sheet].used!.cols * cellBytes(plans[c.sheet]);

  const takeBatch = (): Chunk[] => {
    const batch: Chunk[] = [];
    let usedBytes = 0;
    while (retry.length) {
      const size = chunkBytes(retry[0]);
      if (batch.length && usedBytes + size > budget) return batch;
      batch.push(retry.shift()!);
      usedBytes += size;
    }
    while (cursorSheet < plans.length) {
      const p = plans[cursorSheet];
      if (!p.used || cursorRow >= p.used.rows) {
        cursorSheet++;
        cursorRow = 0;
        continue;
      }
      const rowBytes = p.used.cols * cellBytes(p);
      let n = Math.floor((budget - usedBytes) / rowBytes);
      if (n < 1) {
        if (batch.length) break;
        n = 1; // one row of the widest sheet (16,384 columns) still fits a request
      }
      n = Math.max(1, Math.min(n, p.used.rows - cursorRow, Math.floor(maxCells / p.used.cols)));
      batch.push({ sheet: cursorSheet, row0: cursorRow, rows: n });
      usedBytes += n * rowBytes;
      cursorRow += n;
    }
    return batch;
  };

  for (;;) {
    const batch = takeBatch();
    if (!batch.length) break;
    const loads: ChunkLoad[] = batch.map((chunk) => {
      const p = plans[chunk.sheet];
      const u = p.used!;
      const range = p.ws.getRangeByIndexes(u.top + chunk.row0, u.left, chunk.rows, u.cols);
      if (p.store) {
        range.load('values');
        return { chunk, range, props: null };
      }
      range.load('values,valueTypes,numberFormat,text');
      const props = indent ? range.getCellProperties({ format: { indentLevel: true } }) : null;
      return { chunk, range, props };
    });
    // Hidden rows and columns: the visible cells of the used range, with the sheet's first chunk.
    const visible = new Map<number, Excel.RangeAreas>();
    for (const { chunk } of loads) {
      const p = plans[chunk.sheet];
      if (p.visibleRead || visible.has(chunk.sheet)) continue;
      const u = p.used!;
      visible.set(chunk.sheet, p.ws.getRangeByIndexes(u.top, u.left, u.rows, u.cols).getSpecialCellsOrNullObject('Visible').load('address'));
    }
    try {
      await sync();
    } catch (e) {
      if (!isPayloadLimitError(e) || batch.every((c) => c.rows < 2)) throw e;
      // The whole request was refused: halve every chunk in it and assume cells are twice as big.
      perCell *= 2;
      retry = [...batch.flatMap(halve), ...retry];
      stats.retries += batch.length;
      continue;
    }
    stats.dataSyncs++;

    const refused: Chunk[] = [];
    let bytes = 0;
    let cells = 0;
    for (const load of loads) {
      const values = load.range.values as unknown[][] | null | undefined;
      if (!values) {
        if (load.chunk.rows < 2) throw new Error(`Excel returned no values for a row of ${plans[load.chunk.sheet].name}`);
        // The host will not return a range this size: halve it, and cut later ranges to that size
        // too (several of them still share one request).
        maxCells = Math.min(maxCells, Math.floor((load.chunk.rows * plans[load.chunk.sheet].used!.cols) / 2));
        refused.push(...halve(load.chunk));
        continue;
      }
      const added = addChunk(plans[load.chunk.sheet], load, values);
      if (plans[load.chunk.sheet].store) continue;
      bytes += added;
      cells += load.chunk.rows * plans[load.chunk.sheet].used!.cols;
    }
    if (refused.length) {
      stats.retries += refused.length / 2;
      retry = [...refused, ...retry];
    }
    for (const [s, areas] of visible) applyVisible(plans[s], areas);
    // Measured replies correct the estimate upwards (never down: a refused request costs a sync).
    if (cells > 0) perCell = Math.max(perCell, Math.ceil((bytes / cells) * 1.1));
    const last = loads[loads.length - 1];
    opts.onProgress?.({ done: plans.filter(isDone).length, total, sheet: plans[last.chunk.sheet].name });
  }
  stats.bytesPerCell = perCell;

  return { source: opts.source ?? 'Excel', sheets: plans.map(toSnapshot) };
}

function halve(c: Chunk): Chunk[] {
  if (c.rows < 2) return [c];
  const a = Math.ceil(c.rows / 2);
  return [
    { sheet: c.sheet, row0: c.row0, rows: a },
    { sheet: c.sheet, row0: c.row0 + a, rows: c.rows - a },
  ];
}

/** Adds a chunk's cells to its sheet; returns the reply's size in bytes (for the estimate). */
function addChunk(p: SheetPlan, load: ChunkLoad, values: unknown[][]): number {
  const u = p.used!;
  // The store's chunks were read as values only.
  const types = p.store ? null : (load.range.valueTypes as unknown[][] | null | undefined);
  const formats = p.store ? null : (load.range.numberFormat as unknown[][] | null | undefined);
  const texts = p.store ? null : (load.range.text as unknown[][] | null | undefined);
  const props = load.props?.value;
  for (let i = 0; i < load.chunk.rows; i++) {
    const row = u.top + load.chunk.row0 + i;
    const vals = values[i] ?? [];
    const typeRow = types?.[i];
    const formatRow = formats?.[i];
    const textRow = texts?.[i];
    const propRow = props?.[i];
    let out: (Cell | undefined)[] | undefined;
    for (let j = 0; j < u.cols; j++) {
      const cell = toCell(row, u.left + j, vals[j], typeRow?.[j], formatRow?.[j], textRow?.[j], propRow?.[j]?.format?.indentLevel);
      if (!cell) continue;
      (out ??= [])[u.left + j] = cell;
    }
    if (out) p.rows[row] = out;
  }
  p.rowsRead += load.chunk.rows;
  // The reply's size, measured on a sample of rows (exact for small chunks).
  const sample = Math.min(load.chunk.rows, 64);
  const part = (a: unknown[][] | null | undefined) => (a ? a.slice(0, sample) : null);
  const bytes = jsonBytes(part(values)) + jsonBytes(part(types)) + jsonBytes(part(formats)) + jsonBytes(part(texts)) + jsonBytes(props ? props.slice(0, sample) : null);
  return Math.max(1, Math.round((bytes * load.chunk.rows) / sample));
}

type MutableCell = { -readonly [K in keyof Cell]: Cell[K] };

function toCell(row: number, col: number, raw: unknown, type: unknown, format: unknown, text: unknown, indent: unknown): Cell | undefined {
  const value = toValue(raw, typeof type === 'string' ? type : undefined, typeof text === 'string' ? text : undefined);
  if (!value) return undefined;
  const cell: MutableCell = { row, col, value };
  if (typeof format === 'string' && format !== '' && format !== 'General') cell.numFmt = format;
  if (typeof text === 'string') {
    // "####" is a column too narrow for its number, not the number: leave the value to speak.
    const narrow = value.kind === 'number' && text.startsWith('#') && /^#+$/.test(text);
    // Keep the text only where it says more than the value (saves memory on big sheets).
    if (!narrow && text !== cellText(cell)) cell.text = text;
  }
  if (typeof indent === 'number' && indent > 0) cell.indent = indent;
  return cell;
}

function toValue(raw: unknown, type: string | undefined, text: string | undefined): CellValue | undefined {
  switch (type) {
    case 'Empty':
      return undefined;
    case 'Double':
    case 'Integer':
      return typeof raw === 'number' ? { kind: 'number', value: raw } : fromRaw(raw);
    case 'Boolean':
      return typeof raw === 'boolean' ? { kind: 'boolean', value: raw } : fromRaw(raw);
    case 'Error':
      return { kind: 'error', value: String(raw ?? text ?? '#VALUE!') };
    case 'String':
      return typeof raw === 'string' && raw !== '' ? { kind: 'text', value: raw } : undefined;
    case 'RichValue':
    case 'Unknown':
      return text ? { kind: 'text', value: text } : fromRaw(raw);
    default:
      return fromRaw(raw);
  }
}

/** Without a value type: judge by the value itself. */
function fromRaw(raw: unknown): CellValue | undefined {
  if (typeof raw === 'number') return { kind: 'number', value: raw };
  if (typeof raw === 'boolean') return { kind: 'boolean', value: raw };
  if (typeof raw === 'string') {
    if (raw === '') return undefined;
    return ERROR_TEXT.test(raw) ? { kind: 'error', value: raw } : { kind: 'text', value: raw };
  }
  return undefined;
}

function applyVisible(p: SheetPlan, areas: Excel.RangeAreas): void {
  const u = p.used!;
  p.visibleRead = true;
  const shownRows = new Set<number>();
  const shownCols = new Set<number>();
  if (!areas.isNullObject) {
    for (const a of parseAreas(areas.address)) {
      for (let r = Math.max(a.top, u.top); r <= Math.min(a.bottom, u.top + u.rows - 1); r++) shownRows.add(r);
      for (let c = Math.max(a.left, u.left); c <= Math.min(a.right, u.left + u.cols - 1); c++) shownCols.add(c);
    }
  }
  for (let r = u.top; r < u.top + u.rows; r++) if (!shownRows.has(r)) p.hiddenRows.add(r);
  for (let c = u.left; c < u.left + u.cols; c++) if (!shownCols.has(c)) p.hiddenCols.add(c);
}

function toSnapshot(p: SheetPlan): SheetSnapshot {
  let rowCount = p.used ? p.used.top + p.used.rows : 0;
  let colCount = p.used ? p.used.left + p.used.cols : 0;
  for (const m of p.merges) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }
  return {
    name: p.name,
    rowCount,
    colCount,
    rows: p.rows,
    merges: p.merges,
    hiddenRows: p.hiddenRows,
    hiddenCols: p.hiddenCols,
    visibility: p.visibility,
    protected: p.protected,
  };
}

function toVisibility(v: unknown): Visibility {
  if (v === 'Hidden') return 'hidden';
  if (v === 'VeryHidden') return 'veryHidden';
  return 'visible';
}

function jsonBytes(x: unknown): number {
  if (x === null || x === undefined) return 0;
  return utf8Length(JSON.stringify(x));
}
