// Reads a recognized performance-target form into its structure (model.ts), from the sheet's cells.
//
// The forms are filled by hand and often reach us through a PDF, so nothing is read by fixed
// position: a label is found by its text anywhere in its row, and its value is the text after it in
// the same cell (after ：or a space) or the next non-empty cell(s) to the right. The indicator level
// is told by the label's words (产出指标 is 一级, 数量指标 is 二级), not by its column, and a 一级/二级
// label carries down until another replaces it.
import Decimal from 'decimal.js';
import { halfUnit, isAmount, parseAmount } from '../money';
import type { RecognizedForm, Recognition } from '../recognize/model';
import { norm } from '../recognize/text';
import { cellText } from '../workbook/sheet';
import type { Cell, CellRange, SheetSnapshot, WorkbookSnapshot } from '../workbook/types';
import {
  SPLIT_LINES,
  type AmountField,
  type CellRef,
  type FormFunds,
  type FormHeader,
  type FundLine,
  type FundsColumn,
  type Indicator,
  type IndicatorBlock,
  type IndicatorValue,
  type Level1,
  type Level1Group,
  type Level2,
  type Level2Group,
  type PerformanceForm,
  type TextBlockKey,
  type TextField,
} from './model';
import { findPlaceholders, parseIndicatorValue, valueOfCell } from './values';
import {
  BLOCK_END,
  CONTAINER_LABELS,
  FISCAL_LINE,
  FUND_LINES,
  FUNDS_LABEL,
  HEADER_FIELDS,
  INDICATOR_HEADER,
  LABEL_TAILS,
  LEVEL1_LABELS,
  LEVEL2_LABELS,
  NAME_LABELS,
  PROJECT_KINDS,
  PROSE_PLACEHOLDERS,
  TEXT_BLOCKS,
  type IndicatorColumnRole,
} from './vocabulary';

interface Token {
  readonly row: number;
  readonly col: number;
  /** Displayed text, trimmed. */
  readonly raw: string;
  /** Normalized for comparison: no spaces, half-width, a trailing colon dropped. */
  readonly n: string;
  readonly cell: Cell;
}

function normLabel(s: string): string {
  return norm(s).replace(/[:：]+$/, '');
}

function tokensOf(sheet: SheetSnapshot, row: number, left: number, right: number): Token[] {
  const cells = sheet.rows[row];
  const out: Token[] = [];
  if (!cells) return out;
  for (let c = left; c <= Math.min(right, cells.length - 1); c++) {
    const cell = cells[c];
    if (!cell) continue;
    const raw = cellText(cell).trim();
    if (raw === '') continue;
    out.push({ row, col: c, raw, n: normLabel(raw), cell });
  }
  return out;
}

const ref = (t: { row: number; col: number }): CellRef => ({ row: t.row, col: t.col });

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const labelRes = new Map<string, RegExp>();
/** `项目期` → /^项\s*目\s*期\s*([:：]\s*)?/ (spaces allowed between characters, full-width brackets too). */
function labelRe(label: string): RegExp {
  let re = labelRes.get(label);
  if (!re) {
    const body = [...label]
      .map((ch) => (ch === '(' || ch === '（' ? '[(（]' : ch === ')' || ch === '）' ? '[)）]' : escapeRe(ch)))
      .join('\\s*');
    re = new RegExp(`^\\s*${body}\\s*([:：]\\s*)?`);
    labelRes.set(label, re);
  }
  return re;
}

/** A cell starting with one of the labels: the label and the text after it (inline value). */
function matchLabel(raw: string, labels: readonly string[]): { label: string; rest: string } | undefined {
  for (const label of labels) {
    const m = labelRe(label).exec(raw);
    if (!m) continue;
    const rest = raw.slice(m[0].length).trim();
    const separated = m[1] !== undefined || /\s$/.test(m[0]) || rest === '' || /^\d/.test(rest);
    if (separated) return { label, rest };
  }
  return undefined;
}

