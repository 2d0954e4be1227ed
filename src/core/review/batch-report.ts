// A report over a batch of department workbooks: a summary sheet (one row per workbook: tables
// found, errors, warnings, infos, the worst finding) and one 审核意见表-style sheet per workbook.
import { severityRank, type Severity } from '../findings';
import type { Recognition } from '../recognize/model';
import type { CellStyle, SheetLayout, SheetLayoutCell } from '../workbook/edits';
import type { CellValue } from '../workbook/types';
import type { ReviewItem, ReviewScan } from './decisions';
import { fitRowHeights } from './fit';
import { formatReviewTime, internalLink, reviewSheetLayout, SEVERITY_FILL, type ReviewLang } from './review-sheet';
import { validSheetName } from '../workbook/sheet-names';

export interface BatchWorkbook {
  /** Shown in the report: the path relative to the folder, say. */
  readonly name: string;
  /** Path from the report to the workbook ('dept/a.xlsx'), for links into it; no links when absent. */
  readonly path?: string;
  readonly recognition?: Recognition;
  /** Absent when the workbook could not be read. */
  readonly scan?: ReviewScan;
  /** Why it could not be read. */
  readonly error?: string;
}

export interface BatchReportOptions {
  readonly lang?: ReviewLang;
  /** The folder checked, shown under the title. */
  readonly folder?: string;
  readonly reviewer?: string;
  readonly scannedAt?: string | Date;
  readonly summaryName?: string;
}

export const SUMMARY_SHEET_NAME = '汇总';

const L = {
  'zh-CN': {
    title: '部门预算审核汇总',
    folder: '目录',
    scanned: '检查时间',
    reviewer: '审核人',
    headers: ['序号', '工作簿', '表', '绩效表', '错误', '警告', '提示', '待处理', '最严重的问题', '明细'],
    total: '合计',
    unreadable: '无法读取',
    clean: '未发现问题',
    tally: (n: number, bad: number, clean: number, unreadable: number) =>
      `共 ${n} 个工作簿：有错误 ${bad} 个，未发现问题 ${clean} 个${unreadable ? `，无法读取 ${unreadable} 个` : ''}`,
    back: '← 返回汇总',
  },
  en: {
    title: 'Department budget review summary',
    folder: 'Folder',
    scanned: 'Checked',
    reviewer: 'Reviewer',
    headers: ['#', 'Workbook', 'Tables', 'Forms', 'Errors', 'Warnings', 'Infos', 'Open', 'Worst finding', 'Details'],
    total: 'Total',
    unreadable: 'unreadable',
    clean: 'no findings',
    tally: (n: number, bad: number, clean: number, unreadable: number) =>
      `${n} workbooks: ${bad} with errors, ${clean} without findings${unreadable ? `, ${unreadable} unreadable` : ''}`,
    back: '← summary',
  },
} as const;

const WIDTHS = [5, 30, 6, 7, 7, 7, 7, 7, 62, 12];
const LAST = WIDTHS.length - 1;
const BASE: CellStyle = { border: true, wrap: true, vertical: 'top', fontSize: 10 };

/** A sheet name Excel accepts: no []:*?/\, not quoted at the ends, at most 31 characters. */
export const safeSheetName = (name: string): string => validSheetName(name);

/** Per-workbook sheet names: '01 name', unique (case-insensitively) and distinct from `taken`. */
export function detailSheetNames(names: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const width = String(names.length).length < 2 ? 2 : String(names.length).length;
  return names.map((n, i) => {
    const base = n.replace(/\.xlsx$/i, '').split(/[\\/]/).pop() || n;
    let name = safeSheetName(`${String(i + 1).padStart(width, '0')} ${base}`);
    for (let k = 2; used.has(name.toLowerCase()); k++) name = safeSheetName(`${String(i + 1).padStart(width, '0')}-${k} ${base}`);
    used.add(name.toLowerCase());
    return name;
  });
}

export interface WorkbookTally {
  readonly tables: number;
  readonly forms: number;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** Findings no one has decided on yet (new or open). */
  readonly open: number;
  /** The most severe finding (first in check order), if any. */
  readonly worst?: ReviewItem;
}

export function tallyWorkbook(w: BatchWorkbook): WorkbookTally {
  const present = (w.scan?.items ?? []).filter((it) => it.finding);
  const n = (s: Severity) => present.filter((it) => it.snapshot.severity === s).length;
  let worst: ReviewItem | undefined;
  for (const it of present) if (!worst || severityRank(it.snapshot.severity) < severityRank(worst.snapshot.severity)) worst = it;
  return {
    tables: w.recognition?.tables.length ?? 0,
    forms: w.recognition?.forms.length ?? 0,
    error: n('error'),
    warning: n('warning'),
    info: n('info'),
    open: present.filter((it) => it.status === 'new' || it.status === 'open').length,
    ...(worst ? { worst } : {}),
  };
}

function linkOf(path: string | undefined) {
  if (!path) return undefined;
  const p = path.replace(/\\/g, '/');
  return (sheet: string, cell: string) => `${p}${internalLink(sheet, cell)}`;
}

