import { Caption1, createFocusOutlineStyle, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Severity } from '../../core/findings';
import type { CellWindow } from '../host';
import type { Messages } from '../i18n';
import { CellPreview } from './CellPreview';

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: '1px',
    maxHeight: '20rem',
    overflowY: 'auto',
    minWidth: 0,
  },
  item: { listStyleType: 'none', borderLeft: `${tokens.strokeWidthThick} solid transparent`, borderRadius: tokens.borderRadiusSmall, minWidth: 0 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, borderLeftColor: tokens.colorBrandStroke1 },
  main: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '1px',
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    ...shorthands.borderStyle('none'),
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    textAlign: 'left',
    minWidth: 0,
    ...createFocusOutlineStyle(),
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  head: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', minWidth: 0 },
  where: { flexShrink: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  title: { minWidth: 0, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  preview: { padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}` },
  line: { display: 'flex', alignItems: 'flex-start', minWidth: 0 },
  grow: { flexGrow: 1 },
});

export interface CellListItem {
  readonly key: string;
  /** Where the item points; without a cell the item is plain text. */
  readonly sheet: string;
  readonly cell?: string;
  /** Shown before the title in bold: the cell, a row number … */
  readonly where: string;
  readonly title: string;
  readonly detail?: string;
}

export interface CellListProps {
  items: readonly CellListItem[];
  label: string;
  testId: string;
  itemTestId: string;
  selectedKey?: string | null;
  onSelect?(item: CellListItem): void;
  /** File mode: the cells around the selected item's cell. */
  preview?: (sheet: string, cell: string) => CellWindow | null;
  /** Something to do with an item besides going to it (a remove button), beside it. */
  action?: (item: CellListItem) => ReactNode;
  /** How the preview marks the item's cell; default warning (a value to fill in, a bad row). */
  previewSeverity?: Severity;
  t: Messages;
}

/** A compact list of cells (bad ledger rows, values to fill in): each goes to its cell when clicked. */
export function CellList({ items, label, testId, itemTestId, selectedKey, onSelect, preview, action, previewSeverity = 'warning', t }: CellListProps) {
  const styles = useStyles();
  const main = (it: CellListItem, canGo: boolean, selected: boolean, body: ReactNode, extra?: string) =>
    canGo ? (
      <button type="button" className={mergeClasses(styles.main, styles.clickable, extra)} aria-current={selected || undefined} onClick={() => onSelect!(it)}>
        {body}
      </button>
    ) : (
      <div className={mergeClasses(styles.main, extra)}>{body}</div>
    );
  return (
    <ul className={styles.list} aria-label={label} data-testid={testId}>
      {items.map((it) => {
        const selected = it.key === selectedKey;
        const canGo = Boolean(it.cell && onSelect);
        const body = (
          <>
            <span className={styles.head}>
              <span className={styles.where}>{it.where}</span>
              <span className={styles.title}>{it.title}</span>
            </span>
            {it.detail && <Caption1 className={styles.detail}>{it.detail}</Caption1>}
          </>
        );
        const window = selected && it.cell && preview ? preview(it.sheet, it.cell) : null;
        return (
          <li
            key={it.key}
            className={mergeClasses(styles.item, selected && styles.selected)}
            data-testid={itemTestId}
            data-sheet={it.sheet}
            data-cell={it.cell}
            data-selected={selected || undefined}
          >
            {action ? (
              <div className={styles.line}>
                {main(it, canGo, selected, body, styles.grow)}
                {action(it)}
              </div>
            ) : (
              main(it, canGo, selected, body)
            )}
            {window && (
              <div className={styles.preview}>
                <CellPreview window={window} severity={previewSeverity} t={t} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
