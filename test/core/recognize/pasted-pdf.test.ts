// A whole publication's PDF text pasted into one sheet: table of contents, prose, section headings,
// the ten tables with page-break blank lines inside them, and the 27 performance forms.
import { sheetFromPastedText } from '../../../src/core/workbook/paste';
import type { Recognition } from '../../../src/core/recognize';
import { a1, pdfText, projectNames, recognize, roles, SAMPLE_KINDS, seedText } from './fixtures';

function lineNo(text: string, pred: (line: string) => boolean, from = 0): number {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) if (pred(lines[i])) return i;
  throw new Error('line not found');
}

function expectTheDocument(rec: Recognition, text: string): void {
  const lines = text.split('\n');
  // exactly ten tables, the right kinds, in order
  expect(rec.tables.map((t) => t.kind)).toEqual(SAMPLE_KINDS);
  expect(rec.tables.every((t) => t.unit === '万元' && t.year === 2022 || t.kind === 'basic-economic')).toBe(true);

  // each table starts at its label 预算公开表 N and ends at its last data row or note
  rec.tables.forEach((t, i) => {
    expect(lines[t.range.top]).toBe(`预算公开表 ${i + 1}`);
    const next = i + 1 < 10 ? lineNo(text, (l) => l === `预算公开表 ${i + 2}`) : lineNo(text, (l) => l.startsWith('第三部分'), t.range.top);
    // nothing but blank lines between a table's bottom and the next table (or section)
    for (let r = t.range.bottom + 1; r < next; r++) expect(lines[r].trim()).toBe('');
    expect(lines[t.range.bottom].trim()).not.toBe('');
  });

  // the page-break blank lines did not cut a table short: all data rows are there
  expect(rec.tables[1].rows.map((r) => r.code).filter(Boolean)).toContain('2299999');
  expect(rec.tables[0].rows.filter((r) => r.isTotal)).toHaveLength(2);
  expect(rec.tables[5].rows.map((r) => r.name)).toContain('信息网络及软件购置');
  expect(roles(rec.tables[2])).toEqual({ A: 'code', B: 'name', C: 'total', D: 'basic', E: 'project' });

  // 27 forms, in order, named, none overlapping a table or each other
  expect(rec.forms).toHaveLength(27);
  expect(rec.forms.map((f) => f.name.replace(/\s+/g, ''))).toEqual(projectNames().map((n) => n.replace(/\s+/g, '')));
  for (let i = 1; i < rec.forms.length; i++) expect(rec.forms[i].range.top).toBeGreaterThan(rec.forms[i - 1].range.bottom);
  const lastTable = rec.tables[9];
  expect(rec.forms[0].range.top).toBeGreaterThan(lastTable.range.bottom);
  // the last form stops before the closing prose
  expect(lines[rec.forms[26].range.bottom]).toMatch(/^满意度指标/);
  // no table swallowed a form row or prose
  for (const t of rec.tables) {
    for (let r = t.range.top; r <= t.range.bottom; r++) {
      expect(lines[r]).not.toMatch(/项目名称|第[一二三四]部分|本部门职责/);
    }
  }
}

describe('the PDF text pasted into one sheet', () => {
  const text = pdfText();
  const rec = recognize(sheetFromPastedText('PDF', text));

  test('ten tables and 27 forms, in order', () => {
    expectTheDocument(rec, text);
  });

  test('the table of contents and the list of titles are not tables', () => {
    const firstLabel = text.split('\n').indexOf('预算公开表 1');
    expect(rec.tables[0].range.top).toBe(firstLabel);
    expect(rec.unrecognized.filter((u) => u.range.top < firstLabel)).toEqual([]);
  });

  test('prose with figures split into cells is reported, not taken as a table', () => {
    expect(rec.unrecognized.map((u) => u.firstText)).toEqual([expect.stringMatching(/^2021年基本支出预算数为/)]);
  });

  test('ranges', () => {
    expect(rec.tables.map((t) => a1(t.range).replace(/\d+/g, ''))).toEqual([
      'A:D',
      'A:G',
      'A:E',
      'A:F',
      'A:E',
      'A:C',
      'A:C',
      'A:E',
      'A:B',
      'A:B',
    ]);
  });
});

describe('the PDF text pasted as text (every cell kept as text)', () => {
  test('the same ten tables and 27 forms', () => {
    const text = pdfText();
    const rec = recognize(sheetFromPastedText('PDF', text, { asText: true }));
    expectTheDocument(rec, text);
    expect(rec.tables[1].rows.find((r) => r.code === '2010301')).toMatchObject({ level: 3, name: '行政运行' });
  });
});

const seed = seedText();
(seed ? describe : describe.skip)('the seed text itself (when ../shared/seed is present)', () => {
  test('ten tables and 27 forms', () => {
    const rec = recognize(sheetFromPastedText('PDF', seed!));
    expectTheDocument(rec, seed!);
  });
});
