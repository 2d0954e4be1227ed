// The Excel implementation of PaneHost. The only taskpane module that touches Excel.run; components
// receive it as a prop. When the Office.js adapter (src/excel) lands, this delegates to it.

import type { PaneHost } from './host';

export interface WorkbookOutline {
  sheets: { name: string; usedRange: string | null }[];
}

/** A host that reads sheet names and used ranges in two syncs. */
export function createExcelHost(): PaneHost {
  return {
    scan: () =>
      Excel.run(async (context): Promise<WorkbookOutline> => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const ranges = sheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true).load('address'));
        await context.sync();
        return {
          sheets: sheets.items.map((sheet, i) => ({
            name: sheet.name,
            usedRange: ranges[i].isNullObject ? null : ranges[i].address,
          })),
        };
      }),
  };
}
