// A small, faithful fake of the Excel JavaScript API surface the adapter uses, for jest.
//
// office-addin-mock's OfficeMockObject has no range semantics, no queue and no sync counting, so
// this fake models what matters for the adapter's promises:
//   - proxies: methods and setters are queued and run, in order, at context.sync(); properties read
//     before load + sync throw PropertyNotLoaded; *OrNullObject proxies get isNullObject at sync,
//     and calls on a null object do nothing (as Excel does);
//   - every sync is counted, with its request and response bytes; a request or response over the
//     host limit (5 MB by default, like Excel on the web) throws *PayloadSizeLimitExceeded, and
//     `refuseValuesOverCells` makes big ranges return values = null (the other refusal);
//   - cells with values, types, number formats, display text, fills, font colours, indent levels,
//     merges, hidden rows/columns, notes, threaded comments and add-in settings;
//   - worksheet.getRanges() rejects address unions longer than `maxAddressChars`;
//   - sheets added (Excel's name rules: 31 characters, no : \ / ? * [ ], unique without case),
//     their visibility (never the last visible sheet), merges (the area takes its first cell's
//     look and loses the other values), cell formats (font, alignment, wrap, indent, borders),
//     column widths and row heights in points, number formats written as 2-D arrays, HYPERLINK
//     formulas and range.hyperlink, and the page layout (paper, orientation, zoom, print titles
//     and area);
//   - Excel.run({ mergeUndoGroup: true }) refuses a request that calls an API without undo
//     support (here: setting a sheet's visibility) with UndoNotSupported, before running any of it;
//   - worksheet.copy('End') (a full copy: values, formats, merges, widths, heights, hidden rows and
//     columns, notes, page setup; named `name (2)` until renamed), worksheet.name set (Excel's name
//     rules), whole rows inserted with range.insert('Down') (everything below moves down, a merge
//     the new rows fall inside grows, the new rows take the formats of the row above but not its
//     height), range.unmerge(); `null` in a 2-D values or numberFormat array leaves that cell as it is.
// Only the members the adapter calls exist: anything else is a TypeError in the test.
import { cellAddress, colToLetters, lettersToCol, qualifiedAddress } from '../../src/core/workbook/address';
import type { CellRange } from '../../src/core/workbook/types';

// ---------------------------------------------------------------------------------------- model

export type ValueType = 'String' | 'Double' | 'Boolean' | 'Error' | 'Empty';

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string | null;
}

export interface FakeBorder {
  style: string;
  weight: string;
}

export type BorderSide = 'top' | 'bottom' | 'left' | 'right';

/** What range.format sets besides fill, font colour and indent (absent: Excel's default). */
export interface FakeLook {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontName?: string;
  underline?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  borders?: Partial<Record<BorderSide, FakeBorder>>;
}

export interface FakeCell {
  value: string | number | boolean;
  type: ValueType;
  numFmt: string;
  text: string;
  formula?: string;
  fill: FakeFill | null;
  font: string;
  indent: number;
  look?: FakeLook;
  /** range.hyperlink as set. */
  hyperlink?: { address?: string; documentReference?: string; textToDisplay?: string };
}

export type CellSpec =
  | string
  | number
  | boolean
  | null
  | undefined
  | {
      value?: string | number | boolean;
      type?: ValueType;
      numFmt?: string;
      text?: string;
      formula?: string;
      fill?: string | FakeFill | null;
      font?: string;
      indent?: number;
    };

export const DEFAULT_FONT = '#000000';

function emptyCell(): FakeCell {
  return { value: '', type: 'Empty', numFmt: 'General', text: '', fill: null, font: DEFAULT_FONT, indent: 0 };
}

export function formatValue(value: string | number | boolean, numFmt: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const decimals = /\.(0+)/.exec(numFmt)?.[1].length ?? 0;
  if (numFmt.includes('#,##0')) {
    const [int, frac] = Math.abs(value).toFixed(decimals).split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${value < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
  }
  if (/^0(\.0+)?$/.test(numFmt)) return value.toFixed(decimals);
  return String(value);
}

const ERROR_VALUE = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/;

export function makeCell(spec: CellSpec): FakeCell | undefined {
  if (spec === null || spec === undefined || spec === '') return undefined;
  const o = typeof spec === 'object' ? spec : { value: spec };
  const cell = emptyCell();
  if (o.value !== undefined && o.value !== '') {
    cell.value = o.value;
    cell.type =
      o.type ??
      (typeof o.value === 'number' ? 'Double' : typeof o.value === 'boolean' ? 'Boolean' : ERROR_VALUE.test(o.value) ? 'Error' : 'String');
  }
  if (o.numFmt) cell.numFmt = o.numFmt;
  if (o.formula) cell.formula = o.formula;
  if (o.fill !== undefined) cell.fill = typeof o.fill === 'string' ? { color: o.fill, pattern: 'Solid', patternColor: null } : o.fill;
  if (o.font) cell.font = o.font;
  if (o.indent) cell.indent = o.indent;
  cell.text = o.text ?? formatValue(cell.value, cell.numFmt);
  return cell;
}

/** A deep copy of a cell (its fill, look and link are objects). */
export function copyCell(c: FakeCell): FakeCell {
  const out: FakeCell = { ...c, fill: c.fill ? { ...c.fill } : null };
  if (c.look) out.look = { ...c.look, ...(c.look.borders ? { borders: { ...c.look.borders } } : {}) };
  if (c.hyperlink) out.hyperlink = { ...c.hyperlink };
  return out;
}

export interface PageSetup {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** As set, e.g. "$4:$5". */
  printTitleRows?: string;
  printArea?: string;
  /** Manual horizontal page breaks, as the 1-based rows they sit above. */
  rowBreaks?: number[];
}

export interface Generator {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
  cell(row: number, col: number): FakeCell | undefined;
}

export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  merges: CellRange[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** Notes by A1. */
  notes = new Map<string, string>();
  /** Cells by row, then column (overrides the generator). */
  cells = new Map<number, Map<number, FakeCell>>();
  /** Virtual content for very large sheets (not stored cell by cell). */
  generator?: Generator;
  /** Column widths and row heights in points, where set. */
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  page: PageSetup = {};

  constructor(public name: string) {}

  get(row: number, col: number): FakeCell | undefined {
    const own = this.cells.get(row)?.get(col);
    if (own) return own;
    const g = this.generator;
    if (g && row >= g.top && row < g.top + g.rows && col >= g.left && col < g.left + g.cols) return g.cell(row, col);
    return undefined;
  }

  /** The cell to change (created, or copied out of the generator). */
  mutable(row: number, col: number): FakeCell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) {
      const base = this.get(row, col);
      c = base ? copyCell(base) : emptyCell();
      r.set(col, c);
    }
    return c;
  }

  set(row: number, col: number, spec: CellSpec): void {
    const cell = makeCell(spec);
    if (cell) {
      let r = this.cells.get(row);
      if (!r) this.cells.set(row, (r = new Map()));
      r.set(col, cell);
    } else this.cells.get(row)?.delete(col);
  }

  /** Bounding box of the cells with a value (Excel's getUsedRange(true)). */
  usedValues(): CellRange | null {
    let box: CellRange | null = null;
    const grow = (r: number, c: number, r2 = r, c2 = c) => {
      box = box
        ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r2), right: Math.max(box.right, c2) }
        : { top: r, left: c, bottom: r2, right: c2 };
    };
    const g = this.generator;
    if (g && g.rows > 0 && g.cols > 0) grow(g.top, g.left, g.top + g.rows - 1, g.left + g.cols - 1);
    for (const [r, row] of this.cells) for (const [c, cell] of row) if (cell.type !== 'Empty') grow(r, c);
    return box;
  }

  /** Bounding box of the cells with a value or a format of their own, and of the merges (Excel's getUsedRange(false)). */
  usedAll(): CellRange | null {
    let box = this.usedValues();
    const grow = (r: CellRange) => {
      box = box ? { top: Math.min(box.top, r.top), left: Math.min(box.left, r.left), bottom: Math.max(box.bottom, r.bottom), right: Math.max(box.right, r.right) } : { ...r };
    };
    for (const [r, row] of this.cells) for (const [c, cell] of row) if (!isDefaultCell(cell)) grow({ top: r, left: c, bottom: r, right: c });
    for (const m of this.merges) grow(m);
    return box;
  }

  clone(): FakeSheet {
    const s = new FakeSheet(this.name);
    s.visibility = this.visibility;
    s.protected = this.protected;
    s.merges = this.merges.map((m) => ({ ...m }));
    s.hiddenRows = new Set(this.hiddenRows);
    s.hiddenCols = new Set(this.hiddenCols);
    s.notes = new Map(this.notes);
    for (const [r, row] of this.cells) s.cells.set(r, new Map([...row].map(([c, cell]) => [c, copyCell(cell)])));
    s.generator = this.generator;
    s.colWidths = new Map(this.colWidths);
    s.rowHeights = new Map(this.rowHeights);
    s.page = JSON.parse(JSON.stringify(this.page)) as PageSetup;
    return s;
  }
}