function stripHtml(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

const TEXT_LABELS = new Map<string, TextBlockKey>();
for (const b of TEXT_BLOCKS) for (const l of b.labels) TEXT_LABELS.set(normLabel(l), b.key);
const HEADER_WORDS = new Map<string, IndicatorColumnRole>();
for (const h of INDICATOR_HEADER) for (const l of h.labels) HEADER_WORDS.set(normLabel(l), h.role);
const LEVEL1_BY_ALIAS = new Map<string, Level1>();
for (const l of LEVEL1_LABELS) for (const a of l.aliases) LEVEL1_BY_ALIAS.set(normLabel(a), l.key);
const LEVEL2_BY_ALIAS = new Map<string, Level2>();
for (const l of LEVEL2_LABELS) for (const a of l.aliases) LEVEL2_BY_ALIAS.set(normLabel(a), l.key);
const CONTAINERS = new Set(CONTAINER_LABELS.map(normLabel));
const ALL_HEADER_LABELS = [...NAME_LABELS, ...HEADER_FIELDS.flatMap((f) => f.labels)];

export function level1Label(k: Level1): string {
  return LEVEL1_LABELS.find((l) => l.key === k)!.label;
}

export function level2Label(k: Level2): string {
  return LEVEL2_LABELS.find((l) => l.key === k)!.label;
}

export function level2Parent(k: Level2): Level1 {
  return LEVEL2_LABELS.find((l) => l.key === k)!.parent;
}

function isFieldOrBlockLabel(t: Token): boolean {
  return (
    matchLabel(t.raw, ALL_HEADER_LABELS) !== undefined ||
    TEXT_LABELS.has(t.n) ||
    CONTAINERS.has(t.n) ||
    FUNDS_LABEL.test(t.n) ||
    HEADER_WORDS.has(t.n)
  );
}

/** Any label of the form's head: a field, block, funds or indicator-header label. */
function isAnyLabel(t: Token): boolean {
  return isFieldOrBlockLabel(t) || fundLabelOf(t) !== undefined || LEVEL1_BY_ALIAS.has(t.n) || LEVEL2_BY_ALIAS.has(t.n);
}

/** What a cell's text labels, as the parser reads it (a label alone in its cell, no value inline). */
export type FormLabel =
  | { readonly kind: 'name' }
  | { readonly kind: 'field'; readonly key: 'department' | 'implementer' | 'kind' | 'years' }
  | { readonly kind: 'text'; readonly key: TextBlockKey }
  | { readonly kind: 'fund'; readonly line: FundLine | 'fiscal'; readonly side?: 'period' | 'annual' }
  /** 项目资金（元）, 年度目标, 绩效指标: heads a group, holds no value. */
  | { readonly kind: 'heading' }
  | { readonly kind: 'indicator-header'; readonly role: IndicatorColumnRole }
  | { readonly kind: 'level' };

/**
 * Classifies a cell's text. Funds lines (中央, 其他 …) are only labels inside the funds block, so
 * `inFunds` says whether the cell sits there.
 */
export function formLabelOf(raw: string, inFunds = true): FormLabel | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const n = normLabel(text);
  if (matchLabel(text, NAME_LABELS)?.rest === '') return { kind: 'name' };
  for (const f of HEADER_FIELDS) if (matchLabel(text, f.labels)?.rest === '') return { kind: 'field', key: f.key };
  const block = TEXT_LABELS.get(n);
  if (block) return { kind: 'text', key: block };
  if (FUNDS_LABEL.test(n) || CONTAINERS.has(n)) return { kind: 'heading' };
  const role = HEADER_WORDS.get(n);
  if (role === 'block') return { kind: 'heading' };
  if (role) return { kind: 'indicator-header', role };
  if (LEVEL1_BY_ALIAS.has(n) || LEVEL2_BY_ALIAS.has(n)) return { kind: 'level' };
  if (inFunds || /资金总额/.test(n)) {
    const l = fundLabelOf({ row: 0, col: 0, raw: text, n, cell: { row: 0, col: 0, value: { kind: 'text', value: text } } });
    if (l) return { kind: 'fund', line: l.line, ...(l.side ? { side: l.side } : {}) };
  }
  return undefined;
}

// ---- header fields ---------------------------------------------------------------------------

/** The label's merge area, or its own cell. */
function areaOf(merges: readonly CellRange[], row: number, col: number): CellRange {
  return merges.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right) ?? { top: row, left: col, bottom: row, right: col };
}

/**
 * The value written below a label (a template with its labels in one row and the values in the
 * next): the cell right under the label's area, unless it is a label itself or the value of a label
 * to its left.
 */
function belowToken(rows: readonly Token[][], r: number, label: Token, isLabel: (t: Token) => boolean, merges: readonly CellRange[]): Token | undefined {
  const area = areaOf(merges, label.row, label.col);
  const toks = rows[r + (area.bottom - label.row) + 1];
  if (!toks) return undefined;
  const i = toks.findIndex((x) => x.col === area.left);
  if (i < 0 || isLabel(toks[i])) return undefined;
  const prev = toks[i - 1];
  if (prev && isLabel(prev) && areaOf(merges, prev.row, prev.col).right === area.left - 1) return undefined;
  return toks[i];
}

