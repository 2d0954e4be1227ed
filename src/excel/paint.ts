// Findings → fills, font colours and notes on the workbook, with a restore record in the workbook.
//
//   sync 1  the restore record, the prior look of every cell to paint (fill, font colour, note),
//           and the list of threaded comments
//   sync 2  the record (written first), the paint — one RangeAreas call per sheet and severity
//           (address unions under the length limit) for the fill and one for the font colour —
//           and one note (or threaded comment) per cell
//
// One more read sync comes in between only when it must: an earlier paint left cells this one no
// longer flags (their look is restored, and that look must be read first), or the message goes to
// threaded comments and the workbook already has some (their cells must be located: Excel has no
// "comment of this cell, or nothing" call). More syncs come only from bytes: past ~4 MB of
// request, reads and writes are split.
//
// Messages go to notes where ExcelApi 1.18 is there (a note Suanpan adds is removed on clear; a
// note the user had is kept, Suanpan's text appended, and put back exactly), else to threaded
// comments (ExcelApi 1.10) — but never into a thread someone else started: such a cell is only
// coloured. Nothing here calls an API on Excel's list of those that clear the user's undo stack.
import { annotationEdits, SEVERITY_STYLE } from '../core/annotate';
import type { Finding } from '../core/findings';
import { cellAddress } from '../core/workbook/address';
import {
  SheetCache,
  queueCommentLocations,
  queueFills,
  queueFontColors,
  queueLook,
  queueRestore,
  stillPainted,
  type CommentIndex,
  type LookHandle,
} from './cells';
import { REQUEST_BUDGET_BYTES, REQUEST_BYTES_PER_CELL, countingSync, detectCapabilities, packBySize, utf8Length, type Capabilities } from './limits';
import {
  cellKey,
  queueStateRead,
  queueStateWrite,
  stateBytes,
  textHash,
  type AnnotatedCell,
  type Channel,
  type FillState,
} from './state';

export type PaintLanguage = 'zh-CN' | 'en';

export interface PaintOptions {
  /** What the host supports; detected from Office.context.requirements when absent. */
  readonly capabilities?: Capabilities;
  readonly budgetBytes?: number;
}

export interface PaintResult {
  /** Cells painted (errors + warnings). */
  readonly cells: number;
  readonly errors: number;
  readonly warnings: number;
  readonly channel: Channel;
  /** Notes or comments written. */
  readonly messages: number;
  /** Cells whose message was not attached because someone else's comment thread is there. */
  readonly skippedMessages: number;
  /** Cells an earlier paint had coloured that this one no longer flags (restored). */
  readonly restored: number;
  /** Cells not painted: their sheet is protected, or gone since the scan. */
  readonly skipped: readonly { readonly sheet: string; readonly cell: string; readonly reason: 'protected' | 'missing' }[];
  readonly syncs: number;
}

/** Separates a user's own note from the text Suanpan appends to it. */
export const NOTE_SEPARATOR = '\n\n';

export function channelFor(caps: Capabilities): Channel {
  return caps.notes ? 'note' : caps.comments ? 'comment' : 'none';
}

interface Target {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: 'error' | 'warning';
  readonly text: string;
}

