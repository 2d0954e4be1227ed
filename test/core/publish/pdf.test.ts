// The written workbook printed to PDF by LibreOffice (headless): every table's title is on the
// pages, and a table longer than a page repeats its header rows. Needs `soffice` and `pdftotext`
// (apt: libreoffice-calc poppler-utils fonts-wqy-microhei); skipped with a message without them.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publish, TABLE_LAYOUTS } from '../../../src/core/publish';
import { writeTablesFile } from '../../../src/cli/publish';
import { ledgerWorkbook, seedLedger, SEED_TITLE } from './fixtures';
import { FUNC_CODES } from './gen';
import { tempDir } from './helpers';

jest.setTimeout(300_000);

const has = (cmd: string, arg: string) => {
  const r = spawnSync(cmd, [arg], { encoding: 'utf8', timeout: 60_000 });
  return !r.error && r.status === 0;
};
const soffice = has('soffice', '--version');
const pdftotext = has('pdftotext', '-v');
const ready = soffice && pdftotext;
if (!ready)
  console.warn(
    `PDF check skipped: ${!soffice ? 'soffice' : 'pdftotext'} is not installed ` +
      '(apt-get install -y --no-install-recommends libreoffice-calc fonts-wqy-microhei poppler-utils)',
  );
const maybe = ready ? test : test.skip;

const tmp = tempDir('publish-pdf');
afterAll(() => tmp.cleanup());

/** xlsx → pdf with LibreOffice; returns the text of each page. */
function toPdfPages(xlsx: string): string[] {
  const profile = `file://${join(tmp.dir, 'lo-profile')}`;
  const r = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', tmp.dir, xlsx], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.error}`);
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  expect(readdirSync(tmp.dir)).toContain(pdf.split('/').pop());
  const t = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (t.status !== 0) throw new Error(`pdftotext failed: ${t.stderr}`);
  return t.stdout.split('\f').map((p) => p.replace(/\s+/g, ''));
}

maybe('every table title is printed; a long table repeats its header on every page', async () => {
  const seed = publish(seedLedger());
  // Every 项 the dictionary names fully, in one ledger: 表2/表3/表5 run over several pages.
  const long = publish(ledgerWorkbook(FUNC_CODES.map((func, i) => ({ func, econ: '30201', amount: 1000 + i * 37.5 })), { title: SEED_TITLE }));
  if (!seed.ok || !long.ok) throw new Error('publish failed');
  const seedFile = tmp.file('seed.xlsx');
  const longFile = tmp.file('long.xlsx');
  await writeTablesFile(seed.layouts, seedFile);
  await writeTablesFile(long.layouts, longFile);

  const pages = toPdfPages(seedFile);
  const all = pages.join('');
  for (const spec of TABLE_LAYOUTS) expect(all).toContain(spec.title.replace('{year}', '2022'));
  expect(all).toContain('6,442.07');
  expect(all).toContain('注：本部门2022年没有政府性基金预算收入，本表为空表。');
  // each table starts on a page of its own
  for (const spec of TABLE_LAYOUTS) expect(pages.filter((p) => p.startsWith(`预算公开表${spec.no}2022年`))).toHaveLength(1);

  const longPages = toPdfPages(longFile);
  const t2 = longPages.filter((p) => p.includes('本年收入合计') && p.includes('财政专户管理资金') && p.includes('科目编码'));
  expect(t2.length).toBeGreaterThan(1);
  // the pages after the first carry the repeated header but not the title
  expect(t2.filter((p) => p.includes('2022年预算收入总表'))).toHaveLength(1);
  expect(readFileSync(longFile.replace(/\.xlsx$/, '.pdf')).subarray(0, 4).toString()).toBe('%PDF');
});
