import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export interface NoticeProps {
  intent: 'success' | 'error' | 'info' | 'warning';
  children: string;
  testId?: string;
}

/** A one-line outcome of an action (painted, downloaded, failed …). */
export function Notice({ intent, children, testId }: NoticeProps) {
  return (
    <MessageBar intent={intent} role={intent === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
