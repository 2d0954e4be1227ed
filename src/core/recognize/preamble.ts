// The lines above a table's header: label (预算公开表 N), title, sub-title, unit (单位：万元).
import type { SheetGrid } from './grid';
import type { HeaderBlock } from './headers';
import type { RecognizedTable } from './model';
import { CONTINUED_TITLE, kindFromTitle } from './specs/tables';
import { LABEL_RE, norm, unitInHeader, unitOf, withoutUnit } from './text';

export interface Preamble {
  titleRow?: number;
  title?: string;
  labelRow?: number;
  unitRow?: number;
  unit?: RecognizedTable['unit'];
  top: number;
}

/** Columns a table may use: the whole sheet, or its part when tables stand side by side. */
export interface ColumnWindow {
  readonly left: number;
  readonly right: number;
}

const CONTINUED_RE = new RegExp(CONTINUED_TITLE);

export const WHOLE_SHEET: ColumnWindow = { left: 0, right: Number.MAX_SAFE_INTEGER };

/** Title, label and unit lines above a header block (and a unit printed in the header rows). */
export function findPreamble(grid: SheetGrid, block: HeaderBlock, floor: number, win: ColumnWindow = WHOLE_SHEET): Preamble {
  const p: Preamble = { top: block.first };
  let looked = 0;
  for (let r = block.first - 1; r >= floor && looked < 6; r--) {
    const cols = grid.filledColsIn(r, win.left, win.right);
    if (!cols.length) continue;
    looked++;
    if (cols.length > 3 || cols.some((c) => grid.isNumberCell(r, c))) break;
    const joined = cols.map((c) => grid.text(r, c).trim()).join(' ');
    const n = norm(joined);
    const unit = unitOf(joined);
    if (unit && p.unitRow === undefined) {
      p.unitRow = r;
      p.unit = unit;
      p.top = r;
      const rest = withoutUnit(joined);
      if (norm(rest).length > 4 && p.titleRow === undefined && kindFromTitle(norm(rest))) {
        p.titleRow = r;
        p.title = rest;
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
    // 单位：万元 in a header cell, or 金额（万元） after a header label
    for (let r = block.first; r <= block.last && p.unit === undefined; r++)
      for (const c of grid.filledColsIn(r, win.left, win.right)) {
        const u = unitOf(grid.text(r, c)) ?? unitInHeader(grid.text(r, c));
        if (u) {
          p.unit = u;
          p.unitRow = r;
          break;
        }
      }
  }
  return p;
}

/** A title line such as `2022年预算支出总表（续）`: the table goes on after a page break. */
export function isContinuationTitle(title: string | undefined): boolean {
  return !!title && CONTINUED_RE.test(norm(title));
}
