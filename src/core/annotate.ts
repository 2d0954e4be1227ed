// Findings as edits: a fill and a note on each cell with an error or warning. Hosts that cannot
// keep a restore record (a downloaded copy) write these; the Excel adapter paints with its own
// record of the prior state.
import type { Finding, Severity } from './findings';
import { parseCellAddress } from './workbook/address';
import type { CellStyle, WorkbookEdits } from './workbook/edits';

export const SEVERITY_STYLE: Record<Exclude<Severity, 'info'>, Required<Pick<CellStyle, 'fill' | 'fontColor'>>> = {
  error: { fill: 'FFC7CE', fontColor: '9C0006' },
  warning: { fill: 'FFEB9C', fontColor: '9C5700' },
};

const PREFIX = { zh: { error: '错误', warning: '警告' }, en: { error: 'Error', warning: 'Warning' } } as const;

/** One edit per cell: the worst finding decides the colour, every finding goes into the note. */
export function annotationEdits(findings: readonly Finding[], lang: 'zh-CN' | 'en' = 'zh-CN'): WorkbookEdits {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const k = `${f.sheet}\u0000${f.cell}`;
    byCell.set(k, [...(byCell.get(k) ?? []), f]);
  }
  const cells: WorkbookEdits['cells'] = [];
  for (const [k, list] of byCell) {
    const [sheet, cell] = k.split('\u0000');
    const { row, col } = parseCellAddress(cell);
    const worst = list.some((f) => f.severity === 'error') ? 'error' : 'warning';
    const key = lang === 'en' ? 'en' : 'zh';
    const note = ['算盘 Suanpan', ...list.map((f) => `[${PREFIX[key][f.severity as 'error' | 'warning']}] ${f.message[key]}`)].join('\n');
    cells.push({ sheet, row, col, style: { fill: SEVERITY_STYLE[worst].fill, fontColor: SEVERITY_STYLE[worst].fontColor }, note });
  }
  return { cells, sheets: [] };
}
