import { Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  subtitle: { color: tokens.colorNeutralForeground2 },
});

export interface HeaderProps {
  title: string;
  subtitle: string;
  /** Shown at the right end, e.g. the language switch. */
  actions?: ReactNode;
}

export function Header({ title, subtitle, actions }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <Subtitle1 as="h1">{title}</Subtitle1>
        <Caption1 className={styles.subtitle}>{subtitle}</Caption1>
      </div>
      {actions}
    </header>
  );
}
