/** @jest-environment jsdom */
// The pane's build actions and the reviewer's workflow, rendered in jsdom against fake hosts whose
// scans carry a real snapshot of an invented workbook (a ledger and a project list): publication
// tables, bad ledger rows, performance forms and their to-dos, last year's forms, the 审核意见表;
// and for review: the reviewer's name from Office, comments, the resolved list, decisions in Excel.

import { act } from 'react';
import { fillForms } from '../../src/core/forms/fill';
import { formsLayout } from '../../src/core/forms/layout';
import { readProjects } from '../../src/core/forms/projects';
import { layoutsToSnapshot, publish } from '../../src/core/publish';
import { recognizeWorkbook } from '../../src/core/recognize';
import * as review from '../../src/core/review';
import type { TemplatePlan } from '../../src/core/forms/template';
import { parseCellAddress } from '../../src/core/workbook/address';
import type { SheetLayout } from '../../src/core/workbook/edits';
import { buildSheet, buildWorkbook } from '../../src/core/workbook/sheet';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/workbook/types';
import type { AppProps } from '../../src/taskpane/App';
import type { AddedSheets, ReviewCommentInput, ScanResult } from '../../src/taskpane/host';
import { buildTemplateForms, templateFormsSnapshot } from '../../src/taskpane/generate/workbookBuild';
import { messages } from '../../src/taskpane/i18n';
import { belowTemplate, rightTemplate } from '../core/forms/templates';
import { fakeExcelHost, fakeFileHost, RESULT } from './fixtures';
import { usePaneDom } from './pane-dom';
import { buildSnapshot, DEPARTMENT, ledgerTotalWan, PROJECT_SHEET, PROJECTS, projectRows, YEAR, type WorkbookOptions } from './workbooks';

const { render, remount, $, $$, byTestId, text, click } = usePaneDom();
beforeEach(() => localStorage.clear());

const zh = messages['zh-CN'];
const fieldYear = () => Number($<HTMLInputElement>('input[data-testid="build-year"]')!.value);

async function type(el: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Lets pending promises (the lazily loaded build module, host calls) settle until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
  }
  throw new Error(`timed out waiting for ${what}`);
}

function scanOf(snapshot: WorkbookSnapshot, extra: Partial<ScanResult> = {}): ScanResult {
  const recognition = recognizeWorkbook(snapshot);
  return { sheets: snapshot.sheets.map((s) => s.name), recognition, findings: [], snapshot, ...extra };
}

/** A file host whose scan returns `result` and which records the sheets it is asked to add. */
function buildingHost(result: ScanResult, rename: (name: string) => string = (n) => n) {
  const host = fakeFileHost(result);
  const added: SheetLayout[][] = [];
  const addSheets = jest.fn(async (layouts: readonly SheetLayout[]): Promise<AddedSheets> => {
    added.push([...layouts]);
    return { names: layouts.map((l) => rename(l.name)) };
  });
  return Object.assign(host, { addSheets, added, userName: jest.fn(async (): Promise<string | null> => null) });
}

async function open(props: AppProps): Promise<void> {
  await render(props);
  await until(() => Boolean(byTestId('summary')), 'the scan');
}

async function openWorkbook(opts: WorkbookOptions = {}, rename?: (name: string) => string) {
  const snapshot = buildSnapshot(opts);
  const host = buildingHost(scanOf(snapshot), rename);
  await open({ host, sampleUrl: 'http://x/a.xlsx' });
  await until(() => Boolean(byTestId('build')), 'the build panel');
  return { host, snapshot };
}

