import type { ReviewItem } from '../../core/review/decisions';
import { ruleLabel } from '../findings/model';
import { format, type Locale, type Messages } from '../i18n';
import { statusLabel } from '../review/useReview';
import type { CellListItem } from './CellList';
import { FoldedCellList } from './FoldedCellList';

export interface ResolvedListProps {
  items: readonly ReviewItem[];
  /** Goes to the cell the finding was on. */
  onSelect?(sheet: string, cell: string): void;
  t: Messages;
  locale: Locale;
}

/** 已解决: decided findings the scan no longer produces, folded by default. */
export function ResolvedList({ items, onSelect, t, locale }: ResolvedListProps) {
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
    <FoldedCellList
      items={list}
      label={format(t.resolvedList, { count: items.length })}
      toggleTestId="resolved-toggle"
      testId="resolved-list"
      itemTestId="resolved-item"
      onSelect={onSelect}
      t={t}
    />
  );
}
