// A code column shifted against its names: the names (and their amounts) fit the codes N rows
// away. One finding per block, with the offset and the corrected codes; the table's hierarchy is
// then rebuilt from the corrected codes so the sums are judged as the names mean them.
import type { Finding } from '../findings';
import { assignHierarchy, type RowDraft } from '../recognize/hierarchy';
import { normalizeName } from '../classification';
import { rangeAddress } from '../workbook/address';
import type { CheckContext, TableContext } from './context';
import type { Rule } from './rule';
import { buildWitnesses, CODED_KINDS, type Witnesses } from './witnesses';

const MAX_OFFSET = 4;

interface Block {
  /** indexes into the coded-row sequence */
  first: number;
  last: number;
  /** name i fits code i + k */
  k: number;
  corrected: Map<number, string | undefined>;
}

function findBlocks(seq: { code: string; name: string }[], fits: (i: number, j: number) => boolean): Block[] {
  const blocks: Block[] = [];
  const taken = new Set<number>();
  for (let k = -MAX_OFFSET; k <= MAX_OFFSET; k++) {
    if (k === 0) continue;
    let start = -1;
    const close = (end: number) => {
      if (start < 0) return;
      const run: number[] = [];
      for (let i = start; i <= end; i++) run.push(i);
      const wrongHere = run.filter((i) => !fits(i, i)).length;
      if (run.length >= 3 && wrongHere >= 2 && wrongHere * 2 >= run.length && run.every((i) => !taken.has(i))) {
        const corrected = new Map<number, string | undefined>();
        for (const i of run) corrected.set(i, seq[i + k].code);
        // rows at the edge the codes moved away from have lost their codes
        const edge = k < 0 ? [...Array(-k).keys()].map((d) => start - 1 - d) : [...Array(k).keys()].map((d) => end + 1 + d);
        for (const i of edge) if (i >= 0 && i < seq.length && !fits(i, i)) corrected.set(i, undefined);
        const idx = [...corrected.keys()];
        blocks.push({ first: Math.min(...idx), last: Math.max(...idx), k, corrected });
        idx.forEach((i) => taken.add(i));
      }
      start = -1;
    };
    for (let i = 0; i < seq.length; i++) {
      const j = i + k;
      if (j >= 0 && j < seq.length && fits(i, j)) {
        if (start < 0) start = i;
      } else close(i - 1);
    }
    close(seq.length - 1);
  }
  return blocks;
}

/** A lost code: a code known for the name that fits the corrected codes around it. */
function deriveLost(block: Block, seq: { code: string; name: string }[], w: Witnesses): void {
  const order = [...block.corrected.keys()].sort((a, b) => (block.k < 0 ? b - a : a - b));
  for (const i of order) {
    if (block.corrected.get(i) !== undefined) continue;
    const neighbour = block.corrected.get(block.k < 0 ? i + 1 : i - 1);
    const candidates = [...w.codesOf(seq[i].name)];
    const fit = candidates.filter((c) => neighbour && (neighbour.startsWith(c) || c.startsWith(neighbour.slice(0, 3))));
    const best = fit.find((c) => neighbour && neighbour.startsWith(c)) ?? (fit.length === 1 ? fit[0] : undefined);
    block.corrected.set(i, best);
  }
}

function rebuild(t: TableContext, corrections: Map<number, string | undefined>): void {
  const drafts: RowDraft[] = t.rows.map((r, i) => {
    const code = corrections.has(i) ? corrections.get(i) : r.code;
    return {
      row: r.row,
      ...(r.side ? { side: r.side } : {}),
      ...(code ? { code, codeCols: r.codeCols as number[] } : {}),
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
    const w = buildWitnesses(ctx);
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      if (!CODED_KINDS.has(t.table.kind) || t.table.kind === 'basic-economic') continue;
      const coded: number[] = [];
      t.rows.forEach((r, i) => {
        if (r.code && r.name && !r.isTotal) coded.push(i);
      });
      if (coded.length < 4) continue;
      const seq = coded.map((i) => ({ code: t.rows[i].code!, name: t.rows[i].name }));
      const names = seq.map((s) => normalizeName(s.name));
      const known = seq.map((s) => w.namesOf(s.code, t));
      const fits = (i: number, j: number) => known[j].has(names[i]);
      const blocks = findBlocks(seq, fits);
      if (!blocks.length) continue;
      const corrections = new Map<number, string | undefined>();
      for (const b of blocks) {
        deriveLost(b, seq, w);
        const idx = [...b.corrected.keys()].sort((x, y) => x - y);
        idx.forEach((i) => {
          corrections.set(coded[i], b.corrected.get(i));
          t.misalignedRows.add(coded[i]);
        });
        const rows = idx.map((i) => t.rows[coded[i]]);
        const codeCol = rows[0].codeCols?.[0] ?? 0;
        const range = { top: rows[0].row, left: codeCol, bottom: rows[rows.length - 1].row, right: codeCol };
        const offset = -b.k; // positive: each code belongs that many rows lower
        const fixes = idx.map((i) => ({
          cell: t.address(t.rows[coded[i]].row, codeCol),
          name: seq[i].name,
          from: seq[i].code,
          to: b.corrected.get(i) ?? null,
        }));
        const list = fixes.map((f) => `${f.to ?? '?'} ${f.name}`).join('、');
        const firstRow = t.rowLabel(coded[idx[0]]);
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
          actual: fixes.map((f) => f.from).join(' '),
          related: [],
          rowLabel: firstRow,
          columnLabel: t.columnLabel(codeCol),
          details: { offset, corrected: fixes },
          message: {
            zh: `${where.zh} 科目编码与名称错位（自「${firstRow}」起共 ${fixes.length} 行）：每个编码应${dirZh}。更正后：${list}`,
            en: `${where.en} codes are shifted against their names (${fixes.length} rows from "${firstRow}"): each code belongs ${dirEn}. Corrected: ${list}`,
          },
        });
      }
      rebuild(t, corrections);
    }
    return out;
  },
};