function fieldAfter(rows: readonly Token[][], r: number, i: number, rest: string, merges: readonly CellRange[]): TextField | undefined {
  const tokens = rows[r];
  const label = tokens[i];
  if (rest !== '') return { text: rest, cell: ref(label), labelCell: ref(label) };
  const next = tokens[i + 1];
  if (next && !isFieldOrBlockLabel(next)) return { text: next.raw, cell: ref(next), labelCell: ref(label) };
  const below = belowToken(rows, r, label, isAnyLabel, merges);
  return below ? { text: below.raw, cell: ref(below), labelCell: ref(label) } : undefined;
}

function yearsOf(field: TextField, cell: Cell | undefined): number | undefined {
  if (cell && cell.value.kind === 'number' && field.cell.row === cell.row && field.cell.col === cell.col) return cell.value.value;
  const t = norm(field.text);
  const m = /^(\d+(?:\.\d+)?)(年|$)/.exec(t) ?? /(\d+(?:\.\d+)?)年/.exec(t);
  return m ? Number(m[1]) : undefined;
}

// ---- funds ---------------------------------------------------------------------------------

type Side = 'period' | 'annual';

/** A funds line, or 财政拨款 (the fiscal lines written as one). */
type AnyLine = FundLine | 'fiscal';

interface FundLabel {
  line: AnyLine;
  side?: Side;
}

function fundLabelOf(t: Token): FundLabel | undefined {
  if (t.cell.value.kind === 'number') return undefined;
  const n = t.n.replace(/^其中[:：]?/, '');
  if (FISCAL_LINE.test(n)) return { line: 'fiscal' };
  for (const f of FUND_LINES) if (f.pattern.test(n)) return { line: f.line, ...(f.side ? { side: f.side } : {}) };
  return undefined;
}

