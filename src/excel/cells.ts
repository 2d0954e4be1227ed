// Reading and writing the look of scattered cells: fill, font colour, the note or threaded comment.
// Writes go to RangeAreas (worksheet.getRanges('A1,C3:C9,…')), one call per group of cells that
// get the same format, with address unions kept under the length limit.
import { rangeUnions, splitQualified, normalizeA1 } from './a1';
import { cellKey, textHash, type AnnotatedCell, type FillState } from './state';

export type SheetStatus = 'ok' | 'missing' | 'protected';

/**
 * Worksheet proxies by name, one per sheet per batch, and which sheets can be written. Proxies
 * come from getItemOrNullObject: a sheet deleted since the scan (or since the paint) never breaks
 * a batch — calls on a null object do nothing — and is reported instead.
 */
export class SheetCache {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  private readonly list: Excel.WorksheetCollection;
  constructor(private readonly context: Excel.RequestContext) {
    this.list = context.workbook.worksheets;
    this.list.load('items/name,items/protection/protected');
  }
  get(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItemOrNullObject(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }
  /** After the first sync: whether Suanpan may write to the sheet. */
  status(name: string): SheetStatus {
    const ws = this.list.items.find((w) => w.name === name);
    if (!ws) return 'missing';
    return ws.protection.protected ? 'protected' : 'ok';
  }
}

/** The current look of one cell, readable after the sync. */
export interface LookHandle {
  readonly sheet: string;
  readonly cell: string;
  read(): { fill: FillState | null; fontColor: string | null };
  /** The note proxy (notes channel only). */
  readonly note: Excel.Note | null;
  noteText(): string | null;
}

export function queueLook(sheets: SheetCache, sheet: string, cell: string, withNote: boolean, withPattern = true): LookHandle {
  const ws = sheets.get(sheet);
  const range = ws.getRange(cell);
  range.load(withPattern ? 'format/fill/color,format/fill/pattern,format/fill/patternColor,format/font/color' : 'format/fill/color,format/font/color');
  const note = withNote ? ws.notes.getItemOrNullObject(cell).load('content') : null;
  return {
    sheet,
    cell,
    note,
    read: () => {
      const fill = range.format.fill;
      const pattern = withPattern ? (fill.pattern as string | undefined | null) : undefined;
      const color = fill.color;
      // No fill reads as colour #FFFFFF with pattern None; before ExcelApi 1.9 only the colour.
      const none = pattern === 'None' || (pattern == null && (color == null || /^#?FFFFFF$/i.test(color)));
      return {
        fill: none || !color ? null : { color, pattern: pattern ?? 'Solid', patternColor: withPattern ? (fill.patternColor ?? null) : null },
        fontColor: range.format.font.color ?? null,
      };
    },
    noteText: () => (note && !note.isNullObject ? note.content : null),
  };
}

/** Threaded comments by cell ("sheet\0A1"), from a loaded comment collection and their locations. */
export interface CommentIndex {
  get(sheet: string, cell: string): { comment: Excel.Comment; content: string } | undefined;
}

/** Queues the locations of the given comments; the index is readable after the sync. */
export function queueCommentLocations(comments: readonly Excel.Comment[]): CommentIndex {
  const located = comments.map((comment) => ({ comment, content: comment.content, where: comment.getLocation().load('address') }));
  let index: Map<string, { comment: Excel.Comment; content: string }> | undefined;
  return {
    get(sheet, cell) {
      if (!index) {
        index = new Map();
        for (const l of located) {
          const { sheet: s, local } = splitQualified(l.where.address);
          index.set(cellKey(s, normalizeA1(local.split(':')[0])), { comment: l.comment, content: l.content });
        }
      }
      return index.get(cellKey(sheet, cell));
    },
  };
}

function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.replace('#', '').toUpperCase() === b.replace('#', '').toUpperCase();
}

/** Whether the cell still shows the fill / font Suanpan gave it. */
export function stillPainted(rec: AnnotatedCell, now: { fill: FillState | null; fontColor: string | null }): { fill: boolean; font: boolean } {
  return {
    fill: now.fill !== null && now.fill.pattern === 'Solid' && sameColor(now.fill.color, rec.fill),
    font: sameColor(now.fontColor, rec.fontColor),
  };
}

/** What fills and font colours are written through: RangeAreas, or (before ExcelApi 1.9) Ranges. */
type Formattable = { format: { fill: Excel.RangeFill; font: Excel.RangeFont } };

/**
 * Groups cells by a key and queues one write per address union of each group (RangeAreas), or
 * without ExcelApi 1.9 one write per area ("C5:C9" or a single cell).
 */
function queueGrouped<T>(
  sheets: SheetCache,
  items: readonly { sheet: string; cell: string; value: T }[],
  keyOf: (value: T) => string,
  write: (target: Formattable, value: T) => void,
  useAreas: boolean,
): number {
  const groups = new Map<string, { sheet: string; value: T; cells: string[] }>();
  for (const it of items) {
    const k = `${it.sheet}\u0000${keyOf(it.value)}`;
    const g = groups.get(k);
    if (g) g.cells.push(it.cell);
    else groups.set(k, { sheet: it.sheet, value: it.value, cells: [it.cell] });
  }
  let calls = 0;
  for (const g of groups.values()) {
    const ws = sheets.get(g.sheet);
    const targets = useAreas ? rangeUnions(g.cells).map((u) => ws.getRanges(u)) : rangeUnions(g.cells, 0).map((a) => ws.getRange(a));
    for (const t of targets) {
      write(t, g.value);
      calls++;
    }
  }
  return calls;
}

/** Sets fills: a colour (solid), a saved fill (with its pattern), or none (fill.clear()). */
export function queueFills(sheets: SheetCache, items: readonly { sheet: string; cell: string; value: FillState | null }[], useAreas = true): number {
  return queueGrouped(
    sheets,
    items,
    (f) => JSON.stringify(f),
    (areas, f) => {
      if (!f) {
        areas.format.fill.clear();
        return;
      }
      areas.format.fill.color = f.color;
      if (f.pattern && f.pattern !== 'Solid') {
        areas.format.fill.pattern = f.pattern as Excel.FillPattern;
        if (f.patternColor) areas.format.fill.patternColor = f.patternColor;
      }
    },
    useAreas,
  );
}

export function queueFontColors(sheets: SheetCache, items: readonly { sheet: string; cell: string; value: string }[], useAreas = true): number {
  return queueGrouped(
    sheets,
    items,
    (c) => c,
    (areas, c) => {
      areas.format.font.color = c;
    },
    useAreas,
  );
}

/**
 * Takes Suanpan's paint off the given cells, restoring what each looked like before — but only
 * where the cell still shows Suanpan's paint: a fill, font colour or note the user changed since
 * is the user's now and stays.
 */
export function queueRestore(
  sheets: SheetCache,
  recs: readonly AnnotatedCell[],
  looks: ReadonlyMap<string, LookHandle>,
  comments: CommentIndex | null,
  useAreas = true,
): { fills: number; fonts: number; notes: number; comments: number } {
  const fills: { sheet: string; cell: string; value: FillState | null }[] = [];
  const fonts: { sheet: string; cell: string; value: string }[] = [];
  let notes = 0;
  let removed = 0;
  for (const rec of recs) {
    const look = looks.get(cellKey(rec.sheet, rec.cell));
    if (!look) continue;
    const painted = stillPainted(rec, look.read());
    if (painted.fill) fills.push({ sheet: rec.sheet, cell: rec.cell, value: rec.prior.fill });
    if (painted.font && rec.prior.fontColor) fonts.push({ sheet: rec.sheet, cell: rec.cell, value: rec.prior.fontColor });
    if (rec.via === 'note' && look.note && !look.note.isNullObject && textHash(look.note.content) === rec.textHash) {
      if (rec.prior.note !== null) look.note.content = rec.prior.note;
      else look.note.delete();
      notes++;
    }
    if (rec.via === 'comment' && comments) {
      const c = comments.get(rec.sheet, rec.cell);
      if (c && textHash(c.content) === rec.textHash) {
        c.comment.delete();
        removed++;
      }
    }
  }
  queueFills(sheets, fills, useAreas);
  queueFontColors(sheets, fonts, useAreas);
  return { fills: fills.length, fonts: fonts.length, notes, comments: removed };
}
