// Reading a workbook named on the command line: an unreadable one is one line on stderr
// (InputError's message names the file and the reason), never a stack trace.
import type { WorkbookSnapshot } from '../core/workbook/types';
import { InputError, readWorkbookFile } from '../xlsx';
import type { Io } from './main';

/** The workbook, or undefined after telling the user why it could not be read. */
export async function readInput(file: string, io: Pick<Io, 'err'>): Promise<WorkbookSnapshot | undefined> {
  try {
    return await readWorkbookFile(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(e.message + '\n');
    return undefined;
  }
}
