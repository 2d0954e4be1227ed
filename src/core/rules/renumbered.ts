// Codes renumbered in sequence: under one parent the 款 or 项 codes run 01, 02, 03 … (typed as a
// counter, or renumbered after a row was deleted) while the names beside them belong to other
// official codes of the same parent. One finding per run, with the corrected codes; the table's rows
// then carry the corrected codes, so the code, sum and cross-table checks judge the rows as the
// names mean them (no cascade of code-name or cross-table findings from the same cause).
import { dictionary, normalizeName } from '../classification';
import type { Finding } from '../findings';
import type { TableRow } from '../recognize';
import { rangeAddress } from '../workbook/address';
import type { CheckContext, TableContext } from './context';
import type { Rule } from './rule';
import { CODED_KINDS } from './witnesses';

/** One coded row under a parent, as printed. */
interface Member {
  /** index into t.rows */
  i: number;
  code: string;
  /** the code's last two digits, as a number */
  n: number;
}

/** What the witnesses say about one printed code and its name. */
type Verdict =
  | { kind: 'right' }
  | { kind: 'unknown' }
  /** `witness`: 'dictionary', or the cell of another table that prints the name with `to`. */
  | { kind: 'wrong'; to: string; witness: string };

const RIGHT: Verdict = { kind: 'right' };
const UNKNOWN: Verdict = { kind: 'unknown' };

interface Printed {
  code: string;
  t: TableContext;
  /** index into t.rows */
  i: number;
}

/** Normalised names, once per distinct printed name (the same names repeat across the tables). */
class Names {
  private readonly memo = new Map<string, string>();
  norm(name: string): string {
    let n = this.memo.get(name);
    if (n === undefined) this.memo.set(name, (n = normalizeName(name)));
    return n;
  }
}

/** The dictionary by code (its normalised names) and by normalised name (its codes), all schemes. */
let dictionaryIndex: { names: Map<string, Set<string>>; codes: Map<string, string[]> } | undefined;

function dictionaryNames(): NonNullable<typeof dictionaryIndex> {
  if (dictionaryIndex) return dictionaryIndex;
  const names = new Map<string, Set<string>>();
  const codes = new Map<string, string[]>();
  for (const scheme of ['function', 'economic-dept', 'economic-gov'] as const)
    for (const e of dictionary.entries(scheme)) {
      const all = new Set([e.name, ...e.aliases.map((a) => a.name)].map(normalizeName));
      names.set(e.code, all);
      for (const n of all) codes.set(n, [...(codes.get(n) ?? []), e.code]);
    }
  return (dictionaryIndex = { names, codes });
}

/** The workbook as a witness: the codes each name is printed with, and where. */
class PrintedIndex {
  private readonly byName = new Map<string, Printed[]>();

  constructor(ctx: CheckContext, names: Names) {
    for (const t of ctx.tables) {
      if (!CODED_KINDS.has(t.table.kind) || t.table.twoSided) continue;
      t.rows.forEach((r, i) => {
        if (!r.code || !r.name || r.isTotal) return;
        const norm = names.norm(r.name);
        const list = this.byName.get(norm);
        if (list) list.push({ code: r.code, t, i });
        else this.byName.set(norm, [{ code: r.code, t, i }]);
      });
    }
  }

  /** Every printing of this name, in any table. */
  printings(norm: string): readonly Printed[] {
    return this.byName.get(norm) ?? [];
  }
}

function placeOf(p: Printed): string {
  const r = p.t.rows[p.i];
  return p.t.qualified(r.row, r.nameCol ?? r.codeCols?.[0] ?? 0);
}

/** Siblings of one parent: same length, same parent code. */
function isSibling(code: string, parent: string): boolean {
  return code.length === parent.length + 2 && code.startsWith(parent);
}

/**
 * The dictionary first (official names and aliases), then the other tables of the workbook. A name
 * no witness knows under this parent leaves the code `unknown`: no finding of this rule.
 */
