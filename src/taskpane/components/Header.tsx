import { Caption1, makeStyles, Title3, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
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
        <Title3 as="h1">{title}</Title3>
        <Caption1>{subtitle}</Caption1>
      </div>
      {actions}
    </header>
  );
}