export interface FakeComment {
  id: string;
  sheet: string;
  cell: string;
  content: string;
  author: string;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** The add-in's settings (persisted in the file). */
  settings = new Map<string, unknown>();
  comments: FakeComment[] = [];
  nextCommentId = 1;
  activeSheet: string | null = null;
  /**
   * What is selected: one area ("B2:D4") or several ("B2:D4,F6"); `active` is the cell the cursor
   * is in (A1), by default the first cell of the first area.
   */
  selection: { sheet: string; address: string; active?: string } | null = null;

  addSheet(name: string, rows: CellSpec[][] = [], origin = { row: 0, col: 0 }): FakeSheet {
    const s = new FakeSheet(name);
    rows.forEach((cells, i) => cells.forEach((spec, j) => s.set(origin.row + i, origin.col + j, spec)));
    this.sheets.push(s);
    return s;
  }

  /** Excel finds sheets by name without regard to case. */
  find(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((x) => x.name.toLowerCase() === lower);
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }

  /** A cell by "A1" for assertions. */
  cell(sheet: string, a1: string): FakeCell | undefined {
    const { row, col } = parseA1(a1);
    return this.sheet(sheet).get(row, col);
  }

  addComment(sheet: string, a1: string, content: string, author = 'someone@example.com'): FakeComment {
    const c = { id: `c${this.nextCommentId++}`, sheet, cell: a1, content, author };
    this.comments.push(c);
    return c;
  }

  clone(): FakeWorkbook {
    const w = new FakeWorkbook();
    w.sheets = this.sheets.map((s) => s.clone());
    w.settings = new Map([...this.settings].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as unknown]));
    w.comments = this.comments.map((c) => ({ ...c }));
    w.nextCommentId = this.nextCommentId;
    w.activeSheet = this.activeSheet;
    w.selection = this.selection ? { ...this.selection } : null;
    return w;
  }

  /** Puts a clone's contents back (rollback). Sheet objects are replaced. */
  restoreFrom(w: FakeWorkbook): void {
    this.sheets = w.sheets;
    this.settings = w.settings;
    this.comments = w.comments;
    this.nextCommentId = w.nextCommentId;
    this.activeSheet = w.activeSheet;
    this.selection = w.selection;
  }
}

/**
 * Everything a user could see or lose, as plain data for toEqual: cells (values, formats, fills,
 * fonts; cells in their default state left out), notes, comments, settings, per sheet.
 */
/** A cell in its default state: no value, no format of its own. */
export function isDefaultCell(c: FakeCell): boolean {
  return (
    c.type === 'Empty' &&
    c.fill === null &&
    c.font === DEFAULT_FONT &&
    c.numFmt === 'General' &&
    !c.indent &&
    c.formula === undefined &&
    !c.hyperlink &&
    (!c.look || Object.keys(c.look).length === 0)
  );
}

export function dumpWorkbook(wb: FakeWorkbook) {
  const isDefault = isDefaultCell;
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells]
        .flatMap(([r, row]) => [...row].filter(([, c]) => !isDefault(c)).map(([c, cell]) => ({ at: cellAddress(r, c), ...cell })))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
      notes: [...s.notes].sort(),
      merges: s.merges,
      colWidths: [...s.colWidths].sort((a, b) => a[0] - b[0]),
      rowHeights: [...s.rowHeights].sort((a, b) => a[0] - b[0]),
      page: s.page,
    })),
    comments: wb.comments.map((c) => ({ ...c })),
    settings: [...wb.settings].sort(),
  };
}

// ------------------------------------------------------------------------------------ addresses

export function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new FakeOfficeError('InvalidArgument', `bad cell address ${a1}`);
  return { row: Number(m[2]) - 1, col: lettersToCol(m[1]) };
}

/** "A1", "A1:C3", whole columns "B:D" or whole rows "4:5" (dollars allowed), optionally sheet-qualified. */
function parseLocal(address: string): CellRange {
  const bang = address.lastIndexOf('!');
  const local = (bang >= 0 ? address.slice(bang + 1) : address).trim().replace(/\$/g, '');
  const [a, b = a] = local.split(':');
  if (/^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b)) {
    const [l, r] = [lettersToCol(a), lettersToCol(b)].sort((x, y) => x - y);
    return { top: 0, bottom: LAST_ROW, left: l, right: r };
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const [t, u] = [Number(a) - 1, Number(b) - 1].sort((x, y) => x - y);
    if (t < 0) throw new FakeOfficeError('InvalidArgument', `bad row ${address}`);
    return { top: t, bottom: u, left: 0, right: LAST_COL };
  }
  const p = parseA1(a);
  const q = parseA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

function rectAddress(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

function qualified(sheet: FakeSheet, r: CellRange): string {
  return qualifiedAddress(sheet.name, rectAddress(r));
}

const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: LAST_ROW, right: LAST_COL };

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

// ------------------------------------------------------------------------------------- context

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    public readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export interface FakeOptions {
  /** Default 5 MB (Excel on the web). */
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  /** Ranges with more cells than this return values (and the other cell arrays) as null. */
  refuseValuesOverCells?: number;
  /** worksheet.getRanges() address limit; default 255. */
  maxAddressChars?: number;
  /** The run asked for one undo group (Excel.run({ mergeUndoGroup: true })). */
  undoGroup?: boolean;
  /** Operations an undo group refuses; default: setting a sheet's visibility. */
  noUndo?: RegExp;
}

interface OpResult {
  bytes: number;
  commit?: () => void;
}

interface Op {
  readonly write: boolean;
  readonly bytes: number;
  readonly label: string;
  run(): OpResult;
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly ops: readonly string[];
  readonly failed?: string;
}

function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

export class FakeContext {
  readonly workbook: WorkbookP;
  readonly syncLog: SyncRecord[] = [];
  private queue: Op[] = [];
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly maxAddressChars: number;

  constructor(
    public readonly model: FakeWorkbook,
    public readonly opts: FakeOptions = {},
  ) {
    this.maxRequestBytes = opts.maxRequestBytes ?? 5 * 1024 * 1024;
    this.maxResponseBytes = opts.maxResponseBytes ?? 5 * 1024 * 1024;
    this.maxAddressChars = opts.maxAddressChars ?? 255;
    this.workbook = new WorkbookP(this, () => this.model);
  }

  get syncs(): number {
    return this.syncLog.length;
  }

