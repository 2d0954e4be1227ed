import { Body1Strong, Button, Caption1, Field, Input, makeStyles, mergeClasses, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { ClipboardTaskListLtr20Regular, DocumentBulletList20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Message } from '../../core/findings';
import type { LedgerProblem } from '../../core/publish/model';
import type { ReviewScan } from '../../core/review/decisions';
import type { Build, BuildAction } from '../generate/useBuild';
import { LEDGER_HEADERS_TEXT, PROJECT_HEADERS_TEXT } from '../generate/headers';
import type { CellWindow, PaneHost } from '../host';
import { format, type Locale, type Messages } from '../i18n';
import { errorText } from '../useScan';
import { CellList, type CellListItem } from './CellList';
import { Notice } from './Notice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, minWidth: 0 },
  year: { width: '7em' },
  grow: { flexGrow: 1, flexBasis: '10em', minWidth: 0 },
  fill: { width: '100%', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  hints: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3 },
  outcome: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  subheading: { fontWeight: tokens.fontWeightSemibold },
  layout: { minWidth: 0, maxWidth: '100%' },
});

export interface BuildPanelProps {
  build: Build;
  host: PaneHost;
  /** The review of the scan, when the host keeps decisions (for the 审核意见表). */
  review: ReviewScan | null;
  reviewer: string;
  workbookName?: string;
  preview?: (sheet: string, cell: string) => CellWindow | null;
  t: Messages;
  locale: Locale;
}

const say = (m: Message, locale: Locale) => (locale === 'en' ? m.en : m.zh);

/** A ledger problem as the list shows it: the row, then the reason without the cell it starts with. */
function problemItem(p: LedgerProblem, locale: Locale, t: Messages): CellListItem {
  const text = say(p.message, locale);
  const prefix = `${p.sheet}!${p.cell}${locale === 'en' ? ': ' : '：'}`;
  const reason = text.startsWith(prefix) ? text.slice(prefix.length) : text;
  const value = p.value && !reason.includes(p.value) ? (locale === 'en' ? ` (${p.value})` : `（${p.value}）`) : '';
  return { key: `${p.sheet}!${p.cell}:${p.reason}`, sheet: p.sheet, cell: p.cell, where: format(t.rowNumber, { row: p.row + 1 }), title: reason + value, detail: `${p.sheet}!${p.cell}` };
}

/** A project-list problem without the sheet and row it starts with ('项目清单 第 5 行（名）：…' → '（名）：…'). */
function projectReason(message: string, sheet: string, row: number): string {
  for (const head of [`${sheet} 第 ${row + 1} 行`, `${sheet} row ${row + 1}`]) {
    if (message.startsWith(head)) return message.slice(head.length).replace(/^[：:]\s*/, '');
  }
  return message;
}

function busyLabel(action: BuildAction, t: Messages): string {
  return action === 'publish' ? t.publishing : action === 'forms' ? t.fillingForms : t.makingReviewSheet;
}

