// exceljs's prebuilt browser bundle has the same API as the package, without types of its own.
declare module 'exceljs/dist/exceljs.min.js' {
  import * as ExcelJS from 'exceljs';
  export = ExcelJS;
}