function judge(t: TableContext, m: Member, parent: string, norm: string, printed: PrintedIndex): Verdict {
  const dict = dictionaryNames();
  const official = dict.names.get(m.code);
  if (official?.has(norm)) return RIGHT;
  if (official && dictionary.nameMatches(m.code, t.rows[m.i].name).status === 'truncated') return RIGHT;
  const known = dict.codes.get(norm);
  if (known) {
    const siblings = known.filter((c) => isSibling(c, parent));
    if (siblings.length === 1) return { kind: 'wrong', to: siblings[0], witness: 'dictionary' };
    if (siblings.length > 1) return UNKNOWN;
  }
  // The dictionary does not know the name under this parent: what do the other tables print?
  let other: Printed | undefined;
  for (const p of printed.printings(norm)) {
    if (p.t === t) continue;
    if (p.code === m.code) {
      if (!official) return RIGHT;
      continue;
    }
    if (!isSibling(p.code, parent) || dict.names.has(p.code)) continue;
    if (other && other.code !== p.code) return UNKNOWN;
    other ??= p;
  }
  return other ? { kind: 'wrong', to: other.code, witness: placeOf(other) } : UNKNOWN;
}

/**
 * Sibling groups in table order: the 款 rows of one 类, the 项 rows of one 款. A group ends where the
 * table leaves its parent's branch; a row without a code or inside a misaligned block ends every group.
 */
function siblingGroups(t: TableContext): { parent: string; members: Member[] }[] {
  const done: { parent: string; members: Member[] }[] = [];
  let open: { parent: string; members: Member[] }[] = [];
  const closeAll = () => {
    done.push(...open);
    open = [];
  };
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.isTotal || !r.name) continue;
    const code = r.code;
    if (!code || t.misalignedRows.has(i)) {
      closeAll();
      continue;
    }
    if (open.some((g) => !code.startsWith(g.parent))) {
      for (const g of open) if (!code.startsWith(g.parent)) done.push(g);
      open = open.filter((g) => code.startsWith(g.parent));
    }
    // 款 (5 digits) under a 类, 项 (7) under a 款; codes are read as digits only
    if (code.length !== 5 && code.length !== 7) continue;
    const parent = code.slice(0, -2);
    let g = open.find((x) => x.parent === parent);
    if (!g) open.push((g = { parent, members: [] }));
    g.members.push({ i, code, n: Number(code.slice(-2)) });
  }
  closeAll();
  return done.filter((g) => g.members.length >= 2);
}

