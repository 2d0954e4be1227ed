// 审核意见表: one row per finding with its decision, laid out for printing (A4 landscape, header row
// repeated on every page, borders, wrapped text), with a link from each row to its cell.
import { RULE_LABELS, type Severity } from '../findings';
import type { Recognition } from '../recognize/model';
import { specFor } from '../recognize/specs/tables';
import type { CellStyle, SheetLayout, SheetLayoutCell } from '../workbook/edits';
import type { CellValue, WorkbookSnapshot } from '../workbook/types';
import { STATUS_LABELS, type FindingSnapshot, type ReviewItem, type ReviewScan, type ReviewStatus } from './decisions';
import { fitRowHeights } from './fit';
import { REVIEW_STORE_SHEET } from './store';

export const REVIEW_SHEET_NAME = '审核意见表';

export type ReviewLang = 'zh-CN' | 'en';

/** The workbook without the sheets Suanpan itself writes (the review sheet and the hidden store). */
export function withoutReviewSheets(workbook: WorkbookSnapshot, reviewSheetName = REVIEW_SHEET_NAME): WorkbookSnapshot {
  const skip = new Set([REVIEW_STORE_SHEET.toLowerCase(), reviewSheetName.toLowerCase()]);
  const sheets = workbook.sheets.filter((s) => !skip.has(s.name.toLowerCase()));
  return sheets.length === workbook.sheets.length ? workbook : { ...workbook, sheets };
}

