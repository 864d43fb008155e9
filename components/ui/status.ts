import type { ActionStatus, GoalStatus, IssueStatus, Priority } from '@/lib/api/types';

export type Tone = 'neutral' | 'accent' | 'info' | 'success' | 'warning' | 'danger' | 'muted';

export type StatusKind = 'goal' | 'action' | 'issue' | 'priority';

type StatusValues = { goal: GoalStatus; action: ActionStatus; issue: IssueStatus; priority: Priority };

/** The colour of every status in the domain; exhaustive, so a new status fails the type check until it has a tone. */
export const STATUS_TONES: { [K in StatusKind]: Record<StatusValues[K], Tone> } = {
  goal: { draft: 'neutral', active: 'accent', completed: 'success', cancelled: 'muted' },
  action: { not_started: 'neutral', in_progress: 'info', blocked: 'danger', done: 'success' },
  issue: { open: 'warning', in_progress: 'info', resolved: 'success', closed: 'muted' },
  priority: { low: 'muted', medium: 'info', high: 'warning', critical: 'danger' },
};

/**
 * A status value in words: `in_progress` → `In progress`, `done` → `Done`, `notStarted` → `Not started`.
 * Works for values the app does not know yet, so a new server status still reads well.
 */
export function statusWords(value: string | null | undefined): string {
  if (!value) return '';
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The tone for a status; `neutral` for a value this build does not know. */
export function statusTone(kind: StatusKind, value: string): Tone {
  const tones: Record<string, Tone> = STATUS_TONES[kind];
  return Object.hasOwn(tones, value) ? (tones[value] ?? 'neutral') : 'neutral';
}
