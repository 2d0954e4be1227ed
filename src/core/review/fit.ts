// Row heights for wrapped text. Excel and LibreOffice do not grow a row to fit wrapped text
// written by a program (the height is only fitted when someone edits the cell), so the sheets
// Suanpan builds set them, estimated from the text and the column widths.
import type { SheetLayout } from '../workbook/edits';

/** Width of a character in Excel column units (the width of '0' in the default 11-point font). */
function charUnits(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  // CJK, full-width forms, CJK punctuation: about two digits wide.
  if ((c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000)
    return 2;
  if (c === 0x2260 || c === 0x2264 || c === 0x2265 || c === 0x2192 || c === 0x2190) return 1.6; // ≠ ≤ ≥ → ←
  return 1.05;
}

/** Lines `text` takes in a column `width` units wide, at `fontSize` points. */
export function linesFor(text: string, width: number, fontSize = 11): number {
  const avail = Math.max(1, width - 1);
  const scale = fontSize / 11;
  let lines = 0;
  for (const part of text.split('\n')) {
    let units = 0;
    let n = 1;
    for (const ch of part) {
      const u = charUnits(ch) * scale;
      if (units + u > avail) {
        n++;
        units = u;
      } else units += u;
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** A row height in points that shows every cell's text in full. */
export function rowHeightFor(cells: readonly { text: string; width: number }[], fontSize = 11): number {
  const lines = Math.max(1, ...cells.map((c) => linesFor(c.text, c.width, fontSize)));
  return Math.round((lines * fontSize * 1.32 + 5) * 4) / 4;
}

/**
 * Sets the height of every row from `fromRow` on that has none yet, from the text of its cells
 * (a merged cell counts the width of its whole area). Needs `colWidths`.
 */
export function fitRowHeights(layout: SheetLayout, fromRow = 0, fontSize = 11): void {
  const widths = layout.colWidths ?? {};
  const widthOf = (row: number, col: number) => {
    const m = layout.merges.find((x) => x.top === row && x.left === col);
    let w = 0;
    for (let c = col; c <= (m ? m.right : col); c++) w += widths[c] ?? 8.43;
    return w;
  };
  const byRow = new Map<number, { text: string; width: number }[]>();
  for (const c of layout.cells) {
    if (c.row < fromRow || !c.value || c.style?.wrap === false) continue;
    const text = c.value.kind === 'text' ? c.value.value : c.value.kind === 'error' ? c.value.value : String(c.value.value);
    const list = byRow.get(c.row) ?? [];
    list.push({ text, width: widthOf(c.row, c.col) });
    byRow.set(c.row, list);
  }
  const heights = (layout.rowHeights ??= {});
  for (const [row, cells] of byRow) if (heights[row] === undefined) heights[row] = rowHeightFor(cells, fontSize);
}
