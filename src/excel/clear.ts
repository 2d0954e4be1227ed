// Takes Suanpan's paint off the workbook, from the record in the workbook (so it works after the
// file was closed and reopened), in at most 3 syncs (more only past ~4 MB of request):
//
//   sync 1  the record and the list of threaded comments
//   sync 2  the current look of every recorded cell, and where Suanpan's comments sit
//   sync 3  the restore: prior fills (fill.clear() where there was none), font colours and notes
//           (a note Suanpan added is deleted, a note the user had gets its text back), Suanpan's
//           comments deleted, and the annotation part of the record removed
//
// A cell whose fill, font colour or note the user changed after the paint is left as the user
// made it: only what still shows Suanpan's paint is put back.
import { SheetCache, queueCommentLocations, queueLook, queueRestore, type CommentIndex, type LookHandle } from './cells';
import { REQUEST_BUDGET_BYTES, REQUEST_BYTES_PER_CELL, countingSync, detectCapabilities, packBySize, type Capabilities } from './limits';
import { cellKey, queueStateRead, queueStateWrite, textHash } from './state';

export interface ClearOptions {
  readonly capabilities?: Capabilities;
  readonly budgetBytes?: number;
}

export interface ClearResult {
  /** Cells the record listed. */
  readonly cells: number;
  readonly fills: number;
  readonly fonts: number;
  readonly notes: number;
  readonly comments: number;
  /** Cells left painted because their sheet is protected (still in the record). */
  readonly kept: number;
  readonly syncs: number;
}

export async function clearAnnotations(context: Excel.RequestContext, opts: ClearOptions = {}): Promise<ClearResult> {
  const caps = opts.capabilities ?? detectCapabilities();
  const budget = opts.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const { sync, count: syncs } = countingSync(context);

  const sheets = new SheetCache(context);
  const state = queueStateRead(context);
  const commentList = caps.comments ? context.workbook.comments.load('items/id,items/content') : null;
  await sync();
  const record = state.read();
  if (!record.annotations.length) return { cells: 0, fills: 0, fonts: 0, notes: 0, comments: 0, kept: 0, syncs: syncs() };
  // A protected sheet is left painted and stays in the record (clear again after unprotecting);
  // cells of a sheet that is gone are dropped.
  const recs = record.annotations.filter((r) => sheets.status(r.sheet) === 'ok');
  const kept = record.annotations.filter((r) => sheets.status(r.sheet) === 'protected');

  const looks = new Map<string, LookHandle>();
  const ourHashes = new Set(recs.filter((r) => r.via === 'comment' && r.textHash).map((r) => r.textHash!));
  const candidates = ourHashes.size ? (commentList?.items ?? []).filter((c) => ourHashes.has(textHash(c.content))) : [];
  let comments: CommentIndex | null = null;
  let first = true;
  for (const group of packBySize(recs, () => REQUEST_BYTES_PER_CELL, budget)) {
    for (const r of group) looks.set(cellKey(r.sheet, r.cell), queueLook(sheets, r.sheet, r.cell, r.via === 'note' && caps.notes, caps.rangeAreas !== false));
    if (first && candidates.length) comments = queueCommentLocations(candidates);
    first = false;
    await sync();
  }

  queueStateWrite(context, { version: 1, annotations: kept, fixes: record.fixes }, state.keys());
  const done = queueRestore(sheets, recs, looks, comments, caps.rangeAreas !== false);
  await sync();
  return { cells: recs.length, ...done, kept: kept.length, syncs: syncs() };
}
