// Who knows a code's name: the dictionary (official name and aliases) and the workbook itself
// (the same code printed with a name in another table).
import { dictionary, normalizeName } from '../classification';
import type { CheckContext, TableContext } from './context';

export const CODED_KINDS = new Set(['income', 'expenditure', 'general-expenditure', 'fund-income', 'fund-expenditure', 'state-capital-expenditure', 'basic-economic']);

export interface Witnesses {
  /** Normalised names a code is known by. */
  namesOf(code: string, except?: TableContext): Set<string>;
  /** Codes known for a normalised name (the dictionary's, and those printed beside it in other tables). */
  codesOf(name: string, except?: TableContext): Set<string>;
  /** Where the workbook prints this code with another name. */
  workbookNames(code: string, except?: TableContext): { name: string; where: string }[];
}

export function buildWitnesses(ctx: CheckContext): Witnesses {
  const printed = new Map<string, { name: string; norm: string; t: TableContext; where: string }[]>();
  for (const t of ctx.tables) {
    if (!CODED_KINDS.has(t.table.kind)) continue;
    // The rows as the checks use them: a block found misaligned speaks with its corrected codes.
    t.rows.forEach((r) => {
      if (!r.code || !r.name) return;
      const list = printed.get(r.code) ?? [];
      list.push({ name: r.name, norm: normalizeName(r.name), t, where: t.qualified(r.row, r.nameCol ?? 0) });
      printed.set(r.code, list);
    });
  }
  return {
    namesOf(code, except) {
      const out = new Set<string>();
      const e = dictionary.lookup(code);
      if (e) {
        out.add(normalizeName(e.name));
        for (const a of e.aliases) out.add(normalizeName(a.name));
      }
      for (const p of printed.get(code) ?? []) if (p.t !== except) out.add(p.norm);
      return out;
    },
    codesOf(name, except) {
      const n = normalizeName(name);
      const out = new Set<string>();
      for (const e of dictionary.findCodesByName(name)) if (e.scheme === 'function') out.add(e.code);
      for (const [code, list] of printed) if (list.some((p) => p.norm === n && p.t !== except)) out.add(code);
      return out;
    },
    workbookNames(code, except) {
      return (printed.get(code) ?? []).filter((p) => p.t !== except).map((p) => ({ name: p.name, where: p.where }));
    },
  };
}