describe('publication tables from a ledger', () => {
  test('the ledger is found; the ten tables are added and the names the host gave are reported', async () => {
    const { host, snapshot } = await openWorkbook({}, (n) => (n === '表1' ? '表1 (2)' : n));
    expect(byTestId('build-year')).not.toBeNull();
    expect($<HTMLInputElement>('input[data-testid="build-year"]')!.value).toBe(String(YEAR));
    expect(byTestId('build-sources')!.textContent).toBe('预算明细「预算明细」9 行；项目清单「项目清单」3 个项目');
    expect(byTestId('no-ledger')).toBeNull();
    expect(byTestId('publish')!.textContent).toBe(zh.publish);

    await click(byTestId('publish')!);
    await until(() => Boolean(byTestId('sheets-added')), 'the tables');
    expect(host.addSheets).toHaveBeenCalledTimes(1);
    const want = publish(snapshot, { year: YEAR });
    if (!want.ok) throw new Error('the invented ledger should publish');
    expect(host.added[0].map((l) => l.name)).toEqual(['表1', '表2', '表3', '表4', '表5', '表6', '表7', '表8', '表9', '表10']);
    expect(host.added[0]).toEqual(want.layouts);
    const notice = byTestId('sheets-added')!.textContent!;
    expect(notice).toContain('已添加工作表：表1 (2)、表2、');
    expect(notice).toContain(`${DEPARTMENT}，${YEAR} 年；明细 9 行，总计 ${ledgerTotalWan()} 万元`);
  });

  test('bad ledger rows are listed with row and reason, and nothing is built until they are skipped', async () => {
    const { host, snapshot } = await openWorkbook({ badLedgerRows: true });
    await click(byTestId('publish')!);
    await until(() => Boolean(byTestId('bad-ledger')), 'the bad rows');
    expect(host.addSheets).not.toHaveBeenCalled();
    expect(byTestId('bad-ledger')!.textContent).toContain('预算明细有 2 行不能使用，没有生成任何表');
    const rows = $$('[data-testid="bad-row"]');
    expect(rows.map((r) => [r.dataset.cell, r.textContent])).toEqual([
      ['H13', '第 13 行金额栏是文字，不是数字（约五千元）预算明细!H13'],
      ['C14', '第 14 行没有功能科目编码预算明细!C14'],
    ]);
    // A bad row goes to its cell.
    await click(rows[1].querySelector('button')!);
    expect(host.select).toHaveBeenCalledWith('预算明细', 'C14');

    await click(byTestId('skip-bad')!);
    await until(() => Boolean(byTestId('sheets-added')), 'the tables');
    const want = publish(snapshot, { year: YEAR, skipBad: true });
    if (!want.ok) throw new Error('skipping should build');
    expect(host.added).toEqual([want.layouts]);
    expect($$('[data-testid="skipped-row"]').map((r) => r.dataset.cell)).toEqual(['H13', 'C14']);
  });

  test('a ledger that does not name its department asks for it', async () => {
    const { host, snapshot } = await openWorkbook({ noTitle: true });
    await click(byTestId('publish')!);
    await until(() => Boolean(byTestId('department')), 'the department field');
    expect(host.addSheets).not.toHaveBeenCalled();
    expect(byTestId('publish-department')!.disabled).toBe(true);
    await type($<HTMLInputElement>('input[data-testid="department"]')!, '某某局');
    await click(byTestId('publish-department')!);
    await until(() => Boolean(byTestId('sheets-added')), 'the tables');
    // No title line, no year in it either: the field offers this year.
    expect(fieldYear()).toBe(new Date().getFullYear());
    const want = publish(snapshot, { year: fieldYear(), department: '某某局' });
    expect(want.ok && host.added[0]).toEqual(want.ok && want.layouts);
  });

  test('the year typed in the field is the tables’ year', async () => {
    const { host } = await openWorkbook({ withProjects: false });
    await type($<HTMLInputElement>('input[data-testid="build-year"]')!, '2031');
    await click(byTestId('publish')!);
    await until(() => Boolean(byTestId('sheets-added')), 'the tables');
    const title = host.added[0][0].cells.find((c) => c.value?.kind === 'text' && /年/.test(String(c.value.value)));
    expect(String(title?.value?.value)).toContain('2031');
  });

  test('without a ledger or a project list the pane says what they need instead of offering a button', async () => {
    await openWorkbook({ withLedger: false, withProjects: false });
    expect(byTestId('publish')).toBeNull();
    expect(byTestId('fill-forms')).toBeNull();
    expect(byTestId('build-year')).toBeNull();
    const ledger = byTestId('no-ledger')!.textContent!;
    for (const h of ['功能科目编码', '支出类型', '资金性质', '金额']) expect(ledger).toContain(h);
    const projects = byTestId('no-projects')!;
    for (const h of ['项目名称', '年度资金总额']) expect(projects.textContent).toContain(h);
    expect(projects.querySelector('[title]')!.getAttribute('title')).toContain('项目期');
  });

  test('a sheet that is nearly a ledger is named with the headers it lacks', async () => {
    const base = buildSnapshot({ withProjects: false });
    const sheet = base.sheets[0];
    const rows = sheet.rows.map((r) => r?.slice());
    rows[2]![5] = { ...rows[2]![5]!, value: { kind: 'text', value: '备注' } };
    const host = buildingHost(scanOf({ ...base, sheets: [{ ...sheet, rows }] }));
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    await until(() => Boolean(byTestId('build')), 'the build panel');
    expect(byTestId('publish')).toBeNull();
    expect(byTestId('no-ledger')!.textContent).toBe('生成公开表：工作表「预算明细」第 3 行的表头缺少：资金性质。');
  });
});

