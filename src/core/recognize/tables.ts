// One table from one header block: its title and unit above, its columns, its data rows below.
import type { SheetGrid } from './grid';
import {
  headerChains,
  isAmountRole,
  isHeaderRow,
  plainColumns,
  rawColumns,
  twoSidedColumns,
  type HeaderBlock,
} from './headers';
import { assignHierarchy, type HierarchyHints, type RowDraft } from './hierarchy';
import type { RecognizedTable, TableColumn } from './model';
import { kindFromTitle, TABLE_SPECS, type TableSpec } from './specs/tables';
import {
  codeFromText,
  isTotalName,
  LABEL_RE,
  leadingIndent,
  norm,
  NOTE_RE,
  SECTION_RE,
  splitCodeName,
  unitOf,
  yearOf,
} from './text';

export interface Preamble {
  titleRow?: number;
  title?: string;
  labelRow?: number;
  unitRow?: number;
  unit?: RecognizedTable['unit'];
  top: number;
}

/** Title, label and unit lines above a header block (and a unit printed in the header rows). */
export function findPreamble(grid: SheetGrid, block: HeaderBlock, floor: number): Preamble {
  const p: Preamble = { top: block.first };
  let looked = 0;
  for (let r = block.first - 1; r >= floor && looked < 6; r--) {
    if (grid.isRowBlank(r)) continue;
    looked++;
    const cols = grid.filledCols(r);
    if (cols.length > 3 || cols.some((c) => grid.isNumberCell(r, c))) break;
    const joined = cols.map((c) => grid.text(r, c).trim()).join(' ');
    const n = norm(joined);
    const unit = unitOf(joined);
    if (unit && p.unitRow === undefined) {
      p.unitRow = r;
      p.unit = unit;
      p.top = r;
      const rest = n.replace(/单位[:：](万元|千元|亿元|元)/, '');
      if (rest.length > 4 && p.titleRow === undefined && kindFromTitle(rest)) {
        p.titleRow = r;
        p.title = joined.replace(/单位[:：]\s*(万元|千元|亿元|元)/, '').trim();
      }
      continue;
    }
    if (LABEL_RE.test(n)) {
      p.labelRow = r;
      p.top = r;
      break;
    }
    if (p.titleRow === undefined && (kindFromTitle(n) || /表$/.test(n))) {
      p.titleRow = r;
      p.title = joined;
      p.top = r;
      continue;
    }
    if (p.titleRow !== undefined) break;
    // a sub-title such as 部门名称 between title and unit line: keep looking
  }
  if (p.unit === undefined) {
    for (let r = block.first; r <= block.last; r++)
      for (const c of grid.filledCols(r)) {
        const u = unitOf(grid.text(r, c));
        if (u) {
          p.unit = u;
          p.unitRow = r;
        }
      }
  }
  return p;
}

function kindFromColumns(columns: readonly TableColumn[]): TableSpec | undefined {
  const roles = new Set(columns.map((c) => c.role));
  const hasItems = roles.has('code') || roles.has('code-name') || roles.has('name');
  if (!hasItems) return undefined;
  return TABLE_SPECS.find(
    (s) => s.columnSignature.length > 0 && s.columnSignature.every((group) => group.every((r) => roles.has(r))),
  );
}

export interface TableBuildContext {
  readonly grid: SheetGrid;
  readonly sheetName: string;
  readonly hints: HierarchyHints;
}

export type TableOutcome =
  | { ok: true; table: Omit<RecognizedTable, 'id'> }
  | { ok: false; reason: string; top: number; bottom: number; left: number; right: number };

/** True when row r repeats the header rows (a header printed again after a page break). */
function repeatsHeader(grid: SheetGrid, block: HeaderBlock, r: number): boolean {
  if (!isHeaderRow(grid, r)) return false;
  const texts = grid.rowTexts(r).map(norm).join('|');
  for (let h = block.first; h <= block.last; h++) if (grid.rowTexts(h).map(norm).join('|') === texts) return true;
  return false;
}

