// The pane's build actions on one scan: what the workbook offers (a ledger, a project list, a form
// template), and building the publication tables, the performance forms and the 审核意见表 into new
// sheets through host.addSheets — the forms through host.fillTemplate when a template sheet is
// picked. One action at a time; the last outcome is kept until the next scan.
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
      /** The template sheet the forms copy, when one was used (one sheet per form then). */
      readonly template?: string;
      /** The template has no 实施期 funds column. */
      readonly annualOnly?: boolean;
    }
  /** The picked template lacks labels (named) or cells for money the forms carry (listed). */
  | { readonly status: 'bad-template'; readonly sheet: string; readonly missing: readonly string[]; readonly problems: readonly Message[] }
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
  /** The template sheet the forms are filled into; '' for the standard layout. */
  readonly template: string;
  setTemplate(sheet: string): void;
  /** The host can fill copies of a template sheet. */
  readonly canUseTemplate: boolean;
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

/** Why no form could be filled, in the pane's language. */
function noForms(reason: 'no-list' | 'empty' | 'no-template', locale: Locale, template = ''): string {
  const en = locale === 'en';
  if (reason === 'empty') return en ? 'the project list is empty' : '项目清单是空的';
  if (reason === 'no-template') return en ? `no sheet “${template}” to use as the template; scan again` : `找不到模板工作表「${template}」，请重新扫描`;
  return en ? 'no project list (needs 项目名称 and 年度资金总额 headers)' : '找不到项目清单（须有“项目名称”和“年度资金总额”表头）';
}

/** A year typed into the field, or undefined when it is not one. */
export function parseYear(text: string): number | undefined {
  const t = text.trim();
  return /^(19|20)\d{2}$/.test(t) ? Number(t) : undefined;
}

export function useBuild(host: PaneHost, result: ScanResult | null, locale: Locale): Build {
  const [sources, setSources] = useState<Sources | null>(null);
  const [year, setYear] = useState('');
  const [template, setTemplate] = useState('');
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
        setTemplate(s.template ?? '');
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
        if (template && host.fillTemplate) {
          const extent = host.sheetExtent ? await host.sheetExtent(template) : null;
          const t = m.buildTemplateForms(result.snapshot, result.recognition, y, template, extent);
          if (!t.ok) {
            if (t.reason === 'bad-rows') return { status: 'bad-projects', sheet: t.sheet, problems: t.problems };
            if (t.reason === 'bad-template') return { status: 'bad-template', sheet: t.sheet, missing: t.missing, problems: t.problems };
            throw new Error(noForms(t.reason, locale, template));
          }
          const { names } = await host.fillTemplate(template, t.plans, t.names);
          // The to-dos are read from the copies as planned, under the names they got.
          const { todos, others } = m.formTodosOf(m.templateFormsSnapshot(result.snapshot, template, t.plans, names));
          return { status: 'forms-added', names, forms: t.forms, carried: t.carried, todos, others, template, annualOnly: t.annualOnly };
        }
        const b = m.buildForms(result.snapshot, result.recognition, y);
        if (!b.ok) {
          if (b.reason === 'bad-rows') return { status: 'bad-projects', sheet: b.sheet, problems: b.problems };
          throw new Error(noForms(b.reason, locale));
        }
        const names = await addSheets([b.layout]);
        // The to-dos are read from the sheet as added, under the name it got.
        const { todos, others } = m.formTodos([{ ...b.layout, name: names[0] }]);
        return { status: 'forms-added', names, forms: b.forms, carried: b.carried, todos, others };
      }),
    [run, result, year, sources, locale, addSheets, template, host],
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
    template,
    setTemplate,
    canUseTemplate: Boolean(host.fillTemplate),
    state,
    publish,
    fillForms,
    reviewSheet,
    dismiss: () => setState({ status: 'idle' }),
  };
}
