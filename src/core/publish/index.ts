// Publishing: a budget ledger (a workbook snapshot) → the ten formatted disclosure tables as sheet
// layouts. Pure core: the xlsx adapter (or Office.js) writes the layouts.
import type { Message } from '../findings';
import type { SheetLayout } from '../workbook/edits';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../workbook/types';
import { buildTables, type BuildResult } from './build';
import { departmentFromTitle, readLedger } from './ledger';
import type { Ledger, LedgerProblem, PublishOptions } from './model';
import { THREE_PUBLIC_ITEMS } from './ledger-spec';
import { renderTables } from './render';

export * from './model';
export { readLedger, departmentFromTitle, codeIn, fundOf, typeOf, adminOf } from './ledger';
export { buildTables, atomsOf, CATEGORIES, UNIT_FEN, type Atom, type BuildResult } from './build';
export { roundControlled, topDown, floorDiv, ceilDiv, roundHalfUp, type RoundingInput, type RoundingResult } from './rounding';
export { renderTable, renderTables, figureValue, textWidth } from './render';
export { TABLE_LAYOUTS, STYLE, type TableLayoutSpec } from './specs';
export { HEADER_PATTERNS, THREE_PUBLIC_ITEMS, OPERATING_COST_CLASSES } from './ledger-spec';

export type PublishFailureReason = 'no-ledger' | 'bad-rows' | 'empty' | 'no-year' | 'no-department';

export type PublishResult =
  | {
      readonly ok: true;
      readonly ledger: Ledger;
      readonly build: BuildResult;
      readonly layouts: readonly SheetLayout[];
      readonly year: number;
      readonly department: string;
      /** Bad rows left out because skipBad was set. */
      readonly skipped: readonly LedgerProblem[];
      readonly notices: readonly Message[];
    }
  | {
      readonly ok: false;
      readonly reason: PublishFailureReason;
      readonly message: Message;
      /** The rows to fix (reason 'bad-rows'). */
      readonly problems: readonly LedgerProblem[];
      readonly ledger?: Ledger;
    };

/** Reads the ledger in `workbook` and builds the ten tables; refuses (listing the rows) on bad rows. */
export function publish(workbook: WorkbookSnapshot, opts: PublishOptions = {}): PublishResult {
  const read = readLedger(workbook, opts.sheet);
  if (!read.ok) return { ok: false, reason: 'no-ledger', message: read.failure.message, problems: [] };
  const ledger = read.ledger;
  const rows = new Set(ledger.problems.map((p) => p.row)).size;
  if (ledger.problems.length && !opts.skipBad)
    return {
      ok: false,
      reason: 'bad-rows',
      ledger,
      problems: ledger.problems,
      message: {
        zh: `预算明细有 ${rows} 行不能使用，请修改后再生成（或用 --skip-bad 跳过这些行）`,
        en: `${rows} ledger rows cannot be used; fix them and run again (or skip them with --skip-bad)`,
      },
    };
  if (!ledger.lines.length)
    return { ok: false, reason: 'empty', ledger, problems: ledger.problems, message: { zh: '预算明细没有可用的金额行', en: 'the ledger has no usable lines' } };
  const year = opts.year ?? ledger.year;
  if (year === undefined)
    return {
      ok: false,
      reason: 'no-year',
      ledger,
      problems: [],
      message: { zh: '明细的标题里没有预算年度，请用 --year 指定', en: 'the ledger title gives no budget year; pass --year' },
    };
  const named = ledger.units.filter(Boolean);
  const department = opts.department ?? departmentFromTitle(ledger.title) ?? (named.length === 1 ? named[0] : undefined);
  if (!department)
    return {
      ok: false,
      reason: 'no-department',
      ledger,
      problems: [],
      message: {
        zh: '无法从明细确定部门名称（标题里没有，且单位不止一个），请用 --dept 指定',
        en: 'cannot tell the department from the ledger (no title, several units); pass --dept',
      },
    };
  const lines = ledger.lines.map((l) => (l.unit ? l : { ...l, unit: department }));
  const units = [...new Set(lines.map((l) => l.unit))];
  const build = buildTables(lines, units, { year, threePublicScope: opts.threePublicScope });
  const layouts = renderTables(build.tables, { year, department });
  const notices: Message[] = [...ledger.notices];
  const scope = opts.threePublicScope ?? 'all';
  const threePublicCodes = new Set(THREE_PUBLIC_ITEMS.flatMap((it) => it.codes));
  const projectThreePublic = lines.filter((l) => l.fund === 'general' && l.type === 'project' && l.econCode && threePublicCodes.has(l.econCode));
  if (scope === 'all' && projectThreePublic.length)
    notices.push({
      zh: `“三公”经费表含项目支出中的“三公”经费（${projectThreePublic.length} 行）；表6 只列基本支出，两表的同名项目因此不同`,
      en: `the “三公” table includes project spending on 三公 items (${projectThreePublic.length} lines); table 6 lists basic expenditure only, so their items differ`,
    });
  if (build.rounding.outside.length)
    notices.push({
      zh: `有 ${build.rounding.outside.length} 个数字与精确值相差 0.01 万元或以上（舍入未能全部控制）`,
      en: `${build.rounding.outside.length} figures differ from their exact value by 0.01 万元 or more (rounding not fully controlled)`,
    });
  return { ok: true, ledger, build, layouts, year, department, skipped: ledger.problems, notices };
}

/** The layouts as a workbook snapshot (values, number formats, indents, merges), as a host would read them back. */
export function layoutsToSnapshot(layouts: readonly SheetLayout[], source = 'publish'): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = layouts.map((l) => {
    const rows: (Cell | undefined)[][] = [];
    let rowCount = 0;
    let colCount = 0;
    const slave = new Set<string>();
    for (const m of l.merges)
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slave.add(`${r},${c}`);
    for (const c of l.cells) {
      if (!c.value || slave.has(`${c.row},${c.col}`)) continue;
      (rows[c.row] ??= [])[c.col] = {
        row: c.row,
        col: c.col,
        value: c.value,
        ...(c.style?.numFmt && c.style.numFmt !== 'General' ? { numFmt: c.style.numFmt } : {}),
        ...(c.style?.indent ? { indent: c.style.indent } : {}),
      };
      rowCount = Math.max(rowCount, c.row + 1);
      colCount = Math.max(colCount, c.col + 1);
    }
    for (const m of l.merges) {
      rowCount = Math.max(rowCount, m.bottom + 1);
      colCount = Math.max(colCount, m.right + 1);
    }
    return { name: l.name, rowCount, colCount, rows, merges: l.merges, hiddenRows: new Set(), hiddenCols: new Set(), visibility: 'visible', protected: false };
  });
  return { source, sheets };
}
