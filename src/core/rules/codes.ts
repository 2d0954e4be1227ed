// Every code looked up: its name against the dictionary and the workbook, its place under its
// parent; item names of the summary tables against the official 类 and income-source names.
import { dictionary, normalizeName } from '../classification';
import type { Finding } from '../findings';
import type { CheckContext, TableContext } from './context';
import type { Rule } from './rule';
import { CODED_KINDS, witnessesOf, type PrintedName, type Witnesses } from './witnesses';
import { INCOME_SOURCES } from './income-sources';

function base(t: TableContext, i: number, col: number) {
  const r = t.rows[i];
  const cell = t.address(r.row, col);
  return { sheet: t.table.sheet, cell, range: cell, table: t.table.id, rowLabel: t.rowLabel(i), related: [] as string[] };
}

function checkCodedRow(t: TableContext, i: number, w: Witnesses, names: () => Set<string>): Finding | undefined {
  const r = t.rows[i];
  if (!r.code || !r.name) return undefined;
  const where = t.label();
  const nameCol = r.nameCol ?? r.codeCols?.[0] ?? 0;
  // nameMatches says 'unknown' exactly when the dictionary has no entry: skip it then (it normalises the name first).
  const known = w.at(t, i)!;
  const m = known.entry() ? dictionary.nameMatches(r.code, r.name) : undefined;
  if (m && (m.status === 'match' || m.status === 'alias')) return undefined;
  if (m?.status === 'truncated') {
    return {
      ...base(t, i, nameCol),
      rule: 'truncated',
      severity: 'warning',
      expected: m.fullName,
      actual: r.name,
      message: {
        zh: `${where.zh} ${r.code}：名称「${r.name}」不完整，应为「${m.fullName}」`,
        en: `${where.en} ${r.code}: the name "${r.name}" is cut short; the official name is "${m.fullName}"`,
      },
    };
  }
  if (m?.status === 'mismatch') {
    const elsewhere = m.official !== undefined && names().has(normalizeName(m.official));
    return {
      ...base(t, i, r.codeCols?.[0] ?? nameCol),
      rule: 'code-name',
      severity: elsewhere ? 'error' : 'warning',
      expected: m.official,
      actual: r.name,
      message: {
        zh: `${where.zh} 编码 ${r.code} 的名称应为「${m.official}」，表中为「${r.name}」${elsewhere ? '（该名称在本表另一行出现，编码可能错行）' : ''}`,
        en: `${where.en} code ${r.code} is officially "${m.official}", but the row says "${r.name}"${elsewhere ? ' (that name is on another row: the code may be on the wrong row)' : ''}`,
      },
    };
  }
  // Not in the dictionary: the workbook and the code's structure are the witnesses. Where the tables
  // disagree, the names most tables print win; a tie leaves each side in doubt.
  const mine = w.norm(r.name);
  // Most codes are printed with one name everywhere: then no table says otherwise.
  const other = known.printedOnlyAs(mine) ? undefined : mostPrinted(known.printed, t, mine);
  if (other) {
    const otherWhere = other.t.qualified(other.row, other.col);
    return {
      ...base(t, i, nameCol),
      rule: 'code-name',
      severity: 'warning',
      expected: other.name,
      actual: r.name,
      related: [otherWhere],
      message: {
        zh: `${where.zh} 编码 ${r.code} 在 ${otherWhere} 名为「${other.name}」，此处为「${r.name}」`,
        en: `${where.en} code ${r.code} is "${other.name}" at ${otherWhere} but "${r.name}" here`,
      },
    };
  }
  // One of these per unknown code (every row of a workbook of local codes): written out, not spread.
  const cell = t.address(r.row, r.codeCols?.[0] ?? nameCol);
  return {
    sheet: t.table.sheet,
    cell,
    range: cell,
    table: t.table.id,
    rowLabel: t.rowLabel(i),
    related: [],
    rule: 'unknown-code',
    severity: 'info',
    actual: r.code,
    message: {
      zh: `${where.zh} 编码 ${r.code}「${r.name}」不在科目字典中，未能核对`,
      en: `${where.en} code ${r.code} "${r.name}" is not in the dictionary; not verified`,
    },
  };
}

