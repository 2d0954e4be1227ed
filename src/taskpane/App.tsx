import { FluentProvider, makeStyles, tokens, webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useBuild } from './generate/useBuild';
import { BuildPanel } from './components/BuildPanel';
import { ExcelToolbar } from './components/ExcelToolbar';
import { FileToolbar } from './components/FileToolbar';
import { FindingsPanel } from './components/FindingsPanel';
import { Header } from './components/Header';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ReviewBar } from './components/ReviewBar';
import { Summary } from './components/Summary';
import { countBySeverity } from './findings/model';
import { useFindingFilters } from './findings/useFindingFilters';
import { useSelection } from './findings/useSelection';
import { useFixes } from './fix/useFixes';
import { isExcelHost, type AnyPaneHost } from './host';
import { DEFAULT_LOCALE, messages, type Locale } from './i18n';
import { filterByStatus, itemsByFinding, ReviewContext, useReview } from './review/useReview';
import { useScan } from './useScan';

/** Office's own UI fonts for Chinese first, then Fluent's stack. */
const CJK_FONTS = "'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC'";
const theme: Theme = { ...webLightTheme, fontFamilyBase: `${CJK_FONTS}, ${webLightTheme.fontFamilyBase}` };

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    overflowX: 'hidden',
    minWidth: 0,
  },
});

export interface AppProps {
  /** Where the pane runs: Excel (Office.js adapter) or a plain browser (file host). */
  host: AnyPaneHost;
  initialLocale?: Locale;
  /** File mode: a workbook to open and scan at start (?sample=URL). */
  sampleUrl?: string | null;
  /** File mode: replaces the browser download in tests. */
  save?: (blob: Blob, name: string) => void;
}

export function App({ host, initialLocale = DEFAULT_LOCALE, sampleUrl, save }: AppProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = messages[locale];
  const styles = useStyles();
  const { state, scan } = useScan(host);
  const result = state.status === 'done' ? state.result : null;
  const review = useReview(host, result, t);
  const reviewItems = useMemo(() => itemsByFinding(review.review), [review.review]);
  const shownResult = useMemo(() => filterByStatus(result, reviewItems, review.status), [result, reviewItems, review.status]);
  const filters = useFindingFilters(shownResult);
  // The summary counts the whole scan, whatever the filter by decision leaves.
  const allCounts = useMemo(() => countBySeverity(result?.findings ?? []), [result]);
  const [workbook, setWorkbook] = useState(0); // counts files opened (file mode)
  const selection = useSelection(host, workbook);
  const fixes = useFixes(host, workbook);
  const build = useBuild(host, result, locale);
  const findings = result?.findings ?? null;
  const onScan = () => void scan();
  const preview = isExcelHost(host) ? undefined : host.preview;
  const goTo = (sheet: string, cell: string) => void host.select(sheet, cell).catch(() => {});

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }, [locale]);

  return (
    <FluentProvider theme={theme} lang={locale} className={styles.root}>
      <Header
        title={t.title}
        subtitle={t.subtitle}
        actions={<LanguageSwitch locale={locale} label={t.languageGroup} onChange={setLocale} />}
      />
      {isExcelHost(host) ? (
        <ExcelToolbar host={host} t={t} locale={locale} scanState={state} onScan={onScan} findings={findings} />
      ) : (
        <FileToolbar
          host={host}
          t={t}
          locale={locale}
          scanState={state}
          onScan={onScan}
          findings={findings}
          sampleUrl={sampleUrl}
          save={save}
          onOpened={() => setWorkbook((n) => n + 1)}
        />
      )}
      {result && <Summary result={result} counts={allCounts} t={t} locale={locale} />}
      <ReviewContext.Provider value={{ review, t }}>
      {result && (
        <BuildPanel
          build={build}
          host={host}
          review={review.review}
          reviewer={review.reviewer}
          workbookName={isExcelHost(host) ? undefined : (host.fileName() ?? undefined)}
          preview={preview}
          t={t}
          locale={locale}
        />
      )}
      {result && <ReviewBar review={review} t={t} locale={locale} onSelect={goTo} preview={preview} />}
      {result && (
        <FindingsPanel
          filters={filters}
          selectedId={selection.selectedId}
          selectError={selection.error}
          onSelect={selection.select}
          fixes={fixes}
          preview={preview}
          t={t}
          locale={locale}
        />
      )}
      </ReviewContext.Provider>
    </FluentProvider>
  );
}
