import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  text: { flexGrow: 1, flexBasis: '8em', minWidth: 0 },
  // Fluent's 64 px minimum would push the buttons onto lines of their own at 320 px.
  compact: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
});

export interface TextEntryRowProps {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  busy: boolean;
  submitLabel: string;
  /** Called with the trimmed text; the submit button is off while it is empty. */
  onSubmit(text: string): void;
  /** Shown when given: takes the saved text away. */
  remove?: { label: string; onRemove(): void };
  cancelLabel: string;
  onCancel(): void;
  /** Enter submits, as the button does. */
  submitOnEnter?: boolean;
  /** Narrow buttons. */
  compact?: boolean;
  testIds: { text: string; submit: string; remove?: string; cancel?: string };
}

/** A one-line text box with its submit, remove and cancel buttons (dismiss reasons, comments). */
export function TextEntryRow(p: TextEntryRowProps) {
  const styles = useStyles();
  const button = p.compact ? styles.compact : undefined;
  const text = p.value.trim();
  const submit = () => {
    if (text && !p.busy) p.onSubmit(text);
  };
  return (
    <div className={styles.row}>
      <Input
        size="small"
        className={styles.text}
        aria-label={p.label}
        placeholder={p.placeholder}
        value={p.value}
        onChange={(_, d) => p.onChange(d.value)}
        onKeyDown={p.submitOnEnter ? (e) => e.key === 'Enter' && submit() : undefined}
        data-testid={p.testIds.text}
      />
      <Button size="small" appearance="primary" className={button} disabled={p.busy || !text} onClick={submit} data-testid={p.testIds.submit}>
        {p.submitLabel}
      </Button>
      {p.remove && (
        <Button size="small" appearance="subtle" className={button} disabled={p.busy} onClick={p.remove.onRemove} data-testid={p.testIds.remove}>
          {p.remove.label}
        </Button>
      )}
      <Button size="small" appearance="subtle" className={button} onClick={p.onCancel} data-testid={p.testIds.cancel}>
        {p.cancelLabel}
      </Button>
    </div>
  );
}
