// The corrected codes a misaligned finding carries in details.corrected, checked before use (details
// is an open record).
import type { Finding } from '../../core/findings';
import type { CodeCorrection } from '../host';

function isCorrection(x: unknown): x is CodeCorrection {
  if (!x || typeof x !== 'object') return false;
  const c = x as Record<string, unknown>;
  return (
    typeof c.cell === 'string' &&
    /^[A-Z]{1,3}\d+$/.test(c.cell) &&
    typeof c.from === 'string' &&
    typeof c.to === 'string' &&
    (c.name === undefined || typeof c.name === 'string')
  );
}

/** The corrections of a finding, or null when it has none (or they are malformed). */
export function corrections(finding: Finding): CodeCorrection[] | null {
  const list = finding.details?.corrected;
  if (!Array.isArray(list) || list.length === 0 || !list.every(isCorrection)) return null;
  return list.map((c) => ({ cell: c.cell, name: c.name ?? '', from: c.from, to: c.to }));
}

/** Only the cells whose code changes. */
export function changedCorrections(finding: Finding): CodeCorrection[] {
  return (corrections(finding) ?? []).filter((c) => c.from !== c.to);
}