/** The summary sheet first, then one sheet per readable workbook. */
export function batchReportLayouts(workbooks: readonly BatchWorkbook[], opts: BatchReportOptions = {}): SheetLayout[] {
  const lang = opts.lang ?? 'zh-CN';
  const zh = lang === 'zh-CN';
  const l = L[lang];
  const summaryName = opts.summaryName ?? SUMMARY_SHEET_NAME;
  const names = detailSheetNames(
    workbooks.map((w) => w.name),
    [summaryName],
  );
  const scannedAt = opts.scannedAt ?? new Date();

  const cells: SheetLayoutCell[] = [];
  const merges: SheetLayout['merges'] = [];
  const put = (row: number, col: number, value: CellValue | null, style?: CellStyle, link?: string) =>
    cells.push({ row, col, value, ...(style ? { style } : {}), ...(link ? { link } : {}) });
  const text = (v: string): CellValue => ({ kind: 'text', value: v });
  const num = (v: number): CellValue => ({ kind: 'number', value: v });

  const tallies = workbooks.map((w) => (w.scan ? tallyWorkbook(w) : undefined));
  const unreadable = tallies.filter((t) => !t).length;
  const bad = tallies.filter((t) => t && t.error > 0).length;
  const clean = tallies.filter((t) => t && t.error + t.warning + t.info === 0).length;

  put(0, 0, text(l.title), { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' });
  merges.push({ top: 0, left: 0, bottom: 0, right: LAST });
  const sep = zh ? '　' : '   ';
  const colon = zh ? '：' : ': ';
  const info = [
    opts.folder ? `${l.folder}${colon}${opts.folder}` : '',
    `${l.scanned}${colon}${formatReviewTime(scannedAt)}`,
    opts.reviewer?.trim() ? `${l.reviewer}${colon}${opts.reviewer.trim()}` : '',
  ].filter(Boolean);
  put(1, 0, text(info.join(sep)), { fontSize: 10, vertical: 'middle' });
  merges.push({ top: 1, left: 0, bottom: 1, right: LAST });
  put(2, 0, text(l.tally(workbooks.length, bad, clean, unreadable)), { fontSize: 10, vertical: 'middle' });
  merges.push({ top: 2, left: 0, bottom: 2, right: LAST });

  const HEADER = 3;
  l.headers.forEach((h, c) => put(HEADER, c, text(h), { ...BASE, bold: true, fill: 'D9E1F2', horizontal: 'center', vertical: 'middle' }));

  const total = { tables: 0, forms: 0, error: 0, warning: 0, info: 0, open: 0 };
  let r = HEADER + 1;
  workbooks.forEach((w, i) => {
    const t = tallies[i];
    put(r, 0, num(i + 1), { ...BASE, horizontal: 'center' });
    put(r, 1, text(w.name), BASE, w.path ? `${w.path.replace(/\\/g, '/')}` : undefined);
    if (!t) {
      for (let c = 2; c <= 7; c++) put(r, c, null, BASE);
      put(r, 8, text(`${l.unreadable}${w.error ? `${colon}${w.error}` : ''}`), { ...BASE, fontColor: '9C0006' });
      put(r, 9, null, BASE);
      r++;
      return;
    }
    const counts: [number, Severity | undefined][] = [
      [t.tables, undefined],
      [t.forms, undefined],
      [t.error, 'error'],
      [t.warning, 'warning'],
      [t.info, 'info'],
      [t.open, undefined],
    ];
    counts.forEach(([v, sev], k) => put(r, 2 + k, num(v), { ...BASE, horizontal: 'right', ...(sev && v > 0 && sev !== 'info' ? { fill: SEVERITY_FILL[sev] } : {}) }));
    total.tables += t.tables;
    total.forms += t.forms;
    total.error += t.error;
    total.warning += t.warning;
    total.info += t.info;
    total.open += t.open;
    const worst = t.worst;
    put(
      r,
      8,
      text(worst ? `${worst.snapshot.sheet}!${worst.snapshot.cell}  ${zh ? worst.snapshot.message.zh : worst.snapshot.message.en}` : l.clean),
      worst ? { ...BASE, ...(worst.snapshot.severity !== 'info' ? { fontColor: worst.snapshot.severity === 'error' ? '9C0006' : '9C5700' } : {}) } : { ...BASE, fontColor: '006100' },
    );
    put(r, 9, text(names[i]), { ...BASE, horizontal: 'center' }, internalLink(names[i], 'A1'));
    r++;
  });
  put(r, 0, null, { ...BASE, bold: true });
  put(r, 1, text(l.total), { ...BASE, bold: true });
  [total.tables, total.forms, total.error, total.warning, total.info, total.open].forEach((v, k) => put(r, 2 + k, num(v), { ...BASE, bold: true, horizontal: 'right' }));
  put(r, 8, null, BASE);
  put(r, 9, null, BASE);

  const summary: SheetLayout = {
    name: summaryName,
    cells,
    merges,
    colWidths: Object.fromEntries(WIDTHS.map((w, c) => [c, w])),
    rowHeights: { 0: 28 },
    print: {
      paper: 'A4',
      orientation: 'landscape',
      repeatRows: { first: HEADER, last: HEADER },
      areas: [{ top: 0, left: 0, bottom: r, right: LAST }],
      fitToWidth: true,
    },
  };
  fitRowHeights(summary, HEADER, 10);

  const details: SheetLayout[] = [];
  workbooks.forEach((w, i) => {
    if (!w.scan) return;
    const linkTo = linkOf(w.path);
    details.push(
      reviewSheetLayout(w.scan, {
        lang,
        sheetName: names[i],
        workbookName: w.name,
        ...(w.recognition ? { recognition: w.recognition } : {}),
        ...(opts.reviewer ? { reviewer: opts.reviewer } : {}),
        scannedAt,
        // Without a path the cells are in another file the report cannot point into.
        linkTo: linkTo ?? null,
        backLink: { text: l.back, link: internalLink(summaryName, 'A1') },
      }),
    );
  });
  return [summary, ...details];
}
