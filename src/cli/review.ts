// `suanpan check FILE --review-out OUT.xlsx`: a copy of the workbook with the 审核意见表 and the
// stored decisions (scan recorded, so the next one can tell what is new).
// `suanpan check DIR --report OUT.xlsx`: one summary sheet for the batch plus one sheet per workbook.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { checkWorkbook, type CheckResult } from '../core/rules';
import {
  batchReportLayouts,
  loadReviewStore,
  mergeScan,
  recordScan,
  reviewEdits,
  withoutReviewSheets,
  type BatchWorkbook,
  type ReviewScan,
  type ReviewStore,
} from '../core/review';
import type { WorkbookSnapshot } from '../core/workbook/types';
import { applyEdits, InputError, readWorkbookFile, writeWorkbookFile, writeWorkbookWithEdits } from '../xlsx';
import type { Lang } from './labels';
import type { Io } from './main';
import { readInput } from './input';

export interface ReviewCliOptions {
  readonly lang: Lang;
  readonly reviewer?: string;
  readonly io: Io;
  /** The scan time written into the sheets; now by default. */
  readonly now?: Date;
}

export interface ReviewedWorkbook {
  readonly snapshot: WorkbookSnapshot;
  readonly result: CheckResult;
  readonly store: ReviewStore;
  readonly scan: ReviewScan;
}

/** Checks a workbook (without Suanpan's own sheets) and meets the findings with its stored decisions. */
export function reviewSnapshot(snapshot: WorkbookSnapshot, io?: Io): ReviewedWorkbook {
  const loaded = loadReviewStore(snapshot);
  if (loaded.problem && io) io.err(`${snapshot.source}: 审核记录无法读取，已忽略 / stored review data unreadable, ignored (${loaded.problem})\n`);
  const result = checkWorkbook(withoutReviewSheets(snapshot));
  return { snapshot, result, store: loaded.store, scan: mergeScan(loaded.store, result) };
}

/** What is wrong with the review flags of `check`, if anything. */
export function reviewFlagProblem(
  isDir: boolean,
  reviewOut: string | true | undefined,
  report: string | true | undefined,
  reviewer: string | true | undefined,
): string | undefined {
  if (reviewOut === true) return '--review-out needs a file name (OUT.xlsx)';
  if (report === true) return '--report needs a file name (OUT.xlsx)';
  if (reviewer === true || (typeof reviewer === 'string' && !reviewer.trim())) return '--reviewer needs a name';
  if (isDir && reviewOut) return '--review-out is for one workbook; for a folder use --report OUT.xlsx';
  if (!isDir && report) return '--report is for a folder; for one workbook use --review-out OUT.xlsx';
  return undefined;
}

function same(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

export async function writeReviewCopy(file: string, out: string, opts: ReviewCliOptions): Promise<number> {
  const { io, lang } = opts;
  if (same(out, file)) {
    io.err(`suanpan: --review-out must name a new file, not ${file}\n`);
    return 2;
  }
  const snapshot = await readInput(file, io);
  if (!snapshot) return 2;
  const now = opts.now ?? new Date();
  const r = reviewSnapshot(snapshot, io);
  const stored = recordScan(r.store, r.scan, { at: now, ...(opts.reviewer ? { by: opts.reviewer } : {}) });
  const edits = reviewEdits(stored, r.scan, {
    lang,
    workbookName: path.basename(file),
    recognition: r.result.recognition,
    ...(opts.reviewer ? { reviewer: opts.reviewer } : {}),
    scannedAt: now,
  });
  await writeWorkbookWithEdits({ path: file }, edits, out);
  const c = r.scan.counts;
  io.err(
    lang === 'en'
      ? `review sheet written to ${out} (${r.scan.items.length} rows: ${c.new} new, ${c.open} open, ${c.confirmed} confirmed, ${c.dismissed} dismissed, ${c.fixed} fixed, ${c.resolved} resolved)\n`
      : `已写出审核意见表：${out}（${r.scan.items.length} 行：新增 ${c.new}，待处理 ${c.open}，已确认 ${c.confirmed}，已忽略 ${c.dismissed}，已修正 ${c.fixed}，已解决 ${c.resolved}）\n`,
  );
  return 0;
}

async function listXlsx(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listXlsx(p)));
    else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith('~$') && !e.name.startsWith('.')) out.push(p);
  }
  return out.sort();
}

/** Reads and reviews every .xlsx below `dir` (but `out`), as entries of a batch report. */
export async function reviewFolder(dir: string, out: string | undefined, io: Io): Promise<BatchWorkbook[]> {
  const files = (await listXlsx(dir)).filter((f) => !out || !same(f, out));
  const base = out ? path.dirname(path.resolve(out)) : path.resolve(dir);
  const entries: BatchWorkbook[] = [];
  for (const file of files) {
    const name = path.relative(dir, file).split(path.sep).join('/');
    const link = path.relative(base, path.resolve(file)).split(path.sep).join('/');
    try {
      const r = reviewSnapshot(await readWorkbookFile(file), io);
      entries.push({ name, path: link, recognition: r.result.recognition, scan: r.scan });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      entries.push({ name, path: link, error: e.reason });
    }
  }
  return entries;
}

export async function writeBatchReport(dir: string, out: string, opts: ReviewCliOptions): Promise<number> {
  const { io, lang } = opts;
  const entries = await reviewFolder(dir, out, io);
  const layouts = batchReportLayouts(entries, {
    lang,
    folder: dir,
    ...(opts.reviewer ? { reviewer: opts.reviewer } : {}),
    scannedAt: opts.now ?? new Date(),
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = '算盘 Suanpan';
  applyEdits(wb, { cells: [], sheets: layouts });
  try {
    await writeWorkbookFile(wb, out);
  } catch (e) {
    io.err(`suanpan: cannot write ${out}: ${(e as Error).message}\n`);
    return 2;
  }
  io.err(lang === 'en' ? `report on ${entries.length} workbooks written to ${out}\n` : `已写出 ${entries.length} 个工作簿的审核汇总：${out}\n`);
  return 0;
}
