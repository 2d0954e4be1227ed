import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Fixes } from '../fix/useFixes';
import type { PaneFinding } from '../findings/model';
import type { FindingFilters as Filters } from '../findings/useFindingFilters';
import type { CellWindow } from '../host';
import { format, type Locale, type Messages } from '../i18n';
import { FindingFilters } from './FindingFilters';
import { FindingList } from './FindingList';
import { Notice } from './Notice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  shown: { color: tokens.colorNeutralForeground3 },
});

export interface FindingsPanelProps {
  filters: Filters;
  selectedId: string | null;
  selectError: string | null;
  onSelect(item: PaneFinding): void;
  fixes: Fixes;
  preview?: (sheet: string, cell: string) => CellWindow | null;
  t: Messages;
  locale: Locale;
}

/** Heading, filters and the grouped list of one scan's findings. */
export function FindingsPanel({ filters, selectedId, selectError, onSelect, fixes, preview, t, locale }: FindingsPanelProps) {
  const styles = useStyles();
  const total = filters.all.length;
  return (
    <section className={styles.root} aria-labelledby="findings-heading">
      <div className={styles.heading}>
        <Subtitle2 as="h2" id="findings-heading">
          {t.findingsHeading}
        </Subtitle2>
        {total > 0 && (
          <Caption1 className={styles.shown} data-testid="shown">
            {format(t.shownOf, { shown: filters.shown, total })}
          </Caption1>
        )}
      </div>
      {total > 0 && <FindingFilters filters={filters} t={t} locale={locale} />}
      {selectError && <Notice intent="error">{format(t.selectFailed, { error: selectError })}</Notice>}
      <FindingList
        groups={filters.groups}
        total={total}
        selectedId={selectedId}
        onSelect={onSelect}
        t={t}
        locale={locale}
        fixes={fixes}
        preview={preview}
      />
    </section>
  );
}