export async function paintFindings(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  lang: PaintLanguage = 'zh-CN',
  opts: PaintOptions = {},
): Promise<PaintResult> {
  const caps = opts.capabilities ?? detectCapabilities();
  const channel = channelFor(caps);
  const areas = caps.rangeAreas !== false;
  const budget = opts.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const { sync, count: syncs } = countingSync(context);
  const sheets = new SheetCache(context);
  const wanted: Target[] = annotationEdits(findings, lang).cells.map((e) => ({
    sheet: e.sheet,
    cell: cellAddress(e.row, e.col),
    severity: e.style?.fill === SEVERITY_STYLE.error.fill ? 'error' : 'warning',
    text: e.note ?? '',
  }));
  const wantedKeys = new Set(wanted.map((t) => cellKey(t.sheet, t.cell)));

  // Reads: the sheets, the record, the comments, the look of every target (split only past the
  // byte budget).
  const state = queueStateRead(context);
  const commentList = caps.comments ? context.workbook.comments.load('items/id,items/content') : null;
  const looks = new Map<string, LookHandle>();
  const readGroups = packBySize(wanted, () => REQUEST_BYTES_PER_CELL, budget);
  if (!readGroups.length) readGroups.push([]);
  for (const group of readGroups) {
    for (const t of group) looks.set(cellKey(t.sheet, t.cell), queueLook(sheets, t.sheet, t.cell, channel === 'note', areas));
    await sync();
  }

  const skipped: { sheet: string; cell: string; reason: 'protected' | 'missing' }[] = [];
  const targets = wanted.filter((t) => {
    const status = sheets.status(t.sheet);
    if (status !== 'ok') skipped.push({ sheet: t.sheet, cell: t.cell, reason: status });
    return status === 'ok';
  });
  const old = state.read();
  const oldByKey = new Map(old.annotations.map((a) => [cellKey(a.sheet, a.cell), a]));
  // Cells an earlier paint coloured that are not flagged now: restored — except on a protected
  // sheet (kept in the record for a later clear) or a sheet that is gone (dropped).
  const earlier = old.annotations.filter((a) => !wantedKeys.has(cellKey(a.sheet, a.cell)) || sheets.status(a.sheet) !== 'ok');
  const stale = earlier.filter((a) => sheets.status(a.sheet) === 'ok');
  const kept = earlier.filter((a) => sheets.status(a.sheet) === 'protected');
  const hasComments = (commentList?.items.length ?? 0) > 0;
  const locateComments = hasComments && (channel === 'comment' || stale.some((a) => a.via === 'comment'));

  // Only when needed: the look of cells an earlier paint coloured, and where the comments sit.
  let comments: CommentIndex | null = null;
  if (stale.length || locateComments) {
    const staleGroups = packBySize(stale, () => REQUEST_BYTES_PER_CELL, budget);
    if (!staleGroups.length) staleGroups.push([]);
    let first = true;
    for (const group of staleGroups) {
      for (const a of group) looks.set(cellKey(a.sheet, a.cell), queueLook(sheets, a.sheet, a.cell, a.via === 'note' && caps.notes, areas));
      if (first && locateComments) comments = queueCommentLocations(commentList!.items);
      first = false;
      await sync();
    }
  }

  // Writes.
  const annotations: AnnotatedCell[] = [];
  const fills: { sheet: string; cell: string; value: FillState }[] = [];
  const fonts: { sheet: string; cell: string; value: string }[] = [];
  const messageJobs: { size: number; run: () => void }[] = [];
  let messages = 0;
  let skippedMessages = 0;
  for (const t of targets) {
    const key = cellKey(t.sheet, t.cell);
    const look = looks.get(key)!;
    const now = look.read();
    const prev = oldByKey.get(key);
    // A cell still showing an earlier paint keeps the look recorded then; anything else is new.
    const painted = prev ? stillPainted(prev, now) : { fill: false, font: false };
    const style = SEVERITY_STYLE[t.severity];
    const fill = `#${style.fill}`;
    const fontColor = `#${style.fontColor}`;
    let priorNote: string | null = null;
    let via: Channel = 'none';
    let hash: string | undefined;
    if (channel === 'note') {
      const current = look.noteText();
      const ours = prev?.via === 'note' && current !== null && textHash(current) === prev.textHash;
      priorNote = ours ? prev!.prior.note : current;
      const desired = priorNote !== null ? `${priorNote}${NOTE_SEPARATOR}${t.text}` : t.text;
      const note = look.note;
      messageJobs.push({
        size: REQUEST_BYTES_PER_CELL / 2 + utf8Length(desired),
        run: () => {
          if (note && !note.isNullObject) note.content = desired;
          else sheets.get(t.sheet).notes.add(t.cell, desired);
        },
      });
      via = 'note';
      hash = textHash(desired);
      messages++;
    } else if (channel === 'comment') {
      const existing = comments?.get(t.sheet, t.cell);
      if (!existing) {
        messageJobs.push({
          size: REQUEST_BYTES_PER_CELL / 2 + utf8Length(t.text),
          run: () => {
            context.workbook.comments.add(sheets.get(t.sheet).getRange(t.cell), t.text);
          },
        });
        via = 'comment';
      } else if (prev?.via === 'comment' && textHash(existing.content) === prev.textHash) {
        messageJobs.push({
          size: REQUEST_BYTES_PER_CELL / 2 + utf8Length(t.text),
          run: () => {
            existing.comment.content = t.text;
          },
        });
        via = 'comment';
      } else {
        skippedMessages++;
      }
      if (via === 'comment') {
        hash = textHash(t.text);
        messages++;
      }
    }
    annotations.push({
      sheet: t.sheet,
      cell: t.cell,
      severity: t.severity,
      prior: {
        fill: painted.fill ? prev!.prior.fill : now.fill,
        fontColor: painted.font ? prev!.prior.fontColor : now.fontColor,
        note: priorNote,
      },
      fill,
      fontColor,
      via,
      ...(hash ? { textHash: hash } : {}),
    });
    fills.push({ sheet: t.sheet, cell: t.cell, value: { color: fill, pattern: 'Solid' } });
    fonts.push({ sheet: t.sheet, cell: t.cell, value: fontColor });
  }

  const next = { version: 1 as const, annotations: [...kept, ...annotations], fixes: old.fixes };
  // The record first, then what takes the old paint off, then the new paint, then the messages.
  const firstSize = stateBytes(next) + (stale.length + targets.length) * 64;
  const jobs = [
    {
      size: firstSize,
      run: () => {
        queueStateWrite(context, next, state.keys());
        queueRestore(sheets, stale, looks, comments, areas);
        queueFills(sheets, fills, areas);
        queueFontColors(sheets, fonts, areas);
      },
    },
    ...messageJobs,
  ];
  for (const group of packBySize(jobs, (j) => j.size, budget)) {
    for (const job of group) job.run();
    await sync();
  }

  const errors = targets.filter((t) => t.severity === 'error').length;
  return {
    cells: targets.length,
    errors,
    warnings: targets.length - errors,
    channel,
    messages,
    skippedMessages,
    restored: stale.length,
    skipped,
    syncs: syncs(),
  };
}
