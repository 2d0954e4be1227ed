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

/** What the witnesses know of one code. */
export interface CodeWitness {
  readonly code: string;
  /** Every place the workbook prints the code with a name (all coded tables). */
  readonly printed: readonly PrintedName[];
  /** The dictionary's entry (dictionary.lookup), remembered. */
  entry(): SchemeEntry | undefined;
  /** Whether the code is known by this normalised name: namesOf(code, except).has(norm). */
  knows(norm: string, except?: TableContext): boolean;
  /** Whether every place the workbook prints the code gives it this normalised name. */
  printedOnlyAs(norm: string): boolean;
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
  /** The code of row i of a coded table, without a look-up by code (undefined: the row has none). */
  at(t: TableContext, i: number): CodeWitness | undefined;
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

const newMemo = (): Memo => ({ names: new Map(), entries: new Map(), known: new Map() });

class CodeRecord implements CodeWitness {
  readonly printed: PrintedName[] = [];
  private found = false;
  private dictEntry: SchemeEntry | undefined = undefined;
  private dictNames: readonly string[] | undefined = undefined;
  /** The one normalised name of all printings, null when they differ (worked out when first asked). */
  private uniformNorm: string | null | undefined = undefined;

  constructor(
    readonly code: string,
    private readonly memo: Memo,
  ) {}

  entry(): SchemeEntry | undefined {
    if (!this.found) {
      this.found = true;
      const { entries } = this.memo;
      if (entries.has(this.code)) this.dictEntry = entries.get(this.code);
      else entries.set(this.code, (this.dictEntry = dictionary.lookup(this.code)));
    }
    return this.dictEntry;
  }

  /** The dictionary's names for the code, normalised. */
  names(): readonly string[] {
    if (!this.dictNames) {
      let names = this.memo.known.get(this.code);
      if (!names) {
        const e = this.entry();
        names = e ? [normalizeName(e.name), ...e.aliases.map((a) => normalizeName(a.name))] : [];
        this.memo.known.set(this.code, names);
      }
      this.dictNames = names;
    }
    return this.dictNames;
  }

  /** Whether every printing of the code carries this one normalised name (none counts too). */
  printedOnlyAs(norm: string): boolean {
    if (this.uniformNorm === undefined) {
      const first = this.printed[0]?.norm ?? '';
      this.uniformNorm = this.printed.every((p) => p.norm === first) ? first : null;
    }
    return this.printed.length === 0 || this.uniformNorm === norm;
  }

  knows(norm: string, except?: TableContext): boolean {
    if (this.names().includes(norm)) return true;
    for (const p of this.printed) if (p.norm === norm && p.t !== except) return true;
    return false;
  }
}

export function buildWitnesses(ctx: CheckContext, memo: Memo = newMemo()): Witnesses {
  const norm = (name: string): string => {
    let n = memo.names.get(name);
    if (n === undefined) memo.names.set(name, (n = normalizeName(name)));
    return n;
  };
  const records = new Map<string, CodeRecord>();
  const record = (code: string): CodeRecord => {
    let rec = records.get(code);
    if (!rec) records.set(code, (rec = new CodeRecord(code, memo)));
    return rec;
  };
  /** Each coded table's rows as built from, and the record of each row's code. */
  const byRow = new Map<TableContext, { rows: readonly TableRow[]; at: (CodeRecord | undefined)[] }>();
  for (const t of ctx.tables) {
    if (!CODED_KINDS.has(t.table.kind)) continue;
    const at: (CodeRecord | undefined)[] = [];
    // The rows as the checks use them: a block found misaligned speaks with its corrected codes.
    for (const r of t.rows) {
      const rec = r.code ? record(r.code) : undefined;
      at.push(rec);
      if (rec && r.name) rec.printed.push({ name: r.name, norm: norm(r.name), t, row: r.row, col: r.nameCol ?? 0 });
    }
    byRow.set(t, { rows: t.rows, at });
  }
  const none: readonly PrintedName[] = [];
  return {
    namesOf(code, except) {
      const rec = record(code);
      const out = new Set<string>(rec.names());
      for (const p of rec.printed) if (p.t !== except) out.add(p.norm);
      return out;
    },
    knows(code, n, except) {
      return record(code).knows(n, except);
    },
    codesOf(name, except) {
      const n = norm(name);
      const out = new Set<string>();
      for (const e of dictionary.findCodesByName(name)) if (e.scheme === 'function') out.add(e.code);
      for (const [code, rec] of records) if (rec.printed.some((p) => p.norm === n && p.t !== except)) out.add(code);
      return out;
    },
    workbookNames(code, except) {
      return (records.get(code)?.printed ?? none).filter((p) => p.t !== except).map((p) => ({ name: p.name, where: p.t.qualified(p.row, p.col) }));
    },
    printed(code) {
      return records.get(code)?.printed ?? none;
    },
    at(t, i) {
      const built = byRow.get(t);
      if (built && built.rows === t.rows) return built.at[i];
      const code = t.rows[i]?.code;
      return code ? record(code) : undefined;
    },
    norm,
    entry(code) {
      return record(code).entry();
    },
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
  const memo: Memo = prev?.memo ?? newMemo();
  const w = buildWitnesses(ctx, memo);
  shared.set(ctx, { rows, w, memo });
  return w;
}
