// Performance-target forms (项目支出绩效目标表): where each one starts and ends, and its project name.
import type { SheetGrid } from './grid';
import type { RecognizedForm } from './model';
import { FORM_CONFIRM_LABELS, FORM_NAME_INLINE, FORM_NAME_LABEL, FORM_PROSE_HEADING, FORM_TITLE as FORM_TITLE_SOURCE } from './specs/forms';
import { LABEL_RE, norm, SECTION_RE } from './text';

const NAME_LABEL = new RegExp(FORM_NAME_LABEL);
const NAME_INLINE = new RegExp(FORM_NAME_INLINE);
const CONFIRM = FORM_CONFIRM_LABELS.map((p) => new RegExp(p));
const PROSE_HEADING = new RegExp(FORM_PROSE_HEADING);
const FORM_TITLE = new RegExp(FORM_TITLE_SOURCE);

interface FormStart {
  row: number;
  name: string;
  nameCell?: { row: number; col: number };
}

function nameAt(grid: SheetGrid, r: number): FormStart | undefined {
  const cols = grid.filledCols(r);
  for (let i = 0; i < cols.length; i++) {
    // A number with no host text prints digits only, never a label (this runs on every row of every sheet).
    const cell = grid.cell(r, cols[i]);
    if (cell?.value.kind === 'number' && cell.text === undefined) continue;
    const t = norm(grid.text(r, cols[i]));
    const inline = NAME_INLINE.exec(t);
    if (inline) return { row: r, name: grid.text(r, cols[i]).replace(/^[\s\S]*?项目名称\s*[:：]\s*/, '').trim(), nameCell: { row: r, col: cols[i] } };
    if (NAME_LABEL.test(t)) {
      const next = cols[i + 1];
      if (next === undefined) return { row: r, name: '' };
      return { row: r, name: grid.text(r, next).trim(), nameCell: { row: r, col: next } };
    }
  }
  return undefined;
}

function confirmed(grid: SheetGrid, r: number): boolean {
  let seen = 0;
  for (let rr = r + 1; rr < grid.rowCount && seen < 5; rr++) {
    if (grid.isRowBlank(rr)) continue;
    seen++;
    if (grid.filledCols(rr).some((c) => CONFIRM.some((re) => re.test(norm(grid.text(rr, c)))))) return true;
  }
  return false;
}

/** Forms on one sheet, in order; `rows` are the sheet rows to consider (outside other blocks). */
export function findForms(grid: SheetGrid, sheetName: string): Omit<RecognizedForm, 'id'>[] {
  const starts: FormStart[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const s = nameAt(grid, r);
    if (s && confirmed(grid, r)) starts.push(s);
  }
  const forms: Omit<RecognizedForm, 'id'>[] = [];
  starts.forEach((s, i) => {
    let top = s.row;
    // a form title line just above belongs to the form
    for (let r = s.row - 1, seen = 0; r >= 0 && seen < 2; r--) {
      if (grid.isRowBlank(r)) continue;
      seen++;
      if (FORM_TITLE.test(norm(grid.rowTexts(r).join('')))) top = r;
      else break;
    }
    const hardEnd = i + 1 < starts.length ? starts[i + 1].row - 1 : grid.rowCount - 1;
    let bottom = s.row;
    let left = Infinity;
    let right = -1;
    for (let r = s.row; r <= hardEnd; r++) {
      if (grid.isRowBlank(r)) continue;
      const cols = grid.filledCols(r);
      const first = norm(grid.text(r, cols[0]));
      if (r > s.row && (SECTION_RE.test(first) || LABEL_RE.test(first))) break;
      if (r > s.row && FORM_TITLE.test(norm(grid.rowTexts(r).join('')))) break;
      if (r > s.row && cols.length === 1 && (PROSE_HEADING.test(first) || first.length > 40)) break;
      bottom = r;
      left = Math.min(left, cols[0]);
      right = Math.max(right, cols[cols.length - 1]);
    }
    forms.push({
      sheet: sheetName,
      range: { top, left: Number.isFinite(left) ? left : 0, bottom, right: Math.max(right, 0) },
      name: s.name,
      ...(s.nameCell ? { nameCell: s.nameCell } : {}),
    });
  });
  return forms;
}
