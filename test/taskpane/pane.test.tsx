/** @jest-environment jsdom */
// The pane rendered in jsdom with react-dom/client + act (@testing-library/react is not installed).

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../../src/taskpane/App';
import type { PaneHost } from '../../src/taskpane/host';
import { messages, type Locale } from '../../src/taskpane/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(host: PaneHost | null, initialLocale?: Locale): void {
  act(() => root.render(<App host={host} initialLocale={initialLocale} />));
}

const text = () => container.textContent ?? '';
const scanButton = () => container.querySelector<HTMLButtonElement>('[data-testid="scan"]')!;
const localeButton = (l: Locale) => container.querySelector<HTMLButtonElement>(`button[data-locale="${l}"]`)!;

async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('pane outside Excel', () => {
  test('shows the zh-CN title and a disabled scan button with a hint', () => {
    render(null);
    const h1 = container.querySelector('h1');
    expect(h1?.textContent).toBe('算盘 Suanpan');
    expect(text()).toContain('部门预算公开表检查');
    const button = scanButton();
    expect(button.textContent).toBe('扫描工作簿');
    expect(button.disabled).toBe(true);
    expect(text()).toContain('在 Excel 中打开以扫描');
    // the hint is tied to the button for screen readers
    const hintId = button.getAttribute('aria-describedby');
    expect(hintId).toBeTruthy();
    expect(container.querySelector(`[id="${hintId}"]`)?.textContent).toBe('在 Excel 中打开以扫描');
  });

  test('the language switch turns the pane into English and back', async () => {
    render(null);
    expect(localeButton('zh-CN').getAttribute('aria-pressed')).toBe('true');
    expect(localeButton('en').getAttribute('aria-pressed')).toBe('false');

    await click(localeButton('en'));
    expect(container.querySelector('h1')?.textContent).toBe('算盘 Suanpan');
    expect(text()).toContain('Department budget table checker');
    expect(scanButton().textContent).toBe('Scan workbook');
    expect(scanButton().disabled).toBe(true);
    expect(text()).toContain('Open in Excel to scan');
    expect(text()).not.toContain('扫描工作簿');
    expect(localeButton('en').getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('[lang="en"].fui-FluentProvider, .fui-FluentProvider[lang="en"]')).not.toBeNull();

    await click(localeButton('zh-CN'));
    expect(scanButton().textContent).toBe('扫描工作簿');
  });

  test('each switch button is labelled in its own language', () => {
    render(null);
    expect(localeButton('zh-CN').textContent).toBe('中文');
    expect(localeButton('zh-CN').getAttribute('lang')).toBe('zh-CN');
    expect(localeButton('en').textContent).toBe('English');
    expect(localeButton('en').getAttribute('lang')).toBe('en');
    expect(container.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('语言');
  });

  test('starts in English when asked to', () => {
    render(null, 'en');
    expect(scanButton().textContent).toBe('Scan workbook');
    expect(container.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Language');
  });
});

describe('pane with a host', () => {
  test('the scan button is enabled, has no hint, and calls host.scan once per click', async () => {
    const d = deferred<unknown>();
    const host: PaneHost = { scan: jest.fn(() => d.promise) };
    render(host);
    expect(scanButton().disabled).toBe(false);
    expect(scanButton().hasAttribute('aria-describedby')).toBe(false);
    expect(text()).not.toContain('在 Excel 中打开以扫描');

    await click(scanButton());
    expect(host.scan).toHaveBeenCalledTimes(1);
    expect(scanButton().textContent).toBe(messages['zh-CN'].scanning);
    expect(scanButton().disabled).toBe(true);
    await click(scanButton()); // disabled while running
    expect(host.scan).toHaveBeenCalledTimes(1);

    await act(async () => d.resolve({ sheets: [] }));
    expect(scanButton().disabled).toBe(false);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(messages['zh-CN'].scanDone);
  });

  test('a failing scan shows its message', async () => {
    const host: PaneHost = { scan: () => Promise.reject(new Error('RichApi.Error: 无法读取')) };
    render(host, 'en');
    await click(scanButton());
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Scan failed: RichApi.Error: 无法读取');
    expect(scanButton().disabled).toBe(false);
  });
});
