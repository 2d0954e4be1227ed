// What the pane builds from the open workbook: the publication tables from a ledger sheet, one
// performance form per row of a project list, the 审核意见表. Pure: it returns sheet layouts, which
// the host adds (host.addSheets). Loaded with import() by useBuild, so core's publish and forms code
// travels in the lazy chunks, not in the pane's first bundle.
import type { Finding, Message } from '../../core/findings';
import { checkForm, parseForms, type PerformanceForm } from '../../core/forms';
import { fillForms, nameKey } from '../../core/forms/fill';
import { formsLayout } from '../../core/forms/layout';
import { readProjects, type ProjectProblem } from '../../core/forms/projects';
import { layoutsToSnapshot, publish, readLedger, type PublishOptions, type PublishResult } from '../../core/publish';
import { recognizeWorkbook } from '../../core/recognize';
import type { Recognition } from '../../core/recognize/model';
import type { ReviewScan } from '../../core/review/decisions';
import { reviewSheetLayout, type ReviewSheetOptions } from '../../core/review/review-sheet';
import type { SheetLayout } from '../../core/workbook/edits';
import type { WorkbookSnapshot } from '../../core/workbook/types';

export type LedgerSource =
  | { readonly found: true; readonly sheet: string; readonly lines: number; readonly badRows: number; readonly year?: number }
  /** 'no-header': no sheet looks like a ledger; 'missing-columns': one nearly does (the message names what it lacks). */
  | { readonly found: false; readonly reason: 'no-header' | 'missing-columns'; readonly message: Message };

export type ProjectSource =
  | { readonly found: true; readonly sheet: string; readonly projects: number; readonly badRows: number; readonly previous: number }
  | { readonly found: false };

/** What the open workbook offers to build from. */
export interface Sources {
  readonly ledger: LedgerSource;
  readonly projects: ProjectSource;
  /** The budget year to build for: the ledger's title, else the tables', else this year. */
  readonly year: number;
}

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

/** Last year's forms in the workbook: every parsed form that has a name. */
function formsIn(snapshot: WorkbookSnapshot, recognition: Recognition): PerformanceForm[] {
  if (!recognition.forms.length) return [];
  return parseForms(snapshot, recognition).filter((f) => f.header.name.trim());
}

export function findSources(snapshot: WorkbookSnapshot, recognition: Recognition, now: Date = new Date()): Sources {
  const read = readLedger(snapshot);
  const ledger: LedgerSource = read.ok
    ? {
        found: true,
        sheet: read.ledger.sheet,
        lines: read.ledger.lines.length,
        badRows: new Set(read.ledger.problems.map((p) => p.row)).size,
        ...(read.ledger.year !== undefined ? { year: read.ledger.year } : {}),
      }
    : { found: false, reason: read.failure.reason, message: read.failure.message };
  const list = readProjects(snapshot);
  let projects: ProjectSource = { found: false };
  if (list) {
    const names = new Set(list.projects.map((p) => nameKey(p.name)));
    const previous = formsIn(snapshot, recognition).filter((f) => names.has(nameKey(f.header.name))).length;
    projects = { found: true, sheet: list.sheet, projects: list.projects.length, badRows: list.problems.length, previous };
  }
  const tableYear = mostCommon(recognition.tables.flatMap((t) => (t.year !== undefined ? [t.year] : [])));
  const year = (ledger.found ? ledger.year : undefined) ?? tableYear ?? now.getFullYear();
  return { ledger, projects, year };
}

/** The ten tables from the ledger; refuses on bad rows unless skipBad (as `suanpan publish --skip-bad`). */
export function buildPublication(snapshot: WorkbookSnapshot, opts: PublishOptions): PublishResult {
  return publish(snapshot, opts);
}

export type FormsBuild =
  | { readonly ok: true; readonly layout: SheetLayout; readonly forms: number; readonly carried: number }
  | { readonly ok: false; readonly reason: 'no-list' | 'empty' }
  | { readonly ok: false; readonly reason: 'bad-rows'; readonly sheet: string; readonly problems: readonly ProjectProblem[] };

/**
 * One form per project of the list, on one sheet. Forms already in the workbook with a project's
 * name are last year's: their indicators are carried over (as `suanpan forms fill --previous`).
 */
export function buildForms(snapshot: WorkbookSnapshot, recognition: Recognition, year: number): FormsBuild {
  const list = readProjects(snapshot);
  if (!list) return { ok: false, reason: 'no-list' };
  if (list.problems.length) return { ok: false, reason: 'bad-rows', sheet: list.sheet, problems: list.problems };
  if (!list.projects.length) return { ok: false, reason: 'empty' };
  const previous = formsIn(snapshot, recognition);
  const forms = fillForms(list.projects, { year, ...(previous.length ? { previous } : {}) });
  const { layout } = formsLayout(forms);
  return { ok: true, layout, forms: forms.length, carried: forms.filter((f) => f.source === 'previous').length };
}

/** A value left for the user to decide on a filled form. */
export interface FormTodo {
  readonly sheet: string;
  readonly cell: string;
  /** The project (form) name. */
  readonly form: string;
  /** The indicator or field: 三级指标 name, 项目概况 … */
  readonly label: string;
  /** What the cell holds now (with its 【待填】 / XX marker). */
  readonly value: string;
}

/**
 * The to-dos of filled forms, found the way `check` finds them: the sheets are read back as a host
 * would, recognized and checked, and the form-placeholder findings listed. Other findings on the
 * forms (there should be none) are returned apart.
 */
export function formTodos(layouts: readonly SheetLayout[]): { todos: FormTodo[]; others: Finding[] } {
  const snapshot = layoutsToSnapshot(layouts, 'forms');
  const forms = parseForms(snapshot, recognizeWorkbook(snapshot));
  const todos: FormTodo[] = [];
  const others: Finding[] = [];
  for (const form of forms) {
    for (const f of checkForm(form)) {
      if (f.rule !== 'form-placeholder') {
        others.push(f);
        continue;
      }
      todos.push({ sheet: f.sheet, cell: f.cell, form: form.header.name || form.recognized.name, label: f.rowLabel ?? '', value: f.actual ?? '' });
    }
  }
  return { todos, others };
}

export function reviewSheet(scan: ReviewScan, opts: ReviewSheetOptions): SheetLayout {
  return reviewSheetLayout(scan, opts);
}
