import { Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core/findings';
import { SEVERITIES, sheetSummaries, tableKindLabel, type SeverityCounts } from '../findings/model';
import type { ScanResult } from '../host';
import { format, type Locale, type Messages } from '../i18n';
import { FoldToggle, useFold } from './FoldToggle';
import { severityName, SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS },
  count: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  number: { fontVariantNumeric: 'tabular-nums' },
  sheets: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  sheet: { display: 'flex', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  sheetName: { flexShrink: 0, fontWeight: tokens.fontWeightSemibold, maxWidth: '40%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  sheetTables: { color: tokens.colorNeutralForeground2, minWidth: 0, overflowWrap: 'anywhere' },
});

export interface SummaryProps {
  result: ScanResult;
  counts: SeverityCounts;
  t: Messages;
  locale: Locale;
}

function countLabel(s: Severity, n: number, t: Messages): string {
  return `${severityName(s, t)} ${n}`;
}

/** What the scan found: tables and forms (per sheet, folded), and findings by severity. */
export function Summary({ result, counts, t, locale }: SummaryProps) {
  const styles = useStyles();
  const { tables, forms } = result.recognition;
  const sheets = sheetSummaries(result.sheets, result.recognition);
  const fold = useFold();
  return (
    <section className={styles.root} data-testid="summary" aria-label={t.findingsHeading}>
      <Body1Strong>
        {tables.length || forms.length ? format(t.summaryTables, { tables: tables.length, forms: forms.length }) : t.summaryNoTables}
      </Body1Strong>
      <div className={styles.counts}>
        {SEVERITIES.map((s) => (
          <span key={s} className={styles.count} data-testid={`count-${s}`}>
            <SeverityIcon severity={s} />
            <Caption1 className={styles.number}>{countLabel(s, counts[s], t)}</Caption1>
          </span>
        ))}
      </div>
      {sheets.length > 0 && (
        <>
          <FoldToggle fold={fold} testId="by-sheet">
            {format(t.bySheet, { count: sheets.length })}
          </FoldToggle>
          {fold.open && (
            <ul className={styles.sheets} id={fold.id} data-testid="sheet-list">
              {sheets.map((s) => (
                <li key={s.sheet} className={styles.sheet}>
                  <Caption1 className={styles.sheetName} title={s.sheet}>
                    {s.sheet}
                  </Caption1>
                  <Caption1 className={styles.sheetTables}>
                    {[
                      ...s.tables.map((tb) => tableKindLabel(tb, locale)),
                      ...(s.forms ? [s.forms === 1 ? t.sheetFormsOne : format(t.sheetForms, { count: s.forms })] : []),
                    ].join(locale === 'en' ? ', ' : '、')}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