  /** Labels of all operations run so far, in order (e.g. "RangeAreas.format.fill.color="). */
  get ops(): string[] {
    return this.syncLog.flatMap((s) => s.ops);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((n, o) => n + 120 + o.bytes, 0);
    const labels = ops.map((o) => o.label);
    const noUndo = this.opts.noUndo ?? /^Worksheet\.visibility=$/;
    const refused = this.opts.undoGroup ? labels.find((l) => noUndo.test(l)) : undefined;
    if (refused) {
      this.syncLog.push({ requestBytes, responseBytes: 0, ops: labels, failed: 'UndoNotSupported' });
      throw new FakeOfficeError('UndoNotSupported', `${refused} cannot be part of an undo group`);
    }
    if (requestBytes > this.maxRequestBytes) {
      this.syncLog.push({ requestBytes, responseBytes: 0, ops: labels, failed: 'RequestPayloadSizeLimitExceeded' });
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const before = ops.some((o) => o.write) ? this.model.clone() : null;
    const commits: (() => void)[] = [];
    let responseBytes = 0;
    forgetGrids();
    try {
      for (const op of ops) {
        if (op.write) forgetGrids();
        const r = op.run();
        responseBytes += r.bytes;
        if (r.commit) commits.push(r.commit);
      }
    } catch (e) {
      // Like Excel: what ran before the failing operation stays done.
      this.syncLog.push({ requestBytes, responseBytes, ops: labels, failed: (e as { code?: string }).code ?? String(e) });
      throw e;
    }
    if (responseBytes > this.maxResponseBytes) {
      if (before) this.model.restoreFrom(before);
      this.syncLog.push({ requestBytes, responseBytes, ops: labels, failed: 'ResponsePayloadSizeLimitExceeded' });
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    forgetGrids();
    for (const c of commits) c();
    this.syncLog.push({ requestBytes, responseBytes, ops: labels });
    await Promise.resolve();
  }

  /** This fake, typed as what the adapter takes. */
  get asExcel(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }
}

// --------------------------------------------------------------------------------------- proxies

type Resolver<T> = () => T | null;

abstract class ProxyBase<T> {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeContext,
    protected readonly resolve: Resolver<T>,
    nullable = false,
  ) {
    if (nullable) {
      context.enqueue({
        write: false,
        bytes: 40,
        label: `${this.kind}.isNullObject`,
        run: () => {
          const t = this.resolve();
          return { bytes: 16, commit: () => void (this.nullState = t === null) };
        },
      });
    }
  }

  get kind(): string {
    return 'Object';
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  protected prop<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Scalar value `name` of the target (at sync time). */
  protected scalar(_target: T, name: string): unknown {
    throw new Error(`fake: ${this.kind} has no loadable property ${name}`);
  }

  /** Navigation property `name`, if it is one. */
  protected nav(_name: string): ProxyBase<unknown> | undefined {
    return undefined;
  }

  load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
    if (!paths.length) throw new Error(`fake: ${this.kind}.load() without property names loads everything; name them`);
    this.context.enqueue({ write: false, bytes: 60 + paths.join(',').length, label: `${this.kind}.load(${paths.join(',')})`, run: () => this.readPaths(paths) });
    return this;
  }

  /** Reads the given property paths now (inside a sync). */
  readPaths(paths: readonly string[]): OpResult {
    const scalars: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      if (rest.length) {
        const list = nested.get(head) ?? [];
        list.push(rest.join('/'));
        nested.set(head, list);
      } else scalars.push(head);
    }
    const results: OpResult[] = [];
    for (const [head, rest] of nested) {
      const child = this.nav(head);
      if (!child) throw new Error(`fake: ${this.kind}.${head} is not a navigation property`);
      results.push(child.readPaths(rest));
    }
    for (const s of scalars) if (this.nav(s)) throw new Error(`fake: load("${s}") of a navigation property loads all of it; name the leaves`);
    const t = this.resolve();
    const values = new Map<string, unknown>();
    let bytes = results.reduce((n, r) => n + r.bytes, 0);
    if (t !== null) {
      for (const s of scalars) {
        const v = this.scalar(t, s);
        values.set(s, v);
        bytes += jsonBytes(v) + s.length + 4;
      }
    }
    return {
      bytes,
      commit: () => {
        this.nullState = t === null;
        for (const [k, v] of values) this.loaded.set(k, v);
        for (const r of results) r.commit?.();
      },
    };
  }

  /** Queues a change; on a null object it does nothing. */
  protected change(label: string, bytes: number, fn: (t: T) => void): void {
    this.context.enqueue({
      write: true,
      bytes,
      label: `${this.kind}.${label}`,
      run: () => {
        const t = this.resolve();
        if (t !== null) fn(t);
        return { bytes: 0 };
      },
    });
  }
}

class ClientResult<V> {
  private loadedValue: { v: V } | undefined;
  constructor(context: FakeContext, label: string, compute: () => V) {
    context.enqueue({
      write: false,
      bytes: 80,
      label,
      run: () => {
        const v = compute();
        return { bytes: jsonBytes(v), commit: () => void (this.loadedValue = { v }) };
      },
    });
  }
  get value(): V {
    if (!this.loadedValue) throw notLoaded('value');
    return this.loadedValue.v;
  }
}

