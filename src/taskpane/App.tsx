import { FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { Header } from './components/Header';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ScanPanel } from './components/ScanPanel';
import type { PaneHost } from './host';
import { DEFAULT_LOCALE, messages, type Locale } from './i18n';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
});

export interface AppProps {
  /** The application the pane runs in; null outside Excel. */
  host: PaneHost | null;
  initialLocale?: Locale;
}

export function App({ host, initialLocale = DEFAULT_LOCALE }: AppProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = messages[locale];
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={locale} className={styles.root}>
      <Header
        title={t.title}
        subtitle={t.subtitle}
        actions={<LanguageSwitch locale={locale} label={t.languageGroup} onChange={setLocale} />}
      />
      <ScanPanel host={host} t={t} />
    </FluentProvider>
  );
}
