// Entry point of the pane bundle: wait for office.js, pick the host and language, render.
// Inside Excel the host is the Office.js adapter; anywhere else the pane checks .xlsx files itself.

import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootPane, silenceOfficeTelemetry, type OfficeLike } from './boot';
import { createFileHost, sampleUrlFrom } from './file/fileHost';
import { pickLocale } from './i18n';
import { createExcelHost } from './officeHost';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const root = createRoot(container);

const office: OfficeLike | undefined = typeof Office === 'undefined' ? undefined : Office;

void bootPane(office, ({ inExcel, displayLanguage }) => {
  // Outside Office there is no display language: zh-CN, unless the address asks (?lang=en).
  const locale = pickLocale(displayLanguage ?? new URLSearchParams(location.search).get('lang'));
  document.documentElement.lang = locale;
  if (!inExcel) silenceOfficeTelemetry(window);
  root.render(
    inExcel ? (
      <App key="excel" host={createExcelHost()} initialLocale={locale} />
    ) : (
      <App
        key="file"
        host={createFileHost()}
        initialLocale={locale}
        sampleUrl={sampleUrlFrom(location.search, location.origin)}
      />
    ),
  );
});
