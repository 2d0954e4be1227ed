// The pane rendered in jsdom with react-dom/client + act: a fresh container and root per test, and
// the queries and clicks the pane tests share.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App, type AppProps } from '../../src/taskpane/App';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has no ResizeObserver; Fluent's MessageBar watches its own width with one.
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/** Call at the top level of a test file. */
export function usePaneDom() {
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
  const $ = <T extends Element = HTMLElement>(sel: string) => container.querySelector<T & HTMLElement>(sel);
  return {
    async render(props: AppProps): Promise<void> {
      await act(async () => root.render(<App {...props} />));
    },
    /** The pane closed and opened again: the root unmounted, a new one in the same container. */
    remount(): void {
      act(() => root.unmount());
      root = createRoot(container);
    },
    $,
    $$: (sel: string) => Array.from(container.querySelectorAll<HTMLElement>(sel)),
    byTestId: (id: string) => $<HTMLButtonElement>(`[data-testid="${id}"]`),
    text: () => container.textContent ?? '',
    async click(el: Element): Promise<void> {
      await act(async () => {
        el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      });
    },
  };
}