/** An internal link to a cell: "#'Sheet'!A1" (quoted always, which Excel accepts for any name). */
export function internalLink(sheet: string, cell: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Local time, to the minute: 2024-05-01 14:03. */
export function formatReviewTime(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return typeof iso === 'string' ? iso : '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

export const SEVERITY_FILL: Record<Severity, string> = { error: 'FFC7CE', warning: 'FFEB9C', info: 'DDEBF7' };

const STATUS_FILL: Partial<Record<ReviewStatus, string>> = {
  new: 'FCE4D6',
  confirmed: 'F8CBAD',
  dismissed: 'EDEDED',
  fixed: 'C6EFCE',
  resolved: 'C6EFCE',
};

const L = {
  'zh-CN': {
    title: '审核意见表',
    workbook: '工作簿',
    tables: (t: number, f: number) => `识别到 ${t} 张表、${f} 张绩效目标表`,
    scanned: '检查时间',
    reviewer: '审核人',
    headers: ['序号', '表', '行', '列', '问题', '应为', '实为', '级别', '处理', '理由 / 意见', '审核人', '时间', '位置'],
    changed: '数值已变',
    was: '原为',
    comment: '意见',
    counts: '共',
    findings: '条',
    cellComments: '单元格意见',
    cellHeaders: ['序号', '位置', '意见', '审核人', '时间'],
    none: '未发现问题。',
    form: '绩效目标表',
  },
  en: {
    title: 'Review',
    workbook: 'Workbook',
    tables: (t: number, f: number) => `${t} tables, ${f} performance forms recognized`,
    scanned: 'Checked',
    reviewer: 'Reviewer',
    headers: ['#', 'Table', 'Row', 'Column', 'Finding', 'Expected', 'Found', 'Severity', 'Status', 'Reason / comment', 'Reviewer', 'Time', 'Cell'],
    changed: 'figures changed',
    was: 'was',
    comment: 'Comment',
    counts: 'Total',
    findings: 'findings',
    cellComments: 'Comments on cells',
    cellHeaders: ['#', 'Cell', 'Comment', 'Reviewer', 'Time'],
    none: 'No findings.',
    form: 'Performance form',
  },
} as const;

/** Column widths (Excel character units) of the 13 columns; about 160 characters, one A4 landscape page wide. */
const WIDTHS = [5, 14, 19, 10, 29, 11, 11, 8, 9, 20, 8, 11, 12];
const LAST_COL = WIDTHS.length - 1;

export interface ReviewSheetOptions {
  readonly lang?: ReviewLang;
  readonly sheetName?: string;
  /** The workbook's name or path, shown under the title. */
  readonly workbookName?: string;
  /** For the line "N tables, M forms recognized". */
  readonly recognition?: Recognition;
  readonly reviewer?: string;
  /** When the scan was made; shown under the title. Defaults to now. */
  readonly scannedAt?: string | Date;
  /**
   * Where a row's link points: internalLink by default; a batch report points into the
   * department's file; null for no links.
   */
  readonly linkTo?: ((sheet: string, cell: string) => string) | null;
  /** A link back (to a summary sheet, say) placed top right. */
  readonly backLink?: { readonly text: string; readonly link: string };
}

const BASE: CellStyle = { border: true, wrap: true, vertical: 'top', fontSize: 10 };

/**
 * A figure as the finding printed it, kept as text ('1,216.95', '≤ 1410.07', a name), right-aligned
 * when it is a number. Text, not numbers: a row with two or more number cells is what recognition
 * reports as a stray block, and the review sheet must not look like budget data when the copy is
 * checked again.
 */
export function figureCell(s: string | undefined): { value: CellValue | null; numeric: boolean } {
  if (s === undefined || s === '') return { value: null, numeric: false };
  return { value: { kind: 'text', value: s }, numeric: /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s.trim()) };
}

export function tableLabel(s: FindingSnapshot, lang: ReviewLang): string {
  const zh = lang === 'zh-CN';
  if (s.tableKind) {
    const spec = specFor(s.tableKind);
    const kind = zh ? spec.zh : spec.en;
    return s.sheet.includes(kind) ? s.sheet : `${s.sheet} ${kind}`;
  }
  if (s.formName) return `${s.sheet} ${zh ? L['zh-CN'].form : L.en.form}：${s.formName}`;
  return s.sheet;
}

/**
 * The message without the table, row and column it opens with (they have columns of their own):
 * '支出总表《支出总表》 20103 … · 合计：1600 ≠ 下级合计 1500（差 100 元）' → '1600 ≠ 下级合计 1500（差 100 元）'.
 */
export function shortMessage(s: FindingSnapshot, lang: ReviewLang): string {
  const m = lang === 'zh-CN' ? s.message.zh : s.message.en;
  const sep = lang === 'zh-CN' ? '：' : ': ';
  const heads = [s.rowLabel && s.columnLabel ? `${s.rowLabel} · ${s.columnLabel}` : '', s.rowLabel ?? ''];
  for (const head of heads) {
    if (!head) continue;
    const k = m.indexOf(head + sep);
    if (k >= 0 && m.length > k + head.length + sep.length) return m.slice(k + head.length + sep.length);
  }
  return m;
}

export function statusLabel(it: Pick<ReviewItem, 'status' | 'changed'>, lang: ReviewLang): string {
  const l = L[lang];
  const base = lang === 'zh-CN' ? STATUS_LABELS[it.status].zh : STATUS_LABELS[it.status].en;
  return it.changed ? `${base}\n（${l.changed}）` : base;
}

function text(v: string): CellValue {
  return { kind: 'text', value: v };
}

/** The 审核意见表 for one scan. */
export function reviewSheetLayout(scan: ReviewScan, opts: ReviewSheetOptions = {}): SheetLayout {
  const lang = opts.lang ?? 'zh-CN';
  const zh = lang === 'zh-CN';
  const l = L[lang];
  const linkTo = opts.linkTo === undefined ? internalLink : opts.linkTo;
  const cells: SheetLayoutCell[] = [];
  const merges: SheetLayout['merges'] = [];
  const rowHeights: Record<number, number> = {};
  const put = (row: number, col: number, value: CellValue | null, style?: CellStyle, link?: string) =>
    cells.push({ row, col, value, ...(style ? { style } : {}), ...(link ? { link } : {}) });
  const banner = (row: number, value: string, style: CellStyle, right = LAST_COL) => {
    put(row, 0, text(value), style);
    merges.push({ top: row, left: 0, bottom: row, right });
  };

  // Title, what was checked, and the tally.
  banner(0, opts.sheetName && opts.sheetName !== REVIEW_SHEET_NAME ? `${l.title} · ${opts.sheetName}` : l.title, { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' });
  rowHeights[0] = 28;
  const sep = zh ? '　' : '   ';
  const info = [
    opts.workbookName ? `${l.workbook}${zh ? '：' : ': '}${opts.workbookName}` : '',
    opts.recognition ? l.tables(opts.recognition.tables.length, opts.recognition.forms.length) : '',
    `${l.scanned}${zh ? '：' : ': '}${formatReviewTime(opts.scannedAt ?? new Date())}`,
    opts.reviewer?.trim() ? `${l.reviewer}${zh ? '：' : ': '}${opts.reviewer.trim()}` : '',
  ].filter(Boolean);
  const back = opts.backLink;
  banner(1, info.join(sep), { fontSize: 10, vertical: 'middle', wrap: true }, back ? LAST_COL - 1 : LAST_COL);
  if (back) put(1, LAST_COL, text(back.text), { fontSize: 10, horizontal: 'right', vertical: 'middle' }, back.link);
  const present = scan.items.filter((it) => it.finding);
  const bySev = (s: Severity) => present.filter((it) => it.snapshot.severity === s).length;
  const tally: string[] = [
    `${l.counts} ${present.length} ${l.findings}`,
    ...(['error', 'warning', 'info'] as const).map((s) => `${zh ? SEVERITY_LABELS[s].zh : SEVERITY_LABELS[s].en} ${bySev(s)}`),
    ...(['new', 'open', 'confirmed', 'dismissed', 'fixed', 'resolved'] as const).map(
      (s) => `${zh ? STATUS_LABELS[s].zh : STATUS_LABELS[s].en} ${scan.counts[s]}`,
    ),
  ];
  banner(2, tally.join(zh ? '，' : ', '), { fontSize: 10, vertical: 'middle' });

  const HEADER = 3;
  l.headers.forEach((h, c) => put(HEADER, c, text(h), { ...BASE, bold: true, fill: 'D9E1F2', horizontal: 'center', vertical: 'middle' }));

  let r = HEADER + 1;
  if (!scan.items.length) {
    banner(r, l.none, { ...BASE });
    for (let c = 1; c <= LAST_COL; c++) put(r, c, null, BASE);
    r++;
  }
  scan.items.forEach((it, i) => {
    const s = it.snapshot;
    const rec = it.record;
    const resolved = it.status === 'resolved';
    const muted: CellStyle = resolved ? { ...BASE, fontColor: '808080' } : BASE;
    put(r, 0, { kind: 'number', value: i + 1 }, { ...muted, horizontal: 'center' });
    put(r, 1, text(tableLabel(s, lang)), muted);
    put(r, 2, s.rowLabel ? text(s.rowLabel) : null, muted);
    put(r, 3, s.columnLabel ? text(s.columnLabel) : null, muted);
    const rule = zh ? RULE_LABELS[s.rule]?.zh : RULE_LABELS[s.rule]?.en;
    put(r, 4, text(`${rule ? `[${rule}] ` : ''}${shortMessage(s, lang)}`), muted);
    const exp = figureCell(s.expected);
    const act = figureCell(s.actual);
    put(r, 5, exp.value, { ...muted, ...(exp.numeric ? { horizontal: 'right' } : {}) });
    put(r, 6, act.value, { ...muted, ...(act.numeric ? { horizontal: 'right' } : {}) });
    put(r, 7, text(zh ? SEVERITY_LABELS[s.severity].zh : SEVERITY_LABELS[s.severity].en), {
      ...muted,
      horizontal: 'center',
      ...(resolved ? {} : { fill: SEVERITY_FILL[s.severity] }),
    });
    const fill = STATUS_FILL[it.status];
    put(r, 8, text(statusLabel(it, lang)), { ...muted, horizontal: 'center', ...(fill ? { fill } : {}), ...(it.status === 'new' || it.changed ? { bold: true } : {}) });
    const notes: string[] = [];
    if (rec?.reason) notes.push(rec.reason);
    if (it.changed && rec && (rec.expected !== undefined || rec.actual !== undefined)) {
      notes.push(`${l.was}${zh ? '：' : ': '}${rec.expected ?? ''} / ${rec.actual ?? ''}${zh ? `（${STATUS_LABELS[rec.decision].zh}）` : ` (${STATUS_LABELS[rec.decision].en})`}`);
    }
    if (it.comment) notes.push(`${l.comment}（${it.comment.reviewer}）${zh ? '：' : ': '}${it.comment.text}`);
    put(r, 9, notes.length ? text(notes.join('\n')) : null, muted);
    put(r, 10, rec ? text(rec.reviewer) : null, { ...muted, horizontal: 'center' });
    put(r, 11, rec ? text(formatReviewTime(rec.at)) : null, { ...muted, horizontal: 'center' });
    const at = `${s.sheet}!${s.cell}`;
    put(r, 12, text(at), { ...muted, horizontal: 'center' }, resolved || !linkTo ? undefined : linkTo(s.sheet, s.cell));
    r++;
  });
  const lastTableRow = r - 1;

  // Free comments on cells, after the findings.
  if (scan.cellComments.length) {
    r++;
    banner(r, l.cellComments, { bold: true, fontSize: 11 });
    r++;
    const head = r;
    const cols = [0, 1, 2, 10, 11];
    l.cellHeaders.forEach((h, k) => put(head, cols[k], text(h), { ...BASE, bold: true, fill: 'D9E1F2', horizontal: 'center' }));
    for (let c = 3; c <= 9; c++) put(head, c, null, BASE);
    put(head, 12, null, BASE);
    merges.push({ top: head, left: 2, bottom: head, right: 9 });
    r++;
    scan.cellComments.forEach((c, i) => {
      put(r, 0, { kind: 'number', value: i + 1 }, { ...BASE, horizontal: 'center' });
      put(r, 1, text(`${c.sheet}!${c.cell}`), BASE, linkTo ? linkTo(c.sheet, c.cell) : undefined);
      put(r, 2, text(c.text), BASE);
      for (let k = 3; k <= 9; k++) put(r, k, null, BASE);
      merges.push({ top: r, left: 2, bottom: r, right: 9 });
      put(r, 10, text(c.reviewer), { ...BASE, horizontal: 'center' });
      put(r, 11, text(formatReviewTime(c.at)), { ...BASE, horizontal: 'center' });
      put(r, 12, null, BASE);
      r++;
    });
  }

  const layout: SheetLayout = {
    name: opts.sheetName ?? REVIEW_SHEET_NAME,
    cells,
    merges,
    colWidths: Object.fromEntries(WIDTHS.map((w, c) => [c, w])),
    rowHeights,
    print: {
      paper: 'A4',
      orientation: 'landscape',
      repeatRows: { first: HEADER, last: HEADER },
      areas: [{ top: 0, left: 0, bottom: Math.max(r - 1, lastTableRow), right: LAST_COL }],
      fitToWidth: true,
    },
  };
  fitRowHeights(layout, HEADER, 10);
  return layout;
}