/** 生成工作表: publication tables from a ledger, performance forms from a project list, the 审核意见表. */
export function BuildPanel({ build, host, review, reviewer, workbookName, preview, t, locale }: BuildPanelProps) {
  const styles = useStyles();
  const [department, setDepartment] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [selectError, setSelectError] = useState<string | null>(null);
  const { sources, state } = build;
  // Without a snapshot (a host that gives none) only the review sheet can be built.
  if (!build.available || (!sources && !review)) return null;

  const busy = state.status === 'busy';
  const ledger = sources?.ledger ?? { found: false as const, reason: 'no-header' as const, message: { zh: '', en: '' } };
  const projects = sources?.projects ?? { found: false as const };
  const sep = locale === 'en' ? ', ' : '、';
  const label = (action: BuildAction, idle: string) => (state.status === 'busy' && state.action === action ? busyLabel(action, t) : idle);

  const go = (it: CellListItem) => {
    if (!it.cell) return;
    setSelected(it.key);
    setSelectError(null);
    host.select(it.sheet, it.cell).catch((err: unknown) => setSelectError(errorText(err)));
  };
  const cellList = (items: CellListItem[], listLabel: string, testId: string, itemTestId: string) => (
    <CellList items={items} label={listLabel} testId={testId} itemTestId={itemTestId} selectedKey={selected} onSelect={go} preview={preview} t={t} />
  );

  return (
    <section className={styles.root} aria-labelledby="build-heading" data-testid="build">
      <Subtitle2 as="h2" id="build-heading">
        {t.buildHeading}
      </Subtitle2>
      {(ledger.found || projects.found) && (
        <div className={styles.row}>
          <Field label={t.buildYear} size="small">
            <Input
              size="small"
              className={styles.year}
              inputMode="numeric"
              value={build.year}
              onChange={(_, d) => build.setYear(d.value)}
              data-testid="build-year"
            />
          </Field>
          <Caption1 className={mergeClasses(styles.grow, styles.muted)} data-testid="build-sources">
            {[
              ledger.found ? format(t.ledgerSource, { sheet: ledger.sheet, lines: ledger.lines }) : '',
              projects.found
                ? format(projects.previous ? t.projectSourcePrevious : t.projectSource, { sheet: projects.sheet, count: projects.projects, previous: projects.previous })
                : '',
            ]
              .filter(Boolean)
              .join(locale === 'en' ? '; ' : '；')}
          </Caption1>
        </div>
      )}
      {projects.found && build.canUseTemplate && sources && sources.templates.length > 0 && (
        <Field label={t.formLayout} size="small" className={styles.layout}>
          <Select size="small" value={build.template} disabled={busy} onChange={(_, d) => build.setTemplate(d.value)} data-testid="form-template">
            <option value="">{t.standardLayout}</option>
            {sources.templates.map((c) => (
              <option key={c.sheet} value={c.sheet}>
                {format(c.kind === 'template' ? t.templateOption : t.exampleOption, { sheet: c.sheet })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.buttons}>
        {ledger.found && (
          <Button icon={<TableAdd20Regular />} disabled={busy} onClick={() => void build.publish()} data-testid="publish">
            {label('publish', t.publish)}
          </Button>
        )}
        {projects.found && (
          <Button icon={<DocumentBulletList20Regular />} disabled={busy} onClick={() => void build.fillForms()} data-testid="fill-forms">
            {label('forms', t.fillForms)}
          </Button>
        )}
        {review && (
          <Button
            icon={<ClipboardTaskListLtr20Regular />}
            disabled={busy}
            onClick={() => void build.reviewSheet(review, { reviewer, ...(workbookName ? { workbookName } : {}) })}
            data-testid="review-sheet"
          >
            {label('review', t.makeReviewSheet)}
          </Button>
        )}
      </div>
      {sources && (!ledger.found || !projects.found) && (
        <ul className={styles.hints} data-testid="build-hints">
          {!ledger.found && (
            <li data-testid="no-ledger">
              <Caption1>
                {ledger.reason === 'missing-columns'
                  ? format(t.ledgerIncomplete, { reason: say(ledger.message, locale) })
                  : format(t.noLedger, { required: LEDGER_HEADERS_TEXT.required.join(sep) })}
              </Caption1>
            </li>
          )}
          {!projects.found && (
            <li data-testid="no-projects">
              <Caption1 title={format(t.optionalHeaders, { optional: PROJECT_HEADERS_TEXT.optional.join(sep) })}>
                {format(t.noProjects, { required: PROJECT_HEADERS_TEXT.required.join(sep) })}
              </Caption1>
            </li>
          )}
        </ul>
      )}

      {state.status === 'published' && (
        <div className={styles.outcome} data-testid="build-outcome" data-status={state.status}>
          <Notice intent="success" testId="sheets-added">
            {[
              format(t.sheetsAdded, { names: state.names.join(sep) }),
              format(t.published, { department: state.department, year: state.year, lines: state.lines, total: state.total }),
              t.rescanHint,
            ].join(locale === 'en' ? ' ' : '')}
          </Notice>
          {state.skipped.length > 0 && (
            <>
              <Caption1 className={styles.subheading}>{format(t.skippedRows, { rows: new Set(state.skipped.map((p) => p.row)).size })}</Caption1>
              {cellList(
                state.skipped.map((p) => problemItem(p, locale, t)),
                t.skippedRows,
                'skipped-rows',
                'skipped-row',
              )}
            </>
          )}
          {state.notices.map((n, i) => (
            <Caption1 key={i} className={styles.muted} data-testid="build-notice">
              {say(n, locale)}
            </Caption1>
          ))}
        </div>
      )}

      {state.status === 'bad-ledger' && (
        <div className={styles.outcome} data-testid="build-outcome" data-status={state.status}>
          <Notice intent="warning" testId="bad-ledger">
            {format(t.badLedger, { rows: state.rows })}
          </Notice>
          {cellList(
            state.problems.map((p) => problemItem(p, locale, t)),
            format(t.badLedger, { rows: state.rows }),
            'bad-rows',
            'bad-row',
          )}
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy} onClick={() => void build.publish({ skipBad: true })} data-testid="skip-bad">
              {format(t.skipAndPublish, { rows: state.rows })}
            </Button>
            <Button appearance="subtle" onClick={build.dismiss}>
              {t.cancel}
            </Button>
          </div>
        </div>
      )}

      {state.status === 'needs-department' && (
        <div className={styles.outcome} data-testid="build-outcome" data-status={state.status}>
          <Notice intent="warning">{format(t.needsDepartment, { reason: say(state.message, locale) })}</Notice>
          <div className={styles.row}>
            <Field label={t.department} size="small" className={styles.grow}>
              <Input size="small" className={styles.fill} value={department} onChange={(_, d) => setDepartment(d.value)} data-testid="department" />
            </Field>
            <Button appearance="primary" size="small" disabled={busy || !department.trim()} onClick={() => void build.publish({ department })} data-testid="publish-department">
              {t.buildAgain}
            </Button>
          </div>
        </div>
      )}

      {state.status === 'forms-added' && (
        <div className={styles.outcome} data-testid="build-outcome" data-status={state.status}>
          <Notice intent="success" testId="sheets-added">
            {[
              format(t.formsAdded, { forms: state.forms, names: state.names.join(sep) }),
              state.template ? format(t.formsFromTemplate, { sheet: state.template }) : '',
              state.carried ? format(t.formsCarried, { carried: state.carried }) : '',
              state.annualOnly ? t.templateAnnualOnly : '',
            ]
              .filter(Boolean)
              .join(locale === 'en' ? ' ' : '')}
          </Notice>
          <Body1Strong as="h3" data-testid="todos-heading">
            {format(t.todosHeading, { count: state.todos.length })}
          </Body1Strong>
          {state.todos.length ? (
            cellList(
              state.todos.map((td) => ({
                key: `${td.sheet}!${td.cell}`,
                sheet: td.sheet,
                cell: td.cell,
                where: td.cell,
                title: td.label ? `${td.label}：${td.value}` : td.value,
                detail: td.form,
              })),
              format(t.todosHeading, { count: state.todos.length }),
              'todos',
              'todo',
            )
          ) : (
            <Caption1 className={styles.muted}>{t.todosNone}</Caption1>
          )}
          {state.others.length > 0 && <Notice intent="warning">{format(t.formsOtherFindings, { count: state.others.length })}</Notice>}
        </div>
      )}

      {state.status === 'bad-template' && (
        <div className={styles.outcome} data-testid="build-outcome" data-status={state.status}>
          <Notice intent="warning" testId="bad-template">
            {state.missing.length
              ? format(t.badTemplate, { sheet: state.sheet, labels: state.missing.join(sep) })
              : format(t.templateLacksFunds, { sheet: state.sheet, count: state.problems.length })}
          </Notice>
          {state.problems.map((p, i) => (
            <Caption1 key={i} className={styles.muted} data-testid="template-problem">
              {say(p, locale)}
            </Caption1>
          ))}
        </div>
      )}

      {state.status === 'bad-projects' && (
        <div className={styles.outcome} data-testid="build-outcome" data-status={state.status}>
          <Notice intent="warning" testId="bad-projects">
            {format(t.badProjects, { sheet: state.sheet, rows: state.problems.length })}
          </Notice>
          {cellList(
            state.problems.map((p) => ({ key: String(p.row), sheet: state.sheet, where: format(t.rowNumber, { row: p.row + 1 }), title: projectReason(say(p.message, locale), state.sheet, p.row) })),
            format(t.badProjects, { sheet: state.sheet, rows: state.problems.length }),
            'bad-projects-list',
            'bad-project',
          )}
        </div>
      )}

      {state.status === 'review-added' && (
        <Notice intent="success" testId="sheets-added">
          {format(t.sheetsAdded, { names: state.names.join(sep) })}
        </Notice>
      )}

      {state.status === 'failed' && (
        <Notice intent="error" testId="build-error">
          {format(t.buildFailed, { error: state.error })}
        </Notice>
      )}
      {selectError && <Notice intent="error">{format(t.selectFailed, { error: selectError })}</Notice>}
    </section>
  );
}
