// End to end, in a real browser: the pane is built with webpack (into a temp dir), served by
// scripts/serve.js on a free localhost port, and driven in Debian's Chromium with playwright-core.
// Nothing outside localhost may be requested. It opens the sample (?sample=…), scans, checks the
// findings against the engine run here in Node, selects a finding, filters, previews and applies a
// fix, switches language, downloads the annotated copy and re-reads it with exceljs, reviews (dismiss
// with a reason, rescan, reopen the copy). Then it opens an invented workbook with a budget ledger and
// a project list, builds the ten tables and the performance forms, follows a to-do, comments on a
// finding and on a cell of the preview grid, builds the 审核意见表, downloads and re-reads the copy
// (the review store and the sheet list the cell's comment). Last, a workbook with its own form
// template: the forms are filled into copies of it and read back. Screenshots at 320, 400 and 450 px go to
// test-output/screenshots/.
//
// Runs only where /usr/bin/chromium exists (skipped with a message otherwise), or not at all with
// SUANPAN_E2E=0. The build takes 20–90 s depending on the machine.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Decimal from 'decimal.js';
import * as ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SEVERITY_STYLE } from '../../src/core/annotate';
import type { Finding } from '../../src/core/findings';
import { fillForms } from '../../src/core/forms/fill';
import { parseForms } from '../../src/core/forms/parse';
import { readProjects } from '../../src/core/forms/projects';
import { recognizeWorkbook } from '../../src/core/recognize';
import { loadReviewStore } from '../../src/core/review';
import { checkWorkbook } from '../../src/core/rules';
import { readWorkbookFile } from '../../src/xlsx/read';
import { rightTemplate } from '../core/forms/templates';
import { buildSnapshot, buildTemplateXlsx, buildXlsx, DEPARTMENT, LEDGER_LINES, ledgerTotalWan, PROJECTS } from '../taskpane/workbooks';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'assets/samples/xinzhou-2022.xlsx');
const SHOTS = join(ROOT, 'test-output/screenshots');
const WIDTHS = [320, 400, 450] as const;

const enabled = existsSync(CHROMIUM) && process.env.SUANPAN_E2E !== '0';
if (!enabled) {
  console.warn(
    process.env.SUANPAN_E2E === '0'
      ? 'pane e2e skipped: SUANPAN_E2E=0'
      : `pane e2e skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-microhei)`,
  );
}
const suite = enabled ? describe : describe.skip;
jest.setTimeout(180_000);

interface Served {
  url: string;
  close(): Promise<void>;
}
// scripts/serve.js is plain JS (no types): describe what the test uses of it.
const { startServer } = require('../../scripts/serve') as {
  startServer(o: { port?: number; buildDir?: string; samplesDir?: string }): Promise<Served>;
};

function buildPane(outDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const cli = join(ROOT, 'node_modules/webpack-cli/bin/cli.js');
    const child = spawn(process.execPath, [cli, '--mode', 'production', '--output-path', outDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`webpack exited with ${code}:\n${log.slice(-4000)}`))));
  });
}

/** Retries an assertion until it holds (the page updates asynchronously), then fails with its error. */
async function eventually(check: () => Promise<void> | void, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => (typeof t === 'string' ? t : t.text)).join('');
}

