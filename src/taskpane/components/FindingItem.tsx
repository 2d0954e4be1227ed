import { Caption1, createFocusOutlineStyle, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { RecognizedTable } from '../../core/recognize/model';
import { corrections } from '../fix/corrections';
import type { Fixes } from '../fix/useFixes';
import { ruleLabel, shortMessage, type PaneFinding } from '../findings/model';
import type { CellWindow } from '../host';
import type { Locale, Messages } from '../i18n';
import { CellPreview } from './CellPreview';
import { FixPreview } from './FixPreview';
import { ReviewControls } from './ReviewControls';
import { severityName, SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  item: {
    listStyleType: 'none',
    borderLeft: `${tokens.strokeWidthThick} solid transparent`,
    borderRadius: tokens.borderRadiusSmall,
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderLeftColor: tokens.colorBrandStroke1,
  },
  main: {
    display: 'flex',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ...shorthands.borderStyle('none'),
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'left',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  mainSelected: { ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected } },
  icon: { marginTop: '2px' },
  body: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0, flexGrow: 1 },
  meta: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', minWidth: 0, color: tokens.colorNeutralForeground3 },
  cell: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  rule: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  message: { overflowWrap: 'anywhere' },
  clamp: { display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: '3', overflow: 'hidden' },
  values: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  clampValue: { display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: '2', overflow: 'hidden' },
  details: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} calc(${tokens.spacingHorizontalS} * 2 + 16px)`,
    minWidth: 0,
  },
});

export interface FindingItemProps {
  item: PaneFinding;
  table?: RecognizedTable;
  selected: boolean;
  onSelect(item: PaneFinding): void;
  t: Messages;
  locale: Locale;
  fixes: Fixes;
  /** File mode: the cells around the finding, shown when it is selected. */
  preview?: CellWindow | null;
}

/** One finding: severity, cell, rule, message, expected and found; details when selected. */
export function FindingItem({ item, table, selected, onSelect, t, locale, fixes, preview }: FindingItemProps) {
  const styles = useStyles();
  const ref = useRef<HTMLLIElement>(null);
  const f = item.finding;
  const fix = corrections(f);
  const clamp = !selected;
  // Selected, a misaligned block's codes show cell by cell in the fix preview instead.

  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  return (
    <li
      ref={ref}
      className={mergeClasses(styles.item, selected && styles.selected)}
      data-testid="finding"
      data-rule={f.rule}
      data-severity={f.severity}
      data-sheet={f.sheet}
      data-cell={f.cell}
      data-selected={selected || undefined}
    >
      <button
        type="button"
        className={mergeClasses(styles.main, selected && styles.mainSelected)}
        aria-current={selected || undefined}
        onClick={() => onSelect(item)}
      >
        <SeverityIcon severity={f.severity} label={severityName(f.severity, t)} className={styles.icon} />
        <span className={styles.body}>
          <span className={styles.meta}>
            <span className={styles.cell}>{f.cell}</span>
            <Caption1 className={styles.rule}>{ruleLabel(f.rule, locale)}</Caption1>
          </span>
          <span className={mergeClasses(styles.message, clamp && styles.clamp)}>{shortMessage(f, table, locale)}</span>
          {!(selected && fix) && (f.expected !== undefined || f.actual !== undefined) && (
            <dl className={styles.values}>
              {f.expected !== undefined && (
                <>
                  <dt className={styles.label}>{t.expected}</dt>
                  <dd className={mergeClasses(styles.value, clamp && styles.clampValue)} data-testid="expected">
                    {f.expected || t.blank}
                  </dd>
                </>
              )}
              {f.actual !== undefined && (
                <>
                  <dt className={styles.label}>{t.actual}</dt>
                  <dd className={mergeClasses(styles.value, clamp && styles.clampValue)} data-testid="actual">
                    {f.actual || t.blank}
                  </dd>
                </>
              )}
            </dl>
          )}
        </span>
      </button>
      <ReviewControls finding={f} />
      {selected && (fix || preview) && (
        <div className={styles.details}>
          {fix && (
            <FixPreview
              corrections={fix}
              t={t}
              state={fixes.stateOf(item.id)}
              canApply={fixes.available}
              onApply={() => fixes.apply(item.id, f)}
              onUndo={() => fixes.undo(item.id)}
            />
          )}
          {preview && <CellPreview window={preview} severity={f.severity} t={t} />}
        </div>
      )}
    </li>
  );
}
