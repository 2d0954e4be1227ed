// The Office a test of the Excel adapter runs in: the fake Excel over a FakeWorkbook, and Office's
// requirement sets answered as a host supporting ExcelApi 1.0 … 1.max would. Undone after each test.
import { OfficeMockObject } from 'office-addin-mock';
import { installExcel, type FakeOptions, type FakeWorkbook } from './fake-excel';

const g = globalThis as Record<string, unknown>;

export interface OfficeEnv {
  /** The fake Excel over `wb`, and Office up to ExcelApi 1.`max` (null: no Office global). */
  install(wb: FakeWorkbook, max?: number | null, opts?: FakeOptions): ReturnType<typeof installExcel>;
  /** Takes the fake Excel away before the test ends (to install another). */
  uninstall(): void;
}

/** Call at the top level of a test file. */
export function useOfficeEnv(): OfficeEnv {
  let undo: (() => void) | undefined;
  const uninstall = () => {
    undo?.();
    undo = undefined;
  };
  afterEach(() => {
    uninstall();
    delete g.Office;
  });
  return {
    install(wb, max = 20, opts) {
      const excel = installExcel(wb, opts);
      undo = excel.uninstall;
      if (max !== null)
        g.Office = new OfficeMockObject({
          context: { requirements: { isSetSupported: (set: string, v?: string) => set === 'ExcelApi' && Number(v?.split('.')[1]) <= max } },
        });
      return excel;
    },
    uninstall,
  };
}
