// What the pane builds from the open workbook: the publication tables from a ledger sheet, one
// performance form per row of a project list (in the standard layout, or in copies of the user's own
// template sheet), the 审核意见表. Pure: it returns sheet layouts, which the host adds
// (host.addSheets), or template plans, which the host writes into copies of the template
// (host.fillTemplate). Loaded with import() by useBuild, so core's publish and forms code
// travels in the lazy chunks, not in the pane's first bundle.
import type { Finding, Message } from '../../core/findings';
import { checkForm, parseForm, parseForms, type PerformanceForm } from '../../core/forms';
import { fillForms, nameKey } from '../../core/forms/fill';
import { formsLayout } from '../../core/forms/layout';
import { readProjects, type ProjectProblem } from '../../core/forms/projects';
import { formSheetNames } from '../../core/forms/sheet-names';
import { planSnapshot, readTemplate, templatePlan, templateProblems, type TemplatePlan } from '../../core/forms/template';
import { findPlaceholders } from '../../core/forms/values';
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

/** A sheet that can serve as the form template: core's template reader finds every label on it. */
export interface TemplateCandidate {
  readonly sheet: string;
  /**
   * 'template': an empty form, or one whose project name is a placeholder (XX项目), or on a sheet
   * named as a template (模板, 样表 …). 'example': a filled form of a project the list does not have
   * (an example, or last year's form of a dropped project): offered, never picked by itself.
   */
  readonly kind: 'template' | 'example';
}

/** What the open workbook offers to build from. */
export interface Sources {
  readonly ledger: LedgerSource;
  readonly projects: ProjectSource;
  /** Sheets that can be the forms' template (only with a project list). */
  readonly templates: readonly TemplateCandidate[];
  /** The template to use unless the user picks another: the one clear template, else none (the standard layout). */
  readonly template: string | null;
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
  let templates: TemplateCandidate[] = [];
  if (list) {
    const names = new Set(list.projects.map((p) => nameKey(p.name)));
    const previous = formsIn(snapshot, recognition).filter((f) => names.has(nameKey(f.header.name))).length;
    projects = { found: true, sheet: list.sheet, projects: list.projects.length, badRows: list.problems.length, previous };
    templates = findTemplates(snapshot, recognition, names).filter((t) => t.sheet !== list.sheet);
  }
  const clear = templates.filter((t) => t.kind === 'template');
  const tableYear = mostCommon(recognition.tables.flatMap((t) => (t.year !== undefined ? [t.year] : [])));
  const year = (ledger.found ? ledger.year : undefined) ?? tableYear ?? now.getFullYear();
  return { ledger, projects, templates, template: clear.length === 1 ? clear[0].sheet : null, year };
}

const TEMPLATE_SHEET_NAME = /模板|模版|样表|表样|样本|范本|示例|template|sample/i;

/**
 * The sheets that hold one form which core's template reader can fill (every label found and read
 * back). A form of a project on the list (`projectKeys`, by nameKey) is last year's, carried over as
 * `previous`: never a template. Sheets with several forms (a filled forms sheet) are not templates.
 */
