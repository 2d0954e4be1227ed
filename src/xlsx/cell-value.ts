// Core CellValue → the value exceljs stores.
import type * as ExcelJS from 'exceljs';
import type { CellValue } from '../core/workbook/types';

export function toExcelValue(v: CellValue | null): ExcelJS.CellValue {
  if (v === null) return null;
  switch (v.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return v.value;
    case 'error':
      return { error: v.value as ExcelJS.CellErrorValue['error'] };
  }
}
