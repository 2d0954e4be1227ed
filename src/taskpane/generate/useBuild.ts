// The pane's build actions on one scan: what the workbook offers (a ledger, a project list), and
// building the publication tables, the performance forms and the 审核意见表 into new sheets through
// host.addSheets. One action at a time; the last outcome is kept until the next scan.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding, Message } from '../../core/findings';
import type { ProjectProblem } from '../../core/forms/projects';
import type { LedgerProblem } from '../../core/publish/model';
import type { ReviewScan } from '../../core/review/decisions';
import type { PaneHost, ScanResult } from '../host';
import type { Locale } from '../i18n';
import { errorText } from '../useScan';
import type { FormTodo, Sources } from './workbookBuild';

type BuildModule = typeof import('./workbookBuild');
const loadBuild = (): Promise<BuildModule> => import(/* webpackChunkName: "generate" */ './workbookBuild');

export type BuildAction = 'publish' | 'forms' | 'review';

export type BuildState =
  | { readonly status: 'idle' }
  | { readonly status: 'busy'; readonly action: BuildAction }
  | {
      readonly status: 'published';
      readonly names: readonly string[];
      readonly department: string;
      readonly year: number;
      readonly lines: number;
      /** 万元, two decimals, as the tables print it. */
      readonly total: string;
      readonly skipped: readonly LedgerProblem[];
      readonly notices: readonly Message[];
    }
  | { readonly status: 'bad-ledger'; readonly problems: readonly LedgerProblem[]; readonly rows: number }
  /** The ledger does not name the department (no title line, several units): asked for. */
  | { readonly status: 'needs-department'; readonly message: Message }
  | {
      readonly status: 'forms-added';
      readonly names: readonly string[];
      readonly forms: number;
      readonly carried: number;
      readonly todos: readonly FormTodo[];
      readonly others: readonly Finding[];
    }
  | { readonly status: 'bad-projects'; readonly sheet: string; readonly problems: readonly ProjectProblem[] }
  | { readonly status: 'review-added'; readonly names: readonly string[] }
  | { readonly status: 'failed'; readonly action: BuildAction; readonly error: string };

export interface Build {
  /** Null until the scan's snapshot has been looked at (or when the host gives no snapshot). */
  readonly sources: Sources | null;
  /** Whether the host can add sheets at all. */
  readonly available: boolean;
  readonly year: string;
  setYear(year: string): void;
  readonly state: BuildState;
  publish(opts?: { skipBad?: boolean; department?: string }): Promise<void>;
  fillForms(): Promise<void>;
  reviewSheet(review: ReviewScan, opts: { reviewer?: string; workbookName?: string }): Promise<void>;
  dismiss(): void;
}

/** 0.01 万元 units (what the tables print) as 万元 with two decimals: 123456n → '1234.56'. */
export function wanText(units: bigint): string {
  const neg = units < 0n;
  const a = neg ? -units : units;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** A year typed into the field, or undefined when it is not one. */
export function parseYear(text: string): number | undefined {
  const t = text.trim();
  return /^(19|20)\d{2}$/.test(t) ? Number(t) : undefined;
}

export function useBuild(host: PaneHost, result: ScanResult | null, locale: Locale): Build {
  const [sources, setSources] = useState<Sources | null>(null);
  const [year, setYear] = useState('');
  const [state, setState] = useState<BuildState>({ status: 'idle' });
  const running = useRef(false);
  const snapshot = result?.snapshot;

  useEffect(() => {
    setState({ status: 'idle' });
    setSources(null);
    if (!result?.snapshot) return;
    let live = true;
    const { snapshot: snap, recognition } = result;
    void loadBuild()
      .then((m) => {
        if (!live) return;
        const s = m.findSources(snap, recognition);
        setSources(s);
        setYear(String(s.year));
      })
      .catch(() => {
        // Without the chunk there is nothing to offer; the scan itself is unaffected.
      });
    return () => {
      live = false;
    };
  }, [result]);

  const run = useCallback(async (action: BuildAction, work: () => Promise<BuildState>) => {
    if (running.current) return;
    running.current = true;
    setState({ status: 'busy', action });
    try {
      setState(await work());
    } catch (err) {
      setState({ status: 'failed', action, error: errorText(err) });
    } finally {
      running.current = false;
    }
  }, []);

  const addSheets = useCallback(
    async (layouts: Parameters<NonNullable<PaneHost['addSheets']>>[0]) => {
      if (!host.addSheets) throw new Error('this host cannot add sheets');
      return (await host.addSheets(layouts)).names;
    },
    [host],
  );

  const publish = useCallback(
    (opts: { skipBad?: boolean; department?: string } = {}) =>
      run('publish', async () => {
        if (!snapshot) throw new Error('scan the workbook first');
        const m = await loadBuild();
        const y = parseYear(year);
        const r = m.buildPublication(snapshot, {
          ...(y ? { year: y } : {}),
          ...(opts.skipBad ? { skipBad: true } : {}),
          ...(opts.department?.trim() ? { department: opts.department.trim() } : {}),
        });
        if (!r.ok) {
          if (r.reason === 'bad-rows') return { status: 'bad-ledger', problems: r.problems, rows: new Set(r.problems.map((p) => p.row)).size };
          if (r.reason === 'no-department') return { status: 'needs-department', message: r.message };
          throw new Error(locale === 'en' ? r.message.en : r.message.zh);
        }
        const names = await addSheets(r.layouts);
        return {
          status: 'published',
          names,
          department: r.department,
          year: r.year,
          lines: r.ledger.lines.length,
          total: wanText(r.build.rounding.total),
          skipped: r.skipped,
          notices: r.notices,
        };
      }),
    [run, snapshot, year, locale, addSheets],
  );

  const fillForms = useCallback(
    () =>
      run('forms', async () => {
        if (!result?.snapshot) throw new Error('scan the workbook first');
        const m = await loadBuild();
        const y = parseYear(year) ?? sources?.year ?? new Date().getFullYear();
        const b = m.buildForms(result.snapshot, result.recognition, y);
        if (!b.ok) {
          if (b.reason === 'bad-rows') return { status: 'bad-projects', sheet: b.sheet, problems: b.problems };
          throw new Error(
            b.reason === 'empty'
              ? locale === 'en' ? 'the project list is empty' : '项目清单是空的'
              : locale === 'en' ? 'no project list (needs 项目名称 and 年度资金总额 headers)' : '找不到项目清单（须有“项目名称”和“年度资金总额”表头）',
          );
        }
        const names = await addSheets([b.layout]);
        // The to-dos are read from the sheet as added, under the name it got.
        const { todos, others } = m.formTodos([{ ...b.layout, name: names[0] }]);
        return { status: 'forms-added', names, forms: b.forms, carried: b.carried, todos, others };
      }),
    [run, result, year, sources, locale, addSheets],
  );

  const reviewSheet = useCallback(
    (review: ReviewScan, opts: { reviewer?: string; workbookName?: string }) =>
      run('review', async () => {
        const m = await loadBuild();
        const layout = m.reviewSheet(review, {
          lang: locale,
          ...(result ? { recognition: result.recognition } : {}),
          ...(opts.reviewer?.trim() ? { reviewer: opts.reviewer.trim() } : {}),
          ...(opts.workbookName ? { workbookName: opts.workbookName } : {}),
        });
        return { status: 'review-added', names: await addSheets([layout]) };
      }),
    [run, result, locale, addSheets],
  );

  return {
    sources,
    available: Boolean(host.addSheets),
    year,
    setYear,
    state,
    publish,
    fillForms,
    reviewSheet,
    dismiss: () => setState({ status: 'idle' }),
  };
}
