// Who knows a code's name: the dictionary (official name and aliases) and the workbook itself
// (the same code printed with a name in another table).
import { dictionary, normalizeName, type SchemeEntry } from '../classification';
import type { TableRow } from '../recognize';
import type { CheckContext, TableContext } from './context';

export const CODED_KINDS = new Set(['income', 'expenditure', 'general-expenditure', 'fund-income', 'fund-expenditure', 'state-capital-expenditure', 'basic-economic']);

/** A code printed with a name in one of the workbook's tables. */
export interface PrintedName {
  readonly name: string;
  /** normalizeName(name) */
  readonly norm: string;
  readonly t: TableContext;
  readonly row: number;
  readonly col: number;
}

export interface Witnesses {
  /** Normalised names a code is known by. */
  namesOf(code: string, except?: TableContext): Set<string>;
  /** Whether a code is known by this normalised name: namesOf(code, except).has(norm), without the set. */
  knows(code: string, norm: string, except?: TableContext): boolean;
  /** Codes known for a normalised name (the dictionary's, and those printed beside it in other tables). */
  codesOf(name: string, except?: TableContext): Set<string>;
  /** Where the workbook prints this code with another name. */
  workbookNames(code: string, except?: TableContext): { name: string; where: string }[];
  /** Every place the workbook prints this code (all tables). */
  printed(code: string): readonly PrintedName[];
  /** normalizeName, remembered for the whole check. */
  norm(name: string): string;
  /** The dictionary's entry for a code (dictionary.lookup), remembered for the whole check. */
  entry(code: string): SchemeEntry | undefined;
}

/** Look-ups that stay true for a whole check, whatever the rows say. */
interface Memo {
  readonly names: Map<string, string>;
  readonly entries: Map<string, SchemeEntry | undefined>;
  /** Normalised official name and aliases per code. */
  readonly known: Map<string, readonly string[]>;
}

export function buildWitnesses(ctx: CheckContext, memo: Memo = { names: new Map(), entries: new Map(), known: new Map() }): Witnesses {
  const norm = (name: string): string => {
    let n = memo.names.get(name);
    if (n === undefined) memo.names.set(name, (n = normalizeName(name)));
    return n;
  };
  const entry = (code: string): SchemeEntry | undefined => {
    if (memo.entries.has(code)) return memo.entries.get(code);
    const e = dictionary.lookup(code);
    memo.entries.set(code, e);
    return e;
  };
  const dictionaryNames = (code: string): readonly string[] => {
    let names = memo.known.get(code);
    if (!names) {
      const e = entry(code);
      names = e ? [normalizeName(e.name), ...e.aliases.map((a) => normalizeName(a.name))] : [];
      memo.known.set(code, names);
    }
    return names;
  };
  const printed = new Map<string, PrintedName[]>();
  for (const t of ctx.tables) {
    if (!CODED_KINDS.has(t.table.kind)) continue;
    // The rows as the checks use them: a block found misaligned speaks with its corrected codes.
    for (const r of t.rows) {
      if (!r.code || !r.name) continue;
      const p: PrintedName = { name: r.name, norm: norm(r.name), t, row: r.row, col: r.nameCol ?? 0 };
      const list = printed.get(r.code);
      if (list) list.push(p);
      else printed.set(r.code, [p]);
    }
  }
  const none: readonly PrintedName[] = [];
  return {
    namesOf(code, except) {
      const out = new Set<string>(dictionaryNames(code));
      for (const p of printed.get(code) ?? none) if (p.t !== except) out.add(p.norm);
      return out;
    },
    knows(code, n, except) {
      if (dictionaryNames(code).includes(n)) return true;
      for (const p of printed.get(code) ?? none) if (p.norm === n && p.t !== except) return true;
      return false;
    },
    codesOf(name, except) {
      const n = norm(name);
      const out = new Set<string>();
      for (const e of dictionary.findCodesByName(name)) if (e.scheme === 'function') out.add(e.code);
      for (const [code, list] of printed) if (list.some((p) => p.norm === n && p.t !== except)) out.add(code);
      return out;
    },
    workbookNames(code, except) {
      return (printed.get(code) ?? none).filter((p) => p.t !== except).map((p) => ({ name: p.name, where: p.t.qualified(p.row, p.col) }));
    },
    printed(code) {
      return printed.get(code) ?? none;
    },
    norm,
    entry,
  };
}

const shared = new WeakMap<CheckContext, { rows: (readonly TableRow[])[]; w: Witnesses; memo: Memo }>();

/**
 * The witnesses for the tables' rows as they are now, built once and shared by the rules of one
 * check; built again only after a rule has changed a coded table's rows (misaligned codes corrected).
 */
export function witnessesOf(ctx: CheckContext): Witnesses {
  const rows = ctx.tables.filter((t) => CODED_KINDS.has(t.table.kind)).map((t) => t.rows);
  const prev = shared.get(ctx);
  if (prev && prev.rows.length === rows.length && prev.rows.every((r, i) => r === rows[i])) return prev.w;
  const memo: Memo = prev?.memo ?? { names: new Map(), entries: new Map(), known: new Map() };
  const w = buildWitnesses(ctx, memo);
  shared.set(ctx, { rows, w, memo });
  return w;
}