export function buildTable(ctx: TableBuildContext, block: HeaderBlock, pre: Preamble, limit: number): TableOutcome {
  const { grid } = ctx;
  const titleNorm = pre.title ? norm(pre.title) : '';
  let spec = titleNorm ? kindFromTitle(titleNorm) : undefined;
  if (!spec) spec = kindFromTitle(norm(ctx.sheetName));
  const year = pre.title ? yearOf(pre.title) : undefined;

  // Columns may extend right of the header (a header cell merged over two amount columns).
  const raw = rawColumns(headerChains(grid, block), year);
  let columns = spec?.rows === 'two-sided' ? twoSidedColumns(raw) : plainColumns(raw, spec?.singleAmountRole);
  if (!spec) spec = kindFromColumns(columns);
  if (!spec) {
    return { ok: false, reason: 'header found, but neither title nor columns tell which table it is', top: pre.top, bottom: block.last, left: block.left, right: block.right };
  }
  if (spec.rows === 'two-sided' && !columns.some((c) => c.role === 'expense-item')) {
    columns = twoSidedColumns(raw);
  }

  const codeCol = columns.find((c) => c.role === 'code')?.col;
  const nameCol = columns.find((c) => c.role === 'name')?.col;
  const amountCols = columns.filter((c) => isAmountRole(c.role)).map((c) => c.col);
  const notes: { row: number; text: string }[] = [];

  // Scan down for data rows.
  const candidates: number[] = [];
  let lastEvidence = -1;
  for (let r = block.last + 1; r <= limit; r++) {
    if (grid.isRowBlank(r)) continue;
    if (repeatsHeader(grid, block, r)) continue;
    if (isHeaderRow(grid, r)) break;
    const cols = grid.filledCols(r);
    const first = grid.text(r, cols[0]).trim();
    const firstNorm = norm(first);
    if (NOTE_RE.test(firstNorm) || /^注[:：]/.test(first)) {
      notes.push({ row: r, text: first });
      break;
    }
    if (LABEL_RE.test(firstNorm) || SECTION_RE.test(firstNorm)) break;
    const hasAmount = amountCols.some((c) => grid.isNumeric(r, c));
    const joined = norm(cols.map((c) => grid.text(r, c)).join(''));
    if (!hasAmount && cols.length <= 2 && /表$/.test(joined) && kindFromTitle(joined)) break;
    if (!hasAmount && cols.length === 1 && first.length > 40) break;
    candidates.push(r);
    const codeEvidence =
      (codeCol !== undefined && codeFromText(grid.text(r, codeCol)) !== undefined) ||
      (nameCol !== undefined && splitCodeName(grid.text(r, nameCol)) !== undefined);
    const totalEvidence = cols.some((c) => isTotalName(grid.text(r, c)));
    if (hasAmount || codeEvidence || totalEvidence) lastEvidence = r;
  }
  const dataRows = candidates.filter((r) => r <= lastEvidence);

  // Code in the name column (`2010301 行政运行`) or codes in an unlabelled column left of the names.
  if (codeCol === undefined && nameCol !== undefined && dataRows.length) {
    const split = dataRows.filter((r) => splitCodeName(grid.text(r, nameCol))).length;
    if (split >= Math.max(1, dataRows.length * 0.5)) {
      columns = columns.map((c) => (c.col === nameCol ? { ...c, role: 'code-name' as const } : c));
    }
  }

  const drafts = readRows(ctx, columns, dataRows, spec.rows === 'two-sided');
  const rows = assignHierarchy(drafts, spec.rows, ctx.hints);

  let left = block.left;
  let right = block.right;
  for (const r of dataRows)
    for (const c of grid.filledCols(r)) {
      if (c >= block.left - 1 && c <= block.right + 2) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
  const bottom = Math.max(block.last, dataRows.length ? dataRows[dataRows.length - 1] : -1, ...notes.map((n) => n.row));
  return {
    ok: true,
    table: {
      kind: spec.kind,
      title: pre.title ?? ctx.sheetName,
      ...(year !== undefined ? { year } : {}),
      sheet: ctx.sheetName,
      range: { top: pre.top, left, bottom, right },
      unit: pre.unit ?? '万元',
      unitFrom: pre.unit ? 'unit-line' : 'default',
      ...(pre.titleRow !== undefined ? { titleRow: pre.titleRow } : {}),
      ...(pre.labelRow !== undefined ? { labelRow: pre.labelRow } : {}),
      headerRows: { first: block.first, last: block.last },
      columns,
      rows,
      twoSided: spec.rows === 'two-sided',
      notes,
    },
  };
}

function readRows(ctx: TableBuildContext, columns: readonly TableColumn[], dataRows: readonly number[], twoSided: boolean): RowDraft[] {
  const { grid } = ctx;
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
      const parts = split.map((c) => (c === undefined ? '' : norm(grid.text(r, c))));
      const [k, s, i] = parts;
      if (/^\d{3}$/.test(k) || /^\d{1,2}$/.test(s) || /^\d{1,2}$/.test(i)) {
        const cls = /^\d{3}$/.test(k) ? k : lastClass;
        const sec = /^\d{1,2}$/.test(s) ? s.padStart(2, '0') : '';
        const item = /^\d{1,2}$/.test(i) ? i.padStart(2, '0') : '';
        if (/^\d{3}$/.test(k)) lastClass = k;
        if (sec) lastSection = sec;
        code = cls + (sec || (item ? lastSection : '')) + (sec || item ? item : '');
        splitParts = 1 + (sec || item ? 1 : 0) + (item ? 1 : 0);
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
    drafts.push({
      row: r,
      ...(code ? { code, codeCols } : {}),
      name,
      ...(nc !== undefined ? { nameCol: nc } : {}),
      indent,
      isTotal: !code && (totalByName || totalInCodeCol),
      ...(splitParts ? { splitParts } : {}),
    });
  }
  return drafts;
}
