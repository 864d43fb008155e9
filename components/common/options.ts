import { ACTION_STATUSES, GOAL_STATUSES, ISSUE_STATUSES, PRIORITIES } from '@/lib/protocol';
import { statusWords, type SelectOption } from '@/components/ui';

const toOptions = (values: readonly string[]): SelectOption[] =>
  values.map((v) => ({ value: v, label: statusWords(v) }));

export const GOAL_STATUS_OPTIONS = toOptions(GOAL_STATUSES);
export const ACTION_STATUS_OPTIONS = toOptions(ACTION_STATUSES);
export const ISSUE_STATUS_OPTIONS = toOptions(ISSUE_STATUSES);
export const PRIORITY_OPTIONS = toOptions(PRIORITIES);
export { ACTION_STATUSES, GOAL_STATUSES, ISSUE_STATUSES, PRIORITIES };
