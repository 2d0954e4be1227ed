import { Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Fixes } from '../fix/useFixes';
import { groupLabel, SEVERITIES, type FindingGroup, type PaneFinding } from '../findings/model';
import type { CellWindow } from '../host';
import type { Locale, Messages } from '../i18n';
import { FindingItem } from './FindingItem';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  header: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  title: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  counts: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexShrink: 0, color: tokens.colorNeutralForeground3 },
  count: { display: 'inline-flex', alignItems: 'center', columnGap: '2px', fontVariantNumeric: 'tabular-nums' },
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '1px' },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface FindingListProps {
  groups: readonly FindingGroup[];
  /** Findings before filtering (to tell "none at all" from "none shown"). */
  total: number;
  selectedId: string | null;
  onSelect(item: PaneFinding): void;
  t: Messages;
  locale: Locale;
  fixes: Fixes;
  preview?: (sheet: string, cell: string) => CellWindow | null;
}

/** The findings that pass the filters, one section per table. */
export function FindingList({ groups, total, selectedId, onSelect, t, locale, fixes, preview }: FindingListProps) {
  const styles = useStyles();
  if (groups.length === 0) {
    return (
      <Caption1 className={styles.empty} data-testid="no-findings">
        {total === 0 ? t.noFindings : t.noMatches}
      </Caption1>
    );
  }
  return (
    <div className={styles.root} data-testid="findings">
      {groups.map((g) => {
        const label = groupLabel(g, locale, t);
        return (
          <section key={g.key || 'other'} className={styles.group} aria-label={label} data-testid="finding-group" data-table={g.key}>
            <div className={styles.header}>
              <Body1Strong as="h3" className={styles.title} title={label}>
                {label}
              </Body1Strong>
              <span className={styles.counts}>
                {SEVERITIES.filter((s) => g.counts[s] > 0).map((s) => (
                  <Caption1 key={s} className={styles.count}>
                    <SeverityIcon severity={s} />
                    {g.counts[s]}
                  </Caption1>
                ))}
              </span>
            </div>
            <ul className={styles.list}>
              {g.items.map((item) => {
                const selected = item.id === selectedId;
                return (
                  <FindingItem
                    key={item.id}
                    item={item}
                    table={g.table}
                    selected={selected}
                    onSelect={onSelect}
                    t={t}
                    locale={locale}
                    fixes={fixes}
                    preview={selected && preview ? preview(item.finding.sheet, item.finding.cell) : null}
                  />
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

