// Sheet names for one sheet per form, from the project names: forbidden characters become their
// full-width forms, a duplicate gets `（2）`, `（3）` …, an empty name `绩效目标表N`.
import { freeSheetName } from '../workbook/sheet-names';

/** One sheet name per project name, in order. `taken` are names already in the workbook. */
export function formSheetNames(names: readonly string[], taken: readonly string[] = [], fallback = '绩效目标表'): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return names.map((raw, i) => freeSheetName(raw, used, { forbidden: 'full-width', fallback: `${fallback}${i + 1}`, suffix: (k) => `（${k}）` }));
}