describe('performance forms from a project list', () => {
  test('one form per project is added; the values left to fill in are listed and go to their cells', async () => {
    const { host, snapshot } = await openWorkbook({ withLedger: false }, (n) => `${n} (2)`);
    expect(byTestId('no-ledger')).not.toBeNull();
    await type($<HTMLInputElement>('input[data-testid="build-year"]')!, String(YEAR));
    await click(byTestId('fill-forms')!);
    await until(() => Boolean(byTestId('sheets-added')), 'the forms');

    const forms = fillForms(readProjects(snapshot)!.projects, { year: YEAR });
    expect(host.added).toEqual([[formsLayout(forms).layout]]);
    expect(byTestId('sheets-added')!.textContent).toContain(`已生成 ${PROJECTS.length} 张绩效目标表，在工作表 绩效目标表 (2)`);

    const todos = $$('[data-testid="todo"]');
    const expected = forms.reduce((n, f) => n + f.todos, 0);
    expect(expected).toBeGreaterThan(0);
    expect(todos).toHaveLength(expected);
    expect(byTestId('todos-heading')!.textContent).toBe(`待您填写（${expected}）`);
    // Each to-do is on the sheet as the host named it, at a cell that holds the marker.
    const layout = formsLayout(forms).layout;
    for (const li of todos) {
      expect(li.dataset.sheet).toBe('绩效目标表 (2)');
      const [col, row] = [li.dataset.cell!.replace(/\d+/, ''), Number(li.dataset.cell!.replace(/\D+/, ''))];
      const cell = layout.cells.find((c) => c.row === row - 1 && c.col === col.charCodeAt(0) - 65);
      expect(String(cell?.value?.value)).toContain('【待填】');
      expect(li.textContent).toContain('【待填】');
    }
    expect(todos.some((li) => li.textContent!.includes(PROJECTS[0][0]))).toBe(true);
    await click(todos[1].querySelector('button')!);
    expect(host.select).toHaveBeenCalledWith('绩效目标表 (2)', todos[1].dataset.cell);
    expect($$('[data-testid="todo"]')[1].dataset.selected).toBe('true');
  });

  test('last year’s forms in the workbook are carried over for projects of the same name', async () => {
    // Last year's form of the first project, its quantities filled in.
    const lastYear = fillForms(readProjects(buildSnapshot())!.projects.slice(0, 1), { year: YEAR - 1 });
    const filled: SheetLayout = { ...formsLayout(lastYear).layout, name: `${YEAR - 1}年绩效目标表` };
    const done = {
      ...filled,
      cells: filled.cells.map((c) => (c.value?.kind === 'text' && c.value.value.includes('【待填】') ? { ...c, value: { kind: 'text' as const, value: '≥12000平方米' } } : c)),
    };
    const base = buildSnapshot({ withLedger: false });
    const snapshot: WorkbookSnapshot = { ...base, sheets: [...base.sheets, ...layoutsToSnapshot([done]).sheets] };
    const host = buildingHost(scanOf(snapshot));
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    await until(() => Boolean(byTestId('fill-forms')), 'the build panel');
    expect(byTestId('build-sources')!.textContent).toBe(`项目清单「${PROJECT_SHEET}」3 个项目，1 个已有绩效目标表（沿用其指标）`);

    await click(byTestId('fill-forms')!);
    await until(() => Boolean(byTestId('sheets-added')), 'the forms');
    expect(byTestId('sheets-added')!.textContent).toContain('1 张沿用上年指标');
    const values = host.added[0][0].cells.map((c) => String(c.value?.value ?? ''));
    expect(values).toContain('≥12000平方米');
    // The carried-over form leaves nothing to fill in; the two library forms do.
    const todoForms = new Set($$('[data-testid="todo"]').map((li) => li.querySelector('.fui-Caption1')?.textContent));
    expect(todoForms.has(PROJECTS[0][0])).toBe(false);
    expect(todoForms.has(PROJECTS[1][0])).toBe(true);
  });

  test('bad rows of the project list are listed and no form is filled', async () => {
    const base = buildSnapshot({ withLedger: false });
    const sheet = base.sheets[0];
    const rows = sheet.rows.map((r) => r?.slice());
    rows[2] = [undefined, ...(rows[2]?.slice(1) ?? [])]; // no name on the second project's row
    const broken: WorkbookSnapshot = { ...base, sheets: [{ ...sheet, rows }] };
    const host = buildingHost(scanOf(broken));
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    await until(() => Boolean(byTestId('fill-forms')), 'the build panel');
    await click(byTestId('fill-forms')!);
    await until(() => Boolean(byTestId('bad-projects')), 'the bad rows');
    expect(host.addSheets).not.toHaveBeenCalled();
    expect($$('[data-testid="bad-project"]').map((li) => li.textContent)).toEqual(['第 3 行没有项目名称']);
  });

  test('a host that fails to add the sheets is reported', async () => {
    const snapshot = buildSnapshot({ withLedger: false });
    const host = buildingHost(scanOf(snapshot));
    host.addSheets.mockRejectedValueOnce(new Error('工作簿受保护'));
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    await until(() => Boolean(byTestId('fill-forms')), 'the build panel');
    await click(byTestId('fill-forms')!);
    await until(() => Boolean(byTestId('build-error')), 'the error');
    expect(byTestId('build-error')!.textContent).toBe('生成失败：工作簿受保护');
  });
});