export function findTemplates(snapshot: WorkbookSnapshot, recognition: Recognition, projectKeys: ReadonlySet<string>): TemplateCandidate[] {
  const count = new Map<string, number>();
  for (const f of recognition.forms) count.set(f.sheet, (count.get(f.sheet) ?? 0) + 1);
  const out: TemplateCandidate[] = [];
  for (const sheet of snapshot.sheets) {
    if (count.get(sheet.name) !== 1) continue;
    const form = parseForm(sheet, recognition.forms.find((f) => f.sheet === sheet.name)!);
    const name = form.header.name.trim();
    if (name && projectKeys.has(nameKey(name))) continue;
    if (!readTemplate({ source: snapshot.source, sheets: [sheet] }).ok) continue;
    const empty = !form.funds.annual.total && !form.funds.period.total && form.indicators.indicators.every((i) => !i.value.text.trim());
    const placeholderName = name !== '' && findPlaceholders(name).found.length > 0;
    out.push({ sheet: sheet.name, kind: empty || placeholderName || TEMPLATE_SHEET_NAME.test(sheet.name) ? 'template' : 'example' });
  }
  return out;
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

export type TemplateFormsBuild =
  | {
      readonly ok: true;
      readonly template: string;
      readonly plans: readonly TemplatePlan[];
      /** One sheet name per form, from the project names (core's formSheetNames). */
      readonly names: readonly string[];
      readonly forms: number;
      readonly carried: number;
      /** The template has no 实施期 funds column: only the annual funds are filled in. */
      readonly annualOnly: boolean;
    }
  | { readonly ok: false; readonly reason: 'no-list' | 'empty' | 'no-template' }
  | { readonly ok: false; readonly reason: 'bad-rows'; readonly sheet: string; readonly problems: readonly ProjectProblem[] }
  /** The template lacks labels a form needs (named), or cells for money the forms carry. */
  | { readonly ok: false; readonly reason: 'bad-template'; readonly sheet: string; readonly missing: readonly string[]; readonly problems: readonly Message[] };

/**
 * How far past a sheet's last value a template's extent is believed (its empty bordered indicator
 * rows, say): a host may report formats far beyond the form.
 */
export const TEMPLATE_EXTRA_ROWS = 60;
export const TEMPLATE_EXTRA_COLS = 10;

/**
 * One form per project of the list, each planned into a copy of the template sheet `sheet` (as
 * `suanpan forms fill --template --sheet-per-form`). `extent` is the sheet's extent with formatted
 * empty cells (host.sheetExtent), so the template's empty indicator rows are used, not added to.
 */
export function buildTemplateForms(
  snapshot: WorkbookSnapshot,
  recognition: Recognition,
  year: number,
  sheet: string,
  extent?: { readonly rowCount: number; readonly colCount: number } | null,
): TemplateFormsBuild {
  const list = readProjects(snapshot);
  if (!list) return { ok: false, reason: 'no-list' };
  if (list.problems.length) return { ok: false, reason: 'bad-rows', sheet: list.sheet, problems: list.problems };
  if (!list.projects.length) return { ok: false, reason: 'empty' };
  const templateSheet = snapshot.sheets.find((s) => s.name === sheet);
  if (!templateSheet) return { ok: false, reason: 'no-template' };
  const extents = extent
    ? {
        [sheet]: {
          rowCount: Math.min(extent.rowCount, templateSheet.rowCount + TEMPLATE_EXTRA_ROWS),
          colCount: Math.min(extent.colCount, templateSheet.colCount + TEMPLATE_EXTRA_COLS),
        },
      }
    : undefined;
  const read = readTemplate({ source: snapshot.source, sheets: [templateSheet] }, extents ? { extents } : {});
  if (!read.ok) return { ok: false, reason: 'bad-template', sheet, missing: read.missing, problems: [] };
  // The template's own form (an example, perhaps) is not last year's.
  const previous = formsIn(snapshot, recognition).filter((f) => f.sheet !== sheet);
  const forms = fillForms(list.projects, { year, ...(previous.length ? { previous } : {}) });
  const problems = forms.flatMap((f) => templateProblems(read.template, f));
  if (problems.length) return { ok: false, reason: 'bad-template', sheet, missing: [], problems };
  return {
    ok: true,
    template: sheet,
    plans: forms.map((f) => templatePlan(read.template, f, templateSheet)),
    names: formSheetNames(
      forms.map((f) => f.name),
      snapshot.sheets.map((s) => s.name),
    ),
    forms: forms.length,
    carried: forms.filter((f) => f.source === 'previous').length,
    annualOnly: Object.keys(read.template.funds.period).length === 0,
  };
}

/** The filled copies as a host writes them (for the to-dos): the template sheet per plan, under the names the host gave. */
export function templateFormsSnapshot(snapshot: WorkbookSnapshot, template: string, plans: readonly TemplatePlan[], names: readonly string[]): WorkbookSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === template);
  if (!sheet) throw new Error(`no sheet ${template}`);
  return { source: 'forms', sheets: plans.map((p, i) => planSnapshot(sheet, p, names[i])) };
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
  return formTodosOf(layoutsToSnapshot(layouts, 'forms'));
}

/** formTodos of filled forms as a snapshot (template copies: templateFormsSnapshot). */
export function formTodosOf(snapshot: WorkbookSnapshot): { todos: FormTodo[]; others: Finding[] } {
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
