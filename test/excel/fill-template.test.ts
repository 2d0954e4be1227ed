// Performance forms in copies of the user's template sheet, in Excel: the pane's plans (core's
// templatePlan) written by host.fillTemplate into worksheet.copy()s in 2 syncs whatever the number of
// forms; values, formats, merges, widths, heights as planned; the template itself untouched; the
// copies read back by the Excel adapter parse to the projects' data with only the to-dos found.
import { checkForm, parseForms } from '../../src/core/forms';
import { fillForms } from '../../src/core/forms/fill';
import { readProjects } from '../../src/core/forms/projects';
import { copyRow, planSnapshot, type TemplatePlan } from '../../src/core/forms/template';
import { recognizeWorkbook } from '../../src/core/recognize';
import { areaAddress } from '../../src/excel/a1';
import { addLayoutSheets } from '../../src/excel/add-sheets';
import { TemplateSheetMissing } from '../../src/excel/fill-template';
import { createExcelHost } from '../../src/excel/host';
import { readWorkbook } from '../../src/excel/read';
import { buildTemplateForms, findSources } from '../../src/taskpane/generate/workbookBuild';
import { buildSheet } from '../../src/core/workbook/sheet';
import type { SheetSnapshot } from '../../src/core/workbook/types';
import { rightTemplate } from '../core/forms/templates';
import { manyProjects, PROJECTS, PROJECT_SHEET, projectListLayout, styledTemplate, YEAR, type Project } from '../taskpane/workbooks';
import { FakeContext, FakeWorkbook, dumpWorkbook, type FakeSheet } from './fake-excel';
import { ALL } from './fixtures';
import { useOfficeEnv } from './office-env';

const env = useOfficeEnv();

/** A user's workbook in Excel: the project list, and the form template with its formatting. */
async function workbook(projects: readonly Project[], template: SheetSnapshot = rightTemplate(), emptyRows = 0): Promise<FakeWorkbook> {
  const wb = new FakeWorkbook();
  await addLayoutSheets(
    new FakeContext(wb).asExcel,
    [
      projectListLayout(projects),
      styledTemplate(template, emptyRows),
    ],
    { capabilities: ALL },
  );
  wb.activeSheet = PROJECT_SHEET;
  return wb;
}

const install = (wb: FakeWorkbook, max = 20) => env.install(wb, max);

/** What the pane does: scan, find the template, ask for its extent, plan the forms. */
async function plan(host: ReturnType<typeof createExcelHost>, sheet: string) {
  const scan = await host.scan();
  const extent = await host.sheetExtent(sheet);
  const built = buildTemplateForms(scan.snapshot!, scan.recognition, YEAR, sheet, extent);
  if (!built.ok) throw new Error(`template not usable: ${JSON.stringify(built)}`);
  return { scan, extent, built, template: scan.snapshot!.sheets.find((s) => s.name === sheet)! };
}

const key = (m: { top: number; left: number; bottom: number; right: number }) => areaAddress(m);
const lookOf = (s: FakeSheet, r: number, c: number) => {
  const cell = s.get(r, c);
  return cell ? { fill: cell.fill, font: cell.font, look: cell.look ?? {} } : { fill: null, font: '#000000', look: {} };
};

/** Where a copy's row comes from in the template (an inserted row: its model row). */
function sourceRow(p: TemplatePlan, r: number): number {
  const ins = p.insert;
  if (!ins || r <= ins.after) return r;
  if (r <= ins.after + ins.count) return ins.styleFrom;
  return r - ins.count;
}

