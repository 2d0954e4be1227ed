import type { Finding, RuleId } from '../findings';
import type { CheckContext } from './context';

export interface Rule {
  readonly id: RuleId | string;
  run(ctx: CheckContext): Finding[];
}
