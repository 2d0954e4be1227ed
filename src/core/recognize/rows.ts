// A table's data rows read into drafts: code (one column, split over 类/款/项, or in the name
// cell), name, indentation, total or not. Levels and parents come after, in hierarchy.ts.
import type { SheetGrid } from './grid';
import type { RowDraft } from './hierarchy';
import type { TableColumn } from './model';
import { codeFromText, isTotalName, leadingIndent, norm, splitCodeName } from './text';

/**
 * A code printed over 类 | 款 | 项 columns: 类 may be left blank on continuation rows, 款 and 项 may
 * have lost their leading zero (Excel makes 05 the number 5), or a part may hold the full code.
 */
export function readSplitCode(k: string, s: string, i: string, lastClass: string, lastSection: string): { code: string; parts: number } | undefined {
  if (/^\d{7}$/.test(i)) return { code: i, parts: 3 };
  if (/^\d{5}$/.test(s) && !i) return { code: s, parts: 2 };
  const hasClass = /^\d{3}$/.test(k);
  const sec = /^\d{1,2}$/.test(s) ? s.padStart(2, '0') : '';
  const item = /^\d{1,2}$/.test(i) ? i.padStart(2, '0') : '';
  if (!hasClass && !sec && !item) return undefined;
  const cls = hasClass ? k : lastClass;
  if (!cls) return undefined;
  if (item) {
    // a 项 under the 款 above (款 blank), unless a new 类 starts here
    const section = sec || (hasClass && k !== lastClass ? '' : lastSection);
    return section ? { code: cls + section + item, parts: 3 } : undefined;
  }
  if (sec) return { code: cls + sec, parts: 2 };
  return { code: cls, parts: 1 };
}

export function readRows(grid: SheetGrid, columns: readonly TableColumn[], dataRows: readonly number[], twoSided: boolean): RowDraft[] {
  const drafts: RowDraft[] = [];
  const col = (role: TableColumn['role']) => columns.find((c) => c.role === role)?.col;
  if (twoSided) {
    const sides: ['income' | 'expense', number | undefined][] = [
      ['income', col('income-item')],
      ['expense', col('expense-item')],
    ];
    for (const r of dataRows)
      for (const [side, c] of sides) {
        if (c === undefined) continue;
        const raw = grid.text(r, c);
        if (!raw.trim()) continue;
        drafts.push({ row: r, side, name: raw.trim(), nameCol: c, indent: leadingIndent(raw) + (grid.cell(r, c)?.indent ?? 0) * 2, isTotal: isTotalName(raw) });
      }
    return drafts;
  }
  const codeCol = col('code');
  const nameCol = col('name');
  const codeNameCol = col('code-name');
  const split = [col('code-class'), col('code-section'), col('code-item')];
  let lastClass = '';
  let lastSection = '';
  for (const r of dataRows) {
    let code: string | undefined;
    let codeCols: number[] | undefined;
    let name = '';
    let nc: number | undefined;
    let splitParts: number | undefined;
    if (split[0] !== undefined) {
      const [k, sec, item] = split.map((c) => (c === undefined ? '' : norm(grid.text(r, c))));
      const read = readSplitCode(k, sec, item, lastClass, lastSection);
      if (read) {
        ({ code, parts: splitParts } = read);
        lastClass = code.slice(0, 3);
        lastSection = code.length >= 5 ? code.slice(3, 5) : '';
        codeCols = split.filter((c): c is number => c !== undefined);
      }
    } else if (codeCol !== undefined) {
      code = codeFromText(grid.text(r, codeCol));
      if (code) codeCols = [codeCol];
    }
    if (codeNameCol !== undefined) {
      const raw = grid.text(r, codeNameCol);
      const sc = splitCodeName(raw);
      if (sc) {
        code = sc.code;
        codeCols = [codeNameCol];
        name = sc.name;
      } else name = raw.trim();
      nc = codeNameCol;
    } else if (nameCol !== undefined) {
      name = grid.text(r, nameCol).trim();
      nc = nameCol;
    }
    const rawName = nc !== undefined ? grid.text(r, nc) : '';
    const indent = leadingIndent(rawName) + (nc !== undefined ? (grid.cell(r, nc)?.indent ?? 0) * 2 : 0);
    const totalByName = name ? isTotalName(name) : false;
    const totalInCodeCol = !name && codeCol !== undefined && isTotalName(grid.text(r, codeCol));
    if (totalInCodeCol) name = grid.text(r, codeCol!).trim();
    // Built key by key (same keys, same order as a literal with conditional spreads, which cost far
    // more: this runs once per data row).
    const draft = { row: r } as RowDraft;
    if (code) {
      draft.code = code;
      draft.codeCols = codeCols;
    }
    draft.name = name;
    if (nc !== undefined) draft.nameCol = nc;
    draft.indent = indent;
    draft.isTotal = !code && (totalByName || totalInCodeCol);
    if (splitParts) draft.splitParts = splitParts;
    drafts.push(draft);
  }
  return drafts;
}
