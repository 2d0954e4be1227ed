// The restore record: what every painted cell looked like before, and what every applied fix
// overwrote. It lives in the workbook (so clear and undo work after the file was closed and
// reopened, or on another machine), never only in memory.
//
// Where in the workbook: the add-in's workbook settings (context.workbook.settings, ExcelApi 1.4),
// as JSON split over keys `suanpan.state.0`, `suanpan.state.1`, … under a head key `suanpan.state`.
// Not in a very hidden worksheet: per Microsoft's "Undo support with the Excel JavaScript API"
// table, Worksheet.delete clears the user's undo stack on every platform, and setting
// Worksheet.visibility clears it on Windows and Mac — a state sheet could be neither hidden nor
// removed without costing the user their undo history. Settings are persisted in the file, are
// invisible to the user, are read back in the same sync as the cells, and are not on that list.
// They are scoped to the add-in: another add-in (or another manifest id) does not see them.
import { utf8Length } from './limits';

export const STATE_KEY = 'suanpan.state';
const CHUNK_CHARS = 200_000;

export interface FillState {
  /** '#RRGGBB' as Excel reports it. */
  readonly color: string;
  /** Excel.FillPattern name; 'Solid' for a plain fill. */
  readonly pattern: string;
  readonly patternColor?: string | null;
}

/** How a cell looked: fill (null = none), font colour, and the note on it (null = none). */
export interface CellLook {
  readonly fill: FillState | null;
  readonly fontColor: string | null;
  readonly note: string | null;
}

export type Channel = 'note' | 'comment' | 'none';

export interface AnnotatedCell {
  readonly sheet: string;
  /** A1, no dollars. */
  readonly cell: string;
  readonly severity: 'error' | 'warning';
  /** Before Suanpan painted it (note: the note's text; a threaded comment is never touched). */
  readonly prior: CellLook;
  /** What Suanpan set: fill and font '#RRGGBB'. */
  readonly fill: string;
  readonly fontColor: string;
  /** Where the message went, and a hash of the exact text Suanpan left there. */
  readonly via: Channel;
  readonly textHash?: string;
}

export interface FixedCell {
  readonly cell: string;
  /** The cell before: its formula if it had one, else its value. */
  readonly before: { readonly value: string | number | boolean; readonly formula?: string };
  /** What the fix wrote (as Excel stores it). */
  readonly wrote: string | number;
}

export interface FixRecord {
  readonly id: string;
  readonly sheet: string;
  readonly finding: string;
  readonly at: string;
  readonly cells: readonly FixedCell[];
}

export interface SuanpanState {
  readonly version: 1;
  readonly annotations: readonly AnnotatedCell[];
  readonly fixes: readonly FixRecord[];
}

export const EMPTY_STATE: SuanpanState = { version: 1, annotations: [], fixes: [] };

export interface StateHandle {
  /** The record as read (EMPTY_STATE when there is none). Valid after the sync. */
  read(): SuanpanState;
  /** Keys holding the record now (to delete the ones a smaller record no longer needs). */
  keys(): string[];
}

/** Queues the read of the record; call `read()` after the next sync. */
export function queueStateRead(context: Excel.RequestContext): StateHandle {
  const settings = context.workbook.settings;
  settings.load('items/key,items/value');
  const ours = () => settings.items.filter((s) => s.key === STATE_KEY || s.key.startsWith(`${STATE_KEY}.`));
  return {
    keys: () => ours().map((s) => s.key),
    read: () => {
      const byKey = new Map(ours().map((s) => [s.key, s.value as unknown]));
      const head = byKey.get(STATE_KEY) as { chunks?: unknown } | undefined;
      if (!head || typeof head.chunks !== 'number') return EMPTY_STATE;
      let json = '';
      for (let i = 0; i < head.chunks; i++) {
        const part = byKey.get(`${STATE_KEY}.${i}`);
        if (typeof part !== 'string') return EMPTY_STATE; // a torn record is no record
        json += part;
      }
      try {
        const parsed = JSON.parse(json) as Partial<SuanpanState>;
        return {
          version: 1,
          annotations: Array.isArray(parsed.annotations) ? parsed.annotations : [],
          fixes: Array.isArray(parsed.fixes) ? parsed.fixes : [],
        };
      } catch {
        return EMPTY_STATE;
      }
    },
  };
}

/** Queues writing the record (or removing it when it is empty). */
export function queueStateWrite(context: Excel.RequestContext, state: SuanpanState, existingKeys: readonly string[]): void {
  const settings = context.workbook.settings;
  const empty = state.annotations.length === 0 && state.fixes.length === 0;
  const keep = new Set<string>();
  if (!empty) {
    const json = JSON.stringify(state);
    const chunks = Math.max(1, Math.ceil(json.length / CHUNK_CHARS));
    for (let i = 0; i < chunks; i++) {
      const key = `${STATE_KEY}.${i}`;
      settings.add(key, json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS));
      keep.add(key);
    }
    settings.add(STATE_KEY, { version: 1, chunks });
    keep.add(STATE_KEY);
  }
  for (const key of existingKeys) if (!keep.has(key)) settings.getItem(key).delete();
}

/** Request bytes the record costs to write. */
export function stateBytes(state: SuanpanState): number {
  return utf8Length(JSON.stringify(state)) + 200;
}

/** Short, stable fingerprint of a text Suanpan wrote (to recognise it later). */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16).padStart(8, '0')}`;
}

export function cellKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}
