import { makeStyles, ToggleButton } from '@fluentui/react-components';
import { LOCALES, messages, type Locale } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexShrink: 0 },
});

export interface LanguageSwitchProps {
  locale: Locale;
  label: string;
  onChange(locale: Locale): void;
}

/** One toggle per locale, each labelled in its own language. */
export function LanguageSwitch({ locale, label, onChange }: LanguageSwitchProps) {
  const styles = useStyles();
  return (
    <div role="group" aria-label={label} className={styles.root}>
      {LOCALES.map((l) => (
        <ToggleButton
          key={l}
          size="small"
          appearance="subtle"
          lang={l}
          checked={l === locale}
          onClick={() => onChange(l)}
          data-locale={l}
        >
          {messages[l].localeName}
        </ToggleButton>
      ))}
    </div>
  );
}
