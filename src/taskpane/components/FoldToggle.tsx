import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import { useId, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  toggle: {
    alignSelf: 'flex-start',
    minWidth: 'auto',
    height: 'auto',
    padding: `${tokens.spacingVerticalXXS} 0`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
});

/** A section folded by default: whether it is open, and the id of what its toggle shows. */
export function useFold() {
  const [open, setOpen] = useState(false);
  const id = useId();
  return { open, id, toggle: () => setOpen(!open) };
}

export interface FoldToggleProps {
  fold: ReturnType<typeof useFold>;
  testId: string;
  children: ReactNode;
}

/** The quiet chevron button that opens and closes a folded section. */
export function FoldToggle({ fold, testId, children }: FoldToggleProps) {
  const styles = useStyles();
  return (
    <Button
      appearance="transparent"
      size="small"
      className={styles.toggle}
      icon={fold.open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
      aria-expanded={fold.open}
      aria-controls={fold.id}
      onClick={fold.toggle}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
