// The user's own form template (`forms fill --template`): a sheet holding the form's labels, found by
// the parser's label words wherever they sit. A label's value cell is the cell right of it (after its
// merge area) or, where there is no room (another label there, the edge of the form, or the label
// one of a row of labels side by side), the cell below it. The mapping is then proved by the parser
// itself: the template is filled with probe values and parsed, and only the cells the parser reads
// back as their field are kept. Each project is written into a copy of the template: its values into
// those cells, its indicator rows into the template's indicator block, rows inserted where the block
// is too short. Pure: a snapshot in, cell writes and merges out; copying the template's formatting
// is the host's job (src/xlsx/template-copy.ts).
import Decimal from 'decimal.js';
import type { Message } from '../findings';
import { recognizeWorkbook } from '../recognize';
import { cellText } from '../workbook/sheet';
import type { Cell, CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/types';
import type { FilledForm } from './fill';
import type { LibraryIndicator } from './library';
import { SPLIT_LINES, type CellRef, type FundLine, type TextBlockKey } from './model';
import { formLabelOf, parseForm, type FormLabel } from './parse';
import { BLOCK_END } from './vocabulary';

type HeaderKey = 'department' | 'implementer' | 'kind' | 'years';
type Side = 'period' | 'annual';
type AnyLine = FundLine | 'fiscal';
type IndicatorRole = 'level1' | 'level2' | 'level3' | 'value';
const ROLES: readonly IndicatorRole[] = ['level1', 'level2', 'level3', 'value'];

export interface ColumnSpan {
  readonly left: number;
  readonly right: number;
}

export interface TemplateIndicatorBlock {
  readonly headerRow: number;
  /** The columns each header word spans (its merge area). */
  readonly columns: Readonly<Record<IndicatorRole, ColumnSpan>>;
  /** Other header columns (分值, 指标解释 …): left empty, kept in the layout. */
  readonly extras: readonly ColumnSpan[];
  /** The block's columns, from its first header word to its last. */
  readonly left: number;
  readonly right: number;
  /** The template's indicator rows; lastRow < firstRow when the header is the block's last row. */
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface FormTemplate {
  readonly sheet: string;
  /** The extent copied for each form. */
  readonly rowCount: number;
  readonly colCount: number;
  readonly unit: '元' | '万元';
  readonly name: CellRef;
  readonly fields: Readonly<Partial<Record<HeaderKey, CellRef>>>;
  readonly texts: Readonly<Partial<Record<TextBlockKey, CellRef>>>;
  readonly funds: Readonly<Record<Side, Readonly<Partial<Record<AnyLine, CellRef>>>>>;
  readonly indicators: TemplateIndicatorBlock;
}

export type TemplateResult =
  | { readonly ok: true; readonly template: FormTemplate }
  | { readonly ok: false; readonly sheet?: string; readonly missing: readonly string[] };

export interface TemplateOptions {
  /**
   * The extent of each sheet as the host sees it, formatted empty cells included (a snapshot only
   * holds cells with values, so a template's empty bordered rows are invisible to it).
   */
  readonly extents?: Readonly<Record<string, { readonly rowCount: number; readonly colCount: number }>>;
}

/** A cell the plan writes, in the copy's coordinates. `null` clears it. */
export interface PlannedCell {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue | null;
  /** A number format for an amount, for the host to use where the template's cell has none. */
  readonly numFmt?: string;
}

/** One form written into a copy of the template. */
export interface TemplatePlan {
  /** Rows inserted after template row `after`, each formatted like template row `styleFrom`. */
  readonly insert?: { readonly after: number; readonly count: number; readonly styleFrom: number };
  /** All merges of the copy (the template's, moved, and the indicator spans). */
  readonly merges: readonly CellRange[];
  readonly cells: readonly PlannedCell[];
  readonly rowCount: number;
  readonly colCount: number;
}

/** Where template row `r` lands in the copy. */
export function copyRow(plan: Pick<TemplatePlan, 'insert'>, r: number): number {
  return plan.insert && r > plan.insert.after ? r + plan.insert.count : r;
}

/** The labels the fill cannot do without, as the template should write them. */
export const REQUIRED_LABELS = { name: '项目名称', annual: '年度资金总额', level1: '一级指标', level2: '二级指标', level3: '三级指标', value: '指标值' } as const;

// ---- finding the labels ----------------------------------------------------------------------

interface Found {
  readonly row: number;
  readonly col: number;
  readonly label: FormLabel;
  readonly area: CellRange;
}

const key = (r: number, c: number) => `${r}:${c}`;

function areaOf(merges: readonly CellRange[], row: number, col: number): CellRange {
  return merges.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right) ?? { top: row, left: col, bottom: row, right: col };
}

function cellsOf(sheet: SheetSnapshot): Cell[] {
  const out: Cell[] = [];
  for (const row of sheet.rows) for (const c of row ?? []) if (c && cellText(c).trim() !== '') out.push(c);
  return out;
}

const VALUE_KINDS = new Set(['name', 'field', 'text', 'fund']);

/** Every label of the sheet; funds lines only between the first 资金总额 and the next non-funds label row. */
function labelsOf(sheet: SheetSnapshot): Found[] {
  const cells = cellsOf(sheet);
  const rough = cells.map((c) => ({ c, l: formLabelOf(cellText(c), false) }));
  const fundsTop = Math.min(...rough.filter((x) => x.l?.kind === 'fund').map((x) => x.c.row));
  const ends = rough.filter((x) => x.c.row > fundsTop && x.l && ['name', 'field', 'text', 'indicator-header'].includes(x.l.kind)).map((x) => x.c.row);
  const fundsEnd = ends.length ? Math.min(...ends) : Infinity;
  const out: Found[] = [];
  for (const c of cells) {
    const inFunds = c.row >= fundsTop && c.row < fundsEnd;
    const l = formLabelOf(cellText(c), inFunds);
    if (l) out.push({ row: c.row, col: c.col, label: l, area: areaOf(sheet.merges, c.row, c.col) });
  }
  return out;
}

interface Slot {
  readonly label: Found;
  readonly cell: CellRef;
}

/** The value cell of each value label: right of it, else below it. */
function slotsOf(sheet: SheetSnapshot, labels: readonly Found[], rowCount: number, colCount: number): Slot[] {
  const at = new Map<string, Found>();
  for (const l of labels) for (let r = l.area.top; r <= l.area.bottom; r++) for (let c = l.area.left; c <= l.area.right; c++) at.set(key(r, c), l);
  const isValueLabel = (l: Found | undefined) => l !== undefined && VALUE_KINDS.has(l.label.kind);
  /** The top-left of a free cell's area, if the cell is that top-left. */
  const free = (r: number, c: number): CellRef | undefined => {
    if (r >= rowCount || c >= colCount || at.has(key(r, c))) return undefined;
    const a = areaOf(sheet.merges, r, c);
    return a.top === r && a.left === c ? { row: r, col: c } : undefined;
  };
  const out: Slot[] = [];
  for (const l of labels) {
    if (!isValueLabel(l)) continue;
    const { area } = l;
    // A row of labels side by side, nothing between them: their values go below.
    const inRun = isValueLabel(at.get(key(l.row, area.right + 1))) || (area.left > 0 && isValueLabel(at.get(key(l.row, area.left - 1))));
    const right = free(l.row, area.right + 1);
    const below = free(area.bottom + 1, area.left);
    const cell = inRun ? below ?? right : right ?? below;
    if (cell) out.push({ label: l, cell });
  }
  return out;
}

function indicatorBlockOf(sheet: SheetSnapshot, labels: readonly Found[], rowCount: number): { block?: TemplateIndicatorBlock; missing: string[] } {
  const headers = labels.filter((l) => l.label.kind === 'indicator-header');
  // The header row: the row with the most indicator header words.
  const byRow = new Map<number, Found[]>();
  for (const h of headers) byRow.set(h.row, [...(byRow.get(h.row) ?? []), h]);
  const row = [...byRow.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0];
  const spans: Partial<Record<IndicatorRole, ColumnSpan>> = {};
  const extras: ColumnSpan[] = [];
  for (const h of row?.[1] ?? []) {
    if (h.label.kind !== 'indicator-header') continue;
    const span = { left: h.area.left, right: h.area.right };
    const role = h.label.role;
    if ((ROLES as readonly string[]).includes(role)) spans[role as IndicatorRole] ??= span;
    else extras.push(span);
  }
  const missing = ROLES.filter((r) => !spans[r]).map((r) => REQUIRED_LABELS[r]);
  if (!row || missing.length) return { missing };
  const all = [...ROLES.map((r) => spans[r]!), ...extras];
  const headerRow = row[0];
  const firstRow = Math.max(...(row[1].map((h) => h.area.bottom) ?? [headerRow])) + 1;
  const valueLabelRows = new Set(labels.filter((l) => VALUE_KINDS.has(l.label.kind) && l.row >= firstRow).map((l) => l.row));
  let lastRow = rowCount - 1;
  for (let r = firstRow; r < rowCount; r++) {
    const first = (sheet.rows[r] ?? []).find((c) => c && cellText(c).trim() !== '');
    if (valueLabelRows.has(r) || (first && BLOCK_END.test(cellText(first).trim()))) {
      lastRow = r - 1;
      break;
    }
  }
  return {
    block: {
      headerRow,
      columns: spans as Record<IndicatorRole, ColumnSpan>,
      extras,
      left: Math.min(...all.map((s) => s.left)),
      right: Math.max(...all.map((s) => s.right)),
      firstRow,
      lastRow,
    },
    missing: [],
  };
}

// ---- planning one copy -----------------------------------------------------------------------

interface Geometry {
  readonly sheet: SheetSnapshot;
  readonly rowCount: number;
  readonly colCount: number;
  readonly indicators: TemplateIndicatorBlock;
}

const text = (value: string): CellValue => ({ kind: 'text', value });

/** A copy of the template with `writes` (template coordinates) and `indicators` in its block. */
function plan(g: Geometry, writes: readonly PlannedCell[], indicators: readonly LibraryIndicator[]): TemplatePlan {
  const b = g.indicators;
  const have = Math.max(0, b.lastRow - b.firstRow + 1);
  const count = Math.max(0, indicators.length - have);
  const after = have ? b.lastRow : b.firstRow - 1;
  const insert = count ? { after, count, styleFrom: after } : undefined;
  const at = (r: number) => copyRow({ ...(insert ? { insert } : {}) }, r);
  const end = b.firstRow + Math.max(have, indicators.length) - 1; // last indicator row of the copy
  const inBlockCols = (m: CellRange) => m.right >= b.left && m.left <= b.right;
  const inData = (r0: number, r1: number) => have > 0 && r1 >= b.firstRow && r0 <= b.lastRow;

  const merges: CellRange[] = [];
  // The block heading left of the header (绩效指标), if any: it spans the whole block.
  const heading = g.sheet.merges.find((m) => m.right < b.left && m.top <= b.headerRow && m.bottom >= b.headerRow);
  for (const m of g.sheet.merges) {
    if (inData(m.top, m.bottom) && inBlockCols(m)) continue; // the template's own indicator rows
    if (m === heading) {
      merges.push({ ...m, top: at(m.top), bottom: Math.max(at(m.bottom), end) });
      continue;
    }
    merges.push({ ...m, top: at(m.top), bottom: at(m.bottom) });
  }
  const cells: PlannedCell[] = [];
  // Clear the template's indicator rows.
  if (have)
    for (let r = b.firstRow; r <= b.lastRow; r++)
      for (const c of g.sheet.rows[r] ?? []) if (c && c.col >= b.left && c.col <= b.right) cells.push({ row: r, col: c.col, value: null });
  for (const w of writes) cells.push({ ...w, row: at(w.row) });

  // The indicator rows: 一级 and 二级 written once and merged down, as in the standard layout.
  const spanMerge = (top: number, bottom: number, s: ColumnSpan) => {
    if (bottom > top || s.right > s.left) merges.push({ top, left: s.left, bottom, right: s.right });
  };
  const c = b.columns;
  let l1Start = b.firstRow;
  let l2Start = b.firstRow;
  indicators.forEach((ind, i) => {
    const r = b.firstRow + i;
    const prev = indicators[i - 1];
    const newL1 = !prev || prev.level1 !== ind.level1;
    const newL2 = newL1 || prev.level2 !== ind.level2;
    if (newL1) {
      if (prev) spanMerge(l1Start, r - 1, c.level1);
      l1Start = r;
      cells.push({ row: r, col: c.level1.left, value: text(ind.level1) });
    }
    if (newL2) {
      if (prev) spanMerge(l2Start, r - 1, c.level2);
      l2Start = r;
      cells.push({ row: r, col: c.level2.left, value: text(ind.level2) });
    }
    cells.push({ row: r, col: c.level3.left, value: text(ind.name) }, { row: r, col: c.value.left, value: text(ind.value) });
  });
  const last = b.firstRow + indicators.length - 1;
  if (indicators.length) {
    spanMerge(l1Start, last, c.level1);
    spanMerge(l2Start, last, c.level2);
  }
  // Wide columns (三级指标 over two cells, say) stay wide on every row of the block.
  for (let r = b.firstRow; r <= end; r++) {
    if (r > last || !indicators.length) {
      spanMerge(r, r, c.level1);
      spanMerge(r, r, c.level2);
    }
    spanMerge(r, r, c.level3);
    spanMerge(r, r, c.value);
    for (const x of b.extras) spanMerge(r, r, x);
  }
  return { ...(insert ? { insert } : {}), merges, cells, rowCount: g.rowCount + count, colCount: g.colCount };
}

/** The copy as a snapshot (for the probe, and for hosts and tests that want the values only). */
export function planSnapshot(template: SheetSnapshot, p: TemplatePlan, name = template.name): SheetSnapshot {
  const rows: (Cell | undefined)[][] = [];
  const put = (row: number, col: number, cell: Omit<Cell, 'row' | 'col'> | undefined) => {
    if (cell) (rows[row] ??= [])[col] = { ...cell, row, col };
    else if (rows[row]) rows[row][col] = undefined;
  };
  for (const row of template.rows) for (const c of row ?? []) if (c) put(copyRow(p, c.row), c.col, c);
  for (const w of p.cells) put(w.row, w.col, w.value === null ? undefined : { value: w.value, ...(w.numFmt ? { numFmt: w.numFmt } : {}) });
  // A merged slave holds nothing.
  for (const m of p.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && rows[r]) rows[r][c] = undefined;
  return {
    name,
    rowCount: p.rowCount,
    colCount: p.colCount,
    rows,
    merges: p.merges,
    hiddenRows: new Set([...template.hiddenRows].map((r) => copyRow(p, r))),
    hiddenCols: template.hiddenCols,
    visibility: 'visible',
    protected: false,
  };
}

// ---- the probe ---------------------------------------------------------------------------------

const PROBE_NAME = '模板探测项目';
const PROBE_TEXT: Record<HeaderKey, string> = { department: '000-探测主管部门', implementer: '探测实施单位', kind: '经常性项目（长期开展）', years: '3年' };
const PROBE_INDICATORS: readonly LibraryIndicator[] = [
  { level1: '产出指标', level2: '数量指标', name: '探测指标甲', value: '≥1个' },
  { level1: '效益指标', level2: '社会效益指标', name: '探测指标乙', value: '提升' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '探测指标丙', value: '≥90%' },
];

/** Reads a template workbook: the sheet with the form's labels and where each value goes. */
export function readTemplate(wb: WorkbookSnapshot, opts: TemplateOptions = {}): TemplateResult {
  let best: { sheet: SheetSnapshot; labels: Found[] } | undefined;
  for (const sheet of wb.sheets) {
    const labels = labelsOf(sheet);
    const score = labels.filter((l) => l.label.kind !== 'level').length;
    if (score && (!best || score > best.labels.length)) best = { sheet, labels };
  }
  if (!best) return { ok: false, missing: Object.values(REQUIRED_LABELS) };
  const { sheet, labels } = best;
  const ext = opts.extents?.[sheet.name];
  const rowCount = Math.max(sheet.rowCount, ext?.rowCount ?? 0);
  const colCount = Math.max(sheet.colCount, ext?.colCount ?? 0);
  const { block, missing } = indicatorBlockOf(sheet, labels, rowCount);
  const slots = slotsOf(sheet, labels, rowCount, colCount);
  if (!block) {
    const annual = slots.some((s) => s.label.label.kind === 'fund' && s.label.label.line === 'total' && s.label.label.side !== 'period');
    const more = [
      ...(slots.some((s) => s.label.label.kind === 'name') ? [] : [REQUIRED_LABELS.name]),
      ...(annual ? [] : [REQUIRED_LABELS.annual]),
      ...missing,
    ];
    return { ok: false, sheet: sheet.name, missing: more };
  }
  const g: Geometry = { sheet, rowCount, colCount, indicators: block };

  // Probe: every slot gets a value of its kind (amounts all different), then the parser says which
  // field each cell is.
  const writes: PlannedCell[] = slots.map((s, i) => {
    const l = s.label.label;
    const value: CellValue =
      l.kind === 'name' ? text(PROBE_NAME) : l.kind === 'field' ? text(PROBE_TEXT[l.key]) : l.kind === 'text' ? text(`探测文字${i}`) : { kind: 'number', value: 1000 + i };
    return { ...s.cell, value };
  });
  const p = plan(g, writes, PROBE_INDICATORS);
  const snap = planSnapshot(sheet, p);
  const moved = (c: CellRef) => ({ row: copyRow(p, c.row), col: c.col });
  const same = (a: CellRef | undefined, b: CellRef) => a !== undefined && a.row === b.row && a.col === b.col;
  const rec = recognizeWorkbook({ source: 'template', sheets: [snap] });
  const nameSlot = slots.find((s) => s.label.label.kind === 'name');
  const forms = rec.forms.map((f) => parseForm(snap, f));
  const form = forms.find((f) => f.header.name === PROBE_NAME) ?? forms[0];
  const back = (c: CellRef | undefined) => (c ? slots.find((s) => same(c, moved(s.cell)))?.cell : undefined);

  const fields: Partial<Record<HeaderKey, CellRef>> = {};
  const texts: Partial<Record<TextBlockKey, CellRef>> = {};
  const funds: Record<Side, Partial<Record<AnyLine, CellRef>>> = { period: {}, annual: {} };
  let name: CellRef | undefined;
  if (form) {
    if (nameSlot && form.header.name === PROBE_NAME && same(form.header.nameCell, moved(nameSlot.cell))) name = nameSlot.cell;
    for (const k of ['department', 'implementer', 'kind', 'years'] as const) {
      const f = form.header[k === 'kind' ? 'kindText' : k];
      const s = back(f?.cell);
      if (s && f?.text === PROBE_TEXT[k]) fields[k] = s;
    }
    for (const [k, f] of Object.entries(form.texts) as [TextBlockKey, { cell: CellRef }][]) {
      const s = back(f.cell);
      if (s) texts[k] = s;
    }
    for (const side of ['period', 'annual'] as const) {
      const col = form.funds[side];
      for (const line of ['total', ...SPLIT_LINES] as const) {
        const a = col.lines[line];
        const s = a && !a.derived ? back(a.cell) : undefined;
        if (s) funds[side][line] = s;
      }
      const s = col.fiscal ? back(col.fiscal.cell) : undefined;
      if (s) funds[side].fiscal = s;
    }
  }
  const indicatorsBack = form?.indicators.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}/${i.value.text}`) ?? [];
  const probeBack = ['output/quantity/探测指标甲/≥1个', 'benefit/social/探测指标乙/提升', 'satisfaction/service-satisfaction/探测指标丙/≥90%'];
  const lost = [
    ...(name ? [] : [REQUIRED_LABELS.name]),
    ...(funds.annual.total ? [] : [REQUIRED_LABELS.annual]),
    ...(indicatorsBack.join('|') === probeBack.join('|') ? [] : [REQUIRED_LABELS.level1, REQUIRED_LABELS.level2, REQUIRED_LABELS.level3, REQUIRED_LABELS.value]),
  ];
  if (!name || lost.length) return { ok: false, sheet: sheet.name, missing: lost };
  return { ok: true, template: { sheet: sheet.name, rowCount, colCount, unit: form!.funds.unit, name, fields, texts, funds, indicators: block } };
}

// ---- filling ---------------------------------------------------------------------------------

const FUND_LABEL_ZH: Record<AnyLine, string> = {
  total: '资金总额',
  central: '中央财政资金',
  provincial: '省级财政资金',
  local: '市县（区）财政资金',
  self: '单位自筹',
  other: '其他资金',
  fiscal: '财政拨款',
};
const FUND_LABEL_EN: Record<AnyLine, string> = {
  total: 'total',
  central: 'central funds',
  provincial: 'provincial funds',
  local: 'city/county funds',
  self: "unit's own funds",
  other: 'other funds',
  fiscal: 'fiscal funds (财政拨款)',
};
const SIDE_ZH: Record<Side, string> = { period: '实施期', annual: '年度' };
const SIDE_EN: Record<Side, string> = { period: 'project-period', annual: 'annual' };

function fiscalOf(col: Readonly<Record<FundLine, Decimal>>): Decimal {
  return col.central.plus(col.provincial).plus(col.local);
}

/**
 * What a form holds that the template has no cell for (an amount on a line the template lacks),
 * each as a message: such a form would not add up, so it is not written.
 */
export function templateProblems(t: FormTemplate, f: FilledForm): Message[] {
  const out: Message[] = [];
  const hasPeriod = Object.keys(t.funds.period).length > 0;
  for (const side of ['annual', 'period'] as const) {
    if (side === 'period' && !hasPeriod) continue;
    const slots = t.funds[side];
    const col = side === 'period' ? f.period : f.annual;
    for (const line of ['total', ...SPLIT_LINES] as const) {
      if (slots[line] || col[line].isZero()) continue;
      if ((line === 'central' || line === 'provincial' || line === 'local') && slots.fiscal) continue;
      out.push({
        zh: `《${f.name}》的${SIDE_ZH[side]}${FUND_LABEL_ZH[line]} ${col[line].toFixed()} 元在模板中没有对应的栏目`,
        en: `"${f.name}": the template has no cell for its ${SIDE_EN[side]} ${FUND_LABEL_EN[line]} (${col[line].toFixed()} 元)`,
      });
    }
  }
  return out;
}

/** One form written into a copy of the template. */
export function templatePlan(t: FormTemplate, f: FilledForm, templateSheet: SheetSnapshot): TemplatePlan {
  const writes: PlannedCell[] = [];
  const put = (c: CellRef | undefined, value: CellValue, numFmt?: string) => {
    if (c) writes.push({ row: c.row, col: c.col, value, ...(numFmt ? { numFmt } : {}) });
  };
  put(t.name, text(f.name));
  put(t.fields.department, text(f.department));
  put(t.fields.implementer, text(f.implementer));
  put(t.fields.kind, text(f.kindText));
  put(t.fields.years, text(`${f.years}年`));
  for (const [k, c] of Object.entries(t.texts) as [TextBlockKey, CellRef][]) put(c, text(f.texts[k]));
  const factor = t.unit === '万元' ? new Decimal(10000) : new Decimal(1);
  const fmt = t.unit === '万元' ? '#,##0.00####' : '#,##0.00';
  for (const side of ['period', 'annual'] as const) {
    const col = side === 'period' ? f.period : f.annual;
    for (const [line, c] of Object.entries(t.funds[side]) as [AnyLine, CellRef][]) {
      const yuan = line === 'fiscal' ? fiscalOf(col) : col[line];
      put(c, { kind: 'number', value: yuan.div(factor).toNumber() }, fmt);
    }
  }
  return plan({ sheet: templateSheet, rowCount: t.rowCount, colCount: t.colCount, indicators: t.indicators }, writes, f.indicators);
}

/** The template's sheet in its workbook. */
export function templateSheetOf(wb: WorkbookSnapshot, t: FormTemplate): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === t.sheet);
  if (!s) throw new Error(`no sheet ${t.sheet}`);
  return s;
}

/** Copies stacked on one sheet, `gap` blank rows apart: the first row of each. */
export function stackOffsets(plans: readonly TemplatePlan[], gap = 1): number[] {
  const out: number[] = [];
  let r = 0;
  for (const p of plans) {
    out.push(r);
    r += p.rowCount + gap;
  }
  return out;
}