test('the template is found; 3 or 12 forms take 2 syncs; each copy is the template filled as planned', async () => {
  for (const projects of [PROJECTS, [...PROJECTS, ...manyProjects(9)]]) {
    const wb = await workbook(projects);
    wb.addSheet(PROJECTS[1][0], [['同名的用户工作表']]);
    const excel = install(wb);
    const host = createExcelHost();
    const before = JSON.stringify(dumpWorkbook(wb).sheets.find((s) => s.name === '模板'));
    const { scan, extent, built, template } = await plan(host, '模板');
    // The names the pane asks for avoid the sheets it scanned (core's formSheetNames) …
    expect(built.names.slice(0, 2)).toEqual([PROJECTS[0][0], `${PROJECTS[1][0]}（2）`]);
    // … and one added since (by a co-author, say) is avoided by the host.
    wb.addSheet(PROJECTS[0][0], [['另一张同名的表']]);

    // The pane offers the sheet as the template (an empty form) and picks it.
    const sources = findSources(scan.snapshot!, scan.recognition);
    expect(sources.templates).toEqual([{ sheet: '模板', kind: 'template' }]);
    expect(sources.template).toBe('模板');
    expect(extent).toEqual({ rowCount: template.rowCount, colCount: template.colCount });
    expect(excel.runs.at(-1)!.context.syncs).toBe(1);

    const runs = excel.runs.length;
    const r = await host.fillTemplateDetailed('模板', built.plans, built.names);
    expect(excel.runs.length).toBe(runs + 1);
    expect(r.syncs).toBe(2);
    expect(excel.runs.at(-1)!.context.syncs).toBe(2);
    expect(excel.runs.at(-1)!.options).toEqual({ mergeUndoGroup: true });
    // A taken name (the user's own sheet, whatever its case) gets a free variant.
    expect(r.names).toEqual([`${PROJECTS[0][0]} (2)`, `${PROJECTS[1][0]}（2）`, ...projects.slice(2).map((p) => p[0])]);
    expect(wb.sheets.map((s) => s.name)).toEqual([PROJECT_SHEET, '模板', PROJECTS[1][0], PROJECTS[0][0], ...r.names]);
    expect(JSON.stringify(dumpWorkbook(wb).sheets.find((s) => s.name === '模板'))).toBe(before);

    const tpl = wb.sheet('模板');
    built.plans.forEach((p, i) => {
      const copy = wb.sheet(r.names[i]);
      expect(copy.visibility).toBe('Visible');
      // Values: exactly the planned copy's.
      const want = planSnapshot(template, p, r.names[i]);
      const got: string[] = [];
      const expected: string[] = [];
      for (const [row, line] of copy.cells) for (const [col, cell] of line) if (cell.type !== 'Empty') got.push(`${row},${col}=${cell.value}`);
      want.rows.forEach((line, row) => line?.forEach((cell, col) => cell && expected.push(`${row},${col}=${cell.value.value}`)));
      expect(got.sort()).toEqual(expected.sort());
      // Merges: the plan's.
      expect(copy.merges.map(key).sort()).toEqual(p.merges.filter((m) => m.bottom > m.top || m.right > m.left).map(key).sort());
      // Formats: each cell looks like its template cell (an inserted row like its model row); a
      // merged area like its first cell.
      for (let row = 0; row < p.rowCount; row++)
        for (let col = 0; col < p.colCount; col++) {
          const m = p.merges.find((x) => x.top <= row && row <= x.bottom && x.left <= col && col <= x.right && (x.top !== row || x.left !== col));
          const want = m ? lookOf(copy, m.top, m.left) : lookOf(tpl, sourceRow(p, row), col);
          expect([r.names[i], row, col, lookOf(copy, row, col)]).toEqual([r.names[i], row, col, want]);
        }
      for (let row = 0; row < p.rowCount; row++) expect([row, copy.rowHeights.get(row)]).toEqual([row, tpl.rowHeights.get(sourceRow(p, row))]);
      expect([...copy.colWidths]).toEqual([...tpl.colWidths]);
      // The template's own number format wins; a General cell gets the plan's.
      for (const w of p.cells.filter((c) => c.numFmt)) {
        const own = tpl.get(sourceRow(p, w.row), w.col)?.numFmt ?? 'General';
        expect(copy.get(w.row, w.col)?.numFmt).toBe(own === 'General' ? w.numFmt : own);
      }
      expect(copy.page).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 }, printArea: key({ top: 0, left: 0, bottom: p.rowCount - 1, right: p.colCount - 1 }) });
    });
    // The 3-project run inserts indicator rows into the template's two-row block.
    expect(built.plans.every((p) => (p.insert?.count ?? 0) > 0)).toBe(true);
    // At least one planned amount met a number format of the template's own (the annual total).
    expect(built.plans.some((p) => p.cells.some((c) => c.numFmt && (tpl.get(sourceRow(p, c.row), c.col)?.numFmt ?? 'General') !== 'General'))).toBe(true);

    // Read back through the adapter: the copies parse to the projects' data; only the to-dos are found.
    const back = await readWorkbook(new FakeContext(wb).asExcel);
    const forms = parseForms(back, recognizeWorkbook(back)).filter((f) => r.names.includes(f.sheet));
    const filled = fillForms(readProjects(back)!.projects, { year: YEAR });
    expect(forms.map((f) => [f.sheet, f.header.name, f.funds.annual.total?.value.toNumber(), f.indicators.indicators.length])).toEqual(
      filled.map((f, i) => [r.names[i], f.name, f.annual.total.toNumber(), f.indicators.length]),
    );
    const findings = forms.flatMap((f) => checkForm(f));
    expect(findings.filter((f) => f.rule !== 'form-placeholder')).toEqual([]);
    expect(findings.length).toBe(filled.reduce((n, f) => n + f.todos, 0));
    env.uninstall();
  }
}, 60_000);