const TRAILING_NUMBER = /([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?:万元|元)?\s*$/;

interface RawAmount {
  shown: Decimal;
  decimals: number;
  text: string;
}

/** An amount in a cell: a number, amount text, a dash (zero), or text ending in a number (`财政资金 200,000`). */
function amountIn(t: Token, inlineOnly = false): RawAmount | undefined {
  if (t.cell.value.kind === 'number') {
    const p = parseAmount({ kind: 'number', value: t.cell.value.value, ...(t.cell.numFmt ? { numFmt: t.cell.numFmt } : {}) });
    return isAmount(p) ? { shown: p.value, decimals: p.decimals, text: t.raw } : undefined;
  }
  if (!inlineOnly && /^[-—–－]+$/.test(t.raw)) return { shown: new Decimal(0), decimals: 0, text: t.raw };
  const m = TRAILING_NUMBER.exec(t.raw.replace(/[０-９，．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!m) return undefined;
  const p = parseAmount(m[1]);
  return isAmount(p) ? { shown: p.value, decimals: p.decimals, text: m[1] } : undefined;
}

/**
 * The side (实施期 / 年度) of each funds label of a row. A label that names its side (实施期资金总额)
 * heads the unsided labels after it in its row; a row that repeats a line holds both columns (the
 * first is 实施期); otherwise the nearer column head decides, and where both heads share a column
 * (the two columns stacked), the last head above.
 */
function rowSides(labels: readonly (FundLabel | undefined)[], toks: readonly Token[], nearest: (col: number) => Side | undefined, lastSide: Side | undefined): Side[] {
  const idx = labels.flatMap((l, i) => (l ? [i] : []));
  const lines = idx.map((i) => labels[i]!.line);
  const repeats = new Set(lines).size < lines.length;
  const anySided = idx.some((i) => labels[i]!.side);
  let heading: Side | undefined;
  const out: Side[] = [];
  idx.forEach((i, k) => {
    const l = labels[i]!;
    if (l.side) heading = l.side;
    if (l.side) out.push(l.side);
    else if (heading) out.push(heading);
    else if (idx.length >= 2 && (repeats || !anySided)) out.push(k === 0 ? 'period' : 'annual');
    else out.push(nearest(toks[i].col) ?? lastSide ?? 'annual');
  });
  return out;
}

function fundsOf(rows: readonly Token[][], unit: '元' | '万元', merges: readonly CellRange[] = []): { period: FundsColumn; annual: FundsColumn } {
  const factor = new Decimal(unit === '万元' ? 10000 : 1);
  const cols: Record<Side, { lines: Partial<Record<AnyLine, AmountField>>; labels: Partial<Record<AnyLine, CellRef>> }> = {
    period: { lines: {}, labels: {} },
    annual: { lines: {}, labels: {} },
  };
  const sideCol: Partial<Record<Side, number>> = {};
  // Explicit column heads first, so every row can be placed against them.
  for (const toks of rows)
    for (const t of toks) {
      const l = fundLabelOf(t);
      if (l?.side && sideCol[l.side] === undefined) sideCol[l.side] = t.col;
    }
  /** The side of the nearer head; undefined when both heads share the column. */
  const nearest = (col: number): Side | undefined => {
    const p = sideCol.period;
    const a = sideCol.annual;
    if (p !== undefined && a !== undefined) {
      if (p === a) return undefined;
      const dp = Math.abs(col - p);
      const da = Math.abs(col - a);
      return da < dp ? 'annual' : dp < da ? 'period' : col >= a ? 'annual' : 'period';
    }
    return p !== undefined && a === undefined ? 'period' : 'annual';
  };
  const field = (raw: RawAmount, at: Token, label?: Token): AmountField => ({
    value: raw.shown.times(factor),
    shown: raw.shown,
    decimals: raw.decimals,
    // a zero is nothing, not a rounded figure
    tolerance: unit === '万元' && !raw.shown.isZero() ? halfUnit(Math.max(raw.decimals, 2)).times(factor) : new Decimal(0),
    text: raw.text,
    cell: ref(at),
    ...(label ? { labelCell: ref(label) } : {}),
  });
  const pending: Partial<Record<Side, { line: AnyLine; label: Token }>> = {};
  /** Cells read as a value already (a figure below its label). */
  const taken = new Set<string>();
  const key = (t: Token) => `${t.row}:${t.col}`;
  let lastSide: Side | undefined;

  rows.forEach((toks, r) => {
    const labels = toks.map(fundLabelOf);
    const labelIdx = labels.flatMap((l, i) => (l ? [i] : []));
    const sides = rowSides(labels, toks, nearest, lastSide);
    const consumed = new Set<number>();
    labelIdx.forEach((i, k) => {
      const l = labels[i]!;
      const t = toks[i];
      consumed.add(i);
      const side = sides[k];
      if (l.side) lastSide = l.side;
      const col = cols[side];
      if (col.labels[l.line] === undefined) col.labels[l.line] = ref(t);
      let raw = amountIn(t, true);
      let at = t;
      if (!raw) {
        const j = i + 1;
        if (j < toks.length && !labels[j]) {
          const a = amountIn(toks[j]);
          if (a) {
            raw = a;
            at = toks[j];
            consumed.add(j);
          }
        } else {
          // Nothing to its right but another label: the value may sit below it.
          const b = belowToken(rows, r, t, isAnyLabel, merges);
          const a = b && !taken.has(key(b)) ? amountIn(b) : undefined;
          if (b && a) {
            raw = a;
            at = b;
            taken.add(key(b));
          }
        }
      }
      if (raw) {
        if (col.lines[l.line] === undefined) col.lines[l.line] = field(raw, at, t);
        delete pending[side];
      } else pending[side] = { line: l.line, label: t };
    });
    // A figure with no label of its own (`财政资金 200,000` below a cut `金 市县(区)`): it belongs to
    // the label on its side still waiting for a value.
    toks.forEach((t, i) => {
      if (consumed.has(i) || taken.has(key(t))) return;
      const a = amountIn(t);
      if (!a) return;
      const side = nearest(t.col) ?? lastSide ?? 'annual';
      const p = pending[side];
      if (!p || cols[side].lines[p.line] !== undefined) return;
      cols[side].lines[p.line] = field(a, t, p.label);
      delete pending[side];
    });
  });

  const finish = (c: (typeof cols)[Side]): FundsColumn => {
    const { fiscal, ...lines } = c.lines;
    const { fiscal: fiscalLabel, ...labels } = c.labels;
    let total = lines.total;
    if (!total) {
      const split = SPLIT_LINES.map((l) => lines[l]).filter((a): a is AmountField => a !== undefined);
      // 财政拨款 stands for 中央 + 省级 + 市县 when none of them is written
      const fiscalOnly = fiscal && !lines.central && !lines.provincial && !lines.local;
      const parts = fiscalOnly ? [fiscal, ...split] : split;
      if (parts.length) {
        const shown = parts.reduce((s, a) => s.plus(a.shown), new Decimal(0));
        const at = labels.total ?? parts[0].cell;
        total = {
          value: parts.reduce((s, a) => s.plus(a.value), new Decimal(0)),
          shown,
          decimals: Math.max(...parts.map((a) => a.decimals)),
          tolerance: parts.reduce((s, a) => s.plus(a.tolerance), new Decimal(0)),
          text: '',
          cell: at,
          ...(labels.total ? { labelCell: labels.total } : {}),
          derived: true,
        };
      }
    }
    return { lines, labels, ...(total ? { total } : {}), ...(fiscal ? { fiscal } : {}), ...(fiscalLabel ? { fiscalLabel } : {}) };
  };
  return { period: finish(cols.period), annual: finish(cols.annual) };
}

// ---- indicators ----------------------------------------------------------------------------

type Classified =
  | { kind: 'l1'; key: Level1 }
  | { kind: 'l2'; key: Level2 }
  | { kind: 'cost' } // 成本指标: 一级 in the newer template, 二级 under 产出 in the older one
  | { kind: 'ignore' }
  | { kind: 'extra'; role: 'score' | 'explanation' | 'unit' | 'note' }
  | { kind: 'content' };

const LEVEL_FULL_LABELS: readonly { label: string; c: Classified }[] = [
  ...LEVEL1_LABELS.map((l) => ({ label: l.label, c: (l.key === 'cost' ? { kind: 'cost' } : { kind: 'l1', key: l.key }) as Classified })),
  ...LEVEL2_LABELS.filter((l) => l.key !== 'cost').map((l) => ({ label: l.label, c: { kind: 'l2', key: l.key } as Classified })),
];

function classify(t: Token, extraCols: ReadonlyMap<number, 'score' | 'explanation' | 'unit' | 'note'>): Classified {
  const n = t.n;
  if (LABEL_TAILS.includes(n)) return { kind: 'ignore' };
  if (n === '成本指标') return { kind: 'cost' };
  const l1 = LEVEL1_BY_ALIAS.get(n);
  if (l1) return { kind: 'l1', key: l1 };
  const l2 = LEVEL2_BY_ALIAS.get(n);
  if (l2) return { kind: 'l2', key: l2 };
  if (HEADER_WORDS.has(n) && HEADER_WORDS.get(n) !== 'unit') return { kind: 'ignore' };
  // A label cut by a page break: `产出指` (its `标` went to the next line).
  if (n.endsWith('指')) {
    const frag = LEVEL_FULL_LABELS.find((l) => l.label === `${n}标`);
    if (frag) return frag.c;
  }
  const extra = extraCols.get(t.col);
  if (extra) return { kind: 'extra', role: extra };
  return { kind: 'content' };
}

const COST_FAMILY: ReadonlySet<Level2> = new Set(['economic-cost', 'social-cost', 'ecological-cost']);

function looksLikeValue(v: IndicatorValue): boolean {
  return v.kind === 'quantity' || v.kind === 'date' || v.kind === 'placeholder' || v.kind === 'qualitative';
}

function indicatorsOf(rows: readonly Token[][], first: number): IndicatorBlock {
  let start = first;
  let headerRow: number | undefined;
  let headerCell: CellRef | undefined;
  const columns: Partial<Record<'level1' | 'level2' | 'level3' | 'value' | 'score' | 'explanation' | 'unit' | 'note', number>> = {};
  const headerToks = rows[first] ?? [];
  if (headerToks.some((t) => HEADER_WORDS.has(t.n) && HEADER_WORDS.get(t.n) !== 'block' && HEADER_WORDS.get(t.n) !== 'unit' && HEADER_WORDS.get(t.n) !== 'note')) {
    headerRow = headerToks[0].row;
    headerCell = ref(headerToks.find((t) => HEADER_WORDS.get(t.n) === 'block') ?? headerToks[0]);
    for (const t of headerToks) {
      const role = HEADER_WORDS.get(t.n);
      if (role && role !== 'block' && columns[role] === undefined) columns[role] = t.col;
    }
    start = first + 1;
  }
  const extraCols = new Map<number, 'score' | 'explanation' | 'unit' | 'note'>();
  for (const role of ['score', 'explanation', 'unit', 'note'] as const) if (columns[role] !== undefined) extraCols.set(columns[role]!, role);

  type Carried = { key: Level1; cell: CellRef };
  type Carried2 = { key: Level2; cell: CellRef };
  let cur1: Carried | undefined;
  let cur2: Carried2 | undefined;
  const indicators: Indicator[] = [];
  const seen1: { key: Level1; cell: CellRef }[] = [];
  const seen2: { key: Level2; parent: Level1; cell: CellRef }[] = [];

  const classified = rows.map((toks) => toks.map((t) => classify(t, extraCols)));
  /** 成本指标 is a 一级 when a 经济成本/社会成本/生态环境成本 label follows it. */
  const costIsLevel1 = (r: number, i: number): boolean => {
    for (let rr = r; rr < rows.length; rr++) {
      const cs = classified[rr];
      for (let k = rr === r ? i + 1 : 0; k < cs.length; k++) {
        const c = cs[k];
        if (c.kind === 'l2') return COST_FAMILY.has(c.key);
        if (c.kind === 'l1' || c.kind === 'cost') return false;
      }
      if (rr > r && cs.some((c) => c.kind === 'content')) return false;
    }
    return false;
  };
  const parentOf = (k: Level2): Level1 => (k === 'cost' ? (cur1?.key === 'cost' ? 'cost' : 'output') : level2Parent(k));

  for (let r = start; r < rows.length; r++) {
    const toks = rows[r];
    if (!toks.length) continue;
    if (BLOCK_END.test(toks[0].raw)) break;
    // a header row printed again after a page break
    if (toks.filter((t) => HEADER_WORDS.has(t.n)).length >= 2) continue;
    const contents: Token[] = [];
    const extras: Partial<Record<'score' | 'explanation' | 'unit' | 'note', TextField>> = {};
    toks.forEach((t, i) => {
      let c = classified[r][i];
      if (c.kind === 'cost') c = costIsLevel1(r, i) ? { kind: 'l1', key: 'cost' } : { kind: 'l2', key: 'cost' };
      if (c.kind === 'l1') {
        cur1 = { key: c.key, cell: ref(t) };
        cur2 = undefined;
        seen1.push({ key: c.key, cell: ref(t) });
      } else if (c.kind === 'l2') {
        cur2 = { key: c.key, cell: ref(t) };
        seen2.push({ key: c.key, parent: parentOf(c.key), cell: ref(t) });
      } else if (c.kind === 'extra') extras[c.role] = { text: t.raw, cell: ref(t), labelCell: ref(t) };
      else if (c.kind === 'content') contents.push(t);
    });
    if (!contents.length) continue;

    const [nameTok, valueTok] = contents;
    if (contents.length === 1 && indicators.length) {
      // A value alone on its row, below an indicator that has none: it belongs there.
      const v = valueOfCell(nameTok.cell);
      const prev = indicators[indicators.length - 1];
      const noLabels = classified[r].every((c) => c.kind === 'content' || c.kind === 'ignore' || c.kind === 'extra');
      if (looksLikeValue(v) && v.kind !== 'qualitative' && prev.value.kind === 'empty' && prev.row === r - 1 && noLabels) {
        indicators[indicators.length - 1] = { ...prev, value: v, valueCell: ref(nameTok) };
        continue;
      }
    }
    let value: IndicatorValue = valueTok ? valueOfCell(valueTok.cell) : { kind: 'empty', text: '', placeholders: [] };
    if (extras.unit && value.kind === 'quantity' && value.unit === '') value = parseIndicatorValue(`${value.text}${extras.unit.text}`);
    const valueCol = columns.value !== undefined && columns.value > nameTok.col ? columns.value : nameTok.col + 1;
    const level2 = cur2?.key;
    const level1 = level2 ? parentOf(level2) : cur1?.key;
    indicators.push({
      ...(level1 ? { level1 } : {}),
      ...(cur1 ? { level1Written: cur1.key, level1Cell: cur1.cell } : {}),
      ...(cur2 ? { level2: cur2.key, level2Cell: cur2.cell } : {}),
      name: nameTok.raw,
      nameCell: ref(nameTok),
      value,
      valueCell: valueTok ? ref(valueTok) : { row: nameTok.row, col: valueCol },
      row: nameTok.row,
      extras,
    });
  }

  return { ...(headerRow !== undefined ? { headerRow } : {}), ...(headerCell ? { headerCell } : {}), columns, indicators, tree: treeOf(seen1, seen2, indicators) };
}

function treeOf(
  seen1: readonly { key: Level1; cell: CellRef }[],
  seen2: readonly { key: Level2; parent: Level1; cell: CellRef }[],
  indicators: readonly Indicator[],
): Level1Group[] {
  type G2 = { level2: Level2; label: string; cell?: CellRef; indicators: Indicator[] };
  type G1 = { level1: Level1; label: string; cell?: CellRef; groups: G2[]; indicators: Indicator[] };
  const groups: G1[] = [];
  const g1 = (k: Level1, cell?: CellRef): G1 => {
    let g = groups.find((x) => x.level1 === k);
    if (!g) {
      g = { level1: k, label: level1Label(k), ...(cell ? { cell } : {}), groups: [], indicators: [] };
      groups.push(g);
    }
    return g;
  };
  const g2 = (parent: G1, k: Level2, cell?: CellRef): G2 => {
    let g = parent.groups.find((x) => x.level2 === k);
    if (!g) {
      g = { level2: k, label: level2Label(k), ...(cell ? { cell } : {}), indicators: [] };
      parent.groups.push(g);
    }
    return g;
  };
  // Labels in order of appearance, then indicators into their places.
  const events = [
    ...seen1.map((s) => ({ at: s.cell, l1: s.key as Level1 | undefined, l2: undefined as Level2 | undefined, parent: undefined as Level1 | undefined })),
    ...seen2.map((s) => ({ at: s.cell, l1: undefined, l2: s.key, parent: s.parent })),
  ].sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  for (const e of events) {
    if (e.l1) g1(e.l1, e.at);
    else if (e.l2 && e.parent) g2(g1(e.parent), e.l2, e.at);
  }
  for (const ind of indicators) {
    if (!ind.level1) continue;
    const p = g1(ind.level1);
    if (ind.level2) g2(p, ind.level2).indicators.push(ind);
    else p.indicators.push(ind);
  }
  return groups;
}

// ---- the form ------------------------------------------------------------------------------

function isIndicatorStart(toks: readonly Token[]): boolean {
  const roles = toks.map((t) => HEADER_WORDS.get(t.n));
  return roles.includes('level1') || roles.includes('level3') || (roles.includes('level2') && roles.includes('value'));
}

/** Reads one recognized form from its sheet. */
export function parseForm(sheet: SheetSnapshot, form: RecognizedForm): PerformanceForm {
  const { top, bottom, left, right } = form.range;
  const rows: Token[][] = [];
  for (let r = top; r <= bottom; r++) rows.push(tokensOf(sheet, r, left, Math.max(right, left)));

  // Where the indicator block starts: its header row, else the first 一级 label after the funds.
  let indStart = rows.findIndex(isIndicatorStart);
  if (indStart < 0) {
    let afterFunds = rows.findIndex((toks) => toks.some((t) => /资金总额/.test(t.n)));
    if (afterFunds < 0) afterFunds = 0;
    indStart = rows.findIndex((toks, i) => i > afterFunds && toks.some((t) => LEVEL1_BY_ALIAS.has(t.n)));
  }
  const headRows = indStart < 0 ? rows : rows.slice(0, indStart);

  // Header fields and text blocks.
  const fields: Partial<Record<'department' | 'implementer' | 'kind' | 'years', TextField>> = {};
  const texts: Partial<Record<TextBlockKey, TextField>> = {};
  /** Cells read as a field's value. */
  const used = new Set<string>();
  let unit: '元' | '万元' = '元';
  let unitCell: CellRef | undefined;
  let fundsFirst = -1;
  let fundsLast = -1;
  headRows.forEach((toks, i) => {
    toks.forEach((t, k) => {
      for (const f of HEADER_FIELDS) {
        if (fields[f.key]) continue;
        const m = matchLabel(t.raw, f.labels);
        if (!m) continue;
        // 项目期 must not be the start of a funds label (项目期资金…).
        if (f.key === 'years' && /资金/.test(m.rest)) continue;
        const v = fieldAfter(headRows, i, k, m.rest, sheet.merges);
        if (v) fields[f.key] = v;
      }
      const block = TEXT_LABELS.get(t.n);
      if (block && !texts[block]) {
        const after = toks.slice(k + 1).filter((x) => !isFieldOrBlockLabel(x));
        const below = after.length ? undefined : belowToken(headRows, i, t, isAnyLabel, sheet.merges);
        if (below) after.push(below);
        for (const x of after) used.add(`${x.row}:${x.col}`);
        texts[block] = after.length
          ? { text: stripHtml(after.map((x) => x.raw).join('\n')), cell: ref(after[0]), labelCell: ref(t) }
          : { text: '', cell: { row: t.row, col: t.col + 1 }, labelCell: ref(t) };
      }
      if (FUNDS_LABEL.test(t.n) || /资金总额/.test(t.n)) {
        if (fundsFirst < 0) fundsFirst = i;
        if (/万元/.test(t.n)) {
          unit = '万元';
          unitCell = ref(t);
        } else if (FUNDS_LABEL.test(t.n) && !unitCell) unitCell = ref(t);
      }
      if (/^[(（]?(万元|元)[)）]?$/.test(t.n) && fundsFirst >= 0 && i - fundsFirst <= 1) {
        if (t.n.includes('万元')) unit = '万元';
        unitCell = ref(t);
      }
    });
  });
  if (fundsFirst >= 0) {
    fundsLast = headRows.length - 1;
    for (let i = fundsFirst + 1; i < headRows.length; i++) {
      if (headRows[i].some((t) => TEXT_LABELS.has(t.n) || CONTAINERS.has(t.n))) {
        fundsLast = i - 1;
        break;
      }
    }
  }
  // 万元 written on a 资金总额 label itself
  if (fundsFirst >= 0)
    for (let i = fundsFirst; i <= fundsLast; i++)
      for (const t of headRows[i])
        if (/资金总额[(（]万元[)）]/.test(t.n)) {
          unit = '万元';
          unitCell ??= ref(t);
        }
  const fundRows = fundsFirst >= 0 ? headRows.slice(fundsFirst, fundsLast + 1) : [];
  const { period, annual } = fundsOf(fundRows, unit, sheet.merges);
  const funds: FormFunds = { unit, ...(unitCell ? { unitCell } : {}), period, annual };

  const kindText = fields.kind;
  const kind = kindText ? PROJECT_KINDS.find((k) => k.pattern.test(kindText.text))?.kind : undefined;
  const yearsField = fields.years;
  const yearsValue = yearsField ? yearsOf(yearsField, sheet.rows[yearsField.cell.row]?.[yearsField.cell.col]) : undefined;
  const dept = fields.department;
  const deptCode = dept ? /^\s*(\d+)\s*[-－—–]/.exec(dept.text)?.[1] : undefined;
  const name = nameOf(headRows, form, sheet.merges);
  for (const f of [...Object.values(fields), name.cell ? { cell: name.cell } : undefined]) if (f) used.add(`${f.cell.row}:${f.cell.col}`);
  const placeholderCells = headRows
    .flat()
    .filter((t) => !used.has(`${t.row}:${t.col}`) && !isAnyLabel(t) && findPlaceholders(t.raw, PROSE_PLACEHOLDERS).found.length > 0)
    .map((t) => ({ text: t.raw, cell: ref(t) }));
  const header: FormHeader = {
    name: name.text,
    ...(name.cell ? { nameCell: name.cell } : {}),
    ...(dept ? { department: dept } : {}),
    ...(deptCode ? { departmentCode: deptCode } : {}),
    ...(fields.implementer ? { implementer: fields.implementer } : {}),
    ...(kindText ? { kindText } : {}),
    ...(kind ? { kind } : {}),
    ...(yearsField && yearsValue !== undefined ? { years: { ...yearsField, value: yearsValue } } : {}),
  };

  const indicators: IndicatorBlock = indStart < 0 ? { columns: {}, indicators: [], tree: [] } : indicatorsOf(rows, indStart);
  return {
    id: form.id,
    sheet: form.sheet,
    range: form.range,
    recognized: form,
    header,
    funds,
    texts,
    indicators,
    ...(placeholderCells.length ? { placeholderCells } : {}),
  };
}

/**
 * The project name: the recognizer's, unless what it took is another label (a template with its
 * labels in one row and the values below), then the value below 项目名称.
 */
function nameOf(rows: readonly Token[][], form: RecognizedForm, merges: readonly CellRange[]): { text: string; cell?: CellRef } {
  const at = form.nameCell;
  const taken = at ? rows.flat().find((t) => t.row === at.row && t.col === at.col) : undefined;
  if (form.name !== '' && !(taken && isAnyLabel(taken))) return { text: form.name, ...(at ? { cell: at } : {}) };
  for (let r = 0; r < rows.length; r++)
    for (const t of rows[r]) {
      if (matchLabel(t.raw, NAME_LABELS)?.rest !== '') continue;
      const below = belowToken(rows, r, t, isAnyLabel, merges);
      if (below) return { text: below.raw, cell: ref(below) };
    }
  return { text: form.name, ...(at ? { cell: at } : {}) };
}

/** Every recognized form of a workbook, read. */
export function parseForms(workbook: WorkbookSnapshot, recognition: Recognition): PerformanceForm[] {
  const bySheet = new Map(workbook.sheets.map((s) => [s.name, s]));
  const out: PerformanceForm[] = [];
  for (const f of recognition.forms) {
    const sheet = bySheet.get(f.sheet);
    if (sheet) out.push(parseForm(sheet, f));
  }
  return out;
}

export type { Level1Group, Level2Group };
