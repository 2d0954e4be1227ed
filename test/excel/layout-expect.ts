// Asserts that a sheet of the fake Excel shows a SheetLayout: values, number formats, the look of
// every styled cell, merges, column widths, row heights and the print setup.
import type { CellStyle, SheetLayout } from '../../src/core/workbook/edits';
import { columnWidthPoints } from '../../src/excel/add-sheets';
import type { FakeCell, FakeSheet } from './fake-excel';

const H = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const THIN = { style: 'Continuous', weight: 'Thin' };

/** Differences between the sheet and the layout, as readable lines ([] when it matches). */
export function layoutDifferences(sheet: FakeSheet, layout: SheetLayout, opts: { print?: boolean; indent?: boolean } = {}): string[] {
  const out: string[] = [];
  const slave = new Set<string>();
  for (const m of layout.merges)
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slave.add(`${r},${c}`);
  const last = new Map(layout.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (const lc of last.values()) {
    const at = `${sheet.name}!R${lc.row + 1}C${lc.col + 1}`;
    const cell = sheet.get(lc.row, lc.col);
    const isSlave = slave.has(`${lc.row},${lc.col}`);
    // Values.
    const v = lc.value;
    if (isSlave || v === null) {
      if (cell && cell.type !== 'Empty' && !lc.link) out.push(`${at}: expected empty, found ${JSON.stringify(cell.value)}`);
    } else if (!cell) out.push(`${at}: missing`);
    else if (lc.link) {
      if (!cell.formula?.startsWith('=HYPERLINK(') && !cell.hyperlink) out.push(`${at}: not a link`);
      if (String(cell.value) !== String(v.value)) out.push(`${at}: link shows ${JSON.stringify(cell.value)}, expected ${JSON.stringify(v.value)}`);
    } else if (v.kind === 'number' ? cell.value !== v.value || cell.type !== 'Double' : v.kind === 'text' ? cell.value !== v.value || cell.type !== 'String' : String(cell.value) !== String(v.value)) {
      out.push(`${at}: value ${JSON.stringify([cell.type, cell.value])}, expected ${JSON.stringify(v)}`);
    }
    // Number format (a link cell is never Text-formatted, or its formula would stay text).
    const numFmt = lc.style?.numFmt;
    if (numFmt && !isSlave) {
      const want = lc.link && numFmt === '@' ? 'General' : numFmt;
      if (cell?.numFmt !== want) out.push(`${at}: numFmt ${cell?.numFmt}, expected ${want}`);
    }
    if (lc.style) out.push(...lookDifferences(at, cell, lc.style, Boolean(lc.link), opts));
  }
  // Merges, widths, heights, print.
  const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top},${m.left},${m.bottom},${m.right}`;
  const merges = new Set(sheet.merges.map(key));
  for (const m of layout.merges) if (!merges.has(key(m))) out.push(`${sheet.name}: merge ${key(m)} missing`);
  if (sheet.merges.length !== layout.merges.length) out.push(`${sheet.name}: ${sheet.merges.length} merges, expected ${layout.merges.length}`);
  for (const [c, w] of Object.entries(layout.colWidths ?? {}))
    if (sheet.colWidths.get(Number(c)) !== columnWidthPoints(w)) out.push(`${sheet.name}: column ${c} width ${sheet.colWidths.get(Number(c))}, expected ${columnWidthPoints(w)}`);
  for (const [r, h] of Object.entries(layout.rowHeights ?? {}))
    if (sheet.rowHeights.get(Number(r)) !== h) out.push(`${sheet.name}: row ${r} height ${sheet.rowHeights.get(Number(r))}, expected ${h}`);
  const p = layout.print;
  if (p && opts.print !== false) {
    const page = sheet.page;
    if (page.paperSize !== 'A4') out.push(`${sheet.name}: paper ${page.paperSize}`);
    if (page.orientation !== (p.orientation === 'landscape' ? 'Landscape' : 'Portrait')) out.push(`${sheet.name}: orientation ${page.orientation}`);
    if (p.repeatRows && page.printTitleRows !== `$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}`) out.push(`${sheet.name}: print titles ${page.printTitleRows}`);
    const breaks = (p.breaksAfter ?? []).map((r) => r + 2);
    if (JSON.stringify(page.rowBreaks ?? []) !== JSON.stringify(breaks)) out.push(`${sheet.name}: page breaks above rows ${JSON.stringify(page.rowBreaks ?? [])}, expected ${JSON.stringify(breaks)}`);
    if (p.fitToWidth && (page.zoom?.horizontalFitToPages !== 1 || page.zoom?.verticalFitToPages !== 0)) out.push(`${sheet.name}: zoom ${JSON.stringify(page.zoom)}`);
  }
  const visibility = layout.hidden === 'veryHidden' ? 'VeryHidden' : layout.hidden === 'hidden' ? 'Hidden' : 'Visible';
  if (sheet.visibility !== visibility) out.push(`${sheet.name}: visibility ${sheet.visibility}, expected ${visibility}`);
  return out;
}

function lookDifferences(at: string, cell: FakeCell | undefined, s: CellStyle, link: boolean, opts: { indent?: boolean }): string[] {
  const out: string[] = [];
  const look = cell?.look ?? {};
  const want = (what: string, found: unknown, expected: unknown) => {
    if (JSON.stringify(found) !== JSON.stringify(expected)) out.push(`${at}: ${what} ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
  };
  if (s.fill !== undefined) want('fill', cell?.fill?.color, `#${s.fill.toUpperCase()}`);
  if (s.fontColor !== undefined) want('font colour', cell?.font, `#${s.fontColor.toUpperCase()}`);
  else if (link) want('link colour', cell?.font, '#0563C1');
  if (link) want('underline', look.underline, 'Single');
  if (s.bold !== undefined) want('bold', look.bold ?? false, s.bold);
  if (s.italic !== undefined) want('italic', look.italic ?? false, s.italic);
  if (s.fontSize !== undefined) want('font size', look.fontSize, s.fontSize);
  if (s.fontName !== undefined) want('font', look.fontName, s.fontName);
  if (s.horizontal !== undefined) want('horizontal', look.hAlign, H[s.horizontal]);
  if (s.vertical !== undefined) want('vertical', look.vAlign, V[s.vertical]);
  if (s.wrap !== undefined) want('wrap', look.wrap ?? false, s.wrap);
  if (s.indent !== undefined && opts.indent !== false) want('indent', cell?.indent ?? 0, s.indent);
  if (s.border) for (const side of ['top', 'bottom', 'left', 'right'] as const) want(`border ${side}`, look.borders?.[side], THIN);
  return out;
}
