// Builds the product's sample workbook, assets/samples/xinzhou-2022.xlsx, from the transcription of
// the seed publication in assets/samples/source/ (every published mistake kept).
//
//   node dist/cli/make-sample.js [out.xlsx]
//
// Sheets 表1 … 表10 hold one table each (表6 starts at B2, the others at A1): label, title (merged,
// bold 14), unit, header rows (bold, bordered, merged as published), data rows (bordered), notes.
// Sheet 绩效目标表 holds the 27 performance-target forms, one transcribed line per row.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import {
  FORMS_COL_WIDTH,
  FORMS_SHEET,
  TABLE_SPECS,
  findRepoRoot,
  formsFile,
  readTsv,
  sampleCell,
  sourceDir as defaultSourceDir,
  tableFile,
  type SampleCell,
  type TableSpec,
} from './sample-source';

export interface MakeSampleOptions {
  /** Folder holding tables/tNN.tsv and forms.tsv; default assets/samples/source of the repository. */
  sourceDir?: string;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const FIXED_DATE = new Date(Date.UTC(2022, 0, 1));

function put(cell: ExcelJS.Cell, value: SampleCell): void {
  if (value.kind === 'empty') return;
  cell.value = value.value;
  if (value.numFmt) cell.numFmt = value.numFmt;
}

function nonEmpty(cells: readonly string[]): string[] {
  return cells.filter((c) => c !== '');
}

function addTableSheet(wb: ExcelJS.Workbook, spec: TableSpec, lines: string[][]): void {
  const ws = wb.addWorksheet(spec.sheet);
  const r0 = spec.origin.row + 1; // exceljs is 1-based
  const c0 = spec.origin.col + 1;
  const where = `table ${spec.no}`;

  if (lines.length < spec.preambleRows + spec.headerRows) throw new Error(`${where}: too few lines`);
  if (!/^预算公开表\s*\d+$/.test(nonEmpty(lines[0]).join(''))) throw new Error(`${where}: line 1 is not the label`);
  if (nonEmpty(lines[1]).length !== 1) throw new Error(`${where}: the title line must hold one cell`);
  if (!nonEmpty(lines[2]).join('').startsWith('单位')) throw new Error(`${where}: line 3 is not the unit line`);

  // Column widths, including the gutter before a table placed off A1.
  for (let c = 1; c < c0; c++) ws.getColumn(c).width = 4;
  spec.widths.forEach((w, j) => {
    ws.getColumn(c0 + j).width = w;
  });

  const headerStart = spec.preambleRows;
  const headerEnd = spec.preambleRows + spec.headerRows; // exclusive
  lines.forEach((cells, i) => {
    if (cells.length > spec.width) throw new Error(`${where}: line ${i + 1} has ${cells.length} cells, width is ${spec.width}`);
    const r = r0 + i;
    const isHeader = i >= headerStart && i < headerEnd;
    const isNote = i >= headerEnd && (cells[0] ?? '').startsWith('注');
    const isData = i >= headerEnd && !isNote;
    cells.forEach((raw, j) => {
      put(ws.getCell(r, c0 + j), sampleCell(raw, isData && spec.codeCols.includes(j)));
    });
    if (i === 1) {
      const title = ws.getCell(r, c0);
      title.font = { bold: true, size: 14 };
      title.alignment = { horizontal: 'center', vertical: 'middle' };
      ws.getRow(r).height = 24;
    }
    if (isHeader || isData) {
      for (let j = 0; j < spec.width; j++) {
        const cell = ws.getCell(r, c0 + j);
        cell.border = THIN;
        if (isData && spec.codeCols.includes(j)) cell.numFmt = '@'; // accountants format code columns as text
        if (isHeader) {
          cell.font = { bold: true };
          cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        }
      }
    }
  });

  // Title across the table width.
  ws.mergeCells(r0 + 1, c0, r0 + 1, c0 + spec.width - 1);
  // Header merges as the published table implies; the cells merged away must be empty.
  for (const m of spec.headerMerges) {
    for (let i = m.top; i <= m.bottom; i++) {
      for (let j = m.left; j <= m.right; j++) {
        if ((i !== m.top || j !== m.left) && (lines[headerStart + i][j] ?? '') !== '') {
          throw new Error(`${where}: header merge would hide "${lines[headerStart + i][j]}"`);
        }
      }
    }
    ws.mergeCells(r0 + headerStart + m.top, c0 + m.left, r0 + headerStart + m.bottom, c0 + m.right);
  }
}

function addFormsSheet(wb: ExcelJS.Workbook, lines: string[][]): void {
  const ws = wb.addWorksheet(FORMS_SHEET);
  const width = Math.max(...lines.map((l) => l.length));
  for (let c = 1; c <= width; c++) {
    const col = ws.getColumn(c);
    col.width = FORMS_COL_WIDTH;
    col.alignment = { wrapText: true, vertical: 'top' };
  }
  lines.forEach((cells, i) => {
    cells.forEach((raw, j) => {
      const cell = ws.getCell(i + 1, j + 1);
      put(cell, sampleCell(raw));
      if (raw !== '') cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
}

/** Writes the sample workbook to `outPath` (folders created as needed). */
export async function makeSample(outPath: string, options: MakeSampleOptions = {}): Promise<void> {
  const dir = options.sourceDir ?? defaultSourceDir();
  const wb = new ExcelJS.Workbook();
  wb.creator = '忻州市行政审批服务管理局';
  wb.lastModifiedBy = 'suanpan make-sample';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const spec of TABLE_SPECS) addTableSheet(wb, spec, readTsv(tableFile(spec, dir)));
  addFormsSheet(wb, readTsv(formsFile(dir)));
  fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  await wb.xlsx.writeFile(outPath);
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(findRepoRoot(), 'assets', 'samples', 'xinzhou-2022.xlsx');
  makeSample(out).then(
    () => console.log(`wrote ${out}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
