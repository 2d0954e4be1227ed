// Start-up: wait for office.js, then tell the caller where the pane runs. Kept free of React and of
// the global `Office` so it can be tested with a fake.

/** The part of the `Office` global the pane uses at start-up. */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null }>;
  context?: { displayLanguage?: string };
}

export interface PaneEnvironment {
  /** 'Excel' inside Excel; null in a plain browser or when office.js is missing or never answers. */
  host: string | null;
  displayLanguage?: string;
}

export const OFFICE_READY_TIMEOUT_MS = 5000;

/**
 * Calls `render` once office.js is ready. If office.js is missing, `render` runs at once with host
 * null; if Office.onReady has not answered within `timeoutMs`, `render` runs with host null and runs
 * again should onReady answer later.
 */
export function bootPane(
  office: OfficeLike | undefined,
  render: (env: PaneEnvironment) => void,
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
): Promise<void> {
  if (!office || typeof office.onReady !== 'function') {
    render({ host: null });
    return Promise.resolve();
  }
  let settled = false;
  const timer = setTimeout(() => {
    if (!settled) render({ host: null });
  }, timeoutMs);
  return office.onReady().then(
    (info) => {
      settled = true;
      clearTimeout(timer);
      render({ host: info?.host ?? null, displayLanguage: displayLanguageOf(office) });
    },
    () => {
      settled = true;
      clearTimeout(timer);
      render({ host: null });
    },
  );
}

function displayLanguageOf(office: OfficeLike): string | undefined {
  try {
    const lang = office.context?.displayLanguage;
    return typeof lang === 'string' && lang ? lang : undefined;
  } catch {
    return undefined; // outside Office some builds throw on Office.context
  }
}
