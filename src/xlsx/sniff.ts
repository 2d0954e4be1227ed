// Recognises files exceljs cannot open from their first bytes, so users get a plain reason
// instead of a jszip stack trace ("Can't find end of central directory").
import { reasons } from './errors';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const EMPTY_ZIP_MAGIC = Buffer.from('PK\x05\x06', 'latin1');
// An encrypted .xlsx is an OLE compound file whose directory names these streams (UTF-16LE).
const ENCRYPTION_STREAMS = ['EncryptionInfo', 'EncryptedPackage'].map((s) => Buffer.from(s, 'utf16le'));

/** The reason the bytes cannot be an .xlsx workbook, or undefined when they look like a zip. */
export function sniffProblem(buf: Buffer): string | undefined {
  if (buf.length === 0) return reasons.emptyFile;
  if (startsWith(buf, OLE_MAGIC)) {
    return ENCRYPTION_STREAMS.some((name) => buf.includes(name)) ? reasons.encrypted : reasons.legacyXls;
  }
  if (startsWith(buf, ZIP_MAGIC) || startsWith(buf, EMPTY_ZIP_MAGIC)) return undefined;
  return reasons.notZip(describeNonZip(buf));
}

function startsWith(buf: Buffer, magic: Buffer): boolean {
  return buf.length >= magic.length && buf.subarray(0, magic.length).equals(magic);
}

function describeNonZip(buf: Buffer): { zh: string; en: string } | undefined {
  const head = buf.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return { zh: '是 PDF 文件', en: 'it is a PDF' };
  if (head.startsWith('<html') || head.startsWith('<!doctype html') || head.startsWith('<table'))
    return { zh: '是网页/HTML 文件', en: 'it is an HTML page' };
  if (head.startsWith('<?xml')) return { zh: '是 XML 文件', en: 'it is an XML file' };
  if (looksLikeText(buf.subarray(0, 512))) return { zh: '是文本/CSV 文件', en: 'it is a text/CSV file' };
  return undefined;
}

function looksLikeText(sample: Buffer): boolean {
  if (sample.includes(0)) return false;
  let control = 0;
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  return control === 0;
}

/**
 * exceljs silently yields zero sheets for a zip without xl/workbook.xml, so name what it is.
 * Zip entry names are stored uncompressed, so a byte search finds them.
 */
export function zipWorkbookProblem(buf: Buffer): string {
  if (buf.includes('xl/workbook.xml', 0, 'latin1')) return reasons.noSheets;
  if (buf.includes('xl/workbook.bin', 0, 'latin1')) return reasons.xlsb;
  if (buf.includes('application/vnd.oasis.opendocument.spreadsheet', 0, 'latin1')) return reasons.ods;
  return reasons.notWorkbook;
}
