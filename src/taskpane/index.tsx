// Entry point of the pane bundle: wait for office.js, pick the host and language, render.

import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootPane, type OfficeLike } from './boot';
import { pickLocale } from './i18n';
import { createExcelHost } from './officeHost';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const root = createRoot(container);

const office: OfficeLike | undefined = typeof Office === 'undefined' ? undefined : Office;

void bootPane(office, ({ inExcel, displayLanguage }) => {
  const locale = pickLocale(displayLanguage);
  document.documentElement.lang = locale;
  root.render(<App key={inExcel ? 'excel' : 'browser'} host={inExcel ? createExcelHost() : null} initialLocale={locale} />);
});
