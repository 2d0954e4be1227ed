import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { ReviewItem } from '../../core/review/decisions';
import { ruleLabel } from '../findings/model';
import { format, type Locale, type Messages } from '../i18n';
import { statusLabel } from '../review/useReview';
import { CellList, type CellListItem } from './CellList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  toggle: {
    alignSelf: 'flex-start',
    minWidth: 'auto',
    height: 'auto',
    padding: `${tokens.spacingVerticalXXS} 0`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
});

export interface ResolvedListProps {
  items: readonly ReviewItem[];
  /** Goes to the cell the finding was on. */
  onSelect?(sheet: string, cell: string): void;
  t: Messages;
  locale: Locale;
}

/** 已解决: decided findings the scan no longer produces, folded by default. */
export function ResolvedList({ items, onSelect, t, locale }: ResolvedListProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const listId = useId();
  if (!items.length) return null;
  const list: CellListItem[] = items.map((it) => {
    const s = it.snapshot;
    const rec = it.record;
    const decided = rec ? format(t.resolvedBy, { status: statusLabel(rec.decision, t), reviewer: rec.reviewer }) : '';
    return {
      key: it.fingerprint,
      sheet: s.sheet,
      cell: s.cell,
      where: `${s.sheet}!${s.cell}`,
      title: `${ruleLabel(s.rule, locale)} · ${locale === 'en' ? s.message.en : s.message.zh}`,
      detail: [decided, rec?.reason ?? ''].filter(Boolean).join(locale === 'en' ? ': ' : '：'),
    };
  });
  return (
    <div className={styles.root}>
      <Button
        appearance="transparent"
        size="small"
        className={styles.toggle}
        icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-testid="resolved-toggle"
      >
        {format(t.resolvedList, { count: items.length })}
      </Button>
      {open && (
        <div id={listId}>
          <CellList
            items={list}
            label={format(t.resolvedList, { count: items.length })}
            testId="resolved-list"
            itemTestId="resolved-item"
            selectedKey={selected}
            onSelect={
              onSelect &&
              ((it) => {
                setSelected(it.key);
                onSelect(it.sheet, it.cell!);
              })
            }
            t={t}
          />
        </div>
      )}
    </div>
  );
}
