// A SheetLayout's cell styles as Office.js format writes, batched: cells with the same style are
// one group, a group is cut into rectangles (a table body is a few blocks, not thousands of
// cells), and the rectangles go out as RangeAreas address unions (ExcelApi 1.9) under the length
// limit — or, before 1.9, one Range per rectangle. The number of calls grows with the number of
// distinct styles and blocks, never with the number of cells.
import type { CellStyle } from '../core/workbook/edits';
import type { CellRange } from '../core/workbook/types';
import { areaAddress, rectanglesOf, unionAddresses } from './a1';
import { REQUEST_BYTES_PER_OP } from './limits';

/** Colour of a link's text where the layout gives none (Excel's Hyperlink style). */
export const LINK_COLOR = '#0563C1';

/** The part of a cell's look that goes through range.format (the number format travels with the values). */
export interface FormatStyle extends Omit<CellStyle, 'numFmt'> {
  /** Underlined, in the link colour unless fontColor says otherwise. */
  readonly link?: boolean;
}

/** The format part of a cell's style and link; null when there is nothing to set. */
export function formatStyleOf(style: CellStyle | undefined, link: boolean): FormatStyle | null {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(style ?? {})) if (k !== 'numFmt' && v !== undefined) out[k] = v;
  if (link) out.link = true;
  return Object.keys(out).length ? (out as FormatStyle) : null;
}

/** Equal for equal styles, whatever the order of their keys. */
export function formatKey(style: FormatStyle): string {
  return JSON.stringify(Object.entries(style).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Where a format goes: a Range or a RangeAreas (both have `format`). */
type Formattable = { readonly format: Excel.RangeFormat };

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/**
 * Queues the writes of one style onto a target; returns how many property writes that was.
 * Inside borders only where some area of the target has more than one row (column).
 */
export function queueFormat(target: Formattable, s: FormatStyle, shape: { tall: boolean; wide: boolean }): number {
  const f = target.format;
  let n = 0;
  if (s.fill !== undefined) {
    f.fill.color = `#${s.fill.replace(/^#/, '')}`;
    n++;
  }
  if (s.fontName !== undefined) {
    f.font.name = s.fontName;
    n++;
  }
  if (s.fontSize !== undefined) {
    f.font.size = s.fontSize;
    n++;
  }
  if (s.bold !== undefined) {
    f.font.bold = s.bold;
    n++;
  }
  if (s.italic !== undefined) {
    f.font.italic = s.italic;
    n++;
  }
  if (s.fontColor !== undefined || s.link) {
    f.font.color = s.fontColor !== undefined ? `#${s.fontColor.replace(/^#/, '')}` : LINK_COLOR;
    n++;
  }
  if (s.link) {
    f.font.underline = 'Single';
    n++;
  }
  // Alignment before the indent: Excel indents left-, right- or distributed-aligned text only.
  if (s.horizontal !== undefined) {
    f.horizontalAlignment = HORIZONTAL[s.horizontal];
    n++;
  }
  if (s.vertical !== undefined) {
    f.verticalAlignment = VERTICAL[s.vertical];
    n++;
  }
  if (s.wrap !== undefined) {
    f.wrapText = s.wrap;
    n++;
  }
  if (s.indent !== undefined) {
    f.indentLevel = s.indent;
    n++;
  }
  if (s.border) {
    const sides: BorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (shape.tall) sides.push('InsideHorizontal');
    if (shape.wide) sides.push('InsideVertical');
    for (const side of sides) {
      const b = f.borders.getItem(side);
      b.style = 'Continuous';
      b.weight = 'Thin';
      n += 2;
    }
  }
  return n;
}

type BorderSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

export interface StyledCell {
  readonly row: number;
  readonly col: number;
  readonly style: FormatStyle;
}

/** One queued batch of format writes: run it inside the sync it is packed into. */
export interface FormatJob {
  /** Request bytes, estimated. */
  readonly size: number;
  readonly run: () => void;
}

export interface FormatTargets {
  /** worksheet.getRanges (ExcelApi 1.9); without it one getRange per rectangle. */
  readonly areas: boolean;
  /** Longest address union handed to getRanges. */
  readonly maxAddressChars: number;
}

/** Groups cells by style and makes one job per target (address union or rectangle). */
export function formatJobs(ws: () => Excel.Worksheet, cells: readonly StyledCell[], how: FormatTargets): FormatJob[] {
  const groups = new Map<string, { style: FormatStyle; cells: { row: number; col: number }[] }>();
  for (const c of cells) {
    // indentLevel is ExcelApi 1.9, like getRanges: below it the indent is left out.
    const style = how.areas || c.style.indent === undefined ? c.style : withoutIndent(c.style);
    if (!style) continue;
    const key = formatKey(style);
    const g = groups.get(key);
    if (g) g.cells.push(c);
    else groups.set(key, { style, cells: [c] });
  }
  const jobs: FormatJob[] = [];
  for (const g of groups.values()) {
    const rects = rectanglesOf(g.cells);
    const writes = propertyWrites(g.style);
    if (how.areas) {
      // Rectangles keep their order inside a union, so each union knows its own shape.
      const addresses = rects.map(areaAddress);
      let at = 0;
      for (const union of unionAddresses(addresses, how.maxAddressChars)) {
        const count = union.split(',').length;
        const shape = shapeOf(rects.slice(at, at + count));
        at += count;
        jobs.push({
          size: union.length + writes * REQUEST_BYTES_PER_OP,
          run: () => void queueFormat(ws().getRanges(union), g.style, shape),
        });
      }
    } else {
      for (const r of rects) {
        const address = areaAddress(r);
        jobs.push({ size: address.length + writes * REQUEST_BYTES_PER_OP, run: () => void queueFormat(ws().getRange(address), g.style, shapeOf([r])) });
      }
    }
  }
  return jobs;
}

function withoutIndent(s: FormatStyle): FormatStyle | null {
  const { indent: _indent, ...rest } = s;
  return Object.keys(rest).length ? rest : null;
}

function shapeOf(rects: readonly CellRange[]): { tall: boolean; wide: boolean } {
  return { tall: rects.some((r) => r.bottom > r.top), wide: rects.some((r) => r.right > r.left) };
}

/** Property writes a style costs at most (for the byte estimate). */
function propertyWrites(s: FormatStyle): number {
  return Object.keys(s).length + (s.link ? 1 : 0) + (s.border ? 12 : 0);
}