test('a template whose empty indicator rows hold no value: its extent keeps them in use, not added to', async () => {
  // rightTemplate without the note under it and without the merged 绩效指标 heading: nothing marks
  // the empty rows below the indicator header but their borders.
  const base = rightTemplate();
  const bare = buildSheet({
    name: '表样',
    rows: base.rows.slice(0, 12).map((r) => (r ?? []).map((c) => (c ? c.value.value : null))),
    merges: base.merges.filter((m) => m.bottom < 11),
  });
  const wb = await workbook(PROJECTS.slice(0, 1), bare, 6);
  install(wb);
  const host = createExcelHost();
  const { built, extent, template } = await plan(host, '表样');
  expect(template.rowCount).toBe(12);
  expect(extent).toEqual({ rowCount: 18, colCount: 6 });
  const indicators = fillForms(readProjects(await readWorkbook(new FakeContext(wb).asExcel))!.projects, { year: YEAR })[0].indicators.length;
  // The six empty rows are filled first; rows are inserted only for what does not fit.
  expect(built.plans[0].insert?.count ?? 0).toBe(Math.max(0, indicators - 6));
  const r = await host.fillTemplateDetailed('表样', built.plans, built.names);
  const copy = wb.sheet(r.names[0]);
  // The first indicator row looks like the template's first empty row, not like its header.
  expect(lookOf(copy, 12, 3)).toEqual(lookOf(wb.sheet('表样'), 12, 3));
  expect(lookOf(copy, 12, 3)).not.toEqual(lookOf(wb.sheet('表样'), 11, 3));
});

test('a hidden template: the copies are made visible, outside the undo group; without ExcelApi 1.9 no print setup', async () => {
  const wb = await workbook(PROJECTS);
  const excel = install(wb);
  const host = createExcelHost();
  const { built } = await plan(host, '模板');
  wb.sheet('模板').visibility = 'Hidden';
  const runs = excel.runs.length;
  const r = await host.fillTemplateDetailed('模板', built.plans, built.names);
  expect(excel.runs.slice(runs).map((x) => x.options)).toEqual([{ mergeUndoGroup: true }, undefined]);
  expect(r.madeVisible).toBe(true);
  expect(r.names.map((n) => wb.sheet(n).visibility)).toEqual(['Visible', 'Visible', 'Visible']);
  expect(wb.sheet('模板').visibility).toBe('Hidden');

  const old = await workbook(PROJECTS);
  env.uninstall();
  install(old, 7);
  const host7 = createExcelHost();
  const planned = await plan(host7, '模板');
  const r7 = await host7.fillTemplateDetailed('模板', planned.built.plans, planned.built.names);
  expect(r7.skipped.map((s) => s.what)).toEqual(['print', 'print', 'print']);
  // The copy keeps the template's own print setup.
  expect(old.sheet(r7.names[0]).page).toEqual(old.sheet('模板').page);
});

test('a template sheet deleted since the scan: a plain error, nothing added', async () => {
  const wb = await workbook(PROJECTS);
  install(wb);
  const host = createExcelHost();
  const { built } = await plan(host, '模板');
  wb.sheets = wb.sheets.filter((s) => s.name !== '模板');
  const count = wb.sheets.length;
  await expect(host.fillTemplate('模板', built.plans, built.names)).rejects.toBeInstanceOf(TemplateSheetMissing);
  expect(wb.sheets.length).toBe(count);
  await expect(host.sheetExtent('模板')).resolves.toBeNull();
});

test('copyRow maps template rows past the inserted ones', () => {
  const p = { insert: { after: 12, count: 3, styleFrom: 12 } };
  expect([copyRow(p, 12), copyRow(p, 13), copyRow({}, 13)]).toEqual([12, 16, 13]);
});
