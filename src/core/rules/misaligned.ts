// A code column shifted against its names: the names (and their amounts) fit the codes N rows
// away. One finding per block, with the offset and the corrected codes; the table's hierarchy is
// then rebuilt from the corrected codes so the sums are judged as the names mean them.
import type { Finding } from '../findings';
import { assignHierarchy, type RowDraft } from '../recognize/hierarchy';
import { rangeAddress } from '../workbook/address';
import type { CheckContext, TableContext } from './context';
import type { Rule } from './rule';
import { deriveLost, tableScore, type Slot } from './code-sequence';
import { CODED_KINDS, witnessesOf } from './witnesses';

const MAX_OFFSET = 4;

interface Block {
  /** indexes into the slot sequence */
  first: number;
  last: number;
  /** name i fits code i + k */
  k: number;
  corrected: Map<number, string | undefined>;
}

/** A run of names that fit the codes k rows away, before its edges are settled. */
interface Run {
  start: number;
  end: number;
  k: number;
}

/**
 * The block a run stands for: the run's names take the codes k rows away; the rows at the edge the
 * codes moved away from (k < 0: above the run; k > 0: below it) have lost their codes. A name that
 * repeats (其他支出, 一般行政管理事务) can fit by accident at the edge of the run, so the run may be
 * cut back there by up to |k| rows; `choose` picks the reading whose codes make the best table.
 */
function blockOf(run: Run, seq: Slot[], taken: Set<number>, trim: number): Block | undefined {
  const { k } = run;
  const start = k < 0 ? run.start + trim : run.start;
  const end = k > 0 ? run.end - trim : run.end;
  if (end - start + 1 < 3) return undefined;
  const corrected = new Map<number, string | undefined>();
  for (let i = start; i <= end; i++) corrected.set(i, seq[i + k].code);
  const edge = k < 0 ? [...Array(-k).keys()].map((d) => start - 1 - d) : [...Array(k).keys()].map((d) => end + 1 + d);
  for (const i of edge) if (i >= 0 && i < seq.length && !taken.has(i)) corrected.set(i, undefined);
  const idx = [...corrected.keys()];
  return { first: Math.min(...idx), last: Math.max(...idx), k, corrected };
}

function findBlocks(seq: Slot[], fits: (i: number, j: number) => boolean, choose: (candidates: Block[]) => Block): Block[] {
  const blocks: Block[] = [];
  const taken = new Set<number>();
  const n = seq.length;
  // A block needs two rows or more whose names do not fit their own codes, so only the runs through
  // such rows are looked at: the same runs a scan of every row finds, in the same order, without
  // testing every row against every offset.
  const own: boolean[] = [];
  const wrong: number[] = [];
  for (let i = 0; i < n; i++) {
    own.push(fits(i, i));
    if (!own[i]) wrong.push(i);
  }
  if (wrong.length < 2) return blocks;
  for (let k = -MAX_OFFSET; k <= MAX_OFFSET; k++) {
    if (k === 0) continue;
    const fitsAt = (i: number) => i + k >= 0 && i + k < n && fits(i, i + k);
    const close = (start: number, end: number) => {
      const run: number[] = [];
      for (let i = start; i <= end; i++) run.push(i);
      const wrongHere = run.filter((i) => !own[i]).length;
      if (run.length >= 3 && wrongHere >= 2 && wrongHere * 2 >= run.length && run.every((i) => !taken.has(i))) {
        const candidates: Block[] = [];
        for (let trim = 0; trim <= Math.abs(k); trim++) {
          const b = blockOf({ start, end, k }, seq, taken, trim);
          if (b) candidates.push(b);
        }
        if (candidates.length) {
          const b = choose(candidates);
          blocks.push(b);
          b.corrected.forEach((_, i) => taken.add(i));
        }
      }
    };
    let covered = -1; // the last row of the run handled last
    for (const w of wrong) {
      if (w <= covered || !fitsAt(w)) continue;
      let start = w;
      while (start - 1 > covered && fitsAt(start - 1)) start--;
      let end = w;
      while (end + 1 < n && fitsAt(end + 1)) end++;
      covered = end;
      close(start, end);
    }
  }
  return blocks;
}

function rebuild(t: TableContext, corrections: Map<number, string | undefined>, codeCol: number): void {
  const drafts: RowDraft[] = t.rows.map((r, i) => {
    const code = corrections.has(i) ? corrections.get(i) : r.code;
    const cols = r.codeCols ? [...r.codeCols] : [codeCol];
    return {
      row: r.row,
      ...(r.side ? { side: r.side } : {}),
      ...(code ? { code, codeCols: cols } : {}),
      name: r.name,
      ...(r.nameCol !== undefined ? { nameCol: r.nameCol } : {}),
      indent: 0,
      isTotal: r.isTotal,
    };
  });
  t.setRows(assignHierarchy(drafts, 'function', { economicClassNames: new Set() }));
}

