// Reading a column of function codes as a table reads it: ascending, 类 → 款 → 项, each code a
// child or a later sibling of the branch above it. Used to settle a misaligned block: which codes
// its edge rows lost, and which reading of the block makes the better table.
import { parentCode } from '../classification';
import type { TableContext } from './context';
import type { Witnesses } from './witnesses';

/** One named row of a table, with the code printed beside it (if any). */
export interface Slot {
  code: string | undefined;
  name: string;
}

/** Can `next` follow `prev` in a table of function codes (ascending, 类 → 款 → 项, no level skipped)? */
export function canFollow(prev: string | undefined, next: string | undefined): boolean {
  if (!prev || !next) return true;
  if (next <= prev) return false;
  if (next.length === 3) return true;
  const p = parentCode(next);
  return p !== undefined && prev.startsWith(p);
}

/** How well a table's codes (printed, or as corrected) read: rows with a code, and codes that can follow the one above. */
export function tableScore(seq: readonly Slot[], corrections: Map<number, string | undefined>): number {
  let score = 0;
  let prev: string | undefined;
  seq.forEach((s, i) => {
    const code = corrections.has(i) ? corrections.get(i) : s.code;
    if (!code) return;
    score += 1;
    if (canFollow(prev, code)) score += 1;
    prev = code;
  });
  return score;
}

/**
 * A lost code: a code the witnesses know for the row's name that fits between the codes above and
 * below it (ascending, a child or a sibling of a branch above). Left undefined when none or several fit.
 */
export function deriveLost(block: { corrected: Map<number, string | undefined> }, seq: readonly Slot[], corrections: Map<number, string | undefined>, w: Witnesses, t: TableContext): void {
  const finalCode = (i: number) => (i < 0 || i >= seq.length ? undefined : corrections.has(i) ? corrections.get(i) : seq[i].code);
  const lost = [...block.corrected.keys()].filter((i) => block.corrected.get(i) === undefined).sort((a, b) => a - b);
  const pick = (i: number, needBelow: boolean) => {
    const above = [...Array(i).keys()].reverse().map(finalCode).find((c) => c !== undefined);
    const below = needBelow ? finalCode(i + 1) : undefined;
    const fit = [...w.codesOf(seq[i].name, t)].filter((c) => canFollow(above, c) && canFollow(c, below));
    return fit.length === 1 ? fit[0] : undefined;
  };
  // Twice: codes found on the first pass give the rows next to them a neighbour on the second.
  for (let pass = 0; pass < 2; pass++)
    for (const i of lost)
      if (block.corrected.get(i) === undefined) {
        const code = pick(i, true);
        block.corrected.set(i, code);
        corrections.set(i, code);
      }
}
