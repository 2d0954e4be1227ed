// Shows one cell: activates its sheet and selects it, in one sync.
export async function selectCell(context: Excel.RequestContext, sheet: string, a1: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(a1).select();
  await context.sync();
}
