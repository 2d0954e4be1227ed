import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CellList, type CellListProps } from './CellList';
import { FoldToggle, useFold } from './FoldToggle';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
});

export interface FoldedCellListProps extends Omit<CellListProps, 'selectedKey' | 'onSelect'> {
  toggleTestId: string;
  /** Goes to the item's cell; the item shows as selected. */
  onSelect?(sheet: string, cell: string): void;
}

/**
 * A CellList folded by default under a toggle that carries its label (with the count); nothing
 * while the list is empty (rendered all the same, so that it stays open when emptied and refilled).
 */
export function FoldedCellList({ toggleTestId, onSelect, ...list }: FoldedCellListProps) {
  const styles = useStyles();
  const fold = useFold();
  const [selected, setSelected] = useState<string | null>(null);
  if (!list.items.length) return null;
  return (
    <div className={styles.root}>
      <FoldToggle fold={fold} testId={toggleTestId}>
        {list.label}
      </FoldToggle>
      {fold.open && (
        <div id={fold.id}>
          <CellList
            {...list}
            selectedKey={selected}
            onSelect={
              onSelect &&
              ((it) => {
                setSelected(it.key);
                onSelect(it.sheet, it.cell!);
              })
            }
          />
        </div>
      )}
    </div>
  );
}