function itemNotFound(what: string): never {
  throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}`);
}

/** A loaded collection: `items` after load('items/...') and sync. */
function loadItems<I extends ProxyBase<unknown>>(
  owner: ProxyBase<unknown>,
  spec: string | string[] | undefined,
  makeItems: () => I[],
  set: (items: I[]) => void,
): void {
  const paths = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
  const itemPaths = paths.map((p) => {
    if (!p.startsWith('items/')) throw new Error(`fake: ${owner.kind}.load("${p}"): load items/<property>`);
    return p.slice('items/'.length);
  });
  owner.context.enqueue({
    write: false,
    bytes: 60 + paths.join(',').length,
    label: `${owner.kind}.load(${paths.join(',')})`,
    run: () => {
      const items = makeItems();
      const results = items.map((i) => i.readPaths(itemPaths));
      return {
        bytes: results.reduce((n, r) => n + r.bytes, 2),
        commit: () => {
          for (const r of results) r.commit?.();
          set(items);
        },
      };
    },
  });
}

class WorkbookP extends ProxyBase<FakeWorkbook> {
  override get kind() {
    return 'Workbook';
  }
  readonly worksheets = new WorksheetsP(this.context, this.resolve);
  readonly settings = new SettingsP(this.context, this.resolve);
  readonly comments = new CommentsP(this.context, this.resolve);
  /** The selected range; like Excel, refused (at sync) when several areas are selected. */
  getSelectedRange(): RangeP {
    return new RangeP(this.context, () => {
      const sel = this.resolve()!.selection ?? itemNotFound('selection');
      if (sel.address.includes(',')) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      return { sheet: this.context.model.sheet(sel.sheet), areas: [parseLocal(sel.address)] };
    });
  }
  /** The cell the cursor is in (ExcelApi 1.7). */
  getActiveCell(): RangeP {
    return new RangeP(this.context, () => {
      const sel = this.resolve()!.selection ?? itemNotFound('selection');
      const first = parseLocal(sel.address.split(',')[0]);
      const at = sel.active ? parseA1(sel.active) : { row: first.top, col: first.left };
      return { sheet: this.context.model.sheet(sel.sheet), areas: [{ top: at.row, left: at.col, bottom: at.row, right: at.col }] };
    });
  }
}

class WorksheetsP extends ProxyBase<FakeWorkbook> {
  private loadedItems: WorksheetP[] | undefined;
  override get kind() {
    return 'WorksheetCollection';
  }
  get items(): WorksheetP[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  override load(spec?: string | string[]): this {
    loadItems(
      this,
      spec,
      () => this.resolve()!.sheets.map((s) => new WorksheetP(this.context, () => s)),
      (items) => (this.loadedItems = items),
    );
    return this;
  }
  getItem(name: string): WorksheetP {
    return new WorksheetP(this.context, () => this.resolve()!.find(name) ?? itemNotFound(`worksheet ${name}`));
  }
  getItemOrNullObject(name: string): WorksheetP {
    return new WorksheetP(this.context, () => this.resolve()!.find(name) ?? null, true);
  }
  /** Adds a sheet at the end, with Excel's checks on the name. */
  add(name?: string): WorksheetP {
    if (typeof name !== 'string') throw new Error('fake: add() without a name is not modelled');
    let created: FakeSheet | null = null;
    this.change('add()', 60 + Buffer.byteLength(name), (w) => {
      checkSheetName(name);
      if (w.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `a sheet named ${name} exists`);
      created = w.addSheet(name);
    });
    return new WorksheetP(this.context, () => {
      const w = this.context.model;
      return (created && w.sheets.includes(created) ? created : null) ?? w.find(name) ?? itemNotFound(`worksheet ${name}`);
    });
  }
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], no apostrophe at either end, not History. */
function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw new FakeOfficeError('InvalidArgument', `not a valid sheet name: ${name}`);
  }
}

class PageBreaksP extends ProxyBase<FakeSheet> {
  override get kind() {
    return 'PageBreakCollection';
  }
  /** A horizontal break above the range's first row. */
  add(pageBreakRange: string): void {
    this.change('add()', 40 + pageBreakRange.length, (s) => {
      const r = parseLocal(pageBreakRange);
      if (r.top === 0) throw new FakeOfficeError('InvalidArgument', `no page break above row 1: ${pageBreakRange}`);
      (s.page.rowBreaks ??= []).push(r.top + 1);
    });
  }
}

class ProtectionP extends ProxyBase<FakeSheet> {
  override get kind() {
    return 'WorksheetProtection';
  }
  get protected(): boolean {
    return this.prop('protected');
  }
  protected override scalar(t: FakeSheet, name: string): unknown {
    if (name === 'protected') return t.protected;
    return super.scalar(t, name);
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  areas: CellRange[];
}

class WorksheetP extends ProxyBase<FakeSheet> {
  override get kind() {
    return 'Worksheet';
  }
  readonly protection = new ProtectionP(this.context, this.resolve);
  readonly notes = new NotesP(this.context, this.resolve);
  readonly pageLayout = new PageLayoutP(this.context, this.resolve);
  readonly horizontalPageBreaks = new PageBreaksP(this.context, this.resolve);
  get name(): string {
    return this.prop('name');
  }
  /** Renames the sheet, with Excel's checks on the name. */
  set name(v: string) {
    this.change('name=', 40 + Buffer.byteLength(v), (s) => {
      checkSheetName(v);
      const other = this.context.model.find(v);
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `a sheet named ${v} exists`);
      s.name = v;
    });
  }
  /**
   * A full copy of the sheet at the end of the workbook (ExcelApi 1.7), named as Excel names a copy:
   * `name (2)`, `name (3)` …
   */
  copy(positionType?: string): WorksheetP {
    if (positionType !== 'End') throw new Error(`fake: copy(${String(positionType)}) is not modelled; use 'End'`);
    let created: FakeSheet | null = null;
    this.change('copy()', 60, (s) => {
      if (s.generator) throw new Error('fake: copying a generated sheet is not modelled');
      const w = this.context.model;
      const copy = s.clone();
      const base = s.name.replace(/ \(\d+\)$/, '');
      for (let n = 2; ; n++) {
        const suffix = ` (${n})`;
        const name = base.slice(0, 31 - suffix.length) + suffix;
        if (!w.find(name)) {
          copy.name = name;
          break;
        }
      }
      w.sheets.push(copy);
      created = copy;
    });
    return new WorksheetP(this.context, () => created ?? itemNotFound('copied worksheet'));
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  set visibility(v: string) {
    this.change('visibility=', 40, (s) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', `visibility ${v}`);
      const othersVisible = this.context.model.sheets.some((x) => x !== s && x.visibility === 'Visible');
      if (v !== 'Visible' && !othersVisible) throw new FakeOfficeError('InvalidOperation', 'a workbook needs one visible sheet');
      s.visibility = v;
    });
  }
  protected override scalar(t: FakeSheet, name: string): unknown {
    if (name === 'name') return t.name;
    if (name === 'visibility') return t.visibility;
    return super.scalar(t, name);
  }
  protected override nav(name: string) {
    return name === 'protection' ? this.protection : undefined;
  }
  getRange(address?: string): RangeP {
    return new RangeP(this.context, () => {
      const s = this.resolve();
      return s ? { sheet: s, areas: [address ? parseLocal(address) : WHOLE_SHEET] } : null;
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeP {
    return new RangeP(this.context, () => {
      const s = this.resolve();
      return s ? { sheet: s, areas: [{ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }] } : null;
    });
  }
  getRanges(address: string): RangeAreasP {
    const max = this.context.maxAddressChars;
    return new RangeAreasP(this.context, () => {
      if (address.length > max) throw new FakeOfficeError('InvalidArgument', `getRanges: address longer than ${max} characters`);
      const s = this.resolve();
      return s ? { sheet: s, areas: address.split(',').map(parseLocal) } : null;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeP {
    return new RangeP(
      this.context,
      () => {
        const s = this.resolve();
        const box = valuesOnly ? s?.usedValues() : s?.usedAll();
        return s && box ? { sheet: s, areas: [box] } : null;
      },
      true,
    );
  }
  activate(): void {
    this.change('activate()', 40, (s) => {
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'cannot activate a hidden sheet');
      this.context.model.activeSheet = s.name;
    });
  }
}

function cellsOf(t: RangeTarget, fn: (row: number, col: number) => void): void {
  for (const a of t.areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(r, c);
}

/** The cells of a range, fetched once per sync (a sync may read a range's cells several times). */
let cellGrids = new Map<string, (FakeCell | undefined)[][]>();
function forgetGrids(): void {
  cellGrids = new Map();
}

function grid<V>(t: RangeTarget, fn: (cell: FakeCell | undefined) => V): V[][] {
  const key = `${t.sheet.name}\u0000${JSON.stringify(t.areas[0])}`;
  let cells = cellGrids.get(key);
  if (!cells) {
    const a = t.areas[0];
    cells = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const line: (FakeCell | undefined)[] = [];
      for (let c = a.left; c <= a.right; c++) line.push(t.sheet.get(r, c));
      cells.push(line);
    }
    cellGrids.set(key, cells);
  }
  return cells.map((line) => line.map(fn));
}

function uniform<V>(t: RangeTarget, fn: (cell: FakeCell | undefined) => V): V | null {
  let first = true;
  let value: V | null = null;
  let same = true;
  cellsOf(t, (r, c) => {
    if (!same) return;
    const v = fn(t.sheet.get(r, c));
    if (first) {
      value = v;
      first = false;
    } else if (JSON.stringify(v) !== JSON.stringify(value)) same = false;
  });
  return same ? value : null;
}

/** What Excel does with a value typed (or written through Range.values) into a cell. */
function input(cell: FakeCell, v: unknown): void {
  delete cell.formula;
  if (typeof v === 'number') {
    cell.value = v;
    cell.type = 'Double';
  } else if (typeof v === 'boolean') {
    cell.value = v;
    cell.type = 'Boolean';
  } else {
    const s = v === null || v === undefined ? '' : String(v);
    if (s === '') {
      cell.value = '';
      cell.type = 'Empty';
    } else if (s.startsWith("'")) {
      cell.value = s.slice(1);
      cell.type = 'String';
    } else if (s.startsWith('=')) {
      formulaInput(cell, s);
      return;
    } else if (cell.numFmt === '@') {
      cell.value = s;
      cell.type = 'String';
    } else if (/^[-+]?\d+(\.\d+)?$/.test(s)) {
      cell.value = Number(s);
      cell.type = 'Double';
    } else if (/^(true|false)$/i.test(s)) {
      cell.value = /^true$/i.test(s);
      cell.type = 'Boolean';
    } else {
      cell.value = s;
      cell.type = ERROR_VALUE.test(s) ? 'Error' : 'String';
    }
  }
  cell.text = formatValue(cell.value, cell.numFmt);
}

/** Formulas: only constants (="text", =123) are evaluated; anything else gives #NAME?. */
function formulaInput(cell: FakeCell, f: string): void {
  cell.formula = f;
  const str = /^="(.*)"$/.exec(f);
  const num = /^=([-+]?\d+(\.\d+)?)$/.exec(f);
  const link = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/i.exec(f);
  if (link) {
    cell.value = link[2].replace(/""/g, '"');
    cell.type = 'String';
  } else if (str) {
    cell.value = str[1];
    cell.type = 'String';
  } else if (num) {
    cell.value = Number(num[1]);
    cell.type = 'Double';
  } else {
    cell.value = '#NAME?';
    cell.type = 'Error';
  }
  cell.text = formatValue(cell.value, cell.numFmt);
}

class RangeP extends ProxyBase<RangeTarget> {
  override get kind() {
    return 'Range';
  }
  readonly format = new FormatP(this.context, this.resolve);
  /** The range's sheet. */
  get worksheet(): WorksheetP {
    return new WorksheetP(this.context, () => this.resolve()?.sheet ?? null);
  }
  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.change('values=', jsonBytes(v), (t) => {
      const a = t.areas[0];
      if (v.length !== a.bottom - a.top + 1 || v.some((row) => row.length !== a.right - a.left + 1)) {
        throw new FakeOfficeError('InvalidArgument', 'values do not match the range size');
      }
      // null leaves a cell as it is (Office.js: "null input in a 2-D array").
      v.forEach((row, i) => row.forEach((x, j) => x !== null && input(t.sheet.mutable(a.top + i, a.left + j), x)));
    });
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: (string | null)[][]) {
    this.change('numberFormat=', jsonBytes(v), (t) => {
      const a = t.areas[0];
      if (!Array.isArray(v) || v.length !== a.bottom - a.top + 1 || v.some((row) => row.length !== a.right - a.left + 1)) {
        throw new FakeOfficeError('InvalidArgument', 'numberFormat does not match the range size');
      }
      v.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null) return;
          const cell = t.sheet.mutable(a.top + i, a.left + j);
          cell.numFmt = String(f);
          cell.text = formatValue(cell.value, cell.numFmt);
        }),
      );
    });
  }
  set hyperlink(v: { address?: string; documentReference?: string; textToDisplay?: string }) {
    this.change('hyperlink=', jsonBytes(v), (t) => {
      const a = t.areas[0];
      if (a.top !== a.bottom || a.left !== a.right) throw new Error('fake: hyperlink on more than one cell is not modelled');
      const cell = t.sheet.mutable(a.top, a.left);
      cell.hyperlink = { ...v };
      if (v.textToDisplay !== undefined) input(cell, v.textToDisplay);
    });
  }
  /** Merges the range into one cell: it takes the look of its first cell, the others lose their values. */
  merge(across?: boolean): void {
    if (across) throw new Error('fake: merge(true) is not modelled');
    this.change('merge()', 40, (t) => {
      const a = t.areas[0];
      if (a.bottom - a.top > 10_000 || a.right - a.left > 1_000) throw new Error('fake: merging whole rows or columns is not modelled');
      if (t.sheet.merges.some((m) => intersects(m, a))) throw new FakeOfficeError('InvalidOperation', 'cannot merge across a merged area');
      const first = t.sheet.get(a.top, a.left);
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) {
          if (r === a.top && c === a.left) continue;
          const cell = t.sheet.mutable(r, c);
          const look = first ? copyCell(first) : undefined;
          cell.numFmt = look?.numFmt ?? 'General';
          cell.fill = look?.fill ?? null;
          cell.font = look?.font ?? DEFAULT_FONT;
          cell.indent = look?.indent ?? 0;
          if (look?.look) cell.look = look.look;
          else delete cell.look;
          input(cell, '');
        }
      t.sheet.merges.push({ ...a });
    });
  }
  /** Unmerges every merged area the range touches. */
  unmerge(): void {
    this.change('unmerge()', 40, (t) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !t.areas.some((a) => intersects(a, m)));
    });
  }
  /**
   * Whole rows only ("5:7"): inserts as many empty rows above the range's first row. Everything
   * below moves down (cells, merges, heights, hidden rows, notes, page breaks); a merge the new rows
   * fall inside grows. The new rows take the formats of the row above (not its values, nor its height).
   */
  insert(shift: string): RangeP {
    if (shift !== 'Down') throw new Error(`fake: insert(${shift}) is not modelled; insert whole rows Down`);
    let inserted: CellRange | null = null;
    this.change('insert()', 40, (t) => {
      const a = t.areas[0];
      if (a.left !== 0 || a.right !== LAST_COL) throw new Error('fake: only whole rows are inserted');
      const s = t.sheet;
      if (s.generator) throw new Error('fake: inserting into a generated sheet is not modelled');
      const at = a.top;
      const n = a.bottom - a.top + 1;
      const move = (r: number) => (r >= at ? r + n : r);
      s.cells = new Map([...s.cells].map(([r, line]) => [move(r), line]));
      s.merges = s.merges.map((m) => (m.top >= at ? { ...m, top: m.top + n, bottom: m.bottom + n } : m.bottom >= at ? { ...m, bottom: m.bottom + n } : m));
      s.rowHeights = new Map([...s.rowHeights].map(([r, h]) => [move(r), h]));
      s.hiddenRows = new Set([...s.hiddenRows].map(move));
      s.notes = new Map(
        [...s.notes].map(([a1, text]) => {
          const p = parseA1(a1);
          return [cellAddress(move(p.row), p.col), text];
        }),
      );
      if (s.page.rowBreaks) s.page.rowBreaks = s.page.rowBreaks.map((b) => (b - 1 >= at ? b + n : b));
      const above = at > 0 ? s.cells.get(at - 1) : undefined;
      if (above)
        for (let r = at; r < at + n; r++)
          for (const [c, cell] of above) {
            const copy = copyCell(cell);
            delete copy.formula;
            delete copy.hyperlink;
            copy.value = '';
            copy.type = 'Empty';
            copy.text = '';
            s.mutable(r, c);
            s.cells.get(r)!.set(c, copy);
          }
      inserted = { top: at, left: 0, bottom: at + n - 1, right: LAST_COL };
    });
    return new RangeP(this.context, () => {
      const t = this.resolve();
      return t && inserted ? { sheet: t.sheet, areas: [inserted] } : null;
    });
  }
  get text(): string[][] {
    return this.prop('text');
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.change('formulas=', jsonBytes(v), (t) => {
      const a = t.areas[0];
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          const cell = t.sheet.mutable(a.top + i, a.left + j);
          if (typeof x === 'string' && x.startsWith('=')) formulaInput(cell, x);
          else input(cell, x);
        }),
      );
    });
  }
  protected override nav(name: string) {
    return name === 'format' ? this.format : undefined;
  }
  protected override scalar(t: RangeTarget, name: string): unknown {
    const a = t.areas[0];
    const refused = (this.context.opts.refuseValuesOverCells ?? Infinity) < (a.bottom - a.top + 1) * (a.right - a.left + 1);
    switch (name) {
      case 'address':
        return qualified(t.sheet, a);
      case 'rowIndex':
        return a.top;
      case 'columnIndex':
        return a.left;
      case 'rowCount':
        return a.bottom - a.top + 1;
      case 'columnCount':
        return a.right - a.left + 1;
      case 'values':
        return refused ? null : grid(t, (c) => (c ? c.value : ''));
      case 'valueTypes':
        return refused ? null : grid(t, (c) => (c ? c.type : 'Empty'));
      case 'numberFormat':
        return refused ? null : grid(t, (c) => (c ? c.numFmt : 'General'));
      case 'text':
        return refused ? null : grid(t, (c) => (c ? c.text : ''));
      case 'formulas':
        return refused ? null : grid(t, (c) => (c ? (c.formula ?? c.value) : ''));
      default:
        return super.scalar(t, name);
    }
  }
  getMergedAreasOrNullObject(): RangeAreasP {
    return new RangeAreasP(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const hits = t.sheet.merges.filter((m) => t.areas.some((a) => intersects(a, m)));
        return hits.length ? { sheet: t.sheet, areas: hits } : null;
      },
      true,
    );
  }
  getSpecialCellsOrNullObject(type: string): RangeAreasP {
    if (type !== 'Visible') throw new Error(`fake: special cells ${type} not modelled`);
    return new RangeAreasP(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const a = t.areas[0];
        const runs = (lo: number, hi: number, hidden: Set<number>) => {
          const out: [number, number][] = [];
          for (let i = lo; i <= hi; i++) {
            if (hidden.has(i)) continue;
            const last = out[out.length - 1];
            if (last && last[1] === i - 1) last[1] = i;
            else out.push([i, i]);
          }
          return out;
        };
        const rows = runs(a.top, a.bottom, t.sheet.hiddenRows);
        const cols = runs(a.left, a.right, t.sheet.hiddenCols);
        const areas = rows.flatMap(([top, bottom]) => cols.map(([left, right]) => ({ top, bottom, left, right })));
        return areas.length ? { sheet: t.sheet, areas } : null;
      },
      true,
    );
  }
  getCellProperties(opts: { format?: { indentLevel?: boolean } }): ClientResult<{ format: { indentLevel: number } }[][]> {
    if (!opts.format?.indentLevel) throw new Error('fake: only format.indentLevel is modelled');
    return new ClientResult(this.context, 'Range.getCellProperties(indentLevel)', () => {
      const t = this.resolve();
      if (!t) return [];
      return grid(t, (c) => ({ format: { indentLevel: c?.indent ?? 0 } }));
    });
  }
  select(): void {
    this.change('select()', 40, (t) => {
      if (this.context.model.activeSheet !== t.sheet.name) throw new FakeOfficeError('InvalidSelection', 'select() on a sheet that is not active');
      this.context.model.selection = { sheet: t.sheet.name, address: rectAddress(t.areas[0]) };
    });
  }
}

class RangeAreasP extends ProxyBase<RangeTarget> {
  override get kind() {
    return 'RangeAreas';
  }
  readonly format = new FormatP(this.context, this.resolve, 'RangeAreas');
  get address(): string {
    return this.prop('address');
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
  protected override nav(name: string) {
    return name === 'format' ? this.format : undefined;
  }
  protected override scalar(t: RangeTarget, name: string): unknown {
    if (name === 'address') return t.areas.map((a) => qualified(t.sheet, a)).join(',');
    if (name === 'areaCount') return t.areas.length;
    return super.scalar(t, name);
  }
}

class FormatP extends ProxyBase<RangeTarget> {
  readonly fill: FillP;
  readonly font: FontP;
  constructor(
    context: FakeContext,
    resolve: Resolver<RangeTarget>,
    private readonly owner = 'Range',
  ) {
    super(context, resolve);
    this.fill = new FillP(context, resolve, owner);
    this.font = new FontP(context, resolve, owner);
  }
  override get kind() {
    return `${this.owner}.format`;
  }
  get borders(): BordersP {
    return new BordersP(this.context, this.resolve, this.owner);
  }
  get indentLevel(): number | null {
    return this.prop('indentLevel');
  }
  /** Like Excel: indenting General-aligned text aligns it left. */
  set indentLevel(v: number | null) {
    this.change('indentLevel=', 40, (t) =>
      styleCells(t, (cell) => {
        if (typeof v !== 'number' || v < 0 || v > 250) throw new FakeOfficeError('InvalidArgument', `indentLevel ${v}`);
        cell.indent = v;
        const look = (cell.look ??= {});
        if (v > 0 && (look.hAlign === undefined || look.hAlign === 'General')) look.hAlign = 'Left';
      }),
    );
  }
  get horizontalAlignment(): string | null {
    return this.prop('horizontalAlignment');
  }
  set horizontalAlignment(v: string | null) {
    this.lookChange('horizontalAlignment=', (look) => {
      if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(String(v))) throw new FakeOfficeError('InvalidArgument', `horizontalAlignment ${v}`);
      look.hAlign = String(v);
    });
  }
  get verticalAlignment(): string | null {
    return this.prop('verticalAlignment');
  }
  set verticalAlignment(v: string | null) {
    this.lookChange('verticalAlignment=', (look) => {
      if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(String(v))) throw new FakeOfficeError('InvalidArgument', `verticalAlignment ${v}`);
      look.vAlign = String(v);
    });
  }
  get wrapText(): boolean | null {
    return this.prop('wrapText');
  }
  set wrapText(v: boolean | null) {
    this.lookChange('wrapText=', (look) => void (look.wrap = v === true));
  }
  get rowHeight(): number | null {
    return this.prop('rowHeight');
  }
  get columnWidth(): number | null {
    return this.prop('columnWidth');
  }
  /** Points; sets the width of every column the range touches. */
  set columnWidth(v: number) {
    this.change('columnWidth=', 40, (t) => {
      if (typeof v !== 'number' || v < 0 || v > 1790) throw new FakeOfficeError('InvalidArgument', `columnWidth ${v}`);
      for (const a of t.areas) for (let c = a.left; c <= a.right; c++) t.sheet.colWidths.set(c, v);
    });
  }
  /** Points; sets the height of every row the range touches (Excel's limit is 409). */
  set rowHeight(v: number) {
    this.change('rowHeight=', 40, (t) => {
      if (typeof v !== 'number' || v < 0 || v > 409) throw new FakeOfficeError('InvalidArgument', `rowHeight ${v}`);
      for (const a of t.areas) for (let r = a.top; r <= a.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  private lookChange(label: string, fn: (look: FakeLook) => void): void {
    this.change(label, 40, (t) => styleCells(t, (cell) => fn((cell.look ??= {}))));
  }
  protected override nav(name: string) {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  protected override scalar(t: RangeTarget, name: string): unknown {
    if (name === 'indentLevel') return uniform(t, (c) => c?.indent ?? 0);
    if (name === 'horizontalAlignment') return uniform(t, (c) => c?.look?.hAlign ?? 'General');
    if (name === 'verticalAlignment') return uniform(t, (c) => c?.look?.vAlign ?? 'Bottom');
    if (name === 'wrapText') return uniform(t, (c) => c?.look?.wrap ?? false);
    if (name === 'rowHeight') return uniformSize(t, 'row');
    if (name === 'columnWidth') return uniformSize(t, 'col');
    return super.scalar(t, name);
  }
}

/** Excel's standard row height and column width in points (Calibri 11): what a sheet has where none is set. */
export const STANDARD_ROW_HEIGHT = 15;
export const STANDARD_COLUMN_WIDTH = 48;

/** The rows' (or columns') size when they all have the same one, else null (as Excel reads it). */
function uniformSize(t: RangeTarget, what: 'row' | 'col'): number | null {
  const a = t.areas[0];
  const [from, to] = what === 'row' ? [a.top, a.bottom] : [a.left, a.right];
  if (to - from > 10_000) throw new Error('fake: sizes of whole columns or rows are not modelled');
  let size: number | null = null;
  for (let i = from; i <= to; i++) {
    const v = what === 'row' ? (t.sheet.rowHeights.get(i) ?? STANDARD_ROW_HEIGHT) : (t.sheet.colWidths.get(i) ?? STANDARD_COLUMN_WIDTH);
    if (size === null) size = v;
    else if (size !== v) return null;
  }
  return size;
}

/** Changes the cells of a target one by one (not for whole rows or columns: only sizes are modelled there). */
function styleCells(t: RangeTarget, fn: (cell: FakeCell) => void): void {
  const count = t.areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
  if (count > 2_000_000) throw new Error('fake: formatting whole rows or columns is not modelled');
  cellsOf(t, (r, c) => fn(t.sheet.mutable(r, c)));
}

const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

class BordersP extends ProxyBase<RangeTarget> {
  constructor(
    context: FakeContext,
    resolve: Resolver<RangeTarget>,
    private readonly owner: string,
  ) {
    super(context, resolve);
  }
  override get kind() {
    return `${this.owner}.format.borders`;
  }
  getItem(index: string): BorderP {
    if (!(BORDER_INDEX as readonly string[]).includes(index)) throw new Error(`fake: border ${index} is not modelled`);
    return new BorderP(this.context, this.resolve, this.owner, index as (typeof BORDER_INDEX)[number]);
  }
}

class BorderP extends ProxyBase<RangeTarget> {
  constructor(
    context: FakeContext,
    resolve: Resolver<RangeTarget>,
    private readonly owner: string,
    private readonly index: (typeof BORDER_INDEX)[number],
  ) {
    super(context, resolve);
  }
  override get kind() {
    return `${this.owner}.format.borders(${this.index})`;
  }
  set style(v: string) {
    if (!['Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'None', 'SlantDashDot'].includes(v)) throw new Error(`fake: border style ${v}`);
    this.sides('style=', (b) => void (b.style = v));
  }
  set weight(v: string) {
    if (!['Hairline', 'Thin', 'Medium', 'Thick'].includes(v)) throw new Error(`fake: border weight ${v}`);
    this.sides('weight=', (b) => void (b.weight = v));
  }
  /** The cell sides this border index stands for, in every area. */
  private sides(label: string, fn: (b: FakeBorder) => void): void {
    this.change(label, 40, (t) => {
      const touch = (r: number, c: number, side: BorderSide) => {
        const look = (t.sheet.mutable(r, c).look ??= {});
        const borders = (look.borders ??= {});
        fn((borders[side] ??= { style: 'None', weight: 'Thin' }));
      };
      for (const a of t.areas) {
        if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > 2_000_000) throw new Error('fake: borders on whole rows or columns are not modelled');
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++) {
            if (this.index === 'EdgeTop' && r === a.top) touch(r, c, 'top');
            if (this.index === 'EdgeBottom' && r === a.bottom) touch(r, c, 'bottom');
            if (this.index === 'EdgeLeft' && c === a.left) touch(r, c, 'left');
            if (this.index === 'EdgeRight' && c === a.right) touch(r, c, 'right');
            if (this.index === 'InsideHorizontal') {
              if (r > a.top) touch(r, c, 'top');
              if (r < a.bottom) touch(r, c, 'bottom');
            }
            if (this.index === 'InsideVertical') {
              if (c > a.left) touch(r, c, 'left');
              if (c < a.right) touch(r, c, 'right');
            }
          }
      }
    });
  }
}

class PageLayoutP extends ProxyBase<FakeSheet> {
  override get kind() {
    return 'PageLayout';
  }
  set paperSize(v: string) {
    this.change('paperSize=', 40, (s) => void (s.page.paperSize = v));
  }
  set orientation(v: string) {
    if (v !== 'Portrait' && v !== 'Landscape') throw new Error(`fake: orientation ${v}`);
    this.change('orientation=', 40, (s) => void (s.page.orientation = v));
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.change('zoom=', 80, (s) => {
      if (v.scale !== undefined && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined)) throw new FakeOfficeError('InvalidArgument', 'zoom: scale or fit to pages, not both');
      s.page.zoom = { ...v };
    });
  }
  /** Whole rows only ("$4:$5"), as Excel requires. */
  setPrintTitleRows(rows: string): void {
    this.change('setPrintTitleRows()', 40 + rows.length, (s) => {
      const r = parseLocal(rows);
      if (r.left !== 0 || r.right !== LAST_COL) throw new FakeOfficeError('InvalidArgument', `print title rows must be whole rows: ${rows}`);
      s.page.printTitleRows = rows;
    });
  }
  setPrintArea(area: string): void {
    this.change('setPrintArea()', 40 + area.length, (s) => {
      area.split(',').forEach(parseLocal);
      s.page.printArea = area;
    });
  }
}

class FillP extends ProxyBase<RangeTarget> {
  constructor(
    context: FakeContext,
    resolve: Resolver<RangeTarget>,
    private readonly owner: string,
  ) {
    super(context, resolve);
  }
  override get kind() {
    return `${this.owner}.format.fill`;
  }
  get color(): string | null {
    return this.prop('color');
  }
  set color(v: string | null) {
    this.change('color=', 40, (t) => cellsOf(t, (r, c) => void (t.sheet.mutable(r, c).fill = { color: String(v).toUpperCase(), pattern: 'Solid', patternColor: null })));
  }
  get pattern(): string | null {
    return this.prop('pattern');
  }
  set pattern(v: string | null) {
    this.change('pattern=', 40, (t) =>
      cellsOf(t, (r, c) => {
        const cell = t.sheet.mutable(r, c);
        cell.fill = v === 'None' ? null : { color: cell.fill?.color ?? '#FFFFFF', pattern: String(v), patternColor: cell.fill?.patternColor ?? null };
      }),
    );
  }
  get patternColor(): string | null {
    return this.prop('patternColor');
  }
  set patternColor(v: string | null) {
    this.change('patternColor=', 40, (t) =>
      cellsOf(t, (r, c) => {
        const cell = t.sheet.mutable(r, c);
        if (cell.fill) cell.fill.patternColor = v;
      }),
    );
  }
  clear(): void {
    this.change('clear()', 40, (t) => cellsOf(t, (r, c) => void (t.sheet.mutable(r, c).fill = null)));
  }
  protected override scalar(t: RangeTarget, name: string): unknown {
    // Like Excel: no fill reads as white with pattern None.
    if (name === 'color') return uniform(t, (c) => c?.fill?.color ?? '#FFFFFF');
    if (name === 'pattern') return uniform(t, (c) => c?.fill?.pattern ?? 'None');
    if (name === 'patternColor') return uniform(t, (c) => c?.fill?.patternColor ?? null);
    return super.scalar(t, name);
  }
}

class FontP extends ProxyBase<RangeTarget> {
  constructor(
    context: FakeContext,
    resolve: Resolver<RangeTarget>,
    private readonly owner: string,
  ) {
    super(context, resolve);
  }
  override get kind() {
    return `${this.owner}.format.font`;
  }
  get color(): string | null {
    return this.prop('color');
  }
  set color(v: string | null) {
    this.change('color=', 40, (t) => cellsOf(t, (r, c) => void (t.sheet.mutable(r, c).font = String(v).toUpperCase())));
  }
  set bold(v: boolean) {
    this.lookChange('bold=', (l) => void (l.bold = v === true));
  }
  set italic(v: boolean) {
    this.lookChange('italic=', (l) => void (l.italic = v === true));
  }
  set size(v: number) {
    if (typeof v !== 'number' || v < 1 || v > 409) throw new Error(`fake: font size ${v}`);
    this.lookChange('size=', (l) => void (l.fontSize = v));
  }
  set name(v: string) {
    this.lookChange('name=', (l) => void (l.fontName = v));
  }
  set underline(v: string) {
    if (!['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'].includes(v)) throw new Error(`fake: underline ${v}`);
    this.lookChange('underline=', (l) => void (l.underline = v));
  }
  private lookChange(label: string, fn: (look: FakeLook) => void): void {
    this.change(label, 40, (t) => styleCells(t, (cell) => fn((cell.look ??= {}))));
  }
  protected override scalar(t: RangeTarget, name: string): unknown {
    if (name === 'color') return uniform(t, (c) => c?.font ?? DEFAULT_FONT);
    return super.scalar(t, name);
  }
}

/** A single cell of a Range proxy or an A1 string (sheet-qualified where the API wants it). */
function singleCell(context: FakeContext, where: unknown, sheet: FakeSheet | null, needSheet: boolean): { sheet: FakeSheet; a1: string } {
  if (where instanceof RangeP) {
    const t = (where as unknown as { resolve: Resolver<RangeTarget> }).resolve();
    if (!t) itemNotFound('range');
    const a = t.areas[0];
    if (a.top !== a.bottom || a.left !== a.right) throw new FakeOfficeError('InvalidArgument', 'not a single cell');
    return { sheet: t.sheet, a1: cellAddress(a.top, a.left) };
  }
  if (typeof where !== 'string') throw new FakeOfficeError('InvalidArgument', 'cell address');
  const bang = where.lastIndexOf('!');
  if (bang < 0) {
    if (needSheet || !sheet) throw new FakeOfficeError('InvalidArgument', `a full address with the sheet name is needed: ${where}`);
    const r = parseLocal(where);
    if (r.top !== r.bottom || r.left !== r.right) throw new FakeOfficeError('InvalidArgument', 'not a single cell');
    return { sheet, a1: cellAddress(r.top, r.left) };
  }
  let name = where.slice(0, bang);
  if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  const s = context.model.sheets.find((x) => x.name === name) ?? itemNotFound(`sheet ${name}`);
  const r = parseLocal(where);
  return { sheet: s, a1: cellAddress(r.top, r.left) };
}

class NotesP extends ProxyBase<FakeSheet> {
  override get kind() {
    return 'NoteCollection';
  }
  getItemOrNullObject(a1: string): NoteP {
    const key = cellAddress(parseA1(a1).row, parseA1(a1).col);
    return new NoteP(this.context, () => {
      const s = this.resolve();
      return s && s.notes.has(key) ? { sheet: s, a1: key } : null;
    }, true);
  }
  getItem(a1: string): NoteP {
    const key = cellAddress(parseA1(a1).row, parseA1(a1).col);
    return new NoteP(this.context, () => {
      const s = this.resolve();
      return s && s.notes.has(key) ? { sheet: s, a1: key } : itemNotFound(`note ${a1}`);
    });
  }
  add(cell: unknown, content: string): void {
    this.change('add()', 80 + Buffer.byteLength(content), (s) => {
      const { sheet, a1 } = singleCell(this.context, cell, s, false);
      if (sheet !== s) throw new FakeOfficeError('InvalidArgument', 'cell on another sheet');
      if (s.notes.has(a1)) throw new FakeOfficeError('InvalidArgument', `${a1} already has a note`);
      s.notes.set(a1, content);
    });
  }
}

class NoteP extends ProxyBase<{ sheet: FakeSheet; a1: string }> {
  override get kind() {
    return 'Note';
  }
  get content(): string {
    return this.prop('content');
  }
  set content(v: string) {
    this.change('content=', 40 + Buffer.byteLength(v), (t) => {
      if (!t.sheet.notes.has(t.a1)) itemNotFound(`note ${t.a1}`);
      t.sheet.notes.set(t.a1, v);
    });
  }
  delete(): void {
    this.change('delete()', 40, (t) => {
      if (!t.sheet.notes.has(t.a1)) itemNotFound(`note ${t.a1}`);
      t.sheet.notes.delete(t.a1);
    });
  }
  protected override scalar(t: { sheet: FakeSheet; a1: string }, name: string): unknown {
    if (name === 'content') return t.sheet.notes.get(t.a1);
    return super.scalar(t, name);
  }
}

class CommentsP extends ProxyBase<FakeWorkbook> {
  private loadedItems: CommentP[] | undefined;
  override get kind() {
    return 'CommentCollection';
  }
  get items(): CommentP[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  override load(spec?: string | string[]): this {
    loadItems(
      this,
      spec,
      () => this.resolve()!.comments.map((c) => new CommentP(this.context, () => this.context.model.comments.find((x) => x === c) ?? null)),
      (items) => (this.loadedItems = items),
    );
    return this;
  }
  add(cell: unknown, content: string): void {
    this.change('add()', 80 + Buffer.byteLength(content), (w) => {
      const { sheet, a1 } = singleCell(this.context, cell, null, true);
      if (w.comments.some((c) => c.sheet === sheet.name && c.cell === a1)) throw new FakeOfficeError('InvalidArgument', `${a1} already has a comment`);
      w.comments.push({ id: `c${w.nextCommentId++}`, sheet: sheet.name, cell: a1, content, author: 'me@example.com' });
    });
  }
  getItemOrNullObject(id: string): CommentP {
    return new CommentP(this.context, () => this.resolve()!.comments.find((c) => c.id === id) ?? null, true);
  }
}

class CommentP extends ProxyBase<FakeComment> {
  override get kind() {
    return 'Comment';
  }
  get id(): string {
    return this.prop('id');
  }
  get content(): string {
    return this.prop('content');
  }
  set content(v: string) {
    this.change('content=', 40 + Buffer.byteLength(v), (c) => void (c.content = v));
  }
  delete(): void {
    this.change('delete()', 40, (c) => {
      const w = this.context.model;
      w.comments = w.comments.filter((x) => x !== c);
    });
  }
  getLocation(): RangeP {
    return new RangeP(this.context, () => {
      const c = this.resolve();
      if (!c) return null;
      const { row, col } = parseA1(c.cell);
      return { sheet: this.context.model.sheet(c.sheet), areas: [{ top: row, left: col, bottom: row, right: col }] };
    });
  }
  protected override scalar(c: FakeComment, name: string): unknown {
    if (name === 'id') return c.id;
    if (name === 'content') return c.content;
    return super.scalar(c, name);
  }
}

class SettingsP extends ProxyBase<FakeWorkbook> {
  private loadedItems: SettingP[] | undefined;
  override get kind() {
    return 'SettingCollection';
  }
  get items(): SettingP[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  override load(spec?: string | string[]): this {
    loadItems(
      this,
      spec,
      () => [...this.resolve()!.settings.keys()].map((k) => new SettingP(this.context, () => (this.context.model.settings.has(k) ? k : null))),
      (items) => (this.loadedItems = items),
    );
    return this;
  }
  add(key: string, value: unknown): void {
    this.change('add()', 40 + jsonBytes(value), (w) => void w.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown));
  }
  getItem(key: string): SettingP {
    return new SettingP(this.context, () => (this.resolve()!.settings.has(key) ? key : itemNotFound(`setting ${key}`)));
  }
  getItemOrNullObject(key: string): SettingP {
    return new SettingP(this.context, () => (this.resolve()!.settings.has(key) ? key : null), true);
  }
}

class SettingP extends ProxyBase<string> {
  override get kind() {
    return 'Setting';
  }
  get key(): string {
    return this.prop('key');
  }
  get value(): unknown {
    return this.prop('value');
  }
  delete(): void {
    this.change('delete()', 40, (k) => void this.context.model.settings.delete(k));
  }
  protected override scalar(k: string, name: string): unknown {
    if (name === 'key') return k;
    if (name === 'value') return JSON.parse(JSON.stringify(this.context.model.settings.get(k))) as unknown;
    return super.scalar(k, name);
  }
}

// ------------------------------------------------------------------------------------ Excel.run

export interface RunRecord {
  readonly options: unknown;
  readonly context: FakeContext;
}

/** Installs a global `Excel.run` over the model; every run gets a fresh context. */
export function installExcel(model: FakeWorkbook, opts: FakeOptions = {}): { runs: RunRecord[]; uninstall: () => void } {
  const runs: RunRecord[] = [];
  const g = globalThis as Record<string, unknown>;
  const previous = g.Excel;
  g.Excel = {
    run: async (a: unknown, b?: unknown) => {
      const batch = (typeof a === 'function' ? a : b) as (ctx: Excel.RequestContext) => Promise<unknown>;
      const options = typeof a === 'function' ? undefined : a;
      const undoGroup = (options as { mergeUndoGroup?: boolean } | undefined)?.mergeUndoGroup === true;
      const context = new FakeContext(model, { ...opts, undoGroup });
      runs.push({ options, context });
      return batch(context.asExcel);
    },
  };
  return {
    runs,
    uninstall: () => {
      if (previous === undefined) delete g.Excel;
      else g.Excel = previous;
    },
  };
}

export { colToLetters };