describe('performance forms in the user’s own template', () => {
  /** The project list, the given form sheets, and a host that fills templates and reports extents. */
  async function openWithSheets(sheets: readonly SheetSnapshot[], opts: { fill?: boolean } = {}) {
    const base = buildSnapshot({ withLedger: false });
    const snapshot: WorkbookSnapshot = { ...base, sheets: [...base.sheets, ...sheets] };
    const host = buildingHost(scanOf(snapshot));
    const fillTemplate = jest.fn(async (_t: string, _p: readonly TemplatePlan[], names: readonly string[]): Promise<AddedSheets> => ({ names: names.map((n, i) => (i === 0 ? `${n} (2)` : n)) }));
    const sheetExtent = jest.fn(async (name: string) => {
      const s = snapshot.sheets.find((x) => x.name === name);
      return s ? { rowCount: s.rowCount + 2, colCount: s.colCount } : null;
    });
    const full = opts.fill === false ? host : Object.assign(host, { fillTemplate, sheetExtent });
    await open({ host: full, sampleUrl: 'http://x/a.xlsx' });
    await until(() => Boolean(byTestId('fill-forms')), 'the build panel');
    return { host: full as typeof host & { fillTemplate: typeof fillTemplate; sheetExtent: typeof sheetExtent }, snapshot, fillTemplate, sheetExtent };
  }
  const picker = () => $<HTMLSelectElement>('select[data-testid="form-template"]');
  const options = () => Array.from(picker()!.options).map((o) => [o.value, o.textContent]);
  async function pick(value: string) {
    await act(async () => {
      picker()!.value = value;
      picker()!.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
  /** A filled form of a project the list does not have, on a sheet of its own. */
  function exampleForm(name: string, sheet: string): SheetSnapshot {
    const list = readProjects(buildWorkbook('x', [buildSheet({ name: 'p', rows: projectRows([[name, '一次性项目（1年结束）', 1, 30000]]) })]))!;
    return layoutsToSnapshot([{ ...formsLayout(fillForms(list.projects, { year: YEAR - 1 })).layout, name: sheet }]).sheets[0];
  }

  test('an empty form is the template, picked by itself: one copy per project through host.fillTemplate, to-dos on the copies', async () => {
    const { host, snapshot, fillTemplate, sheetExtent } = await openWithSheets([rightTemplate()]);
    expect(picker()!.value).toBe('模板');
    expect(options()).toEqual([
      ['', '标准格式'],
      ['模板', '模板「模板」'],
    ]);
    await type($<HTMLInputElement>('input[data-testid="build-year"]')!, String(YEAR));
    await click(byTestId('fill-forms')!);
    await until(() => Boolean(byTestId('sheets-added')), 'the forms');
    expect(sheetExtent).toHaveBeenCalledWith('模板');
    expect(host.addSheets).not.toHaveBeenCalled();
    const extent = await sheetExtent.mock.results[0].value;
    const want = buildTemplateForms(snapshot, recognizeWorkbook(snapshot), YEAR, '模板', extent);
    if (!want.ok) throw new Error('usable');
    expect(fillTemplate).toHaveBeenCalledWith('模板', want.plans, want.names);
    const given = [`${PROJECTS[0][0]} (2)`, ...PROJECTS.slice(1).map((p) => p[0])];
    expect(byTestId('sheets-added')!.textContent).toBe(`已生成 3 张绩效目标表，在工作表 ${given.join('、')}。按模板「模板」填写，每张表一个工作表。`);
    // The to-dos are on the copies, under the names the host gave.
    const todos = $$('[data-testid="todo"]');
    const expected = fillForms(readProjects(snapshot)!.projects, { year: YEAR }).reduce((n, f) => n + f.todos, 0);
    expect(todos).toHaveLength(expected);
    expect(new Set(todos.map((li) => li.dataset.sheet))).toEqual(new Set(given));
    const copies = templateFormsSnapshot(snapshot, '模板', want.plans, given);
    for (const li of todos) {
      const sheet = copies.sheets.find((x) => x.name === li.dataset.sheet)!;
      const { row, col } = parseCellAddress(li.dataset.cell!);
      expect(String(sheet.rows[row]?.[col]?.value.value)).toContain('【待填】');
    }
    await click(todos[0].querySelector('button')!);
    expect(host.select).toHaveBeenCalledWith(todos[0].dataset.sheet, todos[0].dataset.cell);

    // The standard layout instead: one sheet through addSheets.
    await pick('');
    await click(byTestId('fill-forms')!);
    await until(() => host.addSheets.mock.calls.length === 1, 'the standard forms');
    expect(host.added[0].map((l) => l.name)).toEqual(['绩效目标表']);
    expect(fillTemplate).toHaveBeenCalledTimes(1);
  });

  test('a filled form of no listed project is offered but not picked; last year’s form of a listed project is not offered', async () => {
    const lastYear = fillForms(readProjects(buildSnapshot())!.projects.slice(0, 1), { year: YEAR - 1 });
    const previous = layoutsToSnapshot([{ ...formsLayout(lastYear).layout, name: `${YEAR - 1}年` }]).sheets[0];
    const { fillTemplate } = await openWithSheets([previous, exampleForm('档案室改造', '参考表')]);
    expect(options()).toEqual([
      ['', '标准格式'],
      ['参考表', '按「参考表」的格式'],
    ]);
    expect(picker()!.value).toBe('');
    await pick('参考表');
    await click(byTestId('fill-forms')!);
    await until(() => Boolean(byTestId('sheets-added')), 'the forms');
    expect(fillTemplate.mock.calls[0][0]).toBe('参考表');
    // Last year's form still lends its indicators.
    expect(byTestId('sheets-added')!.textContent).toContain('1 张沿用上年指标');
  });

  test('a clear template wins over an example; two clear templates leave the choice to the user', async () => {
    await openWithSheets([exampleForm('档案室改造', '参考表'), rightTemplate()]);
    expect(picker()!.value).toBe('模板');
    expect(options().map((o) => o[0])).toEqual(['', '参考表', '模板']);
    remount();
    await openWithSheets([rightTemplate(), belowTemplate()]);
    expect(options()).toEqual([
      ['', '标准格式'],
      ['模板', '模板「模板」'],
      ['绩效目标模板', '模板「绩效目标模板」'],
    ]);
    expect(picker()!.value).toBe('');
  });

  test('a template without a cell for money the forms carry: said so, line by line, and nothing is filled', async () => {
    // Labels side by side with the values below; only 单位自筹 and 其他资金 under the annual total.
    const base = belowTemplate();
    const rows = base.rows.map((r) => (r ?? []).map((c) => (c ? c.value.value : null)));
    rows[5] = ['年度资金总额', null, '单位自筹', '其他资金'];
    const noFiscal = buildSheet({ name: '自筹模板', rows, merges: [...base.merges] });
    const { host, fillTemplate } = await openWithSheets([noFiscal]);
    expect(picker()!.value).toBe('自筹模板');
    await click(byTestId('fill-forms')!);
    await until(() => Boolean(byTestId('bad-template')), 'the refusal');
    expect(fillTemplate).not.toHaveBeenCalled();
    expect(host.addSheets).not.toHaveBeenCalled();
    expect(byTestId('bad-template')!.textContent).toBe(`模板「自筹模板」缺少 ${PROJECTS.length} 处资金栏目，没有填写任何表：`);
    expect($$('[data-testid="template-problem"]').map((p) => p.textContent)).toEqual(PROJECTS.map((p) => expect.stringContaining(`《${p[0]}》的年度市县（区）财政资金`)));
  });

  test('a host that cannot fill templates offers no choice', async () => {
    await openWithSheets([rightTemplate()], { fill: false });
    expect(picker()).toBeNull();
    expect(byTestId('fill-forms')).not.toBeNull();
  });
});

describe('review', () => {
  /** A file host with decisions and comments kept in a real review store. */
  function reviewingHost(result: ScanResult = RESULT, start = review.emptyStore()) {
    let store = start;
    const merged = () => review.mergeScan(store, result);
    const host = buildingHost({ ...result, review: merged() });
    host.decide.mockImplementation(async (fp: string, d: { decision: 'confirmed' | 'dismissed' | 'fixed' | null; reason?: string; reviewer: string }) => {
      const item = merged().items.find((i) => i.fingerprint === fp)!;
      store = d.decision ? review.decide(store, item, d.decision, { reviewer: d.reviewer, ...(d.reason ? { reason: d.reason } : {}) }) : review.undecide(store, fp);
      return merged();
    });
    const comment = jest.fn(async (fp: string, c: ReviewCommentInput) => {
      store = review.commentFinding(store, fp, c.text, c.reviewer);
      return merged();
    });
    const commentCell = jest.fn(async (sheet: string, cell: string, c: ReviewCommentInput) => {
      store = review.commentCell(store, sheet, cell, c.text, c.reviewer);
      return merged();
    });
    return Object.assign(host, { comment, commentCell });
  }

  const reviewOf = (i = 0) => $$('[data-testid="finding"]')[i].querySelector<HTMLElement>('[data-testid="review"]')!;

  test('the reviewer’s name comes from Office when the host knows it', async () => {
    const host = reviewingHost();
    host.userName.mockResolvedValue('王五');
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    await until(() => $<HTMLInputElement>('input[data-testid="reviewer"]')?.value === '王五', 'the name');
    expect(text()).toContain(zh.reviewerFromOffice);
    await click(reviewOf().querySelector('[data-testid="decide-confirmed"]')!);
    expect(host.decide).toHaveBeenCalledWith(expect.any(String), { decision: 'confirmed', reviewer: '王五' });
    expect(localStorage.getItem('suanpan.reviewer')).toBeNull(); // not typed: not remembered
  });

  test('a name typed before wins over Office’s; without either the reviewer is asked', async () => {
    localStorage.setItem('suanpan.reviewer', '李四');
    const host = reviewingHost();
    host.userName.mockResolvedValue('王五');
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    await act(async () => {});
    expect($<HTMLInputElement>('input[data-testid="reviewer"]')!.value).toBe('李四');
    remount();
    localStorage.clear();
    const asking = reviewingHost();
    await open({ host: asking, sampleUrl: 'http://x/a.xlsx' });
    await act(async () => {});
    expect($<HTMLInputElement>('input[data-testid="reviewer"]')!.value).toBe('');
    await click(reviewOf().querySelector('[data-testid="decide-confirmed"]')!);
    expect(asking.decide).not.toHaveBeenCalled();
    expect(text()).toContain(zh.reviewerNeeded);
  });

  test('a free comment on a finding is recorded, shown and can be removed', async () => {
    localStorage.setItem('suanpan.reviewer', '李四');
    const host = reviewingHost();
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    const fp = host.scan.mock.results[0] && (await host.scan.mock.results[0].value as ScanResult).review!.items[0].fingerprint;
    await click(reviewOf().querySelector('[data-testid="comment-open"]')!);
    expect(byTestId('comment-save')!.disabled).toBe(true);
    await type(reviewOf().querySelector<HTMLInputElement>('input[data-testid="comment-text"]')!, '请附上测算依据');
    await click(reviewOf().querySelector('[data-testid="comment-save"]')!);
    expect(host.comment).toHaveBeenCalledWith(fp, { text: '请附上测算依据', reviewer: '李四' });
    expect(reviewOf().querySelector('[data-testid="review-comment"]')!.textContent).toBe('意见（李四）：请附上测算依据');
    // A comment does not decide: the finding is still open to a decision.
    expect(reviewOf().getAttribute('data-status')).toBe('open');

    await click(reviewOf().querySelector('[data-testid="comment-open"]')!);
    expect(reviewOf().querySelector<HTMLInputElement>('input[data-testid="comment-text"]')!.value).toBe('请附上测算依据');
    await click(reviewOf().querySelector('[data-testid="comment-remove"]')!);
    expect(host.comment).toHaveBeenLastCalledWith(fp, { text: '', reviewer: '李四' });
    expect(reviewOf().querySelector('[data-testid="review-comment"]')).toBeNull();
  });

  test('file mode: a cell of the preview grid takes a comment; the list shows it, goes to it and removes it', async () => {
    localStorage.setItem('suanpan.reviewer', '李四');
    const host = reviewingHost();
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    expect(byTestId('cell-comments-toggle')).toBeNull(); // no comments yet
    // Select the first finding: its grid (the fake's window on 表3) offers every cell.
    await click($$('[data-testid="finding"]')[0].querySelector('button')!);
    const grid = () => $('[data-testid="finding"][data-selected] [data-testid="cell-preview"]')!;
    expect(grid()).not.toBeNull();
    expect(text()).toContain(zh.gridCommentHint);
    const cellButton = (a1: string) => grid().querySelector<HTMLButtonElement>(`td[data-cell="${a1}"] button`)!;
    expect(grid().querySelectorAll('td button')).toHaveLength(8);
    await click(cellButton('E4'));
    expect(byTestId('cell-comment-where')!.textContent).toBe('单元格 表3!E4 的意见');
    expect(byTestId('cell-comment-save')!.disabled).toBe(true);
    expect(byTestId('cell-comment-remove')).toBeNull();
    await type($<HTMLInputElement>('input[data-testid="cell-comment-text"]')!, ' 基本支出与表5不一致 ');
    await click(byTestId('cell-comment-save')!);
    expect(host.commentCell).toHaveBeenCalledWith('表3', 'E4', { text: '基本支出与表5不一致', reviewer: '李四' });
    expect(byTestId('cell-comment-box')).toBeNull(); // closed once saved
    expect(grid().querySelector('td[data-cell="E4"]')!.getAttribute('data-commented')).toBe('true');
    expect(cellButton('E4').title).toContain('意见（李四）：基本支出与表5不一致');
    expect(grid().querySelector('td[data-cell="D4"]')!.hasAttribute('data-commented')).toBe(false);

    // Opened again on the same cell, the box holds the comment and can remove it.
    await click(cellButton('E4'));
    expect($<HTMLInputElement>('input[data-testid="cell-comment-text"]')!.value).toBe('基本支出与表5不一致');
    expect(byTestId('cell-comment-remove')).not.toBeNull();
    await click(byTestId('cell-comment-cancel')!);

    // The list, folded: 单元格意见（1）; unfolded, the cell, the text, who and when.
    await click(cellButton('A5'));
    await type($<HTMLInputElement>('input[data-testid="cell-comment-text"]')!, '科目名称请核对');
    await click(byTestId('cell-comment-save')!);
    expect(byTestId('cell-comments-toggle')!.textContent).toBe('单元格意见（2）');
    expect(byTestId('cell-comments')).toBeNull();
    await click(byTestId('cell-comments-toggle')!);
    const items = () => $$('[data-testid="cell-comment"]');
    expect(items().map((li) => [li.dataset.sheet, li.dataset.cell])).toEqual([
      ['表3', 'E4'],
      ['表3', 'A5'],
    ]);
    const first = items()[0].textContent!;
    expect(first).toContain('表3!E4');
    expect(first).toContain('基本支出与表5不一致');
    expect(first).toMatch(/李四 · \d{4}-\d\d-\d\d \d\d:\d\d/);
    // Going to it: the host is asked, and file mode shows the cells around it.
    await click(items()[1].querySelector('button')!);
    expect(host.select).toHaveBeenLastCalledWith('表3', 'A5');
    expect(items()[1].querySelector('[data-testid="cell-preview"]')).not.toBeNull();
    // Removed from the list.
    await click(items()[0].querySelector('[data-testid="cell-comment-delete"]')!);
    expect(host.commentCell).toHaveBeenLastCalledWith('表3', 'E4', { text: '', reviewer: '李四' });
    expect(items().map((li) => li.dataset.cell)).toEqual(['A5']);
    expect(byTestId('cell-comments-toggle')!.textContent).toBe('单元格意见（1）');
  });

  test('file mode without a reviewer: a cell comment asks for the name first', async () => {
    const host = reviewingHost();
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    await click($$('[data-testid="finding"]')[0].querySelector('button')!);
    await click($('td[data-cell="D4"] button')!);
    await type($<HTMLInputElement>('input[data-testid="cell-comment-text"]')!, '请核对');
    await click(byTestId('cell-comment-save')!);
    expect(host.commentCell).not.toHaveBeenCalled();
    expect(text()).toContain(zh.reviewerNeeded);
    expect(byTestId('cell-comment-box')).not.toBeNull(); // still open, text kept
  });

  test('in Excel: 批注所选单元格 reads the selected cell and comments on it; the list goes to the cell', async () => {
    localStorage.setItem('suanpan.reviewer', '李四');
    let store = review.emptyStore();
    const merged = () => review.mergeScan(store, RESULT);
    const selected: ({ sheet: string; cell: string } | null)[] = [{ sheet: '表5', cell: 'C12' }, null, { sheet: '表5', cell: 'C12' }];
    const host = Object.assign(fakeExcelHost({ ...RESULT, review: merged() }), {
      decide: jest.fn(async () => merged()),
      selectedCell: jest.fn(async () => selected.shift() ?? null),
      commentCell: jest.fn(async (sheet: string, cell: string, c: ReviewCommentInput) => {
        store = review.commentCell(store, sheet, cell, c.text, c.reviewer);
        return merged();
      }),
    });
    await render({ host });
    await click(byTestId('scan')!);
    // Excel has no preview grid: the cells are not buttons there.
    expect($('td button')).toBeNull();
    expect(byTestId('comment-selected-cell')!.textContent).toBe('批注所选单元格');
    await click(byTestId('comment-selected-cell')!);
    expect(host.selectedCell).toHaveBeenCalledTimes(1);
    expect(byTestId('cell-comment-where')!.textContent).toBe('单元格 表5!C12 的意见');
    expect(byTestId('comment-selected-cell')).toBeNull(); // the box takes its place
    await type($<HTMLInputElement>('input[data-testid="cell-comment-text"]')!, '此数与批复不符');
    await click(byTestId('cell-comment-save')!);
    expect(host.commentCell).toHaveBeenCalledWith('表5', 'C12', { text: '此数与批复不符', reviewer: '李四' });
    expect(byTestId('cell-comment-box')).toBeNull();

    // Nothing selected that Excel can name: said so, no box.
    await click(byTestId('comment-selected-cell')!);
    expect(text()).toContain(zh.noSelectedCell);
    expect(byTestId('cell-comment-box')).toBeNull();
    // The same cell again: the box starts from its comment.
    await click(byTestId('comment-selected-cell')!);
    expect($<HTMLInputElement>('input[data-testid="cell-comment-text"]')!.value).toBe('此数与批复不符');
    expect(text()).not.toContain(zh.noSelectedCell);
    await click(byTestId('cell-comment-cancel')!);

    await click(byTestId('cell-comments-toggle')!);
    const item = $('[data-testid="cell-comment"]')!;
    expect(item.textContent).toContain('表5!C12');
    await click(item.querySelector('button')!);
    expect(host.select).toHaveBeenLastCalledWith('表5', 'C12');
    expect(item.querySelector('[data-testid="cell-preview"]')).toBeNull();
    await click(item.querySelector('[data-testid="cell-comment-delete"]')!);
    expect(host.commentCell).toHaveBeenLastCalledWith('表5', 'C12', { text: '', reviewer: '李四' });
    expect(byTestId('cell-comments-toggle')).toBeNull();
  });

  test('the 审核意见表 built on demand lists the comments on cells', async () => {
    localStorage.setItem('suanpan.reviewer', '李四');
    const host = reviewingHost();
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    await click($$('[data-testid="finding"]')[0].querySelector('button')!);
    await click($('td[data-cell="F5"] button')!);
    await type($<HTMLInputElement>('input[data-testid="cell-comment-text"]')!, '项目支出请分列');
    await click(byTestId('cell-comment-save')!);
    await click(byTestId('review-sheet')!);
    await until(() => Boolean(byTestId('sheets-added')), 'the review sheet');
    const texts = host.added[0][0].cells.map((c) => String(c.value?.value ?? ''));
    expect(texts).toEqual(expect.arrayContaining(['表3!F5', '项目支出请分列', '李四']));
  });

  test('decided findings the scan no longer produces are listed as resolved', async () => {
    const first = review.mergeScan(review.emptyStore(), RESULT);
    const gone = first.items[1];
    const store = review.decide(review.emptyStore(), gone, 'fixed', { reviewer: '张三' });
    const rescan: ScanResult = { ...RESULT, findings: RESULT.findings.filter((f) => f !== gone.finding) };
    const host = reviewingHost(rescan, store);
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    expect(byTestId('status-count-resolved')!.textContent).toBe('已解决 1');
    expect(byTestId('resolved-list')).toBeNull(); // folded
    await click(byTestId('resolved-toggle')!);
    expect(byTestId('resolved-toggle')!.textContent).toBe('已解决（1）');
    const items = $$('[data-testid="resolved-item"]');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain(`${gone.snapshot.sheet}!${gone.snapshot.cell}`);
    expect(items[0].textContent).toContain('已修正（张三）');
    await click(items[0].querySelector('button')!);
    expect(host.select).toHaveBeenCalledWith(gone.snapshot.sheet, gone.snapshot.cell);
  });

  test('the 审核意见表 is built on demand from the review and added as a sheet', async () => {
    localStorage.setItem('suanpan.reviewer', '李四');
    const host = reviewingHost();
    await open({ host, sampleUrl: 'http://x/a.xlsx' });
    await click(reviewOf().querySelector('[data-testid="decide-dismissed"]')!);
    await type(reviewOf().querySelector<HTMLInputElement>('input[data-testid="dismiss-reason"]')!, '口径不同');
    await click(reviewOf().querySelector('[data-testid="dismiss-submit"]')!);
    await click(byTestId('review-sheet')!);
    await until(() => Boolean(byTestId('sheets-added')), 'the review sheet');
    expect(host.added).toHaveLength(1);
    const [sheet] = host.added[0];
    expect(sheet.name).toBe('审核意见表');
    const texts = sheet.cells.map((c) => String(c.value?.value ?? ''));
    expect(texts).toContain('口径不同');
    expect(texts.some((s) => s.includes('审核人：李四'))).toBe(true);
    // One row per finding, numbered.
    const numbers = sheet.cells.filter((c) => c.col === 0 && c.value?.kind === 'number').map((c) => c.value!.value);
    expect(numbers).toEqual(RESULT.findings.map((_, i) => i + 1));
    expect(byTestId('sheets-added')!.textContent).toBe('已添加工作表：审核意见表。');
  });

  test('in Excel: counts, the filter and decisions work when the host records decisions', async () => {
    localStorage.setItem('suanpan.reviewer', '李四');
    let store = review.emptyStore();
    const host = Object.assign(fakeExcelHost({ ...RESULT, review: review.mergeScan(store, RESULT) }), {
      decide: jest.fn(async (fp: string, d: { decision: 'confirmed' | 'dismissed' | 'fixed' | null; reason?: string; reviewer: string }) => {
        const item = review.mergeScan(store, RESULT).items.find((i) => i.fingerprint === fp)!;
        store = d.decision ? review.decide(store, item, d.decision, { reviewer: d.reviewer }) : review.undecide(store, fp);
        return review.mergeScan(store, RESULT);
      }),
    });
    await render({ host });
    await click(byTestId('scan')!);
    await click(reviewOf(2).querySelector('[data-testid="decide-fixed"]')!);
    expect(host.decide).toHaveBeenCalledTimes(1);
    expect(byTestId('status-count-fixed')!.textContent).toBe('已修正 1');
    const select = $<HTMLSelectElement>('select[data-testid="filter-status"]')!;
    await act(async () => {
      select.value = 'fixed';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect($$('[data-testid="finding"]')).toHaveLength(1);
    // No comment method on this host: no comment button.
    expect($('[data-testid="comment-open"]')).toBeNull();
  });

  test('in Excel without decisions the statuses show but no decision buttons', async () => {
    const host = fakeExcelHost({ ...RESULT, review: review.mergeScan(review.emptyStore(), RESULT) });
    await render({ host });
    await click(byTestId('scan')!);
    expect($$('[data-testid="review-status"]').length).toBe(RESULT.findings.length);
    expect($('[data-testid="decide-confirmed"]')).toBeNull();
    expect(byTestId('review-bar')).not.toBeNull();
  });
});