export const misalignedRule: Rule = {
  id: 'misaligned',
  run(ctx: CheckContext): Finding[] {
    const w = witnessesOf(ctx);
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      if (!CODED_KINDS.has(t.table.kind) || t.table.kind === 'basic-economic') continue;
      // Every named row takes part, with or without a code: a shift leaves blank code cells behind.
      const named: number[] = [];
      t.rows.forEach((r, i) => {
        if (r.name && !r.isTotal) named.push(i);
      });
      if (named.filter((i) => t.rows[i].code).length < 4) continue;
      const seq: Slot[] = named.map((i) => ({ code: t.rows[i].code, name: t.rows[i].name }));
      const names = seq.map((s) => w.norm(s.name));
      const codes = named.map((i) => w.at(t, i));
      const fits = (i: number, j: number) => codes[j]?.knows(names[i], t) ?? false;
      const corrections = new Map<number, string | undefined>();
      // The reading whose codes, lost ones derived, make the most rows a table can have: a code on
      // each row, each code a child or a later sibling of the branch above it. Ties: the longest run.
      const choose = (candidates: Block[]): Block => {
        let best: { b: Block; score: number; fixed: Map<number, string | undefined> } | undefined;
        for (const b of candidates) {
          const trial = new Map(corrections);
          for (const [i, c] of b.corrected) trial.set(i, c);
          const fixed = new Map(b.corrected);
          deriveLost({ ...b, corrected: fixed }, seq, trial, w, t);
          const score = tableScore(seq, trial);
          if (!best || score > best.score) best = { b, score, fixed };
        }
        const chosen = { ...best!.b, corrected: best!.fixed };
        for (const [i, c] of chosen.corrected) corrections.set(i, c);
        return chosen;
      };
      const blocks = findBlocks(seq, fits, choose);
      if (!blocks.length) continue;
      const codeCol =
        t.table.columns.find((c) => c.role === 'code' || c.role === 'code-name')?.col ?? t.rows.find((r) => r.codeCols)?.codeCols?.[0] ?? 0;
      for (const b of blocks) {
        const idx = [...b.corrected.keys()].sort((x, y) => x - y);
        idx.forEach((i) => t.misalignedRows.add(named[i]));
        const rows = idx.map((i) => t.rows[named[i]]);
        const range = { top: rows[0].row, left: codeCol, bottom: rows[rows.length - 1].row, right: codeCol };
        const offset = -b.k; // positive: each code belongs that many rows lower
        const fixes = idx.map((i) => ({
          cell: t.address(t.rows[named[i]].row, codeCol),
          name: seq[i].name,
          from: seq[i].code ?? null,
          to: b.corrected.get(i) ?? null,
        }));
        const list = fixes.map((f) => `${f.to ?? '?'} ${f.name}`).join('、');
        const listEn = fixes.map((f) => `${f.to ?? '?'} ${f.name}`).join(', ');
        const firstRow = t.rowLabel(named[idx[0]]);
        const where = t.label();
        const dirZh = offset > 0 ? `下移 ${offset} 行` : `上移 ${-offset} 行`;
        const dirEn = offset > 0 ? `${offset} row(s) lower` : `${-offset} row(s) higher`;
        out.push({
          rule: 'misaligned',
          severity: 'error',
          sheet: t.table.sheet,
          cell: t.address(range.top, codeCol),
          range: rangeAddress(range),
          table: t.table.id,
          expected: fixes.map((f) => f.to ?? '?').join(' '),
          actual: fixes.map((f) => f.from ?? '—').join(' '),
          related: [],
          rowLabel: firstRow,
          columnLabel: t.columnLabel(codeCol),
          details: { offset, corrected: fixes },
          message: {
            zh: `${where.zh} 科目编码与名称错位（自「${firstRow}」起共 ${fixes.length} 行）：每个编码应${dirZh}。更正后：${list}`,
            en: `${where.en} codes are shifted against their names (${fixes.length} rows from "${firstRow}"): each code belongs ${dirEn}. Corrected: ${listEn}`,
          },
        });
      }
      const byRow = new Map<number, string | undefined>();
      for (const [i, c] of corrections) byRow.set(named[i], c);
      rebuild(t, byRow, codeCol);
    }
    return out;
  },
};