/**
 * The name other tables print for a code instead of `mine`, when at least as many tables print it as
 * print `mine` (this table counting for `mine`): the first printed of the most printed such names.
 */
function mostPrinted(printed: readonly PrintedName[], t: TableContext, mine: string): PrintedName | undefined {
  let counts: Map<string, number> | undefined;
  let mineCount = 1;
  for (const p of printed) {
    if (p.t === t) continue;
    if (p.norm === mine) mineCount++;
    else (counts ??= new Map()).set(p.norm, (counts.get(p.norm) ?? 0) + 1);
  }
  if (!counts) return undefined;
  let best: PrintedName | undefined;
  let bestCount = 0;
  for (const p of printed) {
    if (p.t === t || p.norm === mine) continue;
    const n = counts.get(p.norm)!;
    if (n > bestCount) [best, bestCount] = [p, n];
  }
  return bestCount >= mineCount ? best : undefined;
}

/** A 款 or 项 code must begin with its parent row's code. */
function checkParent(t: TableContext, i: number): Finding | undefined {
  const r = t.rows[i];
  if (!r.code || r.parent === undefined) return undefined;
  const p = t.rows[r.parent];
  if (!p.code || r.code.startsWith(p.code)) return undefined;
  const where = t.label();
  return {
    ...base(t, i, r.codeCols?.[0] ?? 0),
    rule: 'code-name',
    severity: 'warning',
    expected: `${p.code}…`,
    actual: r.code,
    related: [t.qualified(p.row, p.codeCols?.[0] ?? 0)],
    message: {
      zh: `${where.zh} 编码 ${r.code} 不属于其上级 ${p.code} ${p.name}`,
      en: `${where.en} code ${r.code} does not belong under its parent ${p.code} ${p.name}`,
    },
  };
}

/** Item names of two-sided tables: 类 names on the expense side, income sources on the left. */
function checkItemName(t: TableContext, i: number, official: readonly string[]): Finding | undefined {
  const r = t.rows[i];
  if (r.isTotal || !r.name) return undefined;
  const n = normalizeName(r.name);
  if (n.length < 2 || official.some((o) => normalizeName(o) === n)) return undefined;
  const full = official.filter((o) => normalizeName(o).startsWith(n));
  if (full.length !== 1) return undefined;
  const where = t.label();
  return {
    ...base(t, i, r.nameCol ?? 0),
    rule: 'truncated',
    severity: 'warning',
    expected: full[0],
    actual: r.name,
    message: {
      zh: `${where.zh} 项目名称「${r.name}」不完整，应为「${full[0]}」`,
      en: `${where.en} the item "${r.name}" is cut short; it should read "${full[0]}"`,
    },
  };
}

export const codesRule: Rule = {
  id: 'code-name',
  run(ctx: CheckContext): Finding[] {
    const w = witnessesOf(ctx);
    const out: Finding[] = [];
    const classNames = dictionary.functionClassNames();
    for (const t of ctx.tables) {
      if (t.table.twoSided) {
        t.rows.forEach((r, i) => {
          const f = checkItemName(t, i, r.side === 'income' ? INCOME_SOURCES : classNames);
          if (f) out.push(f);
        });
        continue;
      }
      if (!CODED_KINDS.has(t.table.kind)) continue;
      let nameSet: Set<string> | undefined;
      const names = () => (nameSet ??= new Set(t.rows.map((r) => w.norm(r.name))));
      t.rows.forEach((_, i) => {
        if (t.misalignedRows.has(i)) return;
        const f = checkCodedRow(t, i, w, names) ?? checkParent(t, i);
        if (f) out.push(f);
      });
    }
    return out;
  },
};