/** Maximal runs of ≥ 2 members whose codes count up by one (…01, …02, …03). */
function consecutiveRuns(members: readonly Member[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  for (let k = 1; k <= members.length; k++) {
    const next = k < members.length && members[k].n === members[k - 1].n + 1;
    if (next) continue;
    if (k - start >= 2) runs.push([start, k - 1]);
    start = k;
  }
  return runs;
}

/** The cell that holds the code's last digits: the one code cell, or the 款/项 column of split codes. */
function codeCell(r: TableRow): number {
  const cols = r.codeCols ?? [0];
  if (cols.length === 1 || !r.code) return cols[0];
  return cols[Math.min(cols.length, (r.code.length - 1) / 2) - 1] ?? cols[cols.length - 1];
}

/**
 * What the code cell holds and what it should hold: the code (`2080503` → `2080505`), a code with its
 * name (`2080503 机关…` → `2080505 机关…`), or a split code's last part (`03` → `05`, or 3 → 5 as a number).
 */
function cellEdit(t: TableContext, r: TableRow, col: number, to: string): { from: string; to: string } {
  const from = r.code!;
  const cell = t.sheet.rows[r.row]?.[col];
  const raw = cell ? (cell.value.kind === 'number' ? String(cell.value.value) : (cell.text ?? String(cell.value.value))).trim() : '';
  const split = (r.codeCols?.length ?? 1) > 1;
  const [a, b] = split ? [from.slice(-2), to.slice(-2)] : [from, to];
  if (raw.startsWith(a)) return { from: raw, to: b + raw.slice(a.length) };
  if (split && raw === String(Number(a))) return { from: raw, to: String(Number(b)) };
  return { from, to };
}

function parentLabel(t: TableContext, parent: string): string {
  const row = t.rows.find((r) => r.code === parent);
  const name = row?.name ?? dictionary.lookup(parent)?.name;
  return name ? `${parent} ${name}` : parent;
}

/** One corrected cell, as `details.corrected` lists them. */
export interface RenumberedFix {
  cell: string;
  name: string;
  from: string;
  to: string;
  /** 'dictionary' or the cell of the table that prints the name with the corrected code */
  witness: string;
}

function runFinding(t: TableContext, parent: string, run: Member[], wrong: Map<number, { to: string; witness: string }>): Finding {
  const fixes: RenumberedFix[] = [];
  const codes: { from: string; to: string }[] = [];
  for (const m of run) {
    const w = wrong.get(m.i);
    if (!w) continue;
    const r = t.rows[m.i];
    const col = codeCell(r);
    fixes.push({ cell: t.address(r.row, col), name: r.name, ...cellEdit(t, r, col, w.to), witness: w.witness });
    codes.push({ from: m.code, to: w.to });
  }
  const first = run.find((m) => wrong.has(m.i))!;
  const firstRow = t.rowLabel(first.i);
  const firstCell = t.rows[first.i];
  const top = t.rows[run[0].i];
  const bottom = t.rows[run[run.length - 1].i];
  const col = codeCell(firstCell);
  const where = t.label();
  const under = parentLabel(t, parent);
  const list = codes.map((c, k) => `${c.from}→${c.to} ${fixes[k].name}`);
  const related = [...new Set(fixes.map((f) => f.witness).filter((w) => w !== 'dictionary'))];
  const byDictionary = fixes.some((f) => f.witness === 'dictionary');
  const byZh = [...(byDictionary ? ['科目字典'] : []), ...related].join('、');
  const byEn = [...(byDictionary ? ['the dictionary'] : []), ...related].join(', ');
  const span = `${run[0].code.slice(-2)}–${run[run.length - 1].code.slice(-2)}`;
  return {
    rule: 'renumbered',
    severity: 'error',
    sheet: t.table.sheet,
    cell: t.address(firstCell.row, col),
    range: rangeAddress({ top: top.row, left: codeCell(top), bottom: bottom.row, right: codeCell(bottom) }),
    table: t.table.id,
    expected: codes.map((c) => c.to).join(' '),
    actual: codes.map((c) => c.from).join(' '),
    related,
    rowLabel: firstRow,
    columnLabel: t.columnLabel(col),
    details: { parent, run: run.map((m) => m.code), corrected: fixes },
    message: {
      zh: `${where.zh} ${under} 下的编码按顺序重新编号（${span}，共 ${run.length} 行），${fixes.length} 行编码与名称不符（依据：${byZh}）。更正后：${list.join('、')}`,
      en: `${where.en} the codes under ${under} are numbered in sequence (${span}, ${run.length} rows); ${fixes.length === 1 ? '1 of them does' : `${fixes.length} of them do`} not belong to their names (witness: ${byEn}). Corrected: ${list.join(', ')}`,
    },
  };
}

export const renumberedRule: Rule = {
  id: 'renumbered',
  run(ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    const names = new Names();
    let printed: PrintedIndex | undefined;
    for (const t of ctx.tables) {
      if (!CODED_KINDS.has(t.table.kind) || t.table.twoSided) continue;
      const corrections = new Map<number, string>();
      for (const g of siblingGroups(t)) {
        const runs = consecutiveRuns(g.members);
        if (!runs.length) continue;
        printed ??= new PrintedIndex(ctx, names);
        for (const [a, b] of runs) {
          const run = g.members.slice(a, b + 1);
          const verdicts = run.map((m) => judge(t, m, g.parent, names.norm(t.rows[m.i].name), printed!));
          const wrong = new Map<number, { to: string; witness: string }>();
          verdicts.forEach((v, k) => v.kind === 'wrong' && wrong.set(run[k].i, v));
          if (!wrong.size) continue;
          // Renumbering keeps the names in their order: the corrected codes ascend through the run
          // and fit between the siblings printed before and after it. Anything else (a swap, a
          // shuffle) is left to the code-name rule, cell by cell.
          const targets = verdicts.map((v, k) => (v.kind === 'wrong' ? v.to : v.kind === 'right' ? run[k].code : undefined)).filter((c): c is string => !!c);
          const before = g.members[a - 1]?.code;
          const after = g.members[b + 1]?.code;
          const bounded = [...(before ? [before] : []), ...targets, ...(after ? [after] : [])];
          if (!bounded.every((c, k) => k === 0 || c > bounded[k - 1])) continue;
          const others = new Set(g.members.filter((_, k) => k < a || k > b).map((m) => m.code));
          if ([...wrong.values()].some((w) => others.has(w.to))) continue;
          out.push(runFinding(t, g.parent, run, wrong));
          for (const [i, w] of wrong) corrections.set(i, w.to);
        }
      }
      if (corrections.size) t.setRows(t.rows.map((r, i) => (corrections.has(i) ? { ...r, code: corrections.get(i)! } : r)));
    }
    return out;
  },
};