suite('the pane in Chromium (file mode)', () => {
  let work: string;
  let server: Served;
  let context: BrowserContext;
  let page: Page;
  let expected: { findings: readonly Finding[]; tables: number; forms: number };
  const offsite: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'suanpan-e2e-'));
    mkdirSync(SHOTS, { recursive: true });
    const outDir = join(work, 'build');
    const snapshot = await readWorkbookFile(SAMPLE);
    const checked = checkWorkbook(snapshot);
    expected = { findings: checked.findings, tables: checked.recognition.tables.length, forms: checked.recognition.forms.length };
    await buildPane(outDir);
    server = await startServer({ port: 0, buildDir: outDir });
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 400, height: 900 },
      acceptDownloads: true,
      locale: 'zh-CN',
    });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost') {
        return route.continue();
      }
      offsite.push(url.href);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const finding = (sel: string) => page.locator(`[data-testid="finding"]${sel}`);
  const count = (s: string) => page.getByTestId(`count-${s}`);
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, name) });
  const noHorizontalScroll = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 0.5);

  test('/ redirects to the pane with the sample, which opens and is scanned by itself', async () => {
    await page.goto(server.url);
    expect(page.url()).toContain('/taskpane.html?sample=/samples/xinzhou-2022.xlsx');
    await eventually(async () => expect((await page.locator('h1').textContent())?.trim()).toBe('算盘 Suanpan'));
    await page.getByTestId('summary').waitFor({ timeout: 90_000 });
    await eventually(async () => expect((await page.getByTestId('file-name').textContent())?.trim()).toBe('文件：xinzhou-2022.xlsx'));
  });

  test('scan shows progress, then the summary and every finding the engine reports', async () => {
    // Record whether the progress bar ever shows, however briefly.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="scan-progress"]')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('scan').click();
    await page.getByTestId('summary').waitFor({ timeout: 90_000 });
    await eventually(async () => expect(await page.getByTestId('scan').isEnabled()).toBe(true));
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);

    const n = (s: Finding['severity']) => expected.findings.filter((f) => f.severity === s).length;
    await eventually(async () => expect(await page.getByTestId('summary').textContent()).toContain(`识别到 ${expected.tables} 张表、${expected.forms} 张绩效目标表`));
    await eventually(async () => expect((await count('error').textContent())?.trim()).toBe(`错误 ${n('error')}`));
    await eventually(async () => expect((await count('warning').textContent())?.trim()).toBe(`警告 ${n('warning')}`));
    await eventually(async () => expect((await count('info').textContent())?.trim()).toBe(`提示 ${n('info')}`));
    await eventually(async () => expect(await page.locator('[data-testid="finding"]').count()).toBe(expected.findings.length));
    await eventually(async () => expect((await page.getByTestId('shown').textContent())?.trim()).toBe(`显示 ${expected.findings.length} / ${expected.findings.length} 条`));

    await eventually(async () => expect(await finding('[data-sheet="表5"][data-rule="misaligned"]').count()).toBe(1));
    expect(await finding('[data-sheet="表3"][data-rule="subtotal"][data-severity="error"]').count()).toBeGreaterThan(0);
    const headers = await page.locator('[data-testid="finding-group"] h3').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['表3 · 支出总表', '表5 · 一般公共预算支出表']));
    // The by-sheet summary unfolds.
    await page.getByTestId('by-sheet').click();
    await eventually(async () => expect(await page.getByTestId('sheet-list').textContent()).toContain('支出总表'));
    await page.getByTestId('by-sheet').click();
    expect(offsite).toEqual([]);
  });

  test('clicking a finding selects it and shows its cell in the preview grid', async () => {
    const item = finding('[data-sheet="表3"][data-rule="subtotal"]').first();
    const cell = (await item.getAttribute('data-cell'))!;
    await item.locator('button').first().click();
    await eventually(async () => expect(await item.getAttribute('data-selected')).toBe('true'));
    await eventually(async () => expect(await page.locator('[data-testid="finding"][data-selected]').count()).toBe(1));
    const grid = item.getByTestId('cell-preview');
    await grid.waitFor({ state: 'visible' });
    await eventually(async () => expect(await grid.getAttribute('aria-label')).toBe(`表3 工作表 ${cell} 附近`));
    await eventually(async () => expect(await grid.locator('td[data-target]').count()).toBe(1));
    expect(await item.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight)).toBe(true);
  });

  test('filters by severity and by rule', async () => {
    const total = expected.findings.length;
    const infos = expected.findings.filter((f) => f.severity === 'info').length;
    await page.getByTestId('filter-info').click();
    await eventually(async () => expect(await page.locator('[data-testid="finding"]').count()).toBe(total - infos));
    await eventually(async () => expect(await page.locator('[data-testid="finding"][data-severity="info"]').count()).toBe(0));
    await page.getByTestId('filter-info').click();
    await page.getByTestId('filter-rule').selectOption('misaligned');
    await eventually(async () => expect(await page.locator('[data-testid="finding"]').count()).toBe(1));
    await eventually(async () => expect((await page.getByTestId('shown').textContent())?.trim()).toBe(`显示 1 / ${total} 条`));
    await page.getByTestId('filter-rule').selectOption('all');
    await eventually(async () => expect(await page.locator('[data-testid="finding"]').count()).toBe(total));
  });

  test('the misaligned block previews its corrected codes; apply and undo', async () => {
    const mis = expected.findings.find((f) => f.rule === 'misaligned' && f.sheet === '表5')!;
    const corrected = (mis.details?.corrected ?? []) as { cell: string; from: string; to: string }[];
    const item = finding('[data-sheet="表5"][data-rule="misaligned"]');
    await item.locator('button').first().click();
    const preview = item.getByTestId('fix-preview');
    await preview.waitFor({ state: 'visible' });
    await eventually(async () => expect(await preview.locator('tbody tr').count()).toBe(corrected.length));
    const first = preview.locator('tbody tr').first().locator('td');
    await eventually(async () => expect((await first.nth(0).textContent())?.trim()).toBe(corrected[0].cell));
    await eventually(async () => expect((await first.nth(1).textContent())?.trim()).toBe(corrected[0].from));
    await eventually(async () => expect((await first.nth(2).textContent())?.trim()).toBe(corrected[0].to));

    for (const w of WIDTHS) {
      await page.setViewportSize({ width: w, height: 900 });
      await item.scrollIntoViewIfNeeded();
      expect(await noHorizontalScroll()).toBe(true);
      await shot(`pane-${w}-fix.png`);
    }
    await page.setViewportSize({ width: 400, height: 900 });

    await item.getByTestId('apply-fix').click();
    await item.getByTestId('undo-fix').waitFor({ state: 'visible' });
    await eventually(async () => expect(await item.textContent()).toContain(`已更正 ${corrected.filter((c) => c.from !== c.to).length} 个单元格`));
    await item.getByTestId('undo-fix').click();
    await item.getByTestId('apply-fix').waitFor({ state: 'visible' });
    await eventually(async () => expect(await item.textContent()).toContain('已撤销更正'));
  });

  test('screenshots at 320, 400 and 450 px, with no horizontal scroll', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const w of WIDTHS) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await noHorizontalScroll()).toBe(true);
      await shot(`pane-${w}.png`);
    }
    const item = finding('[data-sheet="表3"][data-rule="column-total"]').first();
    await item.locator('button').first().click();
    await item.scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await noHorizontalScroll()).toBe(true);
    await shot('pane-320-preview.png');
    await page.setViewportSize({ width: 400, height: 900 });
  });

  test('the language switch turns the pane into English', async () => {
    await page.locator('button[data-locale="en"]').click();
    await eventually(async () => expect((await page.getByTestId('scan').textContent())?.trim()).toBe('Scan workbook'));
    await eventually(async () => expect((await page.getByTestId('download').textContent())?.trim()).toBe('Download annotated copy'));
    await eventually(async () => expect((await count('error').textContent())?.trim()).toBe(`Errors ${expected.findings.filter((f) => f.severity === 'error').length}`));
    const headers = await page.locator('[data-testid="finding-group"] h3').allTextContents();
    expect(headers).toContain('表3 · Expenditure summary');
    await eventually(async () => expect(await page.locator('html').getAttribute('lang')).toBe('en'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('pane-400-en.png');
  });

  test('the annotated copy downloads, with fills and notes on the findings’ cells', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toBe('xinzhou-2022-annotated.xlsx');
    const file = join(work, download.suggestedFilename());
    await download.saveAs(file);
    await eventually(async () => expect((await page.getByTestId('downloaded').textContent())?.trim()).toBe('Downloaded xinzhou-2022-annotated.xlsx'));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const marked = expected.findings.filter((f) => f.severity !== 'info');
    expect(marked.length).toBeGreaterThan(0);
    for (const f of marked) {
      const c = wb.getWorksheet(f.sheet)!.getCell(f.cell);
      const worst = marked.some((g) => g.sheet === f.sheet && g.cell === f.cell && g.severity === 'error') ? 'error' : 'warning';
      expect([f.sheet, f.cell, (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb]).toEqual([f.sheet, f.cell, `FF${SEVERITY_STYLE[worst].fill}`]);
      const note = noteText(c.note);
      expect(note).toContain('算盘 Suanpan');
      expect(note).toContain(f.message.en);
    }
    // A cell with only an info finding is left alone.
    const infoOnly = expected.findings.find(
      (f) => f.severity === 'info' && !marked.some((g) => g.sheet === f.sheet && g.cell === f.cell),
    );
    if (infoOnly) expect(wb.getWorksheet(infoOnly.sheet)!.getCell(infoOnly.cell).note).toBeUndefined();
  });

  test('review: a finding dismissed with a reason stays dismissed after a rescan, in the copy and when the copy is reopened', async () => {
    // The pane is in English since the language test; the review status is on data-status.
    const first = finding('[data-sheet="表3"][data-rule="subtotal"]').first();
    const cell = (await first.getAttribute('data-cell'))!;
    const target = () => finding(`[data-sheet="表3"][data-rule="subtotal"][data-cell="${cell}"]`).first();
    const status = () => target().getByTestId('review').getAttribute('data-status');
    await page.getByTestId('reviewer').fill('张三');
    expect(await page.evaluate(() => localStorage.getItem('suanpan.reviewer'))).toBe('张三');
    await eventually(async () => expect(['new', 'open']).toContain(await status()));

    await target().getByTestId('decide-dismissed').click();
    expect(await target().getByTestId('dismiss-submit').isDisabled()).toBe(true); // a reason is required
    await target().getByTestId('dismiss-reason').fill('口径不同，已核实');
    await target().getByTestId('dismiss-submit').click();
    await eventually(async () => expect(await status()).toBe('dismissed'));
    await eventually(async () => expect((await target().getByTestId('review-note').textContent())?.trim()).toBe('张三: 口径不同，已核实'));
    await eventually(async () => expect((await page.getByTestId('status-count-dismissed').textContent())?.trim()).toBe('Dismissed 1'));

    // Filter by decision.
    await page.getByTestId('filter-status').selectOption('dismissed');
    await eventually(async () => expect(await page.locator('[data-testid="finding"]').count()).toBe(1));
    await page.getByTestId('filter-status').selectOption('all');
    await eventually(async () => expect(await page.locator('[data-testid="finding"]').count()).toBe(expected.findings.length));

    // Rescan: still dismissed.
    await page.getByTestId('scan').click();
    await page.getByTestId('summary').waitFor({ timeout: 90_000 });
    await eventually(async () => expect(await page.getByTestId('scan').isEnabled()).toBe(true));
    await eventually(async () => expect(await status()).toBe('dismissed'));

    // The downloaded copy carries 审核意见表 and the hidden store.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const file = join(work, `reviewed-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('审核意见表')).toBeDefined();
    expect(wb.getWorksheet('_suanpan_review')?.state).toBe('veryHidden');

    // Reopened in the pane and scanned: still dismissed, and the review sheets are not checked.
    await page.getByTestId('file-input').setInputFiles(file);
    await eventually(async () => expect(await page.getByTestId('file-name').textContent()).toContain('reviewed-'), 30_000);
    await page.getByTestId('summary').waitFor({ timeout: 90_000 });
    await eventually(async () => expect(await page.getByTestId('scan').isEnabled()).toBe(true));
    await eventually(async () => expect(await page.locator('[data-testid="finding"]').count()).toBe(expected.findings.length), 30_000);
    await eventually(async () => expect(await status()).toBe('dismissed'));
    await eventually(async () => expect((await page.getByTestId('status-count-dismissed').textContent())?.trim()).toBe('Dismissed 1'));
  });

  describe('building sheets from a ledger and a project list', () => {
    const TABLES = ['表1', '表2', '表3', '表4', '表5', '表6', '表7', '表8', '表9', '表10'];
    const projects = readProjects(buildSnapshot())!.projects;
    let todoCount = 0;
    let commentedCell = '';

    test('the invented workbook opens; its ledger and project list are offered as sources', async () => {
      // Still in English from the language test: what the build section says without sources.
      await page.setViewportSize({ width: 320, height: 900 });
      await page.getByTestId('build').scrollIntoViewIfNeeded();
      expect(await page.getByTestId('no-ledger').textContent()).toContain('Publication tables need a budget ledger with the headers 功能科目编码');
      expect(await noHorizontalScroll()).toBe(true);
      await shot('pane-320-build-en.png');
      await page.setViewportSize({ width: 400, height: 900 });
      await page.locator('button[data-locale="zh-CN"]').click();
      const file = join(work, '青禾县预算.xlsx');
      writeFileSync(file, await buildXlsx());
      await page.getByTestId('file-input').setInputFiles(file);
      await eventually(async () => expect(await page.getByTestId('file-name').textContent()).toContain('青禾县预算.xlsx'), 30_000);
      await page.getByTestId('publish').waitFor({ timeout: 90_000 });
      await eventually(async () => expect(await page.getByTestId('build-sources').textContent()).toContain('预算明细「预算明细」9 行'));
      await eventually(async () => expect(await page.getByTestId('build-year').inputValue()).toBe('2024'));
      expect(await page.getByTestId('fill-forms').isEnabled()).toBe(true);
      await page.getByTestId('build').scrollIntoViewIfNeeded();
      for (const w of WIDTHS) {
        await page.setViewportSize({ width: w, height: 900 });
        expect(await noHorizontalScroll()).toBe(true);
      }
      await page.setViewportSize({ width: 400, height: 900 });
    });

    test('生成公开表 adds the ten tables', async () => {
      await page.getByTestId('publish').click();
      const notice = page.getByTestId('sheets-added');
      await notice.waitFor({ timeout: 60_000 });
      await eventually(async () => expect(await notice.textContent()).toContain(`已添加工作表：${TABLES.join('、')}`));
      await eventually(async () => expect(await notice.textContent()).toContain(`${DEPARTMENT}，2024 年；明细 9 行，总计 ${ledgerTotalWan()} 万元`));
      for (const w of [320, 450]) {
        await page.setViewportSize({ width: w, height: 900 });
        await page.getByTestId('build').scrollIntoViewIfNeeded();
        expect(await noHorizontalScroll()).toBe(true);
        await shot(`pane-${w}-build.png`);
      }
      await page.setViewportSize({ width: 400, height: 900 });
    });

    test('填写绩效目标表 adds the forms and lists the values to fill in; a to-do shows its cell', async () => {
      await page.getByTestId('fill-forms').click();
      const notice = page.getByTestId('sheets-added');
      await eventually(async () => expect(await notice.textContent()).toContain(`已生成 ${PROJECTS.length} 张绩效目标表，在工作表 绩效目标表`), 60_000);
      todoCount = fillForms(projects, { year: 2024 }).reduce((n, f) => n + f.todos, 0);
      expect(todoCount).toBeGreaterThan(0);
      const todos = page.locator('[data-testid="todo"]');
      await eventually(async () => expect(await todos.count()).toBe(todoCount));
      await eventually(async () => expect((await page.getByTestId('todos-heading').textContent())?.trim()).toBe(`待您填写（${todoCount}）`));
      const first = todos.first();
      expect(await first.getAttribute('data-sheet')).toBe('绩效目标表');
      await first.locator('button').click();
      const grid = first.getByTestId('cell-preview');
      await grid.waitFor({ state: 'visible' });
      await eventually(async () => expect(await grid.locator('td[data-target]').textContent()).toContain('【待填】'));
      for (const w of [320, 450]) {
        await page.setViewportSize({ width: w, height: 900 });
        await page.getByTestId('build').scrollIntoViewIfNeeded();
        expect(await noHorizontalScroll()).toBe(true);
        await shot(`pane-${w}-todos.png`);
      }
      await page.setViewportSize({ width: 400, height: 900 });
    });

    test('a rescan checks the new sheets: the tables are clean, the to-dos are the only findings; a comment is kept', async () => {
      await page.getByTestId('scan').click();
      await eventually(async () => expect(await page.locator('[data-testid="finding"][data-sheet="绩效目标表"]').count()).toBe(todoCount), 90_000);
      await eventually(async () => expect(await page.getByTestId('scan').isEnabled()).toBe(true));
      for (const t of TABLES) expect(await page.locator(`[data-testid="finding"][data-sheet="${t}"]`).count()).toBe(0);
      const rules = await page.locator('[data-testid="finding"][data-sheet="绩效目标表"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
      expect(new Set(rules)).toEqual(new Set(['form-placeholder']));

      const target = page.locator('[data-testid="finding"][data-sheet="绩效目标表"]').first();
      await target.getByTestId('comment-open').click();
      await target.getByTestId('comment-text').fill('数量请按合同填写');
      await target.getByTestId('comment-save').click();
      await eventually(async () => expect((await target.getByTestId('review-comment').textContent())?.trim()).toBe('意见（张三）：数量请按合同填写'));
      for (const w of [320, 450]) {
        await page.setViewportSize({ width: w, height: 900 });
        await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        expect(await noHorizontalScroll()).toBe(true);
        await shot(`pane-${w}-comment.png`);
      }
      await page.setViewportSize({ width: 400, height: 900 });
    });

    test('a cell of the preview grid takes a comment; it is listed, and 生成审核意见表 adds the sheet', async () => {
      const target = page.locator('[data-testid="finding"][data-sheet="绩效目标表"]').first();
      commentedCell = (await target.getAttribute('data-cell'))!;
      await target.locator('button').first().click();
      const grid = target.getByTestId('cell-preview');
      await grid.waitFor({ state: 'visible' });
      await grid.locator(`td[data-cell="${commentedCell}"] button`).click();
      const box = target.getByTestId('cell-comment-box');
      await box.waitFor({ state: 'visible' });
      await eventually(async () => expect((await box.getByTestId('cell-comment-where').textContent())?.trim()).toBe(`单元格 绩效目标表!${commentedCell} 的意见`));
      await box.getByTestId('cell-comment-text').fill('此项数量以合同为准');
      for (const w of [320, 450]) {
        await page.setViewportSize({ width: w, height: 900 });
        await box.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        expect(await noHorizontalScroll()).toBe(true);
        await shot(`pane-${w}-cell-comment-box.png`);
      }
      await page.setViewportSize({ width: 400, height: 900 });
      await box.getByTestId('cell-comment-save').click();
      await box.waitFor({ state: 'detached' });
      await eventually(async () => expect(await grid.locator(`td[data-cell="${commentedCell}"]`).getAttribute('data-commented')).toBe('true'));

      const toggle = page.getByTestId('cell-comments-toggle');
      await eventually(async () => expect((await toggle.textContent())?.trim()).toBe('单元格意见（1）'));
      await toggle.click();
      const item = page.locator('[data-testid="cell-comment"]');
      await eventually(async () => expect(await item.count()).toBe(1));
      expect(await item.textContent()).toContain(`绩效目标表!${commentedCell}`);
      expect(await item.textContent()).toContain('此项数量以合同为准');
      expect(await item.textContent()).toContain('张三 · ');
      await item.locator('button').first().click();
      await item.getByTestId('cell-preview').waitFor({ state: 'visible' });
      for (const w of [320, 450]) {
        await page.setViewportSize({ width: w, height: 900 });
        await item.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        expect(await noHorizontalScroll()).toBe(true);
        await shot(`pane-${w}-cell-comments.png`);
      }
      await page.setViewportSize({ width: 400, height: 900 });

      await page.getByTestId('review-sheet').click();
      await eventually(async () => expect((await page.getByTestId('sheets-added').textContent())?.trim()).toBe('已添加工作表：审核意见表。'));
    });

    test('the downloaded copy has the tables with the ledger’s totals and one form per project', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
      const file = join(work, `built-${download.suggestedFilename()}`);
      await download.saveAs(file);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const names = wb.worksheets.map((s) => s.name);
      expect(names.slice(0, 2 + TABLES.length + 1)).toEqual(['预算明细', '项目清单', ...TABLES, '绩效目标表']);
      const total = Number(ledgerTotalWan());
      const project = LEDGER_LINES.filter((l) => l[2] === '项目支出').reduce((s, l) => s.plus(l[4]), new Decimal(0)).div(10000).toDecimalPlaces(2).toNumber();
      // 表1: 本年支出合计; 表3: the 合计 row's 合计 and 项目支出.
      const rowOf = (sheet: string, col: number, label: string) => {
        const ws = wb.getWorksheet(sheet)!;
        for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, col).value ?? '').trim() === label) return ws.getRow(r);
        throw new Error(`${sheet}: no row ${label}`);
      };
      expect(rowOf('表1', 3, '本年支出合计').getCell(4).value).toBe(total);
      expect(rowOf('表3', 2, '合计').getCell(3).value).toBe(total);
      expect(rowOf('表3', 2, '合计').getCell(5).value).toBe(project);
      expect(wb.getWorksheet('表1')!.getCell('A2').value).toBe('2024年预算收支总表');

      // Read back by the engine: the forms carry the projects' names and annual totals, and their
      // sum is the tables' 项目支出 (no form-total finding); nothing but the to-dos is found.
      const back = await readWorkbookFile(file);
      const recognition = recognizeWorkbook(back);
      const forms = parseForms(back, recognition).filter((f) => f.sheet === '绩效目标表');
      expect(forms.map((f) => [f.header.name, f.funds.annual.total?.value.toNumber()])).toEqual(PROJECTS.map((p) => [p[0], p[3]]));
      const { findings } = checkWorkbook(back, recognition);
      const onBuilt = findings.filter((f) => TABLES.includes(f.sheet) || f.sheet === '绩效目标表');
      expect(onBuilt.filter((f) => f.rule !== 'form-placeholder')).toEqual([]);
      expect(onBuilt.length).toBe(todoCount);

      // The comments are in the review sheet the download carries (one: the sheet 生成审核意见表
      // added is written anew with the download), and the cell's in the stored review.
      expect(names.filter((n) => n.startsWith('审核意见表'))).toEqual(['审核意见表']);
      const review = wb.getWorksheet('审核意见表')!;
      const texts: string[] = [];
      // A link cell holds a HYPERLINK formula: its text is the formula's result.
      review.eachRow((row) => row.eachCell((c) => texts.push(c.value && typeof c.value === 'object' && 'result' in c.value ? String(c.value.result) : String(c.value))));
      expect(texts.some((t) => t.includes('数量请按合同填写'))).toBe(true);
      expect(texts).toEqual(expect.arrayContaining([`绩效目标表!${commentedCell}`, '此项数量以合同为准']));
      const stored = loadReviewStore(back).store.cellComments;
      expect(Object.values(stored).map((c) => [c.sheet, c.cell, c.text, c.reviewer])).toEqual([['绩效目标表', commentedCell, '此项数量以合同为准', '张三']]);
    });
  });

  test('a workbook with its own form template: the forms are filled into copies of it', async () => {
    const file = join(work, '青禾县模板.xlsx');
    writeFileSync(file, await buildTemplateXlsx(rightTemplate()));
    await page.getByTestId('file-input').setInputFiles(file);
    await eventually(async () => expect(await page.getByTestId('file-name').textContent()).toContain('青禾县模板.xlsx'), 30_000);
    const picker = page.getByTestId('form-template');
    await picker.waitFor({ timeout: 90_000 });
    await eventually(async () => expect(await picker.inputValue()).toBe('模板'));
    await page.getByTestId('build-year').fill('2024');
    for (const w of [320, 450]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.getByTestId('build').scrollIntoViewIfNeeded();
      expect(await noHorizontalScroll()).toBe(true);
      await shot(`pane-${w}-template.png`);
    }
    await page.setViewportSize({ width: 400, height: 900 });
    await page.getByTestId('fill-forms').click();
    const notice = page.getByTestId('sheets-added');
    await eventually(async () => expect(await notice.textContent()).toContain('按模板「模板」填写，每张表一个工作表。'), 60_000);
    await eventually(async () => expect(await notice.textContent()).toContain(`在工作表 ${PROJECTS.map((p) => p[0]).join('、')}`));
    await eventually(async () => expect(await page.locator('[data-testid="todo"]').count()).toBeGreaterThan(0));
    for (const w of [320, 450]) {
      await page.setViewportSize({ width: w, height: 900 });
      await notice.scrollIntoViewIfNeeded();
      expect(await noHorizontalScroll()).toBe(true);
      await shot(`pane-${w}-template-filled.png`);
    }
    await page.setViewportSize({ width: 400, height: 900 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const out = join(work, `template-${download.suggestedFilename()}`);
    await download.saveAs(out);
    const back = await readWorkbookFile(out);
    const recognition = recognizeWorkbook(back);
    const names = PROJECTS.map((p) => p[0]);
    const forms = parseForms(back, recognition).filter((f) => names.includes(f.sheet));
    expect(forms.map((f) => [f.sheet, f.header.name, f.funds.annual.total?.value.toNumber()])).toEqual(PROJECTS.map((p) => [p[0], p[0], p[3]]));
    const onCopies = checkWorkbook(back, recognition).findings.filter((f) => names.includes(f.sheet));
    expect(onCopies.length).toBeGreaterThan(0);
    expect(onCopies.filter((f) => f.rule !== 'form-placeholder')).toEqual([]);
    // The copies keep the template's look: its title font, widths, A4 portrait on one page.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const tpl = wb.getWorksheet('模板')!;
    for (const n of names) {
      const ws = wb.getWorksheet(n)!;
      expect(ws.getCell('A1').font).toEqual(tpl.getCell('A1').font);
      expect(ws.getColumn(2).width).toBe(tpl.getColumn(2).width);
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToHeight: 1 });
    }
  });

  test('nothing left localhost and the page raised no errors', () => {
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
