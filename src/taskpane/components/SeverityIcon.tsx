import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Severity } from '../../core/findings';
import type { Messages } from '../i18n';

const useStyles = makeStyles({
  icon: { flexShrink: 0, display: 'block' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
});

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled } as const;

export function severityName(s: Severity, t: Messages): string {
  return s === 'error' ? t.severityError : s === 'warning' ? t.severityWarning : t.severityInfo;
}

export interface SeverityIconProps {
  severity: Severity;
  /** Spoken name; omit when the text next to the icon already says it. */
  label?: string;
  className?: string;
}

export function SeverityIcon({ severity, label, className }: SeverityIconProps) {
  const styles = useStyles();
  const Icon = ICONS[severity];
  return (
    <Icon
      className={mergeClasses(styles.icon, styles[severity], className)}
      {...(label ? { 'aria-label': label, role: 'img' } : { 'aria-hidden': true })}
    />
  );
}
