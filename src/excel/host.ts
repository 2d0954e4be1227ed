// The pane's Excel host: every operation in its own Excel.run. Operations that change the
// workbook run as one undo step where Excel offers it (Excel.run's `mergeUndoGroup`, ExcelApi
// 1.20); elsewhere each of their (one to three) write syncs is its own undo step. None of them
// calls an API that clears the user's undo stack.
import type { Finding } from '../core/findings';
import { recognizeWorkbook } from '../core/recognize';
import { checkWorkbook } from '../core/rules';
import type { AppliedFix, ExcelPaneHost, ScanProgress, ScanResult } from '../taskpane/host';
import { clearAnnotations, type ClearResult } from './clear';
import { applyFix, undoFix } from './fix';
import { detectCapabilities, type Capabilities } from './limits';
import { paintFindings, type PaintLanguage, type PaintResult } from './paint';
import { readWorkbook } from './read';
import { selectCell } from './select';

export interface ExcelHostOptions {
  /** The pane's language for note texts; default zh-CN. */
  readonly lang?: () => PaintLanguage;
  /** Overrides feature detection (tests). */
  readonly capabilities?: () => Capabilities;
}

/** ExcelPaneHost, plus the same paint and clear with their figures (cells, channel, syncs). */
export interface SuanpanExcelHost extends ExcelPaneHost {
  paint(findings: readonly Finding[], lang?: PaintLanguage): Promise<void>;
  paintDetailed(findings: readonly Finding[], lang?: PaintLanguage): Promise<PaintResult>;
  clearDetailed(): Promise<ClearResult>;
}

export function createExcelHost(opts: ExcelHostOptions = {}): SuanpanExcelHost {
  const caps = () => (opts.capabilities ?? detectCapabilities)();
  /** Excel.run for changes: one undo group where ExcelApi 1.20 is there. */
  const runWrite = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    caps().undoGroup ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch);

  const paintDetailed = (findings: readonly Finding[], lang?: PaintLanguage): Promise<PaintResult> => {
    const capabilities = caps();
    return runWrite((context) => paintFindings(context, findings, lang ?? opts.lang?.() ?? 'zh-CN', { capabilities }));
  };
  const clearDetailed = (): Promise<ClearResult> => {
    const capabilities = caps();
    return runWrite((context) => clearAnnotations(context, { capabilities }));
  };

  return {
    mode: 'excel',
    paintDetailed,
    clearDetailed,

    async scan(onProgress?: (progress: ScanProgress) => void): Promise<ScanResult> {
      const c = caps();
      const snapshot = await Excel.run((context) =>
        readWorkbook(context, {
          indent: c.rangeAreas !== false,
          hidden: c.rangeAreas !== false,
          merges: c.mergedAreas !== false,
          onProgress: (p) => onProgress?.({ step: 'read', done: p.done, total: p.total, ...(p.sheet ? { sheet: p.sheet } : {}) }),
        }),
      );
      onProgress?.({ step: 'recognize', done: 0, total: 1 });
      const recognition = recognizeWorkbook(snapshot);
      onProgress?.({ step: 'check', done: 0, total: 1 });
      const { findings } = checkWorkbook(snapshot, recognition);
      onProgress?.({ step: 'check', done: 1, total: 1 });
      return { sheets: snapshot.sheets.map((s) => s.name), recognition, findings };
    },

    async paint(findings, lang) {
      await paintDetailed(findings, lang);
    },

    async clear() {
      await clearDetailed();
    },

    select(sheet: string, cell: string): Promise<void> {
      return Excel.run((context) => selectCell(context, sheet, cell));
    },

    async applyFix(finding: Finding): Promise<AppliedFix> {
      const applied = await runWrite((context) => applyFix(context, finding));
      return { id: applied.id, cells: applied.cells };
    },

    async undoFix(id: string): Promise<void> {
      await runWrite((context) => undoFix(context, id));
    },
  };
}
