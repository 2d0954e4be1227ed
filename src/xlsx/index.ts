// The .xlsx adapter: files ⇄ WorkbookSnapshot / WorkbookEdits. Node only; core never imports this.
export { InputError } from './errors';
export { readWorkbookFile, readWorkbookBuffer } from './read';
export { writeWorkbookWithEdits, writeSnapshotFile, writeWorkbookFile, snapshotToWorkbook, applyEdits } from './write';
