/** @jest-environment jsdom */
// The pane rendered in jsdom with react-dom/client + act, against fake hosts: scan and progress,
// summary, grouping and filters, selection, the fix preview with apply/undo, Excel's paint/clear,
// file mode's open/sample/preview/download, the language switch.

import { act } from 'react';
import { messages, type Locale } from '../../src/taskpane/i18n';
import type { ScanResult } from '../../src/taskpane/host';
import { deferred, fakeExcelHost, fakeFileHost, MISALIGNED, RESULT } from './fixtures';
import { usePaneDom } from './pane-dom';

const { render, $, $$, byTestId, text, click } = usePaneDom();
const localeButton = (l: Locale) => $<HTMLButtonElement>(`button[data-locale="${l}"]`)!;
const findingItems = () => $$('[data-testid="finding"]');
const findingAt = (sheet: string, cell: string, rule?: string) =>
  $(`[data-testid="finding"][data-sheet="${sheet}"][data-cell="${cell}"]${rule ? `[data-rule="${rule}"]` : ''}`)!;

async function chooseRule(value: string): Promise<void> {
  const select = $<HTMLSelectElement>('select[data-testid="filter-rule"]')!;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('in Excel', () => {
  test('before a scan: title, scan enabled, paint disabled, no findings', async () => {
    const host = fakeExcelHost();
    await render({ host });
    expect($('h1')?.textContent).toBe('算盘 Suanpan');
    expect(text()).toContain('部门预算公开表检查');
    expect(byTestId('scan')!.textContent).toBe('扫描工作簿');
    expect(byTestId('scan')!.disabled).toBe(false);
    expect(byTestId('paint')!.disabled).toBe(true);
    expect(byTestId('open')).toBeNull();
    expect(findingItems()).toHaveLength(0);
    expect(host.scan).not.toHaveBeenCalled();
  });

  test('scanning shows progress and disables the button; the result shows summary and groups', async () => {
    const host = fakeExcelHost();
    const d = deferred<ScanResult>();
    let report: ((p: unknown) => void) | undefined;
    host.scan.mockImplementation((onProgress: (p: unknown) => void) => {
      report = onProgress;
      return d.promise;
    });
    await render({ host });
    await click(byTestId('scan')!);
    expect(byTestId('scan')!.textContent).toBe('正在扫描…');
    expect(byTestId('scan')!.disabled).toBe(true);
    expect(byTestId('scan-progress')).not.toBeNull();
    await act(async () => report!({ step: 'read', done: 2, total: 5, sheet: '表3' }));
    expect(byTestId('scan-progress')!.textContent).toContain('正在读取工作表 2/5：表3');
    await click(byTestId('scan')!); // disabled while running
    expect(host.scan).toHaveBeenCalledTimes(1);

    await act(async () => d.resolve(RESULT));
    expect(byTestId('scan-progress')).toBeNull();
    expect(byTestId('scan')!.disabled).toBe(false);
    const summary = byTestId('summary')!;
    expect(summary.textContent).toContain('识别到 3 张表、1 张绩效目标表');
    expect(byTestId('count-error')!.textContent).toBe('错误 4');
    expect(byTestId('count-warning')!.textContent).toBe('警告 2');
    expect(byTestId('count-info')!.textContent).toBe('提示 2');
    expect($$('[data-testid="finding-group"] h3').map((h) => h.textContent)).toEqual([
      '表3 · 支出总表',
      '表5 · 一般公共预算支出表',
      '其他',
      '表6 · 基本支出分经济科目表',
      '绩效目标表：平台技术服务费',
    ]);
    expect(findingItems()).toHaveLength(8);
    expect(byTestId('shown')!.textContent).toBe('显示 8 / 8 条');
  });

  test('each finding shows its cell, rule, short message, expected and found', async () => {
    await render({ host: fakeExcelHost() });
    await click(byTestId('scan')!);
    const item = findingAt('表3', 'D6');
    expect(item.textContent).toContain('D6');
    expect(item.textContent).toContain('合计行');
    expect(item.textContent).toContain('合计 · 基本支出：1410.07 ≠ 各项之和 4410.09');
    expect(item.textContent).not.toContain('表3《支出总表》');
    expect(item.querySelector('[data-testid="expected"]')?.textContent).toBe('4410.09');
    expect(item.querySelector('[data-testid="actual"]')?.textContent).toBe('1410.07');
    expect(item.textContent).toContain('应为');
    expect(item.textContent).toContain('实为');
    expect(item.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('错误');
  });

  test('severity toggles and the rule picker filter the list', async () => {
    await render({ host: fakeExcelHost() });
    await click(byTestId('scan')!);
    await click(byTestId('filter-info')!);
    expect(byTestId('filter-info')!.getAttribute('aria-pressed')).toBe('false');
    expect(findingItems()).toHaveLength(6);
    expect(findingItems().some((i) => i.dataset.severity === 'info')).toBe(false);
    await click(byTestId('filter-error')!);
    expect(findingItems().map((i) => i.dataset.rule)).toEqual(['truncated', 'form-cost']);
    expect(byTestId('shown')!.textContent).toBe('显示 2 / 8 条');
    await click(byTestId('filter-warning')!);
    expect(findingItems()).toHaveLength(0);
    expect(byTestId('no-findings')!.textContent).toBe('没有符合筛选条件的结果。');

    await click(byTestId('filter-error')!);
    await click(byTestId('filter-warning')!);
    await click(byTestId('filter-info')!);
    const options = $$('select[data-testid="filter-rule"] option').map((o) => o.textContent);
    expect(options[0]).toBe('全部规则');
    expect(options).toContain('舍入差 (2)');
    await chooseRule('rounding');
    expect(findingItems().map((i) => `${i.dataset.sheet}!${i.dataset.cell}`)).toEqual(['表3!C6', '表5!C6']);
    await chooseRule('all');
    expect(findingItems()).toHaveLength(8);
  });

  test('clicking a finding selects it and asks Excel to select the cell', async () => {
    const host = fakeExcelHost();
    await render({ host });
    await click(byTestId('scan')!);
    const item = findingAt('表3', 'D7');
    await click(item.querySelector('button')!);
    expect(host.select).toHaveBeenCalledWith('表3', 'D7');
    expect(findingAt('表3', 'D7').dataset.selected).toBe('true');
    expect(findingAt('表3', 'D7').querySelector('button')?.getAttribute('aria-current')).toBe('true');
    expect($$('[data-selected]')).toHaveLength(1);
    expect(byTestId('cell-preview')).toBeNull(); // Excel shows the cell itself
  });

  test('a failing select is reported', async () => {
    const host = fakeExcelHost();
    host.select.mockRejectedValue(new Error('ItemNotFound'));
    await render({ host });
    await click(byTestId('scan')!);
    await click(findingAt('表3', 'D6').querySelector('button')!);
    expect(text()).toContain('无法定位到单元格：ItemNotFound');
  });

  test('a misaligned finding previews its corrected codes; apply then undo', async () => {
    const host = fakeExcelHost();
    await render({ host });
    await click(byTestId('scan')!);
    const item = () => findingAt('表5', 'A12', 'misaligned');
    expect(item().querySelector('[data-testid="fix-preview"]')).toBeNull(); // details only when selected
    await click(item().querySelector('button')!);
    const preview = item().querySelector('[data-testid="fix-preview"]')!;
    expect(preview.textContent).toContain('更正预览');
    const rows = Array.from(preview.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['A12', '2080505', '208', '社会保障和就业支出'],
      ['A13', '210', '20805', '行政事业单位养老支出'],
      ['A14', '21011', '2080505', '机关事业单位基本养老保险缴费支出'],
    ]);

    await click(item().querySelector('[data-testid="apply-fix"]')!);
    expect(host.applyFix).toHaveBeenCalledWith(MISALIGNED);
    expect(item().querySelector('[data-testid="apply-fix"]')).toBeNull();
    expect(item().textContent).toContain('已更正 3 个单元格');

    await click(item().querySelector('[data-testid="undo-fix"]')!);
    expect(host.undoFix).toHaveBeenCalledWith('fix-1');
    expect(item().textContent).toContain('已撤销更正');
    expect(item().querySelector('[data-testid="apply-fix"]')).not.toBeNull();
  });

  test('a failing fix is reported and can be tried again', async () => {
    const host = fakeExcelHost();
    host.applyFix.mockRejectedValueOnce(new Error('sheet is protected'));
    await render({ host, initialLocale: 'en' });
    await click(byTestId('scan')!);
    await click(findingAt('表5', 'A12', 'misaligned').querySelector('button')!);
    await click(byTestId('apply-fix')!);
    expect(text()).toContain('Correction failed: sheet is protected');
    expect(byTestId('apply-fix')).not.toBeNull();
  });

  test('标注 paints all findings, 清除标注 clears', async () => {
    const host = fakeExcelHost();
    await render({ host });
    await click(byTestId('scan')!);
    await click(byTestId('paint')!);
    expect(host.paint).toHaveBeenCalledWith(RESULT.findings, 'zh-CN');
    expect(text()).toContain(messages['zh-CN'].painted);
    await click(byTestId('clear')!);
    expect(host.clear).toHaveBeenCalledTimes(1);
    expect(text()).toContain(messages['zh-CN'].cleared);
  });

  test('a failing scan shows its message', async () => {
    const host = fakeExcelHost();
    host.scan.mockRejectedValue(new Error('RichApi.Error: 无法读取'));
    await render({ host, initialLocale: 'en' });
    await click(byTestId('scan')!);
    expect(byTestId('scan-error')!.textContent).toBe('Scan failed: RichApi.Error: 无法读取');
    expect(byTestId('scan')!.disabled).toBe(false);
  });

  test('no findings at all', async () => {
    await render({ host: fakeExcelHost({ ...RESULT, findings: [] }) });
    await click(byTestId('scan')!);
    expect(byTestId('no-findings')!.textContent).toBe('没有发现问题。');
    expect(byTestId('filter-rule')).toBeNull();
  });
});

describe('language', () => {
  test('the switch turns the pane, its findings and labels into English and back', async () => {
    await render({ host: fakeExcelHost() });
    await click(byTestId('scan')!);
    expect(localeButton('zh-CN').getAttribute('aria-pressed')).toBe('true');
    await click(localeButton('en'));
    expect(localeButton('en').getAttribute('aria-pressed')).toBe('true');
    expect(text()).toContain('Department budget table checker');
    expect(byTestId('scan')!.textContent).toBe('Scan workbook');
    expect(byTestId('count-error')!.textContent).toBe('Errors 4');
    expect($('[data-testid="finding-group"] h3')!.textContent).toBe('表3 · Expenditure summary');
    expect(findingAt('表3', 'D6').textContent).toContain('合计 · 基本支出: 1410.07 ≠ sum 4410.09');
    expect(findingAt('表3', 'D6').textContent).toContain('total row');
    expect(findingAt('表3', 'D6').textContent).toContain('Expected');
    expect($('.fui-FluentProvider[lang="en"]')).not.toBeNull();
    expect(document.documentElement.lang).toBe('en');
    await click(localeButton('zh-CN'));
    expect(byTestId('scan')!.textContent).toBe('扫描工作簿');
  });

  test('each switch button is labelled in its own language', async () => {
    await render({ host: fakeExcelHost() });
    expect(localeButton('zh-CN').textContent).toBe('中文');
    expect(localeButton('zh-CN').getAttribute('lang')).toBe('zh-CN');
    expect(localeButton('en').textContent).toBe('English');
    expect($('[role="group"][aria-label="语言"]')).not.toBeNull();
  });

  test('starts in English when asked to', async () => {
    await render({ host: fakeExcelHost(), initialLocale: 'en' });
    expect(byTestId('scan')!.textContent).toBe('Scan workbook');
    expect($('[role="group"][aria-label="Language"]')).not.toBeNull();
  });
});

describe('file mode', () => {
  test('before a file: open is offered, scan and download are disabled, no paint/clear', async () => {
    await render({ host: fakeFileHost() });
    expect(byTestId('open')!.textContent).toBe('打开 .xlsx');
    expect(byTestId('scan')!.disabled).toBe(true);
    expect(byTestId('download')!.disabled).toBe(true);
    expect(byTestId('paint')).toBeNull();
    expect(byTestId('clear')).toBeNull();
    expect(text()).toContain('文件不会上传');
  });

  test('choosing a file opens and scans it', async () => {
    const host = fakeFileHost();
    await render({ host });
    const input = $<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['PK'], '预算.xlsx');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(host.open).toHaveBeenCalledWith(file, '预算.xlsx');
    expect(host.scan).toHaveBeenCalledTimes(1);
    expect(byTestId('file-name')!.textContent).toBe('文件：预算.xlsx');
    expect(findingItems()).toHaveLength(8);
  });

  test('a file that cannot be opened says why and is not scanned', async () => {
    const host = fakeFileHost();
    host.open.mockRejectedValue(new Error('不是 .xlsx 文件 / not an .xlsx file'));
    await render({ host });
    const input = $<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'a.xls')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(byTestId('file-error')!.textContent).toBe('无法打开：不是 .xlsx 文件 / not an .xlsx file');
    expect(host.scan).not.toHaveBeenCalled();
  });

  test('a sample URL is opened and scanned at start', async () => {
    const host = fakeFileHost();
    await render({ host, sampleUrl: 'http://127.0.0.1:3000/samples/xinzhou-2022.xlsx' });
    expect(host.openUrl).toHaveBeenCalledWith('http://127.0.0.1:3000/samples/xinzhou-2022.xlsx');
    expect(host.scan).toHaveBeenCalledTimes(1);
    expect(byTestId('file-name')!.textContent).toBe('文件：xinzhou-2022.xlsx');
    expect(byTestId('download')!.disabled).toBe(false);
  });

  test('selecting a finding shows the cell in a preview grid', async () => {
    const host = fakeFileHost();
    await render({ host, sampleUrl: 'http://x/s.xlsx' });
    await click(findingAt('表3', 'D6').querySelector('button')!);
    expect(host.select).toHaveBeenCalledWith('表3', 'D6');
    expect(host.preview).toHaveBeenCalledWith('表3', 'D6');
    const grid = findingAt('表3', 'D6').querySelector('[data-testid="cell-preview"]')!;
    expect(Array.from(grid.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual(['', 'A', 'D', 'E', 'F']);
    expect(Array.from(grid.querySelectorAll('tbody th')).map((th) => th.textContent)).toEqual(['4', '5']);
    expect(grid.querySelector('[data-target]')?.textContent).toBe('1410.07');
    expect(grid.getAttribute('aria-label')).toBe('表3 工作表 E4 附近');
  });

  test('the fix works in file mode too', async () => {
    const host = fakeFileHost();
    await render({ host, sampleUrl: 'http://x/s.xlsx' });
    await click(findingAt('表5', 'A12', 'misaligned').querySelector('button')!);
    await click(byTestId('apply-fix')!);
    expect(host.applyFix).toHaveBeenCalledWith(MISALIGNED);
    expect(byTestId('undo-fix')).not.toBeNull();
  });

  test('下载带标注的副本 writes the copy in the pane language and hands it to the browser', async () => {
    const host = fakeFileHost();
    const save = jest.fn();
    await render({ host, sampleUrl: 'http://x/s.xlsx', save });
    await click(localeButton('en'));
    await click(byTestId('download')!);
    expect(host.annotatedCopy).toHaveBeenCalledWith(RESULT.findings, 'en');
    expect(save).toHaveBeenCalledWith(expect.any(Blob), 'book-标注.xlsx');
    expect(byTestId('downloaded')!.textContent).toBe('Downloaded book-标注.xlsx');
  });
});

test('opening another file forgets the selection and the fixes applied to the last one', async () => {
  const host = fakeFileHost();
  await render({ host, sampleUrl: 'http://x/s.xlsx' });
  await click(findingAt('表5', 'A12', 'misaligned').querySelector('button')!);
  await click(byTestId('apply-fix')!);
  expect(byTestId('undo-fix')).not.toBeNull();
  const input = $<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [new File(['PK'], 'b.xlsx')], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  expect($$('[data-selected]')).toHaveLength(0);
  await click(findingAt('表5', 'A12', 'misaligned').querySelector('button')!);
  expect(byTestId('undo-fix')).toBeNull();
  expect(byTestId('apply-fix')).not.toBeNull();
});

describe('review decisions (file mode)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const review = require('../../src/core/review') as typeof import('../../src/core/review');

  function reviewingHost() {
    let store = review.emptyStore();
    const result: ScanResult = { ...RESULT, review: review.mergeScan(store, RESULT) };
    const host = fakeFileHost(result);
    host.decide.mockImplementation(async (fp: string, d: { decision: 'confirmed' | 'dismissed' | 'fixed' | null; reason?: string; reviewer: string }) => {
      const item = review.mergeScan(store, RESULT).items.find((i) => i.fingerprint === fp)!;
      store = d.decision ? review.decide(store, item, d.decision, { reviewer: d.reviewer, ...(d.reason ? { reason: d.reason } : {}) }) : review.undecide(store, fp);
      return review.mergeScan(store, RESULT);
    });
    return host;
  }

  async function type(el: HTMLInputElement, value: string): Promise<void> {
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  beforeEach(() => localStorage.clear());

  test('statuses, a reviewer remembered, dismiss with a reason, counts and the filter by decision', async () => {
    const host = reviewingHost();
    await render({ host, sampleUrl: 'http://x/s.xlsx' });
    const items = findingItems();
    expect(items.length).toBe(RESULT.findings.length);
    expect(items.every((li) => li.querySelector('[data-testid="review"]'))).toBe(true);

    const li = items[0];
    const reviewOf = () => findingItems()[0].querySelector<HTMLElement>('[data-testid="review"]')!;
    // No reviewer yet: the decision is refused with a hint.
    await click(li.querySelector('[data-testid="decide-confirmed"]')!);
    expect(host.decide).not.toHaveBeenCalled();
    expect(text()).toContain(messages['zh-CN'].reviewerNeeded);

    await type($<HTMLInputElement>('input[data-testid="reviewer"]')!, '李四');
    expect(localStorage.getItem('suanpan.reviewer')).toBe('李四');

    await click(reviewOf().querySelector('[data-testid="decide-dismissed"]')!);
    const submit = reviewOf().querySelector<HTMLButtonElement>('[data-testid="dismiss-submit"]')!;
    expect(submit.disabled).toBe(true);
    await type(reviewOf().querySelector<HTMLInputElement>('input[data-testid="dismiss-reason"]')!, '口径不同');
    await click(reviewOf().querySelector('[data-testid="dismiss-submit"]')!);
    expect(host.decide).toHaveBeenCalledWith(expect.any(String), { decision: 'dismissed', reason: '口径不同', reviewer: '李四' });
    expect(reviewOf().getAttribute('data-status')).toBe('dismissed');
    expect(byTestId('status-count-dismissed')!.textContent).toBe('已忽略 1');

    const select = $<HTMLSelectElement>('select[data-testid="filter-status"]')!;
    await act(async () => {
      select.value = 'dismissed';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(findingItems().length).toBe(1);
    await act(async () => {
      select.value = 'all';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(findingItems().length).toBe(RESULT.findings.length);

    // Taken back.
    await click(reviewOf().querySelector('[data-testid="undecide"]')!);
    expect(reviewOf().getAttribute('data-status')).toBe('open');
  });

  test('a scan without review data shows no review controls', async () => {
    await render({ host: fakeFileHost(), sampleUrl: 'http://x/s.xlsx' });
    expect(findingItems().length).toBe(RESULT.findings.length);
    expect($('[data-testid="review"]')).toBeNull();
    expect(byTestId('review-bar')).toBeNull();
  });
});
