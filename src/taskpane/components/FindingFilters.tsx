import { makeStyles, Select, ToggleButton, tokens, useId } from '@fluentui/react-components';
import type { RuleId } from '../../core/findings';
import { ruleLabel, SEVERITIES } from '../findings/model';
import type { FindingFilters as Filters } from '../findings/useFindingFilters';
import type { Locale, Messages } from '../i18n';
import { severityName, SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  severities: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  toggle: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  rule: { flexGrow: 1, flexBasis: '9em', minWidth: 0, maxWidth: '100%' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface FindingFiltersProps {
  filters: Filters;
  t: Messages;
  locale: Locale;
}

/** Severity toggles (with their counts) and a rule picker. */
export function FindingFilters({ filters, t, locale }: FindingFiltersProps) {
  const styles = useStyles();
  const ruleId = useId('rule');
  return (
    <div className={styles.root} role="group" aria-label={t.filtersLabel}>
      <div className={styles.severities}>
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            shape="circular"
            className={styles.toggle}
            checked={filters.filter.severities.has(s)}
            onClick={() => filters.toggleSeverity(s)}
            icon={<SeverityIcon severity={s} />}
            data-testid={`filter-${s}`}
          >
            {`${severityName(s, t)} ${filters.counts[s]}`}
          </ToggleButton>
        ))}
      </div>
      <label htmlFor={ruleId} className={styles.visuallyHidden}>
        {t.ruleFilter}
      </label>
      <Select
        id={ruleId}
        size="small"
        className={styles.rule}
        value={filters.filter.rule}
        onChange={(_, data) => filters.setRule(data.value as RuleId | 'all')}
        data-testid="filter-rule"
      >
        <option value="all">{t.allRules}</option>
        {filters.rules.map((r) => (
          <option key={r.rule} value={r.rule}>
            {`${ruleLabel(r.rule, locale)} (${r.count})`}
          </option>
        ))}
      </Select>
    </div>
  );
}
