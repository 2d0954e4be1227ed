// Start-up: wait for office.js, then tell the caller where the pane runs. Kept free of React and of
// the global `Office` so it can be tested with a fake.

/** The part of the `Office` global the pane uses at start-up. */
export interface OfficeLike {
  /** Resolves with host null outside Office. */
  onReady(): Promise<{ host: unknown }>;
  context?: { displayLanguage?: string };
  /** At run time Office.HostType.Excel is the string 'Excel' (the typings declare a numeric enum). */
  HostType?: { Excel: unknown };
}

export interface PaneEnvironment {
  /** False in a plain browser, in another Office app, or when office.js is missing or never answers. */
  inExcel: boolean;
  displayLanguage?: string;
}

export const OFFICE_READY_TIMEOUT_MS = 5000;

/**
 * Calls `render` once office.js is ready. If office.js is missing, `render` runs at once outside
 * Excel; if Office.onReady has not answered within `timeoutMs`, `render` runs outside Excel and runs
 * again should onReady answer later.
 */
export function bootPane(
  office: OfficeLike | undefined,
  render: (env: PaneEnvironment) => void,
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
): Promise<void> {
  if (!office || typeof office.onReady !== 'function') {
    render({ inExcel: false });
    return Promise.resolve();
  }
  let settled = false;
  const timer = setTimeout(() => {
    if (!settled) render({ inExcel: false });
  }, timeoutMs);
  return office.onReady().then(
    (info) => {
      settled = true;
      clearTimeout(timer);
      render({ inExcel: isExcel(office, info?.host), displayLanguage: displayLanguageOf(office) });
    },
    () => {
      settled = true;
      clearTimeout(timer);
      render({ inExcel: false });
    },
  );
}

function isExcel(office: OfficeLike, host: unknown): boolean {
  if (host === null || host === undefined) return false;
  const excel = office.HostType?.Excel ?? 'Excel';
  return host === excel || host === 'Excel';
}

function displayLanguageOf(office: OfficeLike): string | undefined {
  try {
    const lang = office.context?.displayLanguage;
    return typeof lang === 'string' && lang ? lang : undefined;
  } catch {
    return undefined; // outside Office some builds throw on Office.context
  }
}

/**
 * Outside Office, office.js still loads a hidden Microsoft telemetry frame three seconds after it
 * starts (OSF.Logger's ULS endpoint). With no Office host there is nothing to report, and file
 * mode promises that nothing leaves the machine, so the pane switches that frame off. Touches
 * nothing inside Office. Returns whether there was a frame loader to switch off.
 */
export function silenceOfficeTelemetry(win: unknown): boolean {
  const endpoint = (win as { OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame?: unknown } } } } | null)?.OSF?.Logger?.ulsEndpoint;
  if (!endpoint || typeof endpoint.loadProxyFrame !== 'function') return false;
  endpoint.loadProxyFrame = () => {};
  return true;
}
