// Tells files exceljs cannot open from their first bytes (the browser twin of src/xlsx/sniff.ts,
// which needs Node's Buffer), with the same bilingual reasons.
import { reasons } from '../../xlsx/errors';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** "EncryptionInfo" in UTF-16LE somewhere in the OLE directory marks a password-protected .xlsx. */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Why the bytes cannot be an .xlsx workbook, or undefined when they look like one. */
export function fileProblem(data: ArrayBuffer): string | undefined {
  const bytes = new Uint8Array(data);
  if (bytes.length === 0) return reasons.emptyFile;
  if (startsWith(bytes, OLE)) return hasUtf16(bytes, 'EncryptionInfo') ? reasons.encrypted : reasons.legacyXls;
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return undefined;
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return reasons.notZip({ zh: '是 PDF 文件', en: 'it is a PDF' });
  if (head.startsWith('<')) return reasons.notZip({ zh: '是网页/HTML/XML 文件', en: 'it is an HTML or XML file' });
  return reasons.notZip();
}
