// The header texts of a budget ledger and of a project list, for telling the user what a sheet
// needs before the pane can build from it; core owns both lists.
import { FIELD_LABELS, REQUIRED_FIELDS } from '../../core/publish/ledger-spec';
import type { LedgerField } from '../../core/publish/model';
import { PROJECT_HEADER_TEXT } from '../../core/forms/project-headers';

const FIELDS = Object.keys(FIELD_LABELS) as LedgerField[];

export const LEDGER_HEADERS_TEXT = {
  required: REQUIRED_FIELDS.map((f) => FIELD_LABELS[f].zh),
  optional: FIELDS.filter((f) => !REQUIRED_FIELDS.includes(f)).map((f) => FIELD_LABELS[f].zh),
} as const;

export const PROJECT_HEADERS_TEXT = PROJECT_HEADER_TEXT;
